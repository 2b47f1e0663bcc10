import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { measure, table } from '../../scripts/sizeCheck';

// The size check counts one locale: every catalog chunk of one language (the panel's and the
// referral chunk's), the language whose chunks weigh most together, and none of the others.

const dist = mkdtempSync(join(tmpdir(), 'sadakat-size-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

/** A file of `bytes` incompressible bytes, so that its brotli size follows its raw size. */
const write = (file: string, bytes: number) => writeFileSync(join(dist, file), randomBytes(bytes));

describe('the size check', () => {
  it('counts the catalogs of one language, panel and referral together, the heaviest language', () => {
    mkdirSync(join(dist, 'chunks'));
    write('sadakat.js', 100);
    write('sadakat-app.mjs', 100);
    write('sadakat-page.mjs', 100);
    write('chunks/views-abc.mjs', 100);
    // Arabic has the largest panel catalog, Turkish the largest sum with its referral strings.
    write('chunks/catalog-ar-a1.mjs', 900);
    write('chunks/catalog-ar-referral-a2.mjs', 100);
    write('chunks/catalog-tr-t1.mjs', 800);
    write('chunks/catalog-tr-referral-t2.mjs', 400);
    write('chunks/catalog-en-e1.mjs', 700);
    write('chunks/catalog-en-referral-e2.mjs', 300);
    // The shared chunk named after catalogs.ts is no catalog.
    write('chunks/catalogs-xyz.mjs', 100);

    const report = measure(dist);
    const counted = report.files.filter((f) => f.counted).map((f) => f.file).sort();
    expect(counted).toEqual(['chunks/catalog-tr-referral-t2.mjs', 'chunks/catalog-tr-t1.mjs', 'chunks/catalogs-xyz.mjs', 'chunks/views-abc.mjs', 'sadakat-app.mjs', 'sadakat-page.mjs', 'sadakat.js']);
    const sum = report.files.filter((f) => f.counted).reduce((total, f) => total + f.sizes.brotli, 0);
    expect(report.total.brotli).toBe(sum);
    expect(table(report)).toMatch(/\| chunks\/catalog-ar-referral-a2\.mjs \(other locale, not counted\) \|/);
    expect(table(report)).not.toMatch(/catalog-tr-referral-t2\.mjs \(other locale/);
  });

  it('counts in the page view what loads before any interaction: the script and the page module with its static imports', () => {
    const page = mkdtempSync(join(tmpdir(), 'sadakat-size-page-'));
    try {
      mkdirSync(join(page, 'chunks'));
      const put = (file: string, text: string) => writeFileSync(join(page, file), text);
      put('sadakat.js', 'a'.repeat(10));
      // Static imports count (transitively); `import()` of the panel or a catalog does not.
      put('sadakat-page.mjs', 'import{a}from"./chunks/shared-1.mjs";const p=()=>import(`./sadakat-app.mjs`),c=()=>import(`./chunks/catalog-tr-t1.mjs`);');
      put('chunks/shared-1.mjs', 'import"./deep-2.mjs";export const a=1;');
      put('chunks/deep-2.mjs', 'export{};');
      put('sadakat-app.mjs', 'import"./chunks/panel-3.mjs";');
      put('chunks/panel-3.mjs', 'x'.repeat(50));
      put('chunks/catalog-tr-t1.mjs', 't'.repeat(20));
      put('chunks/catalog-tr-referral-t2.mjs', 'r'.repeat(20));
      const report = measure(page);
      const size = (file: string) => report.files.find((f) => f.file === file)!.sizes.brotli;
      const expected = ['sadakat.js', 'sadakat-page.mjs', 'chunks/shared-1.mjs', 'chunks/deep-2.mjs'].reduce((total, file) => total + size(file), 0);
      expect(report.pageView.brotli).toBe(expected);
      expect(report.script.brotli).toBe(size('sadakat.js'));
      expect(report.total.brotli).toBeGreaterThan(report.pageView.brotli + size('chunks/panel-3.mjs') - 1);
    } finally {
      rmSync(page, { recursive: true, force: true });
    }
  });
});
