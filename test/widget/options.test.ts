import { describe, expect, it, vi } from 'vitest';
import { createController } from '../../src/widget/core/controller';
import { optionsFromDataset, parseOptions } from '../../src/widget/core/options';

const shop = 'pk_test_abcdef123';
const api = 'https://api.example.com';

describe('parseOptions', () => {
  it('accepts the documented options', () => {
    const { options, warnings } = parseOptions({
      shop,
      api,
      customerToken: 'a.b.c',
      locale: 'en-GB',
      theme: { mode: 'dark', accent: '#c2410c', radius: '6px', zIndex: 10 },
      joinUrl: 'https://shop.example/join',
      signInUrl: 'https://shop.example/login',
      position: 'bottom-start',
      timeout: 5000,
      basePath: '/loyalty/v1-compat',
      headers: { 'X-Shop-Trace': 'abc' },
      getCustomerToken: () => null,
      fetch: (input: RequestInfo | URL) => fetch(input),
    });
    expect(warnings).toEqual([]);
    expect(options).toMatchObject({ shop, api, locale: 'en-GB', position: 'bottom-start', theme: { accent: '#c2410c' } });
  });

  it.each([
    ['api', { api: 'ftp://api.example.com' }],
    ['api', { api: 'http://api.example.com' }],
    ['customerToken', { customerToken: 42 }],
    ['locale', { locale: 'not a locale!' }],
    ['theme', { theme: 'purple' }],
    ['theme.accent', { theme: { accent: 'red; background: url(x)' } }],
    ['theme.sparkle', { theme: { sparkle: '1' } }],
    ['theme.mode', { theme: { mode: 'sepia' } }],
    ['joinUrl', { joinUrl: 'javascript:alert(1)' }],
    ['signInUrl', { signInUrl: 'not a url' }],
    ['position', { position: 'top-left' }],
    ['timeout', { timeout: -5 }],
    ['colour', { colour: 'red' }],
    ['fetch', { fetch: 'https://proxy.example' }],
    ['basePath', { basePath: 'loyalty' }],
    ['basePath', { basePath: '/a/../admin' }],
    ['basePath', { basePath: '/loyalty?x=1' }],
    ['headers', { headers: 'X-Trace: 1' }],
    ['headers.Authorization', { headers: { Authorization: 'Bearer x', 'X-Ok': '1' } }],
    ['headers.Idempotency-Key', { headers: { 'Idempotency-Key': 'k' } }],
    ['headers.X Bad', { headers: { 'X Bad': '1' } }],
    ['headers.X-Split', { headers: { 'X-Split': 'a\r\nSet-Cookie: b' } }],
    ['getCustomerToken', { getCustomerToken: 'token' }],
  ])('a bad "%s" gives exactly one warning naming it, and the rest still applies', (field, bad) => {
    const { options, warnings } = parseOptions({ shop, api, locale: 'tr', ...bad });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`"${field}"`);
    expect(options).not.toBeNull();
    expect(options?.shop).toBe(shop);
    const top = field.split('.')[0] as string;
    if ((top !== 'theme' && top !== 'headers') || !field.includes('.')) expect(options).not.toHaveProperty(top);
  });

  it('keeps the good tokens of a theme with one bad token', () => {
    const { options, warnings } = parseOptions({ shop, theme: { accent: '#123456', radius: '{}' } });
    expect(warnings).toHaveLength(1);
    expect(options?.theme).toEqual({ accent: '#123456' });
  });

  it.each([
    ['missing', {}],
    ['invalid', { shop: 'sk_live_secret' }],
  ])('a %s shop stops the widget with one warning', (_label, input) => {
    const { options, warnings } = parseOptions(input);
    expect(options).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('"shop"');
  });

  it.each([null, undefined, 'pk_test_abcdef123', 42, []])('%s instead of an object is one warning, no throw', (input) => {
    expect(() => parseOptions(input)).not.toThrow();
    expect(parseOptions(input).warnings).toHaveLength(1);
    expect(parseOptions(input).options).toBeNull();
  });

  it('maps data-* attributes to the same option names', () => {
    const script = document.createElement('script');
    script.setAttribute('data-shop', shop);
    script.setAttribute('data-api', api);
    script.setAttribute('data-customer-token', 'a.b.c');
    script.setAttribute('data-sign-in-url', 'https://shop.example/login');
    script.setAttribute('data-join-url', 'https://shop.example/join');
    script.setAttribute('data-position', 'bottom-start');
    script.setAttribute('data-theme', 'dark');
    script.setAttribute('data-locale', 'en');
    script.setAttribute('data-unrelated', 'x');
    script.setAttribute('data-base-path', '/loyalty');
    expect(optionsFromDataset(script.dataset)).toEqual({
      shop,
      api,
      basePath: '/loyalty',
      customerToken: 'a.b.c',
      signInUrl: 'https://shop.example/login',
      joinUrl: 'https://shop.example/join',
      position: 'bottom-start',
      theme: 'dark',
      locale: 'en',
    });
  });
});

describe('init() with bad options', () => {
  const start = (input: unknown) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const sadakat = createController({ window, document, loadApp: () => new Promise(() => {}) });
    expect(() => sadakat.init(input as never)).not.toThrow();
    return { sadakat, warn, error };
  };

  it('warns once, prefixed, naming the field, and still starts', () => {
    const { sadakat, warn, error } = start({ shop, api, fetch: () => new Promise(() => {}), position: 'middle' });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/^\[sadakat\] .*"position"/);
    expect(error).not.toHaveBeenCalled();
    expect(document.querySelectorAll('sadakat-widget')).toHaveLength(1);
    sadakat.destroy();
  });

  it('does not start without a valid shop, and adds nothing to the page', () => {
    const { sadakat, warn } = start({ shop: 'nope', api });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/^\[sadakat\] .*"shop"/);
    expect(document.querySelector('sadakat-widget')).toBeNull();
    sadakat.destroy();
  });

  it('does not start without an API origin when no script URL provides one', () => {
    const { sadakat, warn } = start({ shop });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/^\[sadakat\] .*"api"/);
    expect(document.querySelector('sadakat-widget')).toBeNull();
    sadakat.destroy();
  });

  it('a second init() updates the running widget instead of creating another', () => {
    const { sadakat, warn } = start({ shop, api, fetch: () => new Promise(() => {}) });
    const host = document.querySelector('sadakat-widget');
    sadakat.init({ shop, api, position: 'bottom-start', theme: 'dark' });
    sadakat.init({ shop, api, position: 'bottom-start', theme: 'dark' });
    expect(warn).not.toHaveBeenCalled();
    expect(document.querySelectorAll('sadakat-widget')).toHaveLength(1);
    expect(document.querySelector('sadakat-widget')).toBe(host);
    expect(host?.getAttribute('data-position')).toBe('bottom-start');
    expect(host?.getAttribute('data-theme')).toBe('dark');
    sadakat.destroy();
  });
});
