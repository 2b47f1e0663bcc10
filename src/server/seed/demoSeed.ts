import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from '../db/database';
import { createShop, setAllowedOrigins, type CreatedShop } from '../domain/createShop';
import { ensureCustomer } from '../domain/customers';
import { appendLedgerEntry, type LedgerKind } from '../domain/ledger';
import { demoProgramme } from './demoProgramme';
import { seedDemoSurveys } from './demoSurveys';

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

type HistoryItem =
  | { daysAgo: number; kind: 'order'; orderNumber: string; amount: number }
  | { daysAgo: number; kind: Exclude<LedgerKind, 'order'>; points: number; reference?: string; description?: string };

interface ShopperHistory extends DemoShopper {
  history: HistoryItem[];
}

// Each history reads like a real year with the shop. Orders earn 1 point per whole lira.
const SHOPPERS: ShopperHistory[] = [
  {
    id: 'ayse',
    name: 'Ayşe Yılmaz',
    email: 'ayse.yilmaz@example.com',
    history: [
      { daysAgo: 320, kind: 'signup', points: 200 },
      { daysAgo: 318, kind: 'order', orderNumber: '1042', amount: 1249.9 },
      { daysAgo: 240, kind: 'action', points: 100, description: "Instagram'da takip" },
      { daysAgo: 215, kind: 'order', orderNumber: '1107', amount: 689 },
      { daysAgo: 150, kind: 'order', orderNumber: '1188', amount: 412.5 },
      { daysAgo: 149, kind: 'review', points: 75, reference: 'Yirgacheffe 250 g' },
      { daysAgo: 90, kind: 'redemption', points: -1000, reference: '7QX4-M2PD-KH3A', description: '50 ₺ indirim' },
      { daysAgo: 41, kind: 'order', orderNumber: '1296', amount: 725 },
    ],
  },
  {
    id: 'mehmet',
    name: 'Mehmet Demir',
    email: 'mehmet.demir@example.com',
    history: [
      { daysAgo: 95, kind: 'signup', points: 200 },
      { daysAgo: 33, kind: 'order', orderNumber: '1311', amount: 180 },
    ],
  },
  {
    id: 'elif',
    name: 'Elif Şahin',
    email: 'elif.sahin@example.com',
    history: [
      { daysAgo: 350, kind: 'signup', points: 200 },
      { daysAgo: 300, kind: 'order', orderNumber: '1061', amount: 1890 },
      { daysAgo: 200, kind: 'order', orderNumber: '1139', amount: 1420 },
      { daysAgo: 120, kind: 'redemption', points: -400, reference: '9HTC-4WRA-ZB6E', description: 'Ücretsiz kargo' },
      { daysAgo: 60, kind: 'order', orderNumber: '1270', amount: 1075.5 },
      { daysAgo: 12, kind: 'birthday', points: 250 },
    ],
  },
];

/** Seeds the demo shop, its programme, three shoppers with a year of history, and its surveys. */
export async function seedDemo(db: Database, options: { origins: string[]; now?: Date }): Promise<DemoSeed> {
  const now = options.now ?? new Date();
  const shop = await createShop(db, {
    id: DEMO_SHOP_ID,
    name: 'Kervan Kahve & Seramik',
    programme: demoProgramme(now, options.origins[0]),
    allowedOrigins: options.origins,
    environment: 'demo',
    now,
  });
  await db.kysely.transaction().execute(async (trx) => {
    for (const shopper of SHOPPERS) {
      const firstSeen = new Date(now.getTime() - Math.max(...shopper.history.map((h) => h.daysAgo)) * DAY);
      const customer = await ensureCustomer(trx, shop.id, { externalId: shopper.id, email: shopper.email, name: shopper.name }, firstSeen);
      for (const item of shopper.history) {
        const at = new Date(now.getTime() - item.daysAgo * DAY);
        if (item.kind === 'order') {
          await trx
            .insertInto('orders')
            .values({
              shop_id: shop.id,
              id: randomUUID(),
              customer_id: customer.id,
              external_id: item.orderNumber,
              amount_minor: Math.round(item.amount * 100),
              currency: 'TRY',
              created_at: at.toISOString(),
            })
            .execute();
          await appendLedgerEntry(trx, {
            shopId: shop.id,
            customerId: customer.id,
            delta: Math.floor(item.amount),
            kind: 'order',
            reference: `#${item.orderNumber}`,
            dedupeKey: `order:${item.orderNumber}`,
            at,
          });
        } else {
          await appendLedgerEntry(trx, {
            shopId: shop.id,
            customerId: customer.id,
            delta: item.points,
            kind: item.kind,
            reference: item.reference ?? null,
            description: item.description ?? null,
            at,
          });
        }
      }
    }
  });
  await seedDemoSurveys(db, shop.id, now);
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
  const seed = await seedDemo(db, { origins: options.origins });
  mkdirSync(dirname(options.secretsFile), { recursive: true });
  writeFileSync(options.secretsFile, `${JSON.stringify(seed, null, 2)}\n`, { mode: 0o600 });
  chmodSync(options.secretsFile, 0o600);
  return seed;
}
