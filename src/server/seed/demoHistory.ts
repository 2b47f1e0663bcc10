import type { Insertable, Transaction } from 'kysely';
import type { ProgrammeConfig } from '../../contract';
import type { Tables } from '../db/schema';
import { couponExpiry } from '../domain/coupons';
import { dedupeKeys } from '../domain/earning';
import { pointsToReverse } from '../domain/orders';
import { demoReferrals } from './demoReferrals';

// Fifteen months of a small shop's life for the demo dashboard: several hundred customers, their orders,
// refunds, sign-ups, redemptions and survey answers, generated from a seeded PRNG so every run
// (and every test) sees the same history. Written in batches inside the caller's transaction.
//
// The shape is deliberately plausible rather than flattering: acquisition grows slowly through the
// year, order values are log-normal around ₺420, about one order in twenty is refunded (half in
// full), programme members come back sooner and more often than guests (which is what the
// retention report should be able to show), and NPS leans positive with a real tail of detractors.

const DAY = 24 * 60 * 60 * 1000;
const BATCH = 400;

/** mulberry32: tiny, fast, and good enough for demo data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Zeynep', 'Emre', 'Elif', 'Burak', 'Selin', 'Can', 'Deniz', 'Ece', 'Kerem', 'Merve', 'Onur', 'Pınar', 'Barış', 'Gizem', 'Mert', 'Ceren', 'Umut', 'İrem', 'Tolga', 'Aslı', 'Hakan', 'Nazlı', 'Serkan', 'Derya', 'Oğuz', 'Büşra', 'Cem', 'Şule', 'Gökhan', 'Ayla'];
const LAST = ['Kaya', 'Çelik', 'Arslan', 'Doğan', 'Koç', 'Kurt', 'Özdemir', 'Aydın', 'Öztürk', 'Yıldız', 'Şimşek', 'Polat', 'Erdem', 'Aksoy', 'Güneş', 'Tekin', 'Karaca', 'Bulut', 'Uçar', 'Ateş'];
const ASCII: Record<string, string> = { ı: 'i', İ: 'i', ş: 's', Ş: 's', ğ: 'g', Ğ: 'g', ü: 'u', Ü: 'u', ö: 'o', Ö: 'o', ç: 'c', Ç: 'c' };
const ascii = (s: string) => s.replace(/[ıİşŞğĞüÜöÖçÇ]/g, (c) => ASCII[c]!).toLowerCase();

export interface DemoHistoryOptions {
  shopId: string;
  programme: ProgrammeConfig;
  now: Date;
  /** Survey ids and current versions to answer (post-purchase NPS, site CSAT). */
  npsSurvey: { id: string; version: number; questionId: string };
  csatSurvey: { id: string; version: number; questionId: string };
  /** @default 480 */
  customers?: number;
  /** @default 20261123 */
  seed?: number;
}

export interface DemoHistoryCounts {
  customers: number;
  members: number;
  orders: number;
  refunds: number;
  redemptions: number;
  surveyResponses: number;
  ledgerEntries: number;
  referrals: number;
}

