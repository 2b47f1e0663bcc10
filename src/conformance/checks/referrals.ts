import { referralLink, type ReferralOutcome } from '../../contract';
import type { Exchange } from '../http';
import { defineGroup, type Check, type CheckApi } from '../kit';
import { qrMismatch } from '../qr';
import { ensureCustomer } from './redemptions';

const SIGNED_IN = ['secret', 'signingSecret'] as const;
const CODE = /^[A-HJKMNP-Z2-9]{8}$/;
const newRef = () => `conformance-${crypto.randomUUID()}`;
/** The page the kit pretends to share from (`GET /v1/referral?origin=`); never fetched. */
const ORIGIN = 'https://conformance.sadakat.example';

function check(id: string, title: string, routes: Check['routes'], run: Check['run'], extra: Partial<Check> = {}): Check {
  return { id, title, routes: [...routes, 'boot', 'myReferral'], needs: SIGNED_IN, run, ...extra };
}

/** The 200 body of `GET /v1/referral`, naming a missing `qr` plainly (the field came later than the route). */
function expectMine(t: CheckApi, exchange: Exchange) {
  const json = exchange.json;
  if (exchange.status === 200 && json !== null && typeof json === 'object' && !('qr' in json)) {
    t.fail('no `qr` in the response: the widget draws the referral QR code from it (docs/custom-backend.md, "The referral QR code")', exchange);
  }
  return t.expectSuccess('myReferral', exchange, 200);
}

/** A new customer (made known through the merchant routes) and their referral code. */
function advocate(t: CheckApi): Promise<{ id: string; token: string; code: string }> {
  return t.shared('referrals.advocate', async () => {
    const id = t.newCustomerId();
    await ensureCustomer(t, id);
    const token = await t.validToken(id);
    const exchange = await t.call('myReferral', { token, asCustomer: true, query: { origin: ORIGIN } });
    const mine = expectMine(t, exchange);
    if (!CODE.test(mine.code)) t.fail(`the code ${mine.code} is not 8 symbols of the referral alphabet`, exchange);
    if (mine.code.toLowerCase().includes(id.slice(-8).toLowerCase())) t.fail('the code is derived from the customer id', exchange);
    return { id, token, code: mine.code };
  });
}

/** A new friend's first order reported with the advocate's code, from an address of its own. */
async function referredOrder(t: CheckApi, code: string): Promise<ReferralOutcome> {
  const { programme } = await t.guestBoot();
  const octet = () => Math.floor(Math.random() * 250) + 1;
  const body = {
    orderId: newRef(),
    customer: { id: t.newCustomerId() },
    amount: 100,
    currency: programme.currency,
    referralCode: code,
    context: { ip: `10.${octet()}.${octet()}.${octet()}`, deviceId: newRef() },
  };
  const exchange = await t.call('reportOrder', { body });
  const { referral } = t.expectSuccess('reportOrder', exchange, 201);
  if (!referral) return t.fail('a new customer’s first order with a known code was not attributed (no `referral` in the response)', exchange);
  if (referral.state !== 'pending' && referral.state !== 'approved') t.fail(`a clean referral is ${referral.state} (${String(referral.reason)})`, exchange);
  return referral;
}

/**
 * The referral programme: random, stable codes; the friend's landing (lookup, visit once, one
 * discount per inbox); attribution with the self-referral rule; the merchant's review (list,
 * approve, void, another shop's referral 404) and funnel. Every check makes customers of its own.
 */
