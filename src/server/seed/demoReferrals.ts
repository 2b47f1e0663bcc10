import type { Insertable } from 'kysely';
import type { ProgrammeConfig } from '../../contract';
import type { Tables } from '../db/schema';
import { referralDedupeKeys } from '../domain/referrals/settlement';

const DAY = 24 * 60 * 60 * 1000;
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * The referral side of the demo history: members who share their link, friends who land, claim and
 * order, and what became of each referral (paid after the hold, still in it, voided by a refund,
 * flagged for the merchant by velocity, the odd self-referral). Its own PRNG, so the rest of the
 * history stays exactly as it was.
 */
export function demoReferrals(input: { shopId: string; programme: ProgrammeConfig; end: number; random: () => number; iso(t: number): string }) {
  const { shopId, programme, end, random, iso } = input;
  const holdDays = programme.referrals?.holdDays ?? 14;
  const points = programme.earnRules.find((rule) => rule.kind === 'referral')?.points ?? 0;
  const friendReward = JSON.stringify(programme.referrals?.friendReward ?? { kind: 'percent_off', value: 10 });
  const symbols = (n: number) => Array.from({ length: n }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('');
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };

  const advocates: Array<{ row: Insertable<Tables['customers']>; joinedAt: number; code?: string }> = [];
  const codes: Array<Insertable<Tables['referral_codes']>> = [];
  const visits: Array<Insertable<Tables['referral_visits']>> = [];
  const claims: Array<Insertable<Tables['referral_claims']>> = [];
  const referrals: Array<Insertable<Tables['referrals']>> = [];
  const ledger: Array<Insertable<Tables['ledger_entries']>> = [];

  const codeOf = (advocate: (typeof advocates)[number], at: number) => {
    if (!advocate.code) {
      advocate.code = symbols(8);
      codes.push({ shop_id: shopId, code: advocate.code, customer_id: advocate.row.id, created_at: iso(Math.max(advocate.joinedAt, at - 10 * DAY)) });
    }
    return advocate.code;
  };
  const landing = (code: string, at: number) => visits.push({ shop_id: shopId, code, visitor_id: uuid(), created_at: iso(at) });
  const claim = (code: string, email: string, at: number, used: { order: string; at: number } | null) =>
    claims.push({
      shop_id: shopId,
      email_key: email,
      code,
      discount_code: `${symbols(4)}-${symbols(4)}-${symbols(4)}`,
      reward: friendReward,
      status: used ? 'used' : 'issued',
      created_at: iso(at),
      expires_at: iso(at + 30 * DAY),
      used_at: used ? iso(used.at) : null,
      used_order: used?.order ?? null,
    });

  return {
    /** A member: about one in four shares their link at some point. */
    member(row: Insertable<Tables['customers']>, joinedAt: number) {
      if (random() < 0.25) advocates.push({ row, joinedAt });
    },

    /**
     * A new customer's first order: about one in seven came through a member's link. Their visit
     * and claim come shortly before the order; the discount was used on it.
     */
    firstOrder(friend: { id: string; email: string; orderId: string; orderNumber: string; at: number; refundedAt: number | null }) {
      const eligible = advocates.filter((a) => a.joinedAt < friend.at - 7 * DAY && a.row.id !== friend.id);
      if (eligible.length === 0 || random() >= 0.15) return;
      const advocate = eligible[Math.floor(random() * eligible.length)]!;
      const visitAt = friend.at - random() * 3 * DAY;
      const code = codeOf(advocate, visitAt);
      landing(code, visitAt);
      // Friends of friends who looked and did not buy (yet).
      for (let i = Math.floor(random() * 4); i > 0; i--) {
        const at = visitAt - random() * 20 * DAY;
        landing(code, at);
        if (random() < 0.25) claim(code, `merakli.${symbols(6).toLowerCase()}@example.com`, at + 60_000, null);
      }
      if (random() < 0.85) claim(code, friend.email, visitAt + 120_000, { order: friend.orderNumber, at: friend.at });

      const holdUntil = friend.at + holdDays * DAY;
      const id = uuid();
      let state: Insertable<Tables['referrals']>['state'] = 'approved';
      let reason: string | null = null;
      if (random() < 0.02) {
        state = 'voided';
        reason = 'self_same_email';
      } else if (friend.refundedAt !== null && friend.refundedAt < holdUntil) {
        state = 'voided';
        reason = 'refunded_during_hold';
      } else if (holdUntil > end) {
        state = 'pending';
      } else if (friend.at > end - 60 * DAY && random() < 0.12) {
        state = 'flagged';
        reason = 'velocity';
      }
      referrals.push({
        shop_id: shopId,
        id,
        code,
        advocate_id: advocate.row.id,
        friend_id: friend.id,
        order_id: friend.orderId,
        state,
        reason,
        points,
        ip: null,
        device_id: null,
        hold_until: iso(holdUntil),
        created_at: iso(friend.at),
        decided_at: state === 'pending' || state === 'flagged' ? null : iso(state === 'approved' ? holdUntil : friend.at),
        paid_at: state === 'approved' ? iso(holdUntil) : null,
      });
      if (state === 'approved' && points > 0) {
        ledger.push({
          shop_id: shopId,
          id: uuid(),
          customer_id: advocate.row.id,
          delta: points,
          kind: 'referral',
          reference: code,
          description: null,
          dedupe_key: referralDedupeKeys.payout(id),
          created_at: iso(holdUntil),
        });
        advocate.row.balance = (advocate.row.balance ?? 0) + points;
      }
    },

    rows: () => ({ codes, visits, claims, referrals, ledger }),
  };
}
