import type { Kysely, Transaction } from 'kysely';
import type { AwardResponse, ProgrammeConfig } from '../../contract';
import type { CustomerRow, LedgerEntryRow, Tables } from '../db/schema';
import { ApiError } from '../http/errors';
import { appendLedgerEntryOnce, balanceOf, entryByDedupeKey, toActivityEntry, type LedgerKind } from './ledger';

type EarnRuleConfig = ProgrammeConfig['earnRules'][number];
/** Every rule but the order rule pays a fixed number of points. */
type FixedRule = Exclude<EarnRuleConfig, { kind: 'order' }>;
type OrderRule = Extract<EarnRuleConfig, { kind: 'order' }>;
type RuleOf<K extends FixedRule['kind']> = Extract<FixedRule, { kind: K }>;

/**
 * The programme's rule of one kind, if it is on. A rule worth 0 points is off: it is treated as
 * absent, so nothing is awarded or recorded for it.
 */
export function earnRule<K extends FixedRule['kind']>(programme: ProgrammeConfig, kind: K, id?: string): RuleOf<K> | undefined {
  const rule = programme.earnRules.find((r): r is RuleOf<K> => r.kind === kind && (id === undefined || r.id === id));
  return rule && (rule as FixedRule).points > 0 ? rule : undefined;
}

export function orderRule(programme: ProgrammeConfig): OrderRule | undefined {
  return programme.earnRules.find((r): r is OrderRule => r.kind === 'order');
}

// Once-only keys, unique per shop in the ledger. Customer ids here are our internal ids.
export const dedupeKeys = {
  order: (orderId: string) => `order:${orderId}`,
  refund: (orderId: string, refundId: string) => `refund:${orderId}:${refundId}`,
  signup: (customerId: string) => `signup:${customerId}`,
  review: (reviewId: string) => `review:${reviewId}`,
  action: (customerId: string, actionId: string) => `action:${customerId}:${actionId}`,
  birthday: (customerId: string, year: number) => `birthday:${customerId}:${year}`,
};

export interface Award {
  entry: LedgerEntryRow;
  /** `false` when the key had already been awarded: `entry` is the original one. */
  created: boolean;
}

/**
 * Credits points once per key. A repeat returns the original entry; a repeat for another
 * customer (the same review id reported for someone else) is a 409 `conflict`.
 */
export async function awardOnce(
  trx: Transaction<Tables>,
  write: { shopId: string; customerId: string; kind: LedgerKind; points: number; dedupeKey: string; reference?: string | null; description?: string | null; at: Date },
): Promise<Award> {
  const { points, ...rest } = write;
  const entry = await appendLedgerEntryOnce(trx, { ...rest, delta: points });
  if (entry) return { entry, created: true };
  const original = await entryByDedupeKey(trx, write.shopId, write.dedupeKey);
  if (!original) throw new Error('once-only entry vanished');
  if (original.customer_id !== write.customerId) throw new ApiError('conflict', 'This was already reported for another customer.');
  return { entry: original, created: false };
}

export async function awardResponse(trx: Transaction<Tables>, award: Award): Promise<{ status: 200 | 201; body: AwardResponse }> {
  const balance = await balanceOf(trx, award.entry.shop_id, award.entry.customer_id);
  return { status: award.created ? 201 : 200, body: { entry: toActivityEntry(award.entry), balance } };
}

/** The sign-up bonus, once per customer (the shop reports the sign-up). */
export async function awardSignup(trx: Transaction<Tables>, input: { programme: ProgrammeConfig; customer: CustomerRow; now: Date }): Promise<Award> {
  const rule = earnRule(input.programme, 'signup');
  if (!rule) throw new ApiError('earn_rule_not_found', 'The programme has no sign-up bonus.');
  return awardOnce(trx, {
    shopId: input.customer.shop_id,
    customerId: input.customer.id,
    kind: 'signup',
    points: rule.points,
    dedupeKey: dedupeKeys.signup(input.customer.id),
    at: input.now,
  });
}

/** The review bonus, once per review id (per shop). */
export async function awardReview(
  trx: Transaction<Tables>,
  input: { programme: ProgrammeConfig; customer: CustomerRow; reviewId: string; productName?: string | undefined; now: Date },
): Promise<Award> {
  const rule = earnRule(input.programme, 'review');
  if (!rule) throw new ApiError('earn_rule_not_found', 'The programme has no review bonus.');
  return awardOnce(trx, {
    shopId: input.customer.shop_id,
    customerId: input.customer.id,
    kind: 'review',
    points: rule.points,
    dedupeKey: dedupeKeys.review(input.reviewId),
    description: input.productName ?? null,
    at: input.now,
  });
}

/** A claimable action (follow, subscribe…), once per customer: a second claim is 409 `already_claimed`. */
export async function claimAction(
  trx: Transaction<Tables>,
  input: { programme: ProgrammeConfig; customer: CustomerRow; actionId: string; label: (text: Record<string, string>) => string; now: Date },
): Promise<LedgerEntryRow> {
  const rule = earnRule(input.programme, 'action', input.actionId);
  if (!rule) throw new ApiError('action_not_found', 'The programme has no such action.');
  const entry = await appendLedgerEntryOnce(trx, {
    shopId: input.customer.shop_id,
    customerId: input.customer.id,
    delta: rule.points,
    kind: 'action',
    // The action's id, so the snapshot can tell which actions are claimed.
    reference: rule.id,
    description: input.label(rule.label),
    dedupeKey: dedupeKeys.action(input.customer.id, rule.id),
    at: input.now,
  });
  if (!entry) throw new ApiError('already_claimed', 'This action was already claimed.');
  return entry;
}

/** Ids of the actions the customer has claimed. */
export async function claimedActions(db: Kysely<Tables>, shopId: string, customerId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('ledger_entries')
    .select('reference')
    .where('shop_id', '=', shopId)
    .where('customer_id', '=', customerId)
    .where('kind', '=', 'action')
    .execute();
  return [...new Set(rows.map((row) => row.reference).filter((ref): ref is string => ref !== null))];
}
