import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SadakatApi } from '../../src/widget/core/controller';

// Checks on the build output (`npm run build`; `npm test` builds first). Skipped when dist/ is
// absent, e.g. `npx vitest run --project widget` on a fresh clone.
const dist = 'dist';
const built = existsSync(join(dist, 'sadakat.js')) && existsSync(join(dist, 'sadakat-app.mjs'));
const read = (file: string) => readFileSync(join(dist, file), 'utf8');
const esFiles = () => ['sadakat.mjs', 'sadakat-app.mjs', ...readdirSync(join(dist, 'chunks')).map((name) => `chunks/${name}`)];

describe.skipIf(!built)('build output', () => {
  afterEach(() => {
    (window as { Sadakat?: SadakatApi }).Sadakat?.destroy?.();
  });

  it('the page-view script is one IIFE that declares no global', () => {
    const code = read('sadakat.js');
    expect(code.startsWith('(function(){')).toBe(true);
    expect(code.trimEnd().endsWith('})();')).toBe(true);
    expect(/^var /.test(code)).toBe(false);
  });

  it('loads the panel with a real dynamic import of a URL next to the script', () => {
    expect(/import\(new URL\(`sadakat-app\.mjs`,/.test(read('sadakat.js'))).toBe(true);
  });

  it('keeps Preact and the full programme schema out of the page-view script', () => {
    const code = read('sadakat.js');
    expect(code.includes('free_shipping')).toBe(false);
    expect(code.includes('__PREACT_SIGNALS_DEVTOOLS__')).toBe(false);
    expect(code.includes('showModal')).toBe(false);
  });

  it('runs as a script tag: replays a queue stub instead of clobbering it', () => {
    window.fetch = (() => new Promise(() => {})) as typeof fetch;
    const stub = [['init', { shop: 'pk_test_abcdef123', api: 'https://api.sadakat.test' }]];
    (window as { Sadakat?: unknown }).Sadakat = stub;
    const error = vi.spyOn(console, 'error');
    new Function(read('sadakat.js')).call(window);
    const api = (window as { Sadakat?: SadakatApi }).Sadakat;
    expect(api).not.toBe(stub);
    expect(api?.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(document.querySelectorAll('sadakat-widget')).toHaveLength(1);
    expect(error).not.toHaveBeenCalled();
  });

  it('ES modules are self-contained (no bare imports) and use named exports only', () => {
    for (const file of esFiles()) {
      const code = read(file);
      const specifiers = [...code.matchAll(/(?:import|export)\s*(?:[^'"`;]*?from\s*)?["'`]([^"'`]+)["'`]/g)].map((m) => m[1]);
      for (const specifier of specifiers) expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\.?\//);
      expect(/export\s*default|as default\b/.test(code), file).toBe(false);
    }
    expect(/export\{[^}]*as createSadakat\b/.test(read('sadakat.mjs'))).toBe(true);
    expect(/export\{[^}]*as mountApp\}/.test(read('sadakat-app.mjs'))).toBe(true);
  });

  it('contains no eval, and no HTML-string sinks of ours', () => {
    for (const file of ['sadakat.js', ...esFiles()]) {
      expect(read(file).match(/\beval\(|new Function\(/)?.[0], file).toBeUndefined();
    }
    expect(read('sadakat.js').match(/innerHTML|insertAdjacentHTML|outerHTML/)?.[0]).toBeUndefined();
    // Preact's renderer contains an innerHTML path, reachable only through dangerouslySetInnerHTML.
    const sources = readdirSync('src/widget', { recursive: true, encoding: 'utf8' }).filter((name) => /\.tsx?$/.test(name));
    for (const name of sources) expect(readFileSync(join('src/widget', name), 'utf8'), name).not.toContain('dangerouslySetInnerHTML');
  });
});
