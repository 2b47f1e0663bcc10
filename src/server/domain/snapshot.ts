import { ActivityKind, type CustomerSnapshot, type ProgrammeConfig, type PublicProgramme } from '../../contract';
import type { Database } from '../db/database';
import type { ShopRow } from '../db/schema';
import type { CustomerClaims } from '../auth/customerToken';
import { recentEntries } from './ledger';
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
    .select(['id', 'name', 'balance'])
    .where('shop_id', '=', shop.id)
    .where('external_id', '=', claims.externalId)
    .executeTakeFirst();
  const name = claims.name ?? customer?.name ?? null;
  if (!customer) {
    return { id: claims.externalId, firstName: firstName(name), balance: 0, lifetimeEarned: 0, tier: tierStatus(programme, 0, text), recentActivity: [] };
  }
  const [value, entries, earned] = await Promise.all([
    tierValue(db.kysely, programme, shop.id, customer.id, now),
    recentEntries(db.kysely, shop.id, customer.id, RECENT_ACTIVITY),
    db.kysely
      .selectFrom('ledger_entries')
      .select((eb) => eb.fn.sum<number>('delta').as('total'))
      .where('shop_id', '=', shop.id)
      .where('customer_id', '=', customer.id)
      .where('delta', '>', 0)
      .executeTakeFirst(),
  ]);
  return {
    id: claims.externalId,
    firstName: firstName(name),
    balance: customer.balance,
    lifetimeEarned: Number(earned?.total ?? 0),
    tier: tierStatus(programme, value, text),
    recentActivity: entries.map((entry) => ({
      id: entry.id,
      kind: ActivityKind.parse(entry.kind),
      delta: entry.delta,
      reference: entry.reference,
      description: entry.description,
      createdAt: entry.created_at,
    })),
  };
}
