import { describe, expect, it } from 'vitest';
import { BootResponse, ErrorEnvelope, MoneyAmount, ProgrammeConfig, routes, type RouteDefinition } from '../../src/contract';
import { buildOpenApiDocument } from '../../src/contract/openapi';
import { demoProgramme } from '../../src/server/seed/demoProgramme';

const customer = {
  id: 'ayse',
  firstName: 'Ayşe',
  balance: 2450,
  lifetimeEarned: 3450,
  tier: { basis: 'points_earned', value: 3450, current: { id: 'gumus', name: 'Gümüş' }, next: { id: 'altin', name: 'Altın', remaining: 550 }, progress: 0.78 },
  recentActivity: [{ id: 'e1', kind: 'order', delta: 725, reference: '#1296', description: null, createdAt: '2026-10-13T12:00:00.000Z' }],
};
const boot = {
  shop: { id: 'shop_kervan', name: 'Kervan' },
  locale: 'tr',
  programme: { name: 'Kervan Kulübü', currency: 'TRY', joinUrl: null, signInUrl: null, tierBasis: 'points_earned', earnRules: [], rewards: [], tiers: [], campaigns: [] },
  customer,
};

describe('BootResponse', () => {
  it('accepts a well-formed payload', () => {
    expect(BootResponse.safeParse(boot).success).toBe(true);
  });

  it.each([
    ['an overflowing balance (1e309 parses to Infinity)', { balance: JSON.parse('1e309') as number }],
    ['a fractional balance', { balance: 12.5 }],
    ['a balance beyond 2^53', { balance: 2 ** 53 + 2 }],
    ['NaN', { balance: Number.NaN }],
    ['a balance as a string', { balance: '2450' }],
    ['an unknown activity kind', { recentActivity: [{ ...customer.recentActivity[0], kind: 'jackpot' }] }],
    ['progress above 1', { tier: { ...customer.tier, progress: 3 } }],
  ])('rejects %s', (_name, patch) => {
    expect(BootResponse.safeParse({ ...boot, customer: { ...customer, ...patch } }).success).toBe(false);
  });

  it('rejects links that are not https', () => {
    const programme = { ...boot.programme, joinUrl: 'javascript:alert(1)' };
    expect(BootResponse.safeParse({ ...boot, programme }).success).toBe(false);
  });

  it('does not let a __proto__ key change the parsed object', () => {
    const parsed = BootResponse.parse(JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(boot).slice(1)}`));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });
});

describe('CustomerSnapshot additions', () => {
  it('still accepts a snapshot from a server that predates coupons, claimed actions and birthdays', () => {
    expect(BootResponse.safeParse(boot).success).toBe(true);
  });

  it('accepts them when present and checks them', () => {
    const coupon = {
      code: '7QX4-M2PD-KH3A', rewardId: '50-off', rewardName: '50 ₺ indirim', kind: 'amount_off', value: 50, minOrder: null, cost: 1000,
      status: 'issued', createdAt: '2026-10-13T12:00:00.000Z', usedAt: null, expiresAt: null,
    };
    const extended = { ...customer, coupons: [coupon], claimedActions: ['instagram'], birthday: '03-14' };
    expect(BootResponse.safeParse({ ...boot, customer: extended }).success).toBe(true);
    expect(BootResponse.safeParse({ ...boot, customer: { ...extended, birthday: '02-30' } }).success).toBe(false);
    expect(BootResponse.safeParse({ ...boot, customer: { ...extended, coupons: [{ ...coupon, code: 'OOOO-1111-IIII' }] } }).success).toBe(false);
  });
});

describe('ProgrammeConfig', () => {
  it('accepts the demo programme', () => {
    expect(ProgrammeConfig.safeParse(demoProgramme(new Date())).success).toBe(true);
  });

  it('names the offending field', () => {
    const bad = demoProgramme(new Date());
    bad.rewards[1] = { ...bad.rewards[1]!, cost: -5 };
    const result = ProgrammeConfig.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['rewards', 1, 'cost']);
  });

  it('names each duplicate id and a tier threshold another tier already has at that field', () => {
    const bad = demoProgramme(new Date());
    bad.rewards.push({ ...bad.rewards[0]! });
    bad.tiers.push({ ...bad.tiers[1]!, id: 'platin' });
    const issues = ProgrammeConfig.safeParse(bad).error?.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(issues).toEqual([
      [`rewards.${bad.rewards.length - 1}.id`, `duplicate id ${bad.rewards[0]!.id}`],
      [`tiers.${bad.tiers.length - 1}.threshold`, 'another tier has this threshold'],
    ]);
  });

  it('rejects unknown keys (strict)', () => {
    expect(ProgrammeConfig.safeParse({ ...demoProgramme(new Date()), surprise: true }).success).toBe(false);
  });
});

describe('error envelope and OpenAPI', () => {
  it('describes errors with a code, a message and a request id', () => {
    expect(ErrorEnvelope.safeParse({ error: { code: 'unauthorized', message: 'x', requestId: 'r' } }).success).toBe(true);
    expect(ErrorEnvelope.safeParse({ error: { code: 'teapot', message: 'x', requestId: 'r' } }).success).toBe(false);
  });

  it('declares exactly the parameters each path names, and documents them as path parameters', () => {
    const document = buildOpenApiDocument('test') as { paths: Record<string, Record<string, { parameters: Array<{ name: string; in: string }> }>> };
    for (const [name, route] of Object.entries(routes) as Array<[string, RouteDefinition]>) {
      const inPath = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = route.params ? Object.keys((route.params as unknown as { shape: Record<string, unknown> }).shape).sort() : [];
      expect(declared, name).toEqual(inPath);
      const documented = document.paths[route.path]?.[route.method.toLowerCase()]?.parameters.filter((p) => p.in === 'path').map((p) => p.name).sort();
      expect(documented, name).toEqual(inPath);
    }
  });

  it('marks merchant routes as secret-key only', () => {
    const document = buildOpenApiDocument('test') as { paths: Record<string, Record<string, { security: unknown }>> };
    for (const route of Object.values(routes) as RouteDefinition[]) {
      if (route.path.startsWith('/v1/merchant/')) {
        expect(route.auth).toBe('merchant');
        expect(document.paths[route.path]?.[route.method.toLowerCase()]?.security).toEqual([{ secretKey: [] }]);
      }
    }
  });

  it('has an OpenAPI operation for every route in the table', () => {
    const document = buildOpenApiDocument('test');
    for (const [name, route] of Object.entries(routes)) {
      expect(document.paths[route.path]?.[route.method.toLowerCase()]).toMatchObject({ operationId: name });
    }
  });
});

describe('MoneyAmount', () => {
  it('accepts every amount with at most two decimals, including ones binary floating point cannot hold exactly', () => {
    for (const amount of [0, 0.07, 0.29, 1.15, 19.99, 129.9, 1249.9, 99_999_999.99]) expect(MoneyAmount.safeParse(amount).success).toBe(true);
    for (const amount of [-0.01, 19.991, 0.001, Number.NaN, Number.POSITIVE_INFINITY, 100_000_000.01]) {
      expect(MoneyAmount.safeParse(amount).success).toBe(false);
    }
  });
});
