import { defineGroup } from '../kit';

/** `GET /v1/boot`: the one call every page view makes. */
export const bootChecks = defineGroup({
  id: 'boot',
  title: 'Boot',
  checks: [
    {
      id: 'guest',
      title: 'answers a guest with the programme and no customer (200, BootResponse)',
      routes: ['boot'],
      covers: ['boot'],
      async run(t) {
        await t.guestBoot();
      },
    },
    {
      id: 'signed-in',
      title: "answers a signed-in shopper with their own snapshot, marked 'private, no-store'",
      routes: ['boot'],
      covers: ['boot'],
      needs: ['signingSecret'],
      async run(t) {
        const sub = t.options.customer ?? t.newCustomerId();
        const exchange = await t.call('boot', { token: await t.validToken(sub), asCustomer: true });
        const body = t.expectSuccess('boot', exchange, 200);
        const customer = body.customer ?? t.fail('a valid customer token got no customer snapshot', exchange);
        if (customer.id !== sub) t.fail(`the snapshot is for "${customer.id}", the token's sub is "${sub}"`, exchange);
        const cacheControl = exchange.headers.get('Cache-Control') ?? '';
        if (!/\bprivate\b/.test(cacheControl) || !/\bno-store\b/.test(cacheControl)) {
          t.fail(`a shopper's snapshot must be 'Cache-Control: private, no-store', got '${cacheControl || 'none'}'`, exchange);
        }
      },
    },
    {
      id: 'shared-cache',
      title: 'a publicly cacheable guest answer varies on Authorization (a cache never mixes shoppers)',
      routes: ['boot'],
      async run(t) {
        const exchange = await t.call('boot');
        t.expectStatus(exchange, 200);
        const cacheControl = exchange.headers.get('Cache-Control') ?? '';
        const shared = /\b(public|s-maxage)\b/.test(cacheControl) || (/\bmax-age=[1-9]/.test(cacheControl) && !/\bprivate\b/.test(cacheControl));
        if (!shared || /\bno-store\b/.test(cacheControl)) t.skip(`not applicable: the guest answer is not shared-cacheable ('${cacheControl || 'no Cache-Control'}')`);
        const vary = (exchange.headers.get('Vary') ?? '').toLowerCase();
        if (!vary.includes('authorization') && vary.trim() !== '*') {
          t.fail(`'Cache-Control: ${cacheControl}' without 'Vary: Authorization' lets a shared cache answer a signed-in shopper with a guest page, or worse`, exchange);
        }
      },
    },
    {
      id: 'bad-locale',
      title: 'refuses a malformed locale with 400 validation_failed naming the field',
      routes: ['boot'],
      async run(t) {
        const exchange = await t.call('boot', { query: { locale: '<script>' } });
        const envelope = t.expectError(exchange, 400, 'validation_failed');
        const fields = envelope.error.fields ?? [];
        if (fields.length && !fields.some((field) => field.path.includes('locale'))) {
          t.fail(`error.fields names ${fields.map((f) => f.path).join(', ')}, not locale`, exchange);
        }
      },
    },
  ],
});