/** Generates and writes the bulk history; deterministic for a given seed and `now`. */
export async function seedDemoHistory(trx: Transaction<Tables>, options: DemoHistoryOptions): Promise<DemoHistoryCounts> {
  const random = prng(options.seed ?? 20261123);
  const { shopId, programme, now } = options;
  const end = now.getTime() - 60 * 60 * 1000;
  // Fifteen months, so that the default twelve-month view starts with customers already lapsing.
  const SPAN_DAYS = 450;
  const yearAgo = now.getTime() - SPAN_DAYS * DAY;
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const id = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  const iso = (t: number) => new Date(Math.floor(t / 1000) * 1000).toISOString();
  const rewards = [...programme.rewards].filter((r) => !r.tierId).sort((a, b) => a.cost - b.cost);
  const signupPoints = programme.earnRules.find((r) => r.kind === 'signup')?.points ?? 0;

  const customers: Array<Insertable<Tables['customers']>> = [];
  const orders: Array<Insertable<Tables['orders']>> = [];
  const refunds: Array<Insertable<Tables['refunds']>> = [];
  const ledger: Array<Insertable<Tables['ledger_entries']>> = [];
  const coupons: Array<Insertable<Tables['coupons']>> = [];
  const responses: Array<Insertable<Tables['survey_responses']>> = [];
  const events: Array<Insertable<Tables['survey_events']>> = [];
  const referralBook = demoReferrals({ shopId, programme, end, random: prng((options.seed ?? 20261123) + 5), iso });
  let orderNumber = 50_000;
  let couponNumber = 0;
  let members = 0;

  const count = options.customers ?? 480;
  for (let i = 0; i < count; i++) {
    const customerId = id();
    const first = pick(FIRST);
    const last = pick(LAST);
    // Slow growth: later months acquire a little more (density ∝ 0.7 + 0.6 × t).
    const u = random();
    const x = (-0.7 + Math.sqrt(0.49 + 4 * 0.3 * u)) / 0.6;
    const firstOrder = yearAgo + x * SPAN_DAYS * DAY + random() * DAY;
    if (firstOrder > end) continue;
    const member = random() < 0.55;
    let balance = 0;
    const book = (at: number, kind: string, delta: number, extra: { reference?: string; description?: string; dedupe?: string } = {}) => {
      balance += delta;
      ledger.push({
        shop_id: shopId,
        id: id(),
        customer_id: customerId,
        delta,
        kind,
        reference: extra.reference ?? null,
        description: extra.description ?? null,
        dedupe_key: extra.dedupe ?? null,
        created_at: iso(at),
      });
    };
    const joinedAt = firstOrder - random() * 2 * DAY;
    if (member) {
      members++;
      book(joinedAt, 'signup', signupPoints, { dedupe: dedupeKeys.signup(customerId) });
    }
    const customerRow: Insertable<Tables['customers']> = {
      shop_id: shopId,
      id: customerId,
      external_id: `demo-${String(i + 1).padStart(4, '0')}`,
      email: `${ascii(first)}.${ascii(last)}${i + 1}@example.com`,
      name: `${first} ${last}`,
      created_at: iso(member ? joinedAt : firstOrder),
    };
    customers.push(customerRow);

    // Orders: a first one, then returns after exponential gaps until the customer drifts away.
    const meanGap = (member ? 40 : 95) * DAY;
    const stay = member ? 0.78 : 0.42;
    let pendingCoupon: Insertable<Tables['coupons']> | null = null;
    for (let at = firstOrder; at <= end; at += -Math.log(1 - random()) * meanGap + 3 * DAY) {
      const number = `B-${orderNumber++}`;
      const amount = Math.min(4000, Math.max(90, Math.round(420 * Math.exp(0.55 * normal())))) - (random() < 0.5 ? 0.1 : 0);
      const amountMinor = Math.round(amount * 100);
      const points = member ? Math.floor(amount) : 0;
      const orderId = id();
      const order: Insertable<Tables['orders']> = {
        shop_id: shopId,
        id: orderId,
        customer_id: customerId,
        external_id: number,
        amount_minor: amountMinor,
        refunded_minor: 0,
        currency: programme.currency,
        created_at: iso(at),
        points_earned: points,
        points_reversed: 0,
      };
      orders.push(order);
      if (pendingCoupon) {
        pendingCoupon.status = 'used';
        pendingCoupon.used_at = iso(at);
        pendingCoupon.used_order = number;
        pendingCoupon = null;
      }
      if (points > 0) book(at, 'order', points, { reference: `#${number}`, dedupe: dedupeKeys.order(number) });
      // About one order in twenty comes back: half in full, half in part.
      if (random() < 0.05 && at + 5 * DAY < end) {
        const refundedMinor = random() < 0.5 ? amountMinor : Math.round(amountMinor * (0.2 + random() * 0.4));
        const reversed = pointsToReverse({ pointsEarned: points, amountMinor, refundedMinor, alreadyReversed: 0 });
        const refundAt = at + (2 + random() * 10) * DAY;
        order.refunded_minor = refundedMinor;
        order.points_reversed = reversed;
        refunds.push({ shop_id: shopId, order_id: orderId, refund_id: `R-${number}`, amount_minor: refundedMinor, points_reversed: reversed, created_at: iso(refundAt) });
        if (reversed > 0) book(refundAt, 'refund', -reversed, { reference: `#${number}`, dedupe: dedupeKeys.refund(number, `R-${number}`) });
      }
      if (at === firstOrder) {
        const refund = refunds.at(-1);
        referralBook.firstOrder({
          id: customerId,
          email: customerRow.email!,
          orderId,
          orderNumber: number,
          at,
          refundedAt: refund?.order_id === orderId ? Date.parse(refund.created_at) : null,
        });
      }
      // Members spend points on the best reward they can afford, now and then.
      const affordable = rewards.filter((r) => r.cost <= balance);
      if (member && affordable.length > 0 && random() < 0.35) {
        const reward = random() < 0.6 ? affordable[affordable.length - 1]! : pick(affordable);
        const redeemedAt = at + (1 + random() * 5) * DAY;
        if (redeemedAt < end) {
          const code = `DEMO-${String(++couponNumber).padStart(5, '0')}`;
          const name = reward.name[programme.defaultLocale] ?? Object.values(reward.name)[0] ?? reward.id;
          book(redeemedAt, 'redemption', -reward.cost, { reference: code, description: name });
          pendingCoupon = {
            shop_id: shopId,
            code,
            customer_id: customerId,
            reward_id: reward.id,
            reward: JSON.stringify(reward),
            cost: reward.cost,
            status: 'issued',
            created_at: iso(redeemedAt),
            used_at: null,
            used_order: null,
            expires_at: couponExpiry(reward, new Date(redeemedAt)),
          };
          coupons.push(pendingCoupon);
        }
      }
      // Post-purchase NPS: shown after most orders, answered after about a third.
      const askedAt = at + (1 + random()) * DAY;
      if (askedAt < end && random() < 0.75) {
        events.push({ shop_id: shopId, id: id(), survey_id: options.npsSurvey.id, kind: 'impression', customer_id: customerId, order_id: number, created_at: iso(askedAt) });
        if (random() < 0.4) {
          const lean = member ? 0.8 : 0;
          const score = Math.max(0, Math.min(10, Math.round(8 + lean + 1.9 * normal())));
          const answeredAt = askedAt + 60_000;
          responses.push(surveyRow(shopId, id(), options.npsSurvey, customerId, number, { [options.npsSurvey.questionId]: score }, iso(answeredAt)));
        }
      }
      if (random() > stay) break;
    }
    if (random() < 0.12) {
      const at = firstOrder + random() * (end - firstOrder);
      const score = Math.max(1, Math.min(5, Math.round(4 + 0.9 * normal())));
      events.push({ shop_id: shopId, id: id(), survey_id: options.csatSurvey.id, kind: 'impression', customer_id: customerId, order_id: null, created_at: iso(at) });
      responses.push(surveyRow(shopId, id(), options.csatSurvey, customerId, null, { [options.csatSurvey.questionId]: score }, iso(at + 30_000)));
    }
    customerRow.balance = balance;
    // Only once their own history is booked: referral payouts then add to the balance.
    if (member) referralBook.member(customerRow, joinedAt);
  }
  const referralRows = referralBook.rows();
  ledger.push(...referralRows.ledger);

  const batches = <T>(rows: T[]) => Array.from({ length: Math.ceil(rows.length / BATCH) }, (_, i) => rows.slice(i * BATCH, (i + 1) * BATCH));
  for (const rows of batches(customers)) await trx.insertInto('customers').values(rows).execute();
  for (const rows of batches(orders)) await trx.insertInto('orders').values(rows).execute();
  for (const rows of batches(refunds)) await trx.insertInto('refunds').values(rows).execute();
  for (const rows of batches(ledger)) await trx.insertInto('ledger_entries').values(rows).execute();
  for (const rows of batches(coupons)) await trx.insertInto('coupons').values(rows).execute();
  for (const rows of batches(events)) await trx.insertInto('survey_events').values(rows).execute();
  for (const rows of batches(responses)) await trx.insertInto('survey_responses').values(rows).execute();
  for (const rows of batches(referralRows.codes)) await trx.insertInto('referral_codes').values(rows).execute();
  for (const rows of batches(referralRows.visits)) await trx.insertInto('referral_visits').values(rows).execute();
  for (const rows of batches(referralRows.claims)) await trx.insertInto('referral_claims').values(rows).execute();
  for (const rows of batches(referralRows.referrals)) await trx.insertInto('referrals').values(rows).execute();
  return {
    customers: customers.length,
    members,
    orders: orders.length,
    refunds: refunds.length,
    redemptions: coupons.length,
    surveyResponses: responses.length,
    ledgerEntries: ledger.length,
    referrals: referralRows.referrals.length,
  };
}

function surveyRow(
  shopId: string,
  responseId: string,
  survey: { id: string; version: number },
  customerId: string,
  orderNumber: string | null,
  answers: Record<string, number>,
  at: string,
): Insertable<Tables['survey_responses']> {
  return {
    shop_id: shopId,
    id: responseId,
    survey_id: survey.id,
    survey_version: survey.version,
    customer_id: customerId,
    order_id: orderNumber,
    status: 'completed',
    answers: JSON.stringify(answers),
    sequence: 1,
    locale: 'tr',
    completion_key: null,
    reward_points: null,
    reward_state: 'none',
    created_at: at,
    updated_at: at,
    completed_at: at,
  };
}
