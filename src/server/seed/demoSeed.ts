import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Transaction } from 'kysely';
import type { ProgrammeConfig } from '../../contract';
import type { Database } from '../db/database';
import type { Tables } from '../db/schema';
import { localDay } from '../domain/calendar';
import { couponExpiry } from '../domain/coupons';
import { createShop, setAllowedOrigins, type CreatedShop } from '../domain/createShop';
import { ensureCustomer } from '../domain/customers';
import { dedupeKeys } from '../domain/earning';
import { appendLedgerEntry, type LedgerWrite } from '../domain/ledger';
import { localize } from '../domain/localize';
import { seedDemoHistory, type DemoHistoryCounts } from './demoHistory';
import { demoProgramme } from './demoProgramme';
import { demoCsatSurvey, demoNpsSurvey, seedDemoSurveys } from './demoSurveys';
import { findSurvey } from '../domain/surveys';

const DAY = 24 * 60 * 60 * 1000;
export const DEMO_SHOP_ID = 'shop_kervan';

export interface DemoShopper {
  /** The shop's own customer id (the token's `sub`). */
  id: string;
  name: string;
  email: string;
}

export interface DemoSeed {
  shop: CreatedShop;
  shoppers: DemoShopper[];
}

type HistoryItem = { daysAgo: number } & (
  | { kind: 'signup' }
  | { kind: 'order'; orderNumber: string; amount: number }
  | { kind: 'action'; actionId: string }
  | { kind: 'review'; reviewId: string; productName: string }
  | { kind: 'birthday' }
  /** A reward redeemed for a code, and where the code went since. */
  | { kind: 'redemption'; rewardId: string; code: string; usedOn?: { orderNumber: string; daysAgo: number } }
);

interface ShopperHistory extends DemoShopper {
  history: HistoryItem[];
}

// Each history reads like a real year with the shop, booked through the programme's own rules:
// 1 point per whole lira (no campaign ran then), the sign-up, action, review and birthday bonuses,
// and redemptions whose codes were later used at checkout (or are still waiting in the wallet).
const SHOPPERS: ShopperHistory[] = [
  {
    id: 'ayse',
    name: 'Ayşe Yılmaz',
    email: 'ayse.yilmaz@example.com',
    history: [
      { daysAgo: 320, kind: 'signup' },
      { daysAgo: 318, kind: 'order', orderNumber: '1042', amount: 1249.9 },
      { daysAgo: 240, kind: 'action', actionId: 'instagram' },
      { daysAgo: 215, kind: 'order', orderNumber: '1107', amount: 689 },
      { daysAgo: 150, kind: 'order', orderNumber: '1188', amount: 412.5 },
      { daysAgo: 149, kind: 'review', reviewId: 'rv-1188-1', productName: 'Yirgacheffe 250 g' },
      { daysAgo: 90, kind: 'redemption', rewardId: '50-off', code: '7QX4-M2PD-KH3A', usedOn: { orderNumber: '1296', daysAgo: 41 } },
      { daysAgo: 41, kind: 'order', orderNumber: '1296', amount: 725 },
    ],
  },
  {
    id: 'mehmet',
    name: 'Mehmet Demir',
    email: 'mehmet.demir@example.com',
    history: [
      { daysAgo: 95, kind: 'signup' },
      { daysAgo: 33, kind: 'order', orderNumber: '1311', amount: 180 },
    ],
  },
  {
    id: 'elif',
    name: 'Elif Şahin',
    email: 'elif.sahin@example.com',
    history: [
      { daysAgo: 350, kind: 'signup' },
      { daysAgo: 340, kind: 'action', actionId: 'newsletter' },
      { daysAgo: 300, kind: 'order', orderNumber: '1061', amount: 1890 },
      { daysAgo: 200, kind: 'order', orderNumber: '1139', amount: 1420 },
      { daysAgo: 120, kind: 'redemption', rewardId: 'free-shipping', code: '9HTC-4WRA-ZB6E', usedOn: { orderNumber: '1270', daysAgo: 60 } },
      { daysAgo: 60, kind: 'order', orderNumber: '1270', amount: 1075.5 },
      { daysAgo: 12, kind: 'birthday' },
      { daysAgo: 5, kind: 'redemption', rewardId: 'free-shipping', code: 'K7PM-3XQA-H9TW' },
    ],
  },
];

