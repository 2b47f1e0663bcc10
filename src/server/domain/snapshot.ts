import type { Kysely } from 'kysely';
import type { CustomerSnapshot, MerchantCustomer, ProgrammeConfig, PublicProgramme } from '../../contract';
import type { Database } from '../db/database';
import type { ShopRow, Tables } from '../db/schema';
import type { CustomerClaims } from '../auth/customerToken';
import { toCoupon, unusedCoupons } from './coupons';
import { requireCustomer } from './customers';
import { claimedActions } from './earning';
import { recentEntries, toActivityEntry } from './ledger';
import { localize } from './localize';
import { tierStatus, tierValue } from './tiers';

const RECENT_ACTIVITY = 5;

/** The programme as one shopper sees it: texts in their locale, only campaigns running now. */
export function publicProgramme(programme: ProgrammeConfig, locale: string, now: Date): PublicProgramme {
  const text = (value: Record<string, string>) => localize(value, locale, programme.defaultLocale);
  const iso = now.toISOString();
  return {
    name: text(programme.name),
    currency: programme.currency,
    joinUrl: programme.joinUrl ?? null,
    signInUrl: programme.signInUrl ?? null,
    tierBasis: programme.tierBasis,
    earnRules: programme.earnRules.map((rule) => (rule.kind === 'action' ? { ...rule, label: text(rule.label) } : rule)),
    rewards: programme.rewards.map((reward) => ({ ...reward, name: text(reward.name) })),
    tiers: programme.tiers.map(({ perks, ...tier }) => ({ ...tier, name: text(tier.name), ...(perks ? { perks: perks.map(text) } : {}) })),
    campaigns: programme.campaigns
      .filter((campaign) => campaign.startsAt <= iso && iso < campaign.endsAt)
      .map((campaign) => ({ ...campaign, name: text(campaign.name) })),
  };
}

/** Every point ever credited (positive entries), whatever was spent or taken back since. */
async function lifetimeEarned(db: Kysely<Tables>, shopId: string, customerId: string): Promise<number> {
  const row = await db
    .selectFrom('ledger_entries')
    .select((eb) => eb.fn.sum<number>('delta').as('total'))
    .where('shop_id', '=', shopId)
    .where('customer_id', '=', customerId)
    .where('delta', '>', 0)
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

/** A customer as the shop's server sees them; 404 for anyone not the shop's. */
export async function merchantCustomer(db: Database, programme: ProgrammeConfig, shopId: string, externalId: string, now: Date): Promise<MerchantCustomer> {
  const customer = await requireCustomer(db.kysely, shopId, externalId);
  const text = (value: Record<string, string>) => localize(value, programme.defaultLocale, programme.defaultLocale);
  const [value, earned] = await Promise.all([tierValue(db.kysely, programme, shopId, customer.id, now), lifetimeEarned(db.kysely, shopId, customer.id)]);
  return {
    id: customer.external_id,
    email: customer.email,
    name: customer.name,
    balance: customer.balance,
    lifetimeEarned: earned,
    tier: tierStatus(programme, value, text),
    birthday: customer.birthday,
    createdAt: customer.created_at,
  };
}

function firstName(name: string | null): string | null {
  return name?.trim().split(/\s+/)[0] ?? null;
}

/**
 * The signed-in shopper's snapshot. A verified customer the ledger has never seen is simply a
 * member with nothing yet: reading never creates rows.
 */
export async function customerSnapshot(
  db: Database,
  shop: ShopRow,
  programme: ProgrammeConfig,
  claims: CustomerClaims,
  locale: string,
  now: Date,
): Promise<CustomerSnapshot> {
  const text = (value: Record<string, string>) => localize(value, locale, programme.defaultLocale);
  const customer = await db.kysely
    .selectFrom('customers')
    .select(['id', 'name', 'balance', 'birthday'])
    .where('shop_id', '=', shop.id)
    .where('external_id', '=', claims.externalId)
    .executeTakeFirst();
  const name = claims.name ?? customer?.name ?? null;
  if (!customer) {
    return {
      id: claims.externalId,
      firstName: firstName(name),
      balance: 0,
      lifetimeEarned: 0,
      tier: tierStatus(programme, 0, text),
      recentActivity: [],
      coupons: [],
      claimedActions: [],
      birthday: null,
    };
  }
  const [value, entries, earned, coupons, claimed] = await Promise.all([
    tierValue(db.kysely, programme, shop.id, customer.id, now),
    recentEntries(db.kysely, shop.id, customer.id, RECENT_ACTIVITY),
    lifetimeEarned(db.kysely, shop.id, customer.id),
    unusedCoupons(db.kysely, shop.id, customer.id, now),
    claimedActions(db.kysely, shop.id, customer.id),
  ]);
  return {
    id: claims.externalId,
    firstName: firstName(name),
    balance: customer.balance,
    lifetimeEarned: earned,
    tier: tierStatus(programme, value, text),
    recentActivity: entries.map(toActivityEntry),
    coupons: coupons.map((row) => toCoupon(row, locale, programme.defaultLocale)),
    claimedActions: claimed,
    birthday: customer.birthday,
  };
}
