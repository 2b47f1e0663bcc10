/**
 * The build's size check (the last step of `npm run build`, so it runs wherever the build runs,
 * CI included): compresses the widget's output the way a CDN would (gzip -9, brotli -11) and
 * fails the build when a budget of /work/shared/BUDGETS.md (copied in `BUDGETS` below) is exceeded.
 *
 * - page view: everything a storefront downloads before any interaction: `dist/sadakat.js` and,
 *   once the boot payload is in, `sadakat-page.mjs` with the chunks it imports statically.
 * - total: the page-view script plus every lazily loaded ES chunk the script tag can reach
 *   (`sadakat-app.mjs`, `sadakat-page.mjs` and `dist/chunks/`), counting one locale's catalogs (panel and referral) when catalogs are
 *   separate chunks (a shopper loads one). `sadakat.mjs` is the npm entry, an alternative to the script, not an addition.
 *
 * Run on its own with `npx tsx scripts/sizeCheck.ts [distDir]`; `--json` prints the figures as JSON.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface Budget {
  name: string;
  brotli: number;
  gzip?: number;
  /**
   * A breach the project knows about and has not fixed yet: the check still fails if the figure
   * grows past `brotli`, so the gap can only shrink. Must name why and where it is tracked.
   */
  knownBreach?: { brotli: number; why: string };
}

const KB = 1024;

/** The budgets (BUDGETS.md, v1). */
export const BUDGETS: Record<'script' | 'pageView' | 'total', Budget> = {
  script: { name: 'page-view script sadakat.js', brotli: 10 * KB, gzip: 12 * KB },
  pageView: {
    name: 'page view (script + page module)',
    brotli: 10 * KB,
    gzip: 12 * KB,
    knownBreach: {
      brotli: 12.65 * KB,
      why: 'sadakat.js alone is within 10 KB; the page module that fills placements and the badge and arms survey triggers, with its shared chunk, comes on top (issue #8); lower this ceiling whenever it drops',
    },
  },
  total: {
    name: 'everything (one locale)',
    brotli: 45 * KB,
    knownBreach: {
      brotli: 56.9 * KB,
      why: 'the panel, survey and referral chunks exceed the 45 KB budget (issue #8; zod core no longer ships, the widget validates with src/widget/validation); lower this ceiling whenever the total drops, raise it only with a reason in the commit',
    },
  },
};

export function compressedSizes(bytes: Uint8Array): Sizes {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

/**
 * Per-locale catalog chunks are named `catalog-<lang>-<hash>.mjs` (the panel's) and
 * `catalog-<lang>-referral-<hash>.mjs` (the referral chunk's; vite.config.ts). A shopper loads only
 * the shown language's (src/widget/i18n/catalogs.ts, src/widget/app/referral/i18n/catalogs.ts):
 * the chunks of one language count, the language whose chunks weigh most together.
 */
export const LOCALE_CHUNK = /^catalog-([a-z]{2,3})-/;

export interface Report {
  files: Array<{ file: string; sizes: Sizes; counted: boolean }>;
  script: Sizes;
  pageView: Sizes;
  total: Sizes;
  failures: string[];
}

const sum = (list: Sizes[]): Sizes =>
  list.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), { raw: 0, gzip: 0, brotli: 0 });