function fixedPoints(programme: ProgrammeConfig, kind: 'signup' | 'birthday' | 'review' | 'action', id?: string): number {
  const rule = programme.earnRules.find((r) => r.kind === kind && (id === undefined || r.id === id));
  if (!rule || rule.kind === 'order') throw new Error(`demo programme lacks the ${kind} rule ${id ?? ''}`);
  return rule.points;
}

async function bookHistory(trx: Transaction<Tables>, shopId: string, programme: ProgrammeConfig, shopper: ShopperHistory, now: Date) {
  const firstSeen = new Date(now.getTime() - Math.max(...shopper.history.map((h) => h.daysAgo)) * DAY);
  const customer = await ensureCustomer(trx, shopId, { externalId: shopper.id, email: shopper.email, name: shopper.name }, firstSeen);
  const book = (at: Date, write: Omit<LedgerWrite, 'shopId' | 'customerId' | 'at'>) =>
    appendLedgerEntry(trx, { shopId, customerId: customer.id, at, ...write });
  for (const item of shopper.history) {
    const at = new Date(now.getTime() - item.daysAgo * DAY);
    switch (item.kind) {
      case 'signup':
        await book(at, { kind: 'signup', delta: fixedPoints(programme, 'signup'), dedupeKey: dedupeKeys.signup(customer.id) });
        break;
      case 'order': {
        const points = Math.floor(item.amount);
        await trx
          .insertInto('orders')
          .values({
            shop_id: shopId,
            id: randomUUID(),
            customer_id: customer.id,
            external_id: item.orderNumber,
            amount_minor: Math.round(item.amount * 100),
            currency: programme.currency,
            created_at: at.toISOString(),
            points_earned: points,
          })
          .execute();
        await book(at, { kind: 'order', delta: points, reference: `#${item.orderNumber}`, dedupeKey: dedupeKeys.order(item.orderNumber) });
        break;
      }
      case 'action': {
        const rule = programme.earnRules.find((r) => r.kind === 'action' && r.id === item.actionId);
        await book(at, {
          kind: 'action',
          delta: fixedPoints(programme, 'action', item.actionId),
          reference: item.actionId,
          description: rule?.kind === 'action' ? localize(rule.label, programme.defaultLocale, programme.defaultLocale) : null,
          dedupeKey: dedupeKeys.action(customer.id, item.actionId),
        });
        break;
      }
      case 'review':
        await book(at, { kind: 'review', delta: fixedPoints(programme, 'review'), description: item.productName, dedupeKey: dedupeKeys.review(item.reviewId) });
        break;
      case 'birthday': {
        const day = localDay(at, programme.timeZone ?? 'UTC');
        await trx.updateTable('customers').set({ birthday: day.monthDay }).where('shop_id', '=', shopId).where('id', '=', customer.id).execute();
        await book(at, { kind: 'birthday', delta: fixedPoints(programme, 'birthday'), dedupeKey: dedupeKeys.birthday(customer.id, day.year) });
        break;
      }
      case 'redemption': {
        const reward = programme.rewards.find((r) => r.id === item.rewardId);
        if (!reward) throw new Error(`demo programme lacks the reward ${item.rewardId}`);
        const name = localize(reward.name, programme.defaultLocale, programme.defaultLocale);
        await book(at, { kind: 'redemption', delta: -reward.cost, reference: item.code, description: name, mustNotOverdraw: true });
        await trx
          .insertInto('coupons')
          .values({
            shop_id: shopId,
            code: item.code,
            customer_id: customer.id,
            reward_id: reward.id,
            reward: JSON.stringify(reward),
            cost: reward.cost,
            status: item.usedOn ? 'used' : 'issued',
            created_at: at.toISOString(),
            used_at: item.usedOn ? new Date(now.getTime() - item.usedOn.daysAgo * DAY).toISOString() : null,
            used_order: item.usedOn?.orderNumber ?? null,
            expires_at: couponExpiry(reward, at),
          })
          .execute();
        break;
      }
    }
  }
}

