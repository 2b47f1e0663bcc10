import { describe, expect, it, vi } from 'vitest';

// The page-view build swaps zod/mini's engine for src/widget/validation/zodPageView.ts (vite.config.ts,
// mode iife). The same schema modules are loaded twice here, once on each engine, and must give the
// same results for every input: options, the launcher's slice of the boot payload, error codes.
type OptionsModule = typeof import('../../src/widget/core/options');
type SliceModule = typeof import('../../src/widget/core/bootSlice');
type ErrorsModule = typeof import('../../src/contract/errors');

async function load(): Promise<{ options: OptionsModule; slice: SliceModule; errors: ErrorsModule }> {
  return {
    options: await import('../../src/widget/core/options'),
    slice: await import('../../src/widget/core/bootSlice'),
    errors: await import('../../src/contract/errors'),
  };
}

const real = await load();
vi.resetModules();
vi.doMock('zod/mini', () => import('../../src/widget/validation/zodMiniPageView'));
const pageView = await load();
// The ES build (npm entry, panel) parses the same options on the widget engine (zodWidget.ts).
vi.resetModules();
vi.doMock('zod/mini', () => import('../../src/widget/validation/zodMiniWidget'));
const widget = await load();
vi.doUnmock('zod/mini');

const shop = 'pk_test_abcdef123';
const fetchFn = () => Promise.resolve(new Response());

const optionInputs: unknown[] = [
  null,
  undefined,
  42,
  'pk_test_abcdef123',
  [],
  {},
  { shop },
  { shop: 'sk_live_secret' },
  { shop: 'pk_test_abc' },
  { shop: 42 },
  { shop, api: 'https://api.example.com' },
  { shop, api: 'http://localhost:3000' },
  { shop, api: 'http://127.0.0.1:1' },
  { shop, api: 'http://api.example.com' },
  { shop, api: 'ftp://api.example.com' },
  { shop, api: `https://a.example/${'x'.repeat(2000)}` },
  { shop, api: 'not a url' },
  { shop, customerToken: 'a.b.c' },
  { shop, customerToken: null },
  { shop, customerToken: undefined },
  { shop, customerToken: '' },
  { shop, customerToken: 42 },
  { shop, customerToken: 'x'.repeat(8192) },
  { shop, customerToken: 'x'.repeat(8193) },
  { shop, locale: 'en-GB' },
  { shop, locale: 'tr' },
  { shop, locale: 'not a locale!' },
  { shop, locale: 'e' },
  { shop, theme: 'dark' },
  { shop, theme: 'auto' },
  { shop, theme: 'purple' },
  { shop, theme: 42 },
  { shop, theme: null },
  { shop, theme: [] },
  { shop, theme: { mode: 'dark', accent: '#c2410c', radius: '6px', zIndex: 10 } },
  { shop, theme: { zIndex: 1.5 } },
  { shop, theme: { zIndex: '10' } },
  { shop, theme: { accent: 'red; background: url(x)' } },
  { shop, theme: { accent: '#123456', radius: '{}', sparkle: '1', mode: 'sepia' } },
  { shop, theme: { accent: 'x'.repeat(300) } },
  { shop, theme: { accent: 'x'.repeat(301) } },
  { shop, theme: { accent: 12 } },
  { shop, joinUrl: 'javascript:alert(1)', signInUrl: 'https://shop.example/login' },
  { shop, position: 'bottom-start' },
  { shop, position: 'top-left' },
  { shop, timeout: 5000 },
  { shop, timeout: -5 },
  { shop, timeout: 0 },
  { shop, timeout: 1 },
  { shop, timeout: 120_000 },
  { shop, timeout: 120_001 },
  { shop, timeout: 2.5 },
  { shop, timeout: '5000' },
  { shop, timeout: Number.NaN },
  { shop, nonce: 'abc' },
  { shop, nonce: 'x'.repeat(200) },
  { shop, nonce: 'x'.repeat(201) },
  // zod counts code points: 150 emoji are 300 UTF-16 units but 150 characters.
  { shop, nonce: '😀'.repeat(150) },
  { shop, nonce: '😀'.repeat(201) },
  { shop, customerToken: '🎁'.repeat(8192) },
  { shop, customerToken: '🎁'.repeat(8193) },
  { shop, fetch: fetchFn },
  { shop, fetch: 'fetch' },
  { shop, colour: 'red', size: 2 },
  { shop: 'bad', colour: 'red' },
];

describe('the page-view validation engine gives zod’s results', () => {
  it.each(optionInputs.map((input, index) => [index, input] as const))('parseOptions, input %i', (_index, input) => {
    expect(pageView.options.parseOptions(input)).toEqual(real.options.parseOptions(input));
    expect(widget.options.parseOptions(input)).toEqual(real.options.parseOptions(input));
  });

  // The widget engine also reports zod's issue codes (the page-view engine only zod's paths).
  it.each(optionInputs.map((input, index) => [index, input] as const))('WidgetOptions issues on the widget engine, input %i', (_index, input) => {
    const issues = (result: { success: boolean; error?: { issues: Array<{ code: string; path: PropertyKey[]; keys?: string[] }> } }) =>
      result.error?.issues.map(({ code, path, keys }) => ({ code, path, keys })) ?? [];
    const expected = real.options.WidgetOptions.safeParse(input);
    const actual = widget.options.WidgetOptions.safeParse(input);
    expect(actual.success).toBe(expected.success);
    expect(issues(actual)).toEqual(issues(expected));
  });

  const slices: unknown[] = [
    { locale: 'tr', customer: null },
    { locale: 'en-GB', customer: { balance: 1250 }, extra: true },
    { locale: 'tr', customer: { balance: 1.5 } },
    { locale: 'tr', customer: { balance: 2 ** 60 } },
    { locale: 'tr', customer: { balance: '12' } },
    { locale: 'tr', customer: {} },
    { locale: 'not a locale', customer: null },
    { customer: null },
    { locale: 'tr' },
    [],
    null,
    'boot',
  ];
  it.each(slices.map((json, index) => [index, json] as const))('the launcher slice of a boot payload, input %i', (_index, json) => {
    expect(pageView.slice.parseLauncherSlice(json)).toEqual(real.slice.parseLauncherSlice(json));
    expect(widget.slice.parseLauncherSlice(json)).toEqual(real.slice.parseLauncherSlice(json));
  });

  it.each(['unauthorized', 'rate_limited', 'nope', 42, undefined, null])('error code %s', (code) => {
    const a = pageView.errors.ErrorCode.safeParse(code);
    const b = real.errors.ErrorCode.safeParse(code);
    expect(a.success).toBe(b.success);
    if (a.success && b.success) expect(a.data).toBe(b.data);
  });

  it('really is a different engine (the swap took effect)', () => {
    expect(pageView.options.WidgetOptions).not.toHaveProperty('_zod');
    expect(widget.options.WidgetOptions).not.toHaveProperty('_zod');
    // Two different small engines: the page view's runs take (value, issues, path), the widget's a payload.
    const runOf = (schema: unknown) => (schema as { run: (...args: unknown[]) => unknown }).run;
    expect([runOf(pageView.options.WidgetOptions).length, runOf(widget.options.WidgetOptions).length]).toEqual([3, 1]);
    expect(real.options.WidgetOptions).toHaveProperty('_zod');
  });
});
