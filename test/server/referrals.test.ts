import { createHash, randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ErrorEnvelope,
  MerchantReferral,
  MyReferral,
  ReferralClaimResponse,
  ReferralFunnel,
  ReferralList,
  ReferralLookup,
  QR_PATH_PATTERN,
  ReportOrderResponse,
  type ReferralPolicy,
} from '../../src/contract';
import { createShop, mintCustomerToken } from '../../src/server';
import { qrMismatch, qrModules } from '../../src/conformance/qr';
import { ledgerSum } from '../../src/server/domain/ledger';
import { emailKey } from '../../src/server/domain/referrals/emailKey';
import { demoProgramme } from '../../src/server/seed/demoProgramme';
import { encode } from 'uqr';
import { customerRow, merchantClient, uniqueId } from '../support/loyalty';
import { createTestBackend, type TestBackend } from '../support/testBackend';

// Every fraud rule on its own, then hold and refund timing, through the real HTTP API on a fresh
// database (SQLite here; the server-postgres project runs this same file on PostgreSQL).
const START = new Date('2026-11-23T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const ADVOCATE_POINTS = 500; // the demo programme's referral earn rule
const SIGNUP_POINTS = 200;

let clock = START;
let backend: TestBackend;
beforeAll(async () => {
  backend = await createTestBackend({ now: () => clock });
});
afterAll(() => backend.close());

const errorOf = (body: unknown) => ErrorEnvelope.parse(body).error;
/** The page the widget shares from in these tests (sent as `origin`, as the widget does). */
const SHOP_PAGE = 'https://kervan.example';
const MINE = `/v1/referral?origin=${encodeURIComponent(SHOP_PAGE)}`;
const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/** A shop of its own per test, so referral counts, velocity and policy never leak between tests. */
async function shopWith(policy: ReferralPolicy = {}) {
  const base = demoProgramme(START);
  const shop = await createShop(backend.db, {
    name: uniqueId('shop'),
    programme: { ...base, referrals: { ...base.referrals, ...policy } },
    allowedOrigins: [backend.origin],
    now: START,
  });
  const merchant = merchantClient(backend, shop.secretKey);
  const token = (customerId: string, who: { name?: string; email?: string } = {}) =>
    mintCustomerToken({ shopId: shop.id, signingSecret: shop.signingSecret, customerId, issuedAt: clock, ...who });
  const storefront = async (method: string, path: string, options: { token?: string; body?: unknown } = {}) => {
    const separator = path.includes('?') ? '&' : '?';
    const response = await backend.app.request(`${path}${separator}shop=${shop.publishableKey}`, {
      method,
      headers: {
        ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
        ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  /** A shopper with a referral code, as the widget's referral view creates it. */
  const advocate = async (who: { name?: string; email?: string } = {}) => {
    const id = uniqueId('adv');
    const { status, body } = await storefront('GET', MINE, { token: await token(id, { name: 'Ayşe Yılmaz', ...who }) });
    expect(status).toBe(200);
    // The shop reports the advocate too, so their e-mail is known server-side.
    await merchant('POST', '/v1/merchant/signups', { customer: { id, ...(who.email ? { email: who.email } : {}), name: 'Ayşe Yılmaz' } });
    return { id, code: MyReferral.parse(body).code };
  };
  const order = async (customer: { id: string; email?: string }, code: string | undefined, context: Record<string, string> = {}, amount = 300) => {
    const orderId = uniqueId('o');
    const { status, body } = await merchant('POST', '/v1/merchant/orders', {
      orderId,
      customer,
      amount,
      currency: 'TRY',
      ...(code ? { referralCode: code } : {}),
      context: { ip: randomIp(), ...context },
    });
    expect(status, JSON.stringify(body)).toBe(201);
    return { orderId, ...ReportOrderResponse.parse(body) };
  };
  const list = async (state?: string) => {
    const { status, body } = await merchant('GET', `/v1/merchant/referrals${state ? `?state=${state}` : ''}`);
    expect(status).toBe(200);
    return ReferralList.parse(body).referrals;
  };
  /** The advocate's balance less the sign-up bonus the shop reported for them. */
  const balance = async (customerId: string) => (await customerRow(backend, customerId, shop.id)).balance - SIGNUP_POINTS;
  return { shop, merchant, token, storefront, advocate, order, list, balance };
}

describe('normalised e-mail', () => {
  it('ignores case everywhere, and dots and +tags only where the provider does', () => {
    expect(emailKey('J.O.H.N+shop@GMail.com')).toBe('john@gmail.com');
    expect(emailKey('john@googlemail.com')).toBe('john@gmail.com');
    expect(emailKey('Jane.Doe+news@outlook.com')).toBe('jane.doe@outlook.com');
    expect(emailKey('jane.doe+x@example.com')).toBe('jane.doe+x@example.com');
    expect(emailKey('JANE@Example.COM')).toBe('jane@example.com');
    expect(emailKey('not-an-address')).toBeNull();
  });
});

describe('referral codes', () => {
  it('are random, 8 unambiguous symbols, never the customer id, and stable per shopper', async () => {
    const fx = await shopWith();
    const codes = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const id = `CUST${i}234`;
      const token = await fx.token(id);
      const first = MyReferral.parse((await fx.storefront('GET', MINE, { token })).body);
      const again = MyReferral.parse((await fx.storefront('GET', MINE, { token })).body);
      expect(first.code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
      expect(first.code).not.toContain(id);
      expect(again.code).toBe(first.code);
      codes.add(first.code);
    }
    expect(codes.size).toBe(5);
  });

  it('need a signed-in shopper', async () => {
    const fx = await shopWith();
    const { status, body } = await fx.storefront('GET', '/v1/referral');
    expect(status).toBe(401);
    expect(errorOf(body).code).toBe('unauthorized');
  });

  it('look up to the advocate’s first name and the friend’s offer; an unknown code is 404 and hostile ones 400', async () => {
    const fx = await shopWith();
    const { code } = await fx.advocate();
    const found = ReferralLookup.parse((await fx.storefront('GET', `/v1/referral-codes/${code.toLowerCase()}`)).body);
    expect(found).toEqual({ code, advocateFirstName: 'Ayşe', friendOffer: { kind: 'percent_off', value: 10, minOrder: null, currency: 'TRY' } });
    const unknown = await fx.storefront('GET', '/v1/referral-codes/ABCDEFGH');
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown.body).code).toBe('not_found');
    for (const hostile of ['%3Cscript%3E', 'A'.repeat(2048), '__proto__', 'АВСDЕFGН' /* Cyrillic look-alikes */]) {
      const { status, body } = await fx.storefront('GET', `/v1/referral-codes/${encodeURIComponent(hostile)}`);
      expect(status, hostile).toBe(400);
      expect(errorOf(body).code).toBe('validation_failed');
    }
  });
});

describe('the referral link’s QR code', () => {
  /** `qr` decoded to modules, compared with uqr's own matrix of `link` at level M (the encoder the widget used to run). */
  const expectQrOf = (qr: { size: number; path: string }, link: string) => {
    expect(qr.path).toMatch(QR_PATH_PATTERN);
    const { data, size } = encode(link, { ecc: 'M', border: 0 });
    expect(qr.size).toBe(size);
    expect(qrModules(qr)).toEqual(data);
    expect(qrMismatch(qr, link)).toBeNull();
  };

  it('encodes the link the widget shows: the page’s origin with the code in ?ref=, or in the configured parameter', async () => {
    const fx = await shopWith();
    const token = await fx.token(uniqueId('adv'));
    const mine = MyReferral.parse((await fx.storefront('GET', MINE, { token })).body);
    expectQrOf(mine.qr, `${SHOP_PAGE}/?ref=${mine.code}`);
    // Runs, not squares: a run of the finder pattern's top row is one command.
    expect(mine.qr.path.startsWith('M0 0h7v1h-7z')).toBe(true);
    const renamed = MyReferral.parse((await fx.storefront('GET', `${MINE}&param=davet`, { token })).body);
    expect(renamed.code).toBe(mine.code);
    expectQrOf(renamed.qr, `${SHOP_PAGE}/?davet=${mine.code}`);
    expect(qrMismatch(renamed.qr, `${SHOP_PAGE}/?ref=${mine.code}`)).not.toBeNull();
  });

  it('encodes the programme’s landing page when it has one, whatever the page’s origin', async () => {
    const fx = await shopWith({ landingUrl: 'https://kampanya.kervan.example/davet?utm_source=referral' });
    const token = await fx.token(uniqueId('adv'));
    const mine = MyReferral.parse((await fx.storefront('GET', MINE, { token })).body);
    expectQrOf(mine.qr, `https://kampanya.kervan.example/davet?utm_source=referral&ref=${mine.code}`);
    const withoutOrigin = MyReferral.parse((await fx.storefront('GET', '/v1/referral', { token })).body);
    expect(withoutOrigin.qr).toEqual(mine.qr);
  });

  it('is documented in openapi.json as required, with its grammar, cap and the origin and param query', async () => {
    type Schema = { properties: Record<string, Schema>; required: string[]; pattern?: string; maxLength?: number };
    const spec = (await (await backend.app.request('/v1/openapi.json')).json()) as {
      paths: Record<string, { get: { parameters: Array<{ name: string }>; responses: Record<string, { content: Record<string, { schema: Schema }> }> } }>;
    };
    const operation = spec.paths['/v1/referral']!.get;
    expect(operation.parameters.map((parameter) => parameter.name)).toEqual(expect.arrayContaining(['shop', 'origin', 'param']));
    const body = operation.responses['200']!.content['application/json']!.schema;
    expect(body.required).toContain('qr');
    expect(body.properties.qr!.required).toEqual(['size', 'path']);
    expect(body.properties.qr!.properties.path).toMatchObject({ pattern: QR_PATH_PATTERN.source, maxLength: 262_144 });
  });

  it('needs the page’s origin when there is no landing page, and refuses anything but an http(s) origin', async () => {
    const fx = await shopWith();
    const token = await fx.token(uniqueId('adv'));
    const missing = await fx.storefront('GET', '/v1/referral', { token });
    expect(missing.status).toBe(400);
    expect(errorOf(missing.body)).toMatchObject({ code: 'validation_failed', fields: [{ path: 'origin' }] });
    for (const origin of ['javascript:alert(1)', 'https://kervan.example/', 'https://kervan.example/page', 'data:text/html,x', 'null', `https://${'a'.repeat(200)}.example`]) {
      const { status, body } = await fx.storefront('GET', `/v1/referral?origin=${encodeURIComponent(origin)}`, { token });
      expect(status, origin).toBe(400);
      expect(errorOf(body).code).toBe('validation_failed');
    }
    const badParam = await fx.storefront('GET', `${MINE}&param=${'p'.repeat(33)}`, { token });
    expect(badParam.status).toBe(400);
  });
});

describe('visits and friend claims', () => {
  it('count a visitor once per code, and an unknown code records nothing', async () => {
    const fx = await shopWith();
    const advocate = await fx.advocate();
    const visitorId = randomUUID();
    const first = await fx.storefront('POST', '/v1/referral-visits', { body: { code: advocate.code, visitorId } });
    const again = await fx.storefront('POST', '/v1/referral-visits', { body: { code: advocate.code, visitorId } });
    expect([first.body, again.body]).toEqual([{ recorded: true }, { recorded: false }]);
    expect((await fx.storefront('POST', '/v1/referral-visits', { body: { code: 'ABCDEFGH', visitorId } })).status).toBe(404);
    const funnel = ReferralFunnel.parse((await fx.merchant('GET', '/v1/merchant/referrals/funnel')).body);
    expect(funnel.visits).toBe(1);
  });

  it('give one discount code per normalised e-mail', async () => {
    const fx = await shopWith();
    const advocate = await fx.advocate();
    const first = await fx.storefront('POST', '/v1/referral-claims', { body: { code: advocate.code, email: 'john.smith@gmail.com' } });
    expect(first.status).toBe(201);
    const claim = ReferralClaimResponse.parse(first.body);
    expect(claim.friendOffer).toEqual({ kind: 'percent_off', value: 10, minOrder: null, currency: 'TRY' });
    expect(claim.expiresAt).toBe(new Date(clock.getTime() + 30 * DAY).toISOString());
    for (const variant of ['John.Smith+deal@GMAIL.com', 'johnsmith@googlemail.com']) {
      const again = await fx.storefront('POST', '/v1/referral-claims', { body: { code: advocate.code, email: variant } });
      expect(again.status, variant).toBe(200);
      expect(ReferralClaimResponse.parse(again.body).discountCode).toBe(claim.discountCode);
    }
    const other = await fx.storefront('POST', '/v1/referral-claims', { body: { code: advocate.code, email: 'jane@example.com' } });
    expect(other.status).toBe(201);
    expect(ReferralClaimResponse.parse(other.body).discountCode).not.toBe(claim.discountCode);
  });

  it('refuse the advocate their own offer, by e-mail or signed in', async () => {
    const fx = await shopWith();
    const advocate = await fx.advocate({ email: 'ayse.yilmaz@gmail.com' });
    const byEmail = await fx.storefront('POST', '/v1/referral-claims', { body: { code: advocate.code, email: 'AyseYilmaz+x@gmail.com' } });
    expect(byEmail.status).toBe(409);
    const signedIn = await fx.storefront('POST', '/v1/referral-claims', {
      token: await fx.token(advocate.id),
      body: { code: advocate.code, email: 'someone.else@example.com' },
    });
    expect(signedIn.status).toBe(409);
  });
});

describe('the friend’s discount code at checkout', () => {
  it('validates and is used through the coupon endpoints, once', async () => {
    const fx = await shopWith({ friendReward: { kind: 'percent_off', value: 10, minOrder: 100 } });
    const advocate = await fx.advocate();
    const { discountCode } = ReferralClaimResponse.parse(
      (await fx.storefront('POST', '/v1/referral-claims', { body: { code: advocate.code, email: 'new.friend@example.com' } })).body,
    );
    const small = await fx.merchant('POST', `/v1/merchant/coupons/${discountCode}/validate`, { orderAmount: 50 });
    expect(errorOf(small.body).code).toBe('coupon_min_order');
    const valid = await fx.merchant('POST', `/v1/merchant/coupons/${discountCode.toLowerCase()}/validate`, { orderAmount: 249.9 });
    expect(valid.status).toBe(200);
    expect(valid.body).toMatchObject({
      coupon: { code: discountCode, rewardId: 'referral-friend', kind: 'percent_off', value: 10, cost: 0, customerId: null, status: 'issued' },
      discountAmount: 24.99,
    });
    expect((await fx.merchant('POST', `/v1/merchant/coupons/${discountCode}/consume`, { orderId: 'F-1', orderAmount: 249.9 })).status).toBe(200);
    expect((await fx.merchant('POST', `/v1/merchant/coupons/${discountCode}/consume`, { orderId: 'F-1', orderAmount: 249.9 })).status).toBe(200);
    const other = await fx.merchant('POST', `/v1/merchant/coupons/${discountCode}/consume`, { orderId: 'F-2', orderAmount: 249.9 });
    expect(other.status).toBe(409);
    expect(errorOf(other.body).code).toBe('coupon_used');
    const elsewhere = await shopWith();
    expect((await elsewhere.merchant('POST', `/v1/merchant/coupons/${discountCode}/validate`, {})).status).toBe(404);
  });

  it('is for a first order: a customer who already ordered here is refused, a new one is not', async () => {
    const fx = await shopWith();
    const advocate = await fx.advocate();
    const claim = async (email: string) =>
      ReferralClaimResponse.parse((await fx.storefront('POST', '/v1/referral-claims', { body: { code: advocate.code, email } })).body).discountCode;
    const regular = { id: uniqueId('regular'), email: 'regular@example.com' };
    await fx.order(regular, undefined);
    const code = await claim('regular@example.com');

    const validate = await fx.merchant('POST', `/v1/merchant/coupons/${code}/validate`, { orderAmount: 300, customerId: regular.id });
    expect(validate.status).toBe(403);
    expect(errorOf(validate.body)).toMatchObject({ code: 'coupon_first_order_only' });
    const consume = await fx.merchant('POST', `/v1/merchant/coupons/${code}/consume`, { orderId: uniqueId('o'), orderAmount: 300, customerId: regular.id });
    expect(consume.status).toBe(403);
    expect(errorOf(consume.body).code).toBe('coupon_first_order_only');

    // A customer the shop knows (signed up) but who never ordered may use it; the code stays unused until then.
    const newcomer = uniqueId('newcomer');
    await fx.merchant('POST', '/v1/merchant/signups', { customer: { id: newcomer } });
    expect((await fx.merchant('POST', `/v1/merchant/coupons/${code}/validate`, { orderAmount: 300, customerId: newcomer })).status).toBe(200);
    // The shop may report the order before using the code: that order itself does not count against it.
    const { orderId } = await fx.order({ id: newcomer }, undefined);
    const used = await fx.merchant('POST', `/v1/merchant/coupons/${code}/consume`, { orderId, orderAmount: 300, customerId: newcomer });
    expect(used.status, JSON.stringify(used.body)).toBe(200);
    expect((await fx.merchant('POST', `/v1/merchant/coupons/${code}/consume`, { orderId, orderAmount: 300, customerId: newcomer })).status).toBe(200);
  });

  it('holds a guest checkout keyed by a hashed e-mail to the same rule', async () => {
    const fx = await shopWith();
    const advocate = await fx.advocate();
    const guestId = `misafir-${createHash('sha256').update('guest@example.com').digest('hex').slice(0, 16)}`;
    const { discountCode } = ReferralClaimResponse.parse(
      (await fx.storefront('POST', '/v1/referral-claims', { body: { code: advocate.code, email: 'guest@example.com' } })).body,
    );
    expect((await fx.merchant('POST', `/v1/merchant/coupons/${discountCode}/validate`, { orderAmount: 300, customerId: guestId })).status).toBe(200);
    await fx.order({ id: guestId, email: 'guest@example.com' }, undefined);
    const again = await fx.merchant('POST', `/v1/merchant/coupons/${discountCode}/validate`, { orderAmount: 300, customerId: guestId });
    expect(again.status).toBe(403);
    expect(errorOf(again.body).code).toBe('coupon_first_order_only');
    const consume = await fx.merchant('POST', `/v1/merchant/coupons/${discountCode}/consume`, { orderId: uniqueId('o'), customerId: guestId });
    expect(errorOf(consume.body).code).toBe('coupon_first_order_only');
  });
});

describe('attribution fraud rules, one by one', () => {
  it('a new friend’s first order with the code is pending for the hold period', async () => {
    const fx = await shopWith();
    const advocate = await fx.advocate();
    const { referral } = await fx.order({ id: uniqueId('friend'), email: 'friend@example.com' }, advocate.code);
    expect(referral).toMatchObject({ state: 'pending', reason: null, holdUntil: new Date(clock.getTime() + 14 * DAY).toISOString() });
    expect(await fx.balance(advocate.id)).toBe(0);
  });

  it('blocks the same customer', async () => {
    const fx = await shopWith();
    const advocate = await fx.advocate();
    const { referral } = await fx.order({ id: advocate.id }, advocate.code);
    expect(referral).toMatchObject({ state: 'voided', reason: 'self_same_customer' });
  });

  it('blocks the same normalised e-mail under another customer id', async () => {
    const fx = await shopWith();
    const advocate = await fx.advocate({ email: 'ayse.yilmaz@gmail.com' });
    const { referral } = await fx.order({ id: uniqueId('alt'), email: 'AyseYilmaz+second@googlemail.com' }, advocate.code);
    expect(referral).toMatchObject({ state: 'voided', reason: 'self_same_email' });
  });

  it('blocks the same address hash as one of the advocate’s orders', async () => {
    const fx = await shopWith();
    const advocate = await fx.advocate();
    await fx.order({ id: advocate.id }, undefined, { addressHash: 'sha256:home' });
    const { referral } = await fx.order({ id: uniqueId('alt'), email: 'alt@example.com' }, advocate.code, { addressHash: 'sha256:home' });
    expect(referral).toMatchObject({ state: 'voided', reason: 'self_same_address' });
    const elsewhere = await fx.order({ id: uniqueId('friend') }, advocate.code, { addressHash: 'sha256:elsewhere' });
    expect(elsewhere.referral).toMatchObject({ state: 'pending' });
  });

  it('does not pay for a customer who had ordered before', async () => {
    const fx = await shopWith();
    const advocate = await fx.advocate();
    const regular = uniqueId('regular');
    await fx.order({ id: regular }, undefined);
    const { referral } = await fx.order({ id: regular }, advocate.code);
    expect(referral).toMatchObject({ state: 'voided', reason: 'not_new_customer' });
  });

  it('attributes a friend once: their second order with the code changes nothing', async () => {
    const fx = await shopWith();
    const advocate = await fx.advocate();
    const friend = { id: uniqueId('friend') };
    expect((await fx.order(friend, advocate.code)).referral?.state).toBe('pending');
    expect((await fx.order(friend, advocate.code)).referral).toBeUndefined();
    expect(await fx.list()).toHaveLength(1);
  });

  it('ignores an unknown or malformed code', async () => {
    const fx = await shopWith();
    await fx.advocate();
    expect((await fx.order({ id: uniqueId('friend') }, 'ZZZZZZZZ')).referral).toBeUndefined();
    expect((await fx.order({ id: uniqueId('friend') }, 'not_a_code')).referral).toBeUndefined();
    expect(await fx.list()).toEqual([]);
  });

  it('flags the referred orders past the weekly limit from one IP, and from one device', async () => {
    const fx = await shopWith({ maxPerWeekPerIpOrDevice: 2 });
    const advocate = await fx.advocate();
    const ip = '203.0.113.9';
    const states: string[] = [];
    for (let i = 0; i < 3; i++) states.push((await fx.order({ id: uniqueId('friend') }, advocate.code, { ip })).referral!.state);
    expect(states).toEqual(['pending', 'pending', 'flagged']);

    const device = uniqueId('device');
    const byDevice: string[] = [];
    for (let i = 0; i < 3; i++) byDevice.push((await fx.order({ id: uniqueId('friend') }, advocate.code, { deviceId: device })).referral!.state);
    expect(byDevice).toEqual(['pending', 'pending', 'flagged']);

    // A week later the same IP is within its limit again.
    clock = new Date(clock.getTime() + 7 * DAY + 1000);
    expect((await fx.order({ id: uniqueId('friend') }, advocate.code, { ip })).referral!.state).toBe('pending');
    const flagged = await fx.list('flagged');
    expect(flagged.map((r) => r.reason)).toEqual(['velocity', 'velocity']);
  });
});

describe('hold period and refunds', () => {
  it('pays the advocate only once the hold is over, exactly once', async () => {
    const fx = await shopWith({ holdDays: 10 });
    const advocate = await fx.advocate();
    await fx.order({ id: uniqueId('friend') }, advocate.code);
    const paidAt = clock.getTime() + 10 * DAY;
    clock = new Date(paidAt - 1000);
    expect((await fx.list())[0]!.state).toBe('pending');
    expect(await fx.balance(advocate.id)).toBe(0);
    clock = new Date(paidAt);
    expect((await fx.list())[0]).toMatchObject({ state: 'approved', paidAt: clock.toISOString(), points: ADVOCATE_POINTS });
    await fx.list();
    const row = await customerRow(backend, advocate.id, fx.shop.id);
    expect(row.balance).toBe(SIGNUP_POINTS + ADVOCATE_POINTS);
    expect(await ledgerSum(backend.db.kysely, fx.shop.id, row.id)).toBe(SIGNUP_POINTS + ADVOCATE_POINTS);
    const mine = MyReferral.parse((await fx.storefront('GET', MINE, { token: await fx.token(advocate.id) })).body);
    expect(mine.stats).toMatchObject({ orders: 1, approved: 1, pending: 0, pointsEarned: ADVOCATE_POINTS });
  });

  it('a refund during the hold voids the referral: never paid', async () => {
    const fx = await shopWith({ holdDays: 10 });
    const advocate = await fx.advocate();
    const { orderId } = await fx.order({ id: uniqueId('friend') }, advocate.code);
    clock = new Date(clock.getTime() + 9 * DAY);
    expect((await fx.merchant('POST', `/v1/merchant/orders/${orderId}/refunds`, { refundId: 'r1', amount: 50 })).status).toBe(201);
    clock = new Date(clock.getTime() + 30 * DAY);
    expect((await fx.list())[0]).toMatchObject({ state: 'voided', reason: 'refunded_during_hold', paidAt: null });
    expect(await fx.balance(advocate.id)).toBe(0);
  });

  it('a refund after payout reverses the points through a new ledger entry when the policy says reverse', async () => {
    const fx = await shopWith({ holdDays: 10, afterPayoutRefund: 'reverse' });
    const advocate = await fx.advocate();
    const { orderId } = await fx.order({ id: uniqueId('friend') }, advocate.code);
    clock = new Date(clock.getTime() + 11 * DAY);
    expect((await fx.list())[0]!.state).toBe('approved');
    expect(await fx.balance(advocate.id)).toBe(ADVOCATE_POINTS);
    await fx.merchant('POST', `/v1/merchant/orders/${orderId}/refunds`, { refundId: 'r1', amount: 300 });
    expect((await fx.list())[0]).toMatchObject({ state: 'voided', reason: 'refunded_after_payout' });
    const row = await customerRow(backend, advocate.id, fx.shop.id);
    expect(row.balance).toBe(SIGNUP_POINTS);
    const entries = await backend.db.kysely.selectFrom('ledger_entries').select('delta').where('shop_id', '=', fx.shop.id).where('customer_id', '=', row.id).where('kind', '=', 'referral').execute();
    expect(entries.map((e) => e.delta).sort()).toEqual([-ADVOCATE_POINTS, ADVOCATE_POINTS].sort());
    // A second refund of the same order reverses nothing more.
    await fx.merchant('POST', `/v1/merchant/orders/${orderId}/refunds`, { refundId: 'r2', amount: 0.01 }).catch(() => undefined);
    expect(await fx.balance(advocate.id)).toBe(0);
  });

  it('keeps the points after payout when the policy says keep', async () => {
    const fx = await shopWith({ holdDays: 10, afterPayoutRefund: 'keep' });
    const advocate = await fx.advocate();
    const { orderId } = await fx.order({ id: uniqueId('friend') }, advocate.code);
    clock = new Date(clock.getTime() + 11 * DAY);
    await fx.list();
    await fx.merchant('POST', `/v1/merchant/orders/${orderId}/refunds`, { refundId: 'r1', amount: 300 });
    expect((await fx.list())[0]).toMatchObject({ state: 'approved' });
    expect(await fx.balance(advocate.id)).toBe(ADVOCATE_POINTS);
  });

  it('a refund after the hold ended, before anything settled, counts as after payout', async () => {
    const fx = await shopWith({ holdDays: 10, afterPayoutRefund: 'reverse' });
    const advocate = await fx.advocate();
    const { orderId } = await fx.order({ id: uniqueId('friend') }, advocate.code);
    clock = new Date(clock.getTime() + 10 * DAY);
    await fx.merchant('POST', `/v1/merchant/orders/${orderId}/refunds`, { refundId: 'r1', amount: 300 });
    const [referral] = await fx.list();
    expect(referral).toMatchObject({ state: 'voided', reason: 'refunded_after_payout' });
    expect(referral!.paidAt).not.toBeNull();
    expect(await fx.balance(advocate.id)).toBe(0);
  });

  it('with no hold the advocate is paid as the order is reported', async () => {
    const fx = await shopWith({ holdDays: 0 });
    const advocate = await fx.advocate();
    const { referral } = await fx.order({ id: uniqueId('friend') }, advocate.code);
    expect(referral).toMatchObject({ state: 'approved', holdUntil: null });
    expect(await fx.balance(advocate.id)).toBe(ADVOCATE_POINTS);
  });
});

describe('merchant API', () => {
  it('approves a flagged referral (paid now), voids another, refuses a second decision, and hides other shops’ referrals', async () => {
    const fx = await shopWith({ maxPerWeekPerIpOrDevice: 1, holdDays: 30 });
    const other = await shopWith();
    const advocate = await fx.advocate();
    const ip = '198.51.100.7';
    await fx.order({ id: uniqueId('friend') }, advocate.code, { ip });
    await fx.order({ id: uniqueId('friend') }, advocate.code, { ip });
    await fx.order({ id: uniqueId('friend') }, advocate.code, { ip });
    const [second, first] = await fx.list('flagged');
    expect(first && second).toBeTruthy();

    expect((await other.merchant('POST', `/v1/merchant/referrals/${first!.id}/approve`)).status).toBe(404);
    expect((await fx.merchant('POST', `/v1/merchant/referrals/${randomUUID()}/approve`)).status).toBe(404);

    const approved = await fx.merchant('POST', `/v1/merchant/referrals/${first!.id}/approve`);
    expect(approved.status).toBe(200);
    expect(MerchantReferral.parse(approved.body)).toMatchObject({ state: 'approved', reason: 'approved_by_merchant', advocateId: advocate.id });
    expect(await fx.balance(advocate.id)).toBe(ADVOCATE_POINTS);

    const voided = await fx.merchant('POST', `/v1/merchant/referrals/${second!.id}/void`);
    expect(MerchantReferral.parse(voided.body)).toMatchObject({ state: 'voided', reason: 'voided_by_merchant' });
    const again = await fx.merchant('POST', `/v1/merchant/referrals/${second!.id}/approve`);
    expect(again.status).toBe(409);
    expect(errorOf(again.body).code).toBe('conflict');
    expect((await fx.merchant('POST', `/v1/merchant/referrals/${first!.id}/approve`)).status).toBe(409);
    expect(await fx.balance(advocate.id)).toBe(ADVOCATE_POINTS);
    expect(await other.list()).toEqual([]);
  });

  it('needs the secret key', async () => {
    const response = await backend.app.request('/v1/merchant/referrals');
    expect(response.status).toBe(401);
  });

  it('reports the funnel: visits, claims, first orders and each state, with points paid', async () => {
    const fx = await shopWith({ holdDays: 0, maxPerWeekPerIpOrDevice: 1 });
    const advocate = await fx.advocate();
    for (let i = 0; i < 3; i++) await fx.storefront('POST', '/v1/referral-visits', { body: { code: advocate.code, visitorId: randomUUID() } });
    await fx.storefront('POST', '/v1/referral-claims', { body: { code: advocate.code, email: 'one@example.com' } });
    await fx.storefront('POST', '/v1/referral-claims', { body: { code: advocate.code, email: 'two@example.com' } });
    await fx.order({ id: uniqueId('friend') }, advocate.code, { ip: '192.0.2.1' }); // approved at once
    await fx.order({ id: uniqueId('friend') }, advocate.code, { ip: '192.0.2.1' }); // flagged
    await fx.order({ id: advocate.id }, advocate.code); // self: voided, not a first order
    const funnel = ReferralFunnel.parse((await fx.merchant('GET', '/v1/merchant/referrals/funnel')).body);
    expect(funnel).toEqual({
      from: null,
      to: null,
      visits: 3,
      claims: 2,
      firstOrders: 2,
      pending: 0,
      approved: 1,
      flagged: 1,
      voided: 1,
      pointsPaid: ADVOCATE_POINTS,
    });
    const day = clock.toISOString().slice(0, 10);
    const before = ReferralFunnel.parse((await fx.merchant('GET', `/v1/merchant/referrals/funnel?to=${new Date(clock.getTime() - DAY).toISOString().slice(0, 10)}`)).body);
    expect(before).toMatchObject({ visits: 0, claims: 0, firstOrders: 0, pointsPaid: 0 });
    const today = ReferralFunnel.parse((await fx.merchant('GET', `/v1/merchant/referrals/funnel?from=${day}&to=${day}`)).body);
    expect(today).toMatchObject({ visits: 3, firstOrders: 2 });
  });
});