/**
 * A year of several hundred other customers for the dashboard's reports (see demoHistory.ts),
 * one transaction. Only the demo server asks for it: test backends keep the three shoppers alone.
 */
async function seedBulkHistory(db: Database, shopId: string, programme: ProgrammeConfig, now: Date): Promise<DemoHistoryCounts> {
  const nps = await findSurvey(db.kysely, shopId, String(demoNpsSurvey.id));
  const csat = await findSurvey(db.kysely, shopId, String(demoCsatSurvey.id));
  if (!nps || !csat) throw new Error('the demo surveys must be seeded before the history');
  return db.kysely.transaction().execute((trx) =>
    seedDemoHistory(trx, {
      shopId,
      programme,
      now,
      npsSurvey: { id: nps.config.id, version: nps.version, questionId: 'nps' },
      csatSurvey: { id: csat.config.id, version: csat.version, questionId: 'ease' },
    }),
  );
}

/** Seeds the demo shop, its programme, three shoppers with a year of history, and its surveys. */
export async function seedDemo(db: Database, options: { origins: string[]; now?: Date; history?: boolean }): Promise<DemoSeed> {
  const now = options.now ?? new Date();
  const programme = demoProgramme(now, options.origins[0]);
  const shop = await createShop(db, {
    id: DEMO_SHOP_ID,
    name: 'Kervan Kahve & Seramik',
    programme,
    allowedOrigins: options.origins,
    environment: 'demo',
    now,
  });
  await db.kysely.transaction().execute(async (trx) => {
    for (const shopper of SHOPPERS) await bookHistory(trx, shop.id, programme, shopper, now);
  });
  await seedDemoSurveys(db, shop.id, now);
  if (options.history) await seedBulkHistory(db, shop.id, programme, now);
  return { shop, shoppers: SHOPPERS.map(({ history: _history, ...shopper }) => shopper) };
}

async function pointAccountLinksAt(db: Database, origin: string | undefined): Promise<void> {
  if (!origin) return;
  const row = await db.kysely.selectFrom('shops').select('programme').where('id', '=', DEMO_SHOP_ID).executeTakeFirstOrThrow();
  const { joinUrl, signInUrl } = demoProgramme(new Date(), origin);
  const programme = { ...(JSON.parse(row.programme) as object), joinUrl, signInUrl };
  await db.kysely.updateTable('shops').set({ programme: JSON.stringify(programme) }).where('id', '=', DEMO_SHOP_ID).execute();
}

/**
 * The demo's first start seeds the shop and keeps its generated credentials in `secretsFile`
 * (the stand-in for the merchant's own environment variables); later starts read them back.
 * Allowed origins are refreshed on every start, since the demo's port can change.
 */
export async function ensureDemoSeed(db: Database, options: { secretsFile: string; origins: string[] }): Promise<DemoSeed> {
  const existing = await db.kysely.selectFrom('shops').select('id').where('id', '=', DEMO_SHOP_ID).executeTakeFirst();
  if (existing && existsSync(options.secretsFile)) {
    const seed = JSON.parse(readFileSync(options.secretsFile, 'utf8')) as DemoSeed;
    await setAllowedOrigins(db, DEMO_SHOP_ID, options.origins);
    await pointAccountLinksAt(db, options.origins[0]);
    return seed;
  }
  if (existing) {
    throw new Error(`The database already holds the demo shop but ${options.secretsFile} is missing; delete the database to reseed.`);
  }
  const seed = await seedDemo(db, { origins: options.origins, history: true });
  mkdirSync(dirname(options.secretsFile), { recursive: true });
  writeFileSync(options.secretsFile, `${JSON.stringify(seed, null, 2)}\n`, { mode: 0o600 });
  chmodSync(options.secretsFile, 0o600);
  return seed;
}