export const referralChecks = defineGroup({
  id: 'referrals',
  title: 'Referrals (codes, landing, claims, attribution, review, funnel)',
  checks: [
    check(
      'code',
      'a shopper’s code is random (8 unambiguous symbols, not the customer id) and the same on every call',
      [],
      async (t) => {
        const first = await advocate(t);
        const exchange = await t.call('myReferral', { token: first.token, asCustomer: true, query: { origin: ORIGIN } });
        const again = t.expectSuccess('myReferral', exchange, 200);
        if (again.code !== first.code) t.fail(`the code changed from ${first.code} to ${again.code}`, exchange);
        t.expectError(await t.call('myReferral'), 401, 'unauthorized');
      },
      { covers: ['myReferral'] },
    ),
    check(
      'qr',
      'the referral link comes as a QR code (`qr`) of exactly the link: landing page or `origin`, code in `param` (default ref); a bad origin → 400',
      [],
      async (t) => {
        const { token, code } = await advocate(t);
        for (const param of [undefined, 'davet']) {
          const query: Record<string, string> = param ? { origin: ORIGIN, param } : { origin: ORIGIN };
          const exchange = await t.call('myReferral', { token, asCustomer: true, query });
          const mine = expectMine(t, exchange);
          const link = referralLink(mine.landingUrl ?? `${ORIGIN}/`, param ?? 'ref', code);
          const mismatch = qrMismatch(mine.qr, link);
          if (mismatch) t.fail(`qr: ${mismatch}`, exchange);
        }
        t.expectError(await t.call('myReferral', { token, asCustomer: true, query: { origin: 'javascript:alert(1)' } }), 400, 'validation_failed');
      },
      { covers: ['myReferral'] },
    ),
    check(
      'lookup',
      'a code looks up its offer, in any case (200); an unknown one → 404 not_found; markup → 400',
      ['referralLookup'],
      async (t) => {
        const { code } = await advocate(t);
        const exchange = await t.call('referralLookup', { params: { code: code.toLowerCase() } });
        const found = t.expectSuccess('referralLookup', exchange, 200);
        if (found.code !== code) t.fail(`looked up ${code}, got ${found.code}`, exchange);
        t.expectError(await t.call('referralLookup', { params: { code: 'ZZZZ2222' } }), 404, 'not_found');
        t.expectError(await t.call('referralLookup', { params: { code: '<script>' } }), 400, 'validation_failed');
      },
      { covers: ['referralLookup'] },
    ),
    check(
      'visit-once',
      'a visit counts once per visitor and code (recorded, then not); an unknown code → 404',
      ['referralVisit'],
      async (t) => {
        const { code } = await advocate(t);
        const visitorId = crypto.randomUUID();
        const first = t.expectSuccess('referralVisit', await t.call('referralVisit', { body: { code, visitorId } }), 200);
        const again = await t.call('referralVisit', { body: { code, visitorId } });
        if (!first.recorded || t.expectSuccess('referralVisit', again, 200).recorded) t.fail('a repeated visit was counted again (or the first was not)', again);
        t.expectError(await t.call('referralVisit', { body: { code: 'ZZZZ2222', visitorId } }), 404, 'not_found');
      },
      { covers: ['referralVisit'] },
    ),
    check(
      'claim-once-per-inbox',
      'a friend’s discount is one per normalised e-mail: 201, then 200 with the same code for the same inbox in other case',
      ['referralClaim'],
      async (t) => {
        const { code } = await advocate(t);
        const local = `conformance.${crypto.randomUUID().slice(0, 8)}`;
        const exchange = await t.call('referralClaim', { body: { code, email: `${local}@example.com` } });
        if (exchange.status === 404 && (exchange.json as { error?: { code?: string } } | null)?.error?.code === 'earn_rule_not_found') {
          t.skip('not applicable: the programme has no friend reward');
        }
        const first = t.expectSuccess('referralClaim', exchange, 201);
        const repeat = await t.call('referralClaim', { body: { code, email: `${local.toUpperCase()}@EXAMPLE.COM` } });
        const again = t.expectSuccess('referralClaim', repeat, 200);
        if (again.discountCode !== first.discountCode) t.fail('the same inbox got a second discount code', repeat);
      },
      { covers: ['referralClaim'] },
    ),
    check('self-referral', 'an advocate ordering with their own code is voided (self_same_customer), never paid', ['reportOrder'], async (t) => {
      const { id, code } = await advocate(t);
      const { programme } = await t.guestBoot();
      const exchange = await t.call('reportOrder', { body: { orderId: newRef(), customer: { id }, amount: 100, currency: programme.currency, referralCode: code } });
      const { referral } = t.expectSuccess('reportOrder', exchange, 201);
      if (referral?.state !== 'voided' || referral.reason !== 'self_same_customer') {
        t.fail(`a self-referral came back as ${referral ? `${referral.state} (${String(referral.reason)})` : 'not attributed'}`, exchange);
      }
    }),
    check(
      'review',
      'the merchant lists referrals by state, approves one (200 approved), voids another (200 voided); a second decision → 409, an unknown id → 404',
      ['reportOrder', 'merchantReferrals', 'approveReferral', 'voidReferral'],
      async (t) => {
        const { code } = await advocate(t);
        const [first, second] = [await referredOrder(t, code), await referredOrder(t, code)];
        const listed = await t.call('merchantReferrals', { query: { state: first.state, limit: '500' } });
        const list = t.expectSuccess('merchantReferrals', listed, 200).referrals;
        if (!list.some((referral) => referral.id === first.id)) t.fail(`referral ${first.id} is missing from the ${first.state} list`, listed);
        if (list.some((referral) => referral.state !== first.state)) t.fail(`the ${first.state} list holds referrals in other states`, listed);
        if (first.state === 'approved') t.skip('not applicable: the programme has no hold period, so nothing waits for review');
        const approved = t.expectSuccess('approveReferral', await t.call('approveReferral', { params: { referralId: first.id } }), 200);
        if (approved.state !== 'approved') t.fail(`approve left the referral ${approved.state}`);
        const voided = t.expectSuccess('voidReferral', await t.call('voidReferral', { params: { referralId: second.id } }), 200);
        if (voided.state !== 'voided') t.fail(`void left the referral ${voided.state}`);
        t.expectError(await t.call('approveReferral', { params: { referralId: second.id } }), 409, 'conflict');
        t.expectError(await t.call('voidReferral', { params: { referralId: crypto.randomUUID() } }), 404, 'not_found');
      },
      { covers: ['merchantReferrals', 'approveReferral', 'voidReferral'] },
    ),
    check(
      'funnel',
      'the funnel counts what the run did: visits, claims and first orders at least that many',
      ['referralFunnel', 'referralVisit', 'reportOrder'],
      async (t) => {
        const before = t.expectSuccess('referralFunnel', await t.call('referralFunnel'), 200);
        const { code } = await advocate(t);
        t.expectSuccess('referralVisit', await t.call('referralVisit', { body: { code, visitorId: crypto.randomUUID() } }), 200);
        await referredOrder(t, code);
        const exchange = await t.call('referralFunnel');
        const after = t.expectSuccess('referralFunnel', exchange, 200);
        if (after.visits < before.visits + 1 || after.firstOrders < before.firstOrders + 1) t.fail('the funnel did not count a new visit and first order', exchange);
      },
      { covers: ['referralFunnel'] },
    ),
  ],
});
