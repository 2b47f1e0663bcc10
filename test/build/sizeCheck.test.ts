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
    expect(counted).toEqual(['chunks/catalog-tr-referral-t2.mjs', 'chunks/catalog-tr-t1.mjs', 'chunks/catalogs-xyz.mjs', 'chunks/views-abc.mjs', 'sadakat-app.mjs', 'sadakat.js']);
    const sum = report.files.filter((f) => f.counted).reduce((total, f) => total + f.sizes.brotli, 0);
    expect(report.total.brotli).toBe(sum);
    expect(table(report)).toMatch(/\| chunks\/catalog-ar-referral-a2\.mjs \(other locale, not counted\) \|/);
    expect(table(report)).not.toMatch(/catalog-tr-referral-t2\.mjs \(other locale/);
  });
});
