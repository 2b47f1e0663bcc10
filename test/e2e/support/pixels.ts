import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { SCREENSHOT_DIR } from './browser';

/** Committed references, one PNG per state (see README.md there for how to update them). */
export const REFERENCE_DIR = join('test', 'e2e', '__screenshots__');

/**
 * How different a screenshot may be. Each pixel is compared with pixelmatch's perceptual threshold,
 * anti-aliased pixels (font smoothing, curved edges) are not counted, and up to MAX_RATIO of the
 * pixels may still differ: a glyph rendered a hair differently passes, a moved card or a changed
 * colour does not.
 */
const PIXEL_THRESHOLD = 0.2;
const MAX_RATIO = 0.005;

export interface Comparison {
  ok: boolean;
  message: string;
}

/**
 * Compares a PNG with its reference. With `UPDATE_SCREENSHOTS=1` the reference is (re)written
 * instead. On a mismatch the actual image and a diff are saved under test-results/e2e/visual/.
 */
export function compareWithReference(name: string, png: Buffer): Comparison {
  const reference = join(REFERENCE_DIR, `${name}.png`);
  const outDir = join(SCREENSHOT_DIR, 'visual');
  mkdirSync(outDir, { recursive: true });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(REFERENCE_DIR, { recursive: true });
    writeFileSync(reference, png);
    return { ok: true, message: `wrote ${reference}` };
  }
  const actualPath = join(outDir, `${name}.actual.png`);
  if (!existsSync(reference)) {
    writeFileSync(actualPath, png);
    return { ok: false, message: `no reference ${reference}; the screenshot is at ${actualPath}. Look at it, then run with UPDATE_SCREENSHOTS=1 and commit it.` };
  }
  const expected = PNG.sync.read(readFileSync(reference));
  const actual = PNG.sync.read(png);
  if (expected.width !== actual.width || expected.height !== actual.height) {
    writeFileSync(actualPath, png);
    return { ok: false, message: `${name}: size ${actual.width}×${actual.height}, reference ${expected.width}×${expected.height} (actual at ${actualPath})` };
  }
  const diff = new PNG({ width: expected.width, height: expected.height });
  const mismatched = pixelmatch(expected.data, actual.data, diff.data, expected.width, expected.height, { threshold: PIXEL_THRESHOLD, includeAA: false });
  const ratio = mismatched / (expected.width * expected.height);
  if (ratio <= MAX_RATIO) return { ok: true, message: `${name}: ${mismatched} pixels differ (${(ratio * 100).toFixed(2)}%)` };
  writeFileSync(actualPath, png);
  const diffPath = join(outDir, `${name}.diff.png`);
  writeFileSync(diffPath, PNG.sync.write(diff));
  return { ok: false, message: `${name}: ${mismatched} pixels differ (${(ratio * 100).toFixed(2)}%, at most ${MAX_RATIO * 100}%); actual ${actualPath}, diff ${diffPath}` };
}