/** Relative static imports of an ES chunk (`import … from"./x.mjs"`, `import"./x.mjs"`), not `import()`. */
function staticImports(dist: string, file: string): string[] {
  const text = readFileSync(join(dist, file), 'utf8');
  const base = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  return [...text.matchAll(/(?:\bfrom|\bimport)\s*["'`]\.\/([^"'`]+)["'`]/g)].map((m) => base + m[1]);
}

/** A file and everything it imports statically, transitively. */
function withStaticImports(dist: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file) || !existsSync(join(dist, file))) return seen;
  seen.add(file);
  for (const imported of staticImports(dist, file)) withStaticImports(dist, imported, seen);
  return seen;
}

export function measure(dist = 'dist'): Report {
  const pageFile = 'sadakat.js';
  if (!existsSync(join(dist, pageFile))) throw new Error(`size check: ${join(dist, pageFile)} is missing; run the build first`);
  const chunkDir = join(dist, 'chunks');
  const entries = ['sadakat-app.mjs', 'sadakat-page.mjs'].filter((file) => existsSync(join(dist, file)));
  const lazy = [...entries, ...(existsSync(chunkDir) ? readdirSync(chunkDir).filter((f) => f.endsWith('.mjs')).map((f) => `chunks/${f}`) : [])];
  const files = [pageFile, ...lazy].map((file) => ({ file, sizes: compressedSizes(readFileSync(join(dist, file))), counted: true }));

  // One locale: count the heaviest language's catalog chunks, leave the others out of the total.
  const languageOf = (file: string) => LOCALE_CHUNK.exec(file.replace('chunks/', ''))?.[1] ?? null;
  const weights = new Map<string, number>();
  for (const f of files) {
    const language = languageOf(f.file);
    if (language) weights.set(language, (weights.get(language) ?? 0) + f.sizes.brotli);
  }
  const heaviest = [...weights].reduce<[string, number] | null>((best, entry) => (!best || entry[1] > best[1] ? entry : best), null)?.[0];
  for (const f of files) {
    const language = languageOf(f.file);
    if (language) f.counted = language === heaviest;
  }

  // Before any interaction: the script, the page module and its static imports.
  const beforeInteraction = withStaticImports(dist, 'sadakat-page.mjs');
  beforeInteraction.add(pageFile);
  const pageView = sum(files.filter((f) => beforeInteraction.has(f.file)).map((f) => f.sizes));
  const total = sum(files.filter((f) => f.counted).map((f) => f.sizes));
  const failures: string[] = [];
  const check = (budget: Budget, sizes: Sizes) => {
    if (budget.gzip !== undefined && sizes.gzip > budget.gzip && !budget.knownBreach) failures.push(`${budget.name}: gzip ${kb(sizes.gzip)} > ${kb(budget.gzip)}`);
    const limit = budget.knownBreach?.brotli ?? budget.brotli;
    if (sizes.brotli > limit) {
      failures.push(`${budget.name}: brotli ${kb(sizes.brotli)} > ${kb(limit)}${budget.knownBreach ? ' (known-breach ceiling)' : ''}`);
    }
  };
  const script = files[0]!.sizes;
  check(BUDGETS.script, script);
  check(BUDGETS.pageView, pageView);
  check(BUDGETS.total, total);
  return { files, script, pageView, total, failures };
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(2)} KB`;

export function table(report: Report): string {
  const lines = ['| file | raw | gzip | brotli |', '| --- | ---: | ---: | ---: |'];
  for (const { file, sizes, counted } of report.files) {
    lines.push(`| ${file}${counted ? '' : ' (other locale, not counted)'} | ${kb(sizes.raw)} | ${kb(sizes.gzip)} | ${kb(sizes.brotli)} |`);
  }
  lines.push('', '| budget | gzip | brotli | budget | headroom (brotli) | status |', '| --- | ---: | ---: | --- | ---: | --- |');
  const row = (budget: Budget, sizes: Sizes) => {
    const limits = `≤ ${kb(budget.brotli)} br${budget.gzip ? `, ≤ ${kb(budget.gzip)} gz` : ''}`;
    const over = sizes.brotli > budget.brotli || (budget.gzip !== undefined && sizes.gzip > budget.gzip);
    const status = !over ? 'ok' : budget.knownBreach && sizes.brotli <= budget.knownBreach.brotli ? `KNOWN BREACH (ceiling ${kb(budget.knownBreach.brotli)}): ${budget.knownBreach.why}` : 'FAIL';
    lines.push(`| ${budget.name} | ${kb(sizes.gzip)} | ${kb(sizes.brotli)} | ${limits} | ${kb(budget.brotli - sizes.brotli)} | ${status} |`);
  };
  row(BUDGETS.script, report.script);
  row(BUDGETS.pageView, report.pageView);
  row(BUDGETS.total, report.total);
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const report = measure(args.find((a) => !a.startsWith('--')) ?? 'dist');
  if (args.includes('--json')) console.log(JSON.stringify(report, null, 2));
  else console.log(`\nSize check (gzip -9, brotli -11; KB = 1,024 bytes)\n\n${table(report)}\n`);
  if (report.failures.length) {
    console.error(`size check failed:\n- ${report.failures.join('\n- ')}`);
    process.exitCode = 1;
  }
}
