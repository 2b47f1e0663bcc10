// `npm run bench`: the browser comparison (bench/browserBench.ts) and the loopback load run of the
// reference server (bench/serverLoad.ts), as Markdown tables on stdout and JSON in bench/results/.
// A benchmark, not a test: it reports medians and spreads and never fails on a figure.
//
//   BENCH_LOADS=7 BENCH_WINDOW_MS=4000 BENCH_CPU=4 BENCH_SERVER_SECONDS=8 npm run bench
//   BENCH_SKIP_BROWSER=1 / BENCH_SKIP_SERVER=1 run one half only.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { runBrowserBench, type LoadSample, type PageViewSample } from './browserBench';
import { loadTable, runServerLoad, type LoadResult } from './serverLoad';
import { VARIANTS } from './variants';

const loads = Math.max(1, Number(process.env.BENCH_LOADS ?? 7));
const windowMs = Number(process.env.BENCH_WINDOW_MS ?? 4000);
const cpuThrottle = Number(process.env.BENCH_CPU ?? 4);

export interface Spread {
  median: number;
  p25: number;
  p75: number;
  n: number;
}

/** Quantile with linear interpolation between the closest ranks. */
function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

export function spread(values: Array<number | null>): Spread {
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p25: quantile(sorted, 0.25), p75: quantile(sorted, 0.75), n: sorted.length };
}

type Phase = 'cold' | 'warm';
const FIELDS = ['widgetBrotliKb', 'widgetGzipKb', 'jsWireKb', 'requests', 'scriptMs', 'longTasks', 'tbtMs', 'cls', 'launcherMs', 'heapMb'] as const;
type Field = (typeof FIELDS)[number];

const valueOf = (s: PageViewSample, field: Field): number | null =>
  field === 'widgetBrotliKb' ? s.widgetJs.brotli / 1024 : field === 'widgetGzipKb' ? s.widgetJs.gzip / 1024 : field === 'jsWireKb' ? s.jsWire / 1024 : s[field];

function summarise(samples: LoadSample[]) {
  const out: Record<string, Record<Phase, Record<Field, Spread>> & { firstOpenMs: Spread }> = {};
  for (const variant of VARIANTS) {
    const mine = samples.filter((s) => s.variant === variant.name);
    const phase = (p: Phase) => Object.fromEntries(FIELDS.map((f) => [f, spread(mine.map((s) => valueOf(s[p], f)))])) as Record<Field, Spread>;
    out[variant.name] = { cold: phase('cold'), warm: phase('warm'), firstOpenMs: spread(mine.map((s) => s.firstOpenMs)) };
  }
  return out;
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const cell = (s: Spread, digits = 0) => (s.n ? `${fmt(s.median, digits)} (${fmt(s.p25, digits)}–${fmt(s.p75, digits)})` : '–');

function browserTables(summary: ReturnType<typeof summarise>): string {
  const base = summary['no widget']!;
  const lines: string[] = [];
  for (const phase of ['cold', 'warm'] as const) {
    lines.push(
      '',
      `**${phase === 'cold' ? 'Cold page view (fresh profile)' : 'Warm page view (same tab: HTTP cache and sessionStorage kept)'}** — median (p25–p75)`,
      '',
      `| variant | widget JS br / gz KB | JS on the wire KB | requests | script ms | script Δ ms | long tasks | TBT ms | CLS | launcher visible ms | heap MB${phase === 'cold' ? ' | first open ms' : ''} |`,
      `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---:${phase === 'cold' ? ' | ---: |' : ' |'}`,
    );
    for (const variant of VARIANTS) {
      const s = summary[variant.name]![phase];
      const delta = s.scriptMs.median - base[phase].scriptMs.median;
      lines.push(
        `| ${variant.name} | ${fmt(s.widgetBrotliKb.median, 1)} / ${fmt(s.widgetGzipKb.median, 1)} | ${cell(s.jsWireKb, 1)} | ${cell(s.requests)} | ${cell(s.scriptMs)} | ${variant.name === 'no widget' ? '–' : `${delta >= 0 ? '+' : ''}${fmt(delta)}`} | ${cell(s.longTasks)} | ${cell(s.tbtMs)} | ${cell(s.cls, 3)} | ${cell(s.launcherMs)} | ${cell(s.heapMb, 2)}${phase === 'cold' ? ` | ${cell(summary[variant.name]!.firstOpenMs)}` : ''} |`,
      );
    }
  }
  // Ratios that BUDGETS.md states: Sadakat's added script time against the peers' and the floor's.
  const added = (name: string, phase: Phase) => summary[name]![phase].scriptMs.median - base[phase].scriptMs.median;
  lines.push('', '**Added main-thread script time, cold (median Δ vs no widget)**', '', '| against | Sadakat Δ ms | their Δ ms | Sadakat / theirs |', '| --- | ---: | ---: | ---: |');
  for (const peer of VARIANTS.filter((v) => v.name !== 'no widget' && !v.name.startsWith('Sadakat'))) {
    const mine = added('Sadakat', 'cold');
    const theirs = added(peer.name, 'cold');
    lines.push(`| ${peer.name} | ${fmt(mine)} | ${fmt(theirs)} | ${theirs > 0 ? `${fmt(mine / theirs, 2)}×` : '–'} |`);
  }
  const launcher = (name: string) => summary[name]!.cold.launcherMs.median;
  lines.push('', `Launcher visible, cold: Sadakat ${fmt(launcher('Sadakat'))} ms vs the floor ${fmt(launcher('Preact + signals floor'))} ms (${fmt(launcher('Sadakat') - launcher('Preact + signals floor'))} ms behind).`);
  return lines.join('\n');
}

function machine() {
  const cpu = cpus();
  return { cpu: cpu[0]?.model ?? 'unknown', cores: cpu.length, memoryGb: Math.round(totalmem() / 2 ** 30), loadavg: loadavg().map((n) => Number(n.toFixed(2))), node: process.version };
}

async function main() {
  const started = new Date();
  const before = machine();
  const out: Record<string, unknown> = { started: started.toISOString(), machine: before, settings: { loads, windowMs, cpuThrottle } };
  let report = `# npm run bench — ${started.toISOString()}\n\nMachine: ${before.cpu}, ${before.cores} cores, ${before.memoryGb} GB, load average at start ${before.loadavg.join(' / ')} (shared with other work: compare rows of one run, not runs).`;

  if (!process.env.BENCH_SKIP_BROWSER) {
    const browser = await runBrowserBench({ loads, windowMs, cpuThrottle, log: (line) => console.error(`[bench] ${line}`) });
    const summary = summarise(browser.samples);
    out.browser = { chromium: browser.chromium, summary, samples: browser.samples, fileSizes: browser.sizes };
    report += `\n\nDemo storefront product page, Chromium ${browser.chromium} (Debian, headless), CPU throttled ${cpuThrottle}× over CDP, ${loads} interleaved loads per variant after one unrecorded round, ${windowMs} ms observed per page view, signed-in shopper.\n${browserTables(summary)}`;
  }
  if (!process.env.BENCH_SKIP_SERVER) {
    const server: LoadResult[] = await runServerLoad();
    out.server = server;
    report += `\n\n**Reference server on loopback (autocannon, 10 connections, ${process.env.BENCH_SERVER_SECONDS ?? 8} s per endpoint)**\n\n${loadTable(server)}`;
  }
  const after = machine();
  out.loadavgAtEnd = after.loadavg;
  report += `\n\nLoad average at the end: ${after.loadavg.join(' / ')}.`;

  const dir = resolve(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${started.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log(`${report}\n\nJSON: ${file}`);
}

await main();
