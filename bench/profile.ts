// `npx tsx bench/profile.ts [variant-slug…]`: a CPU profile of one page view of the bench's product
// page (4× throttle, fresh profile, same window as the bench), printed as self time per script and
// the heaviest functions. For finding where a variant's main-thread time goes, not for figures.
import { launchBrowser } from '../test/e2e/support/browser';
import { firstOpen, slug, startServers } from './browserBench';
import { observerScript, VARIANTS } from './variants';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const windowMs = Number(process.env.BENCH_WINDOW_MS ?? 4000);
const cpuThrottle = Number(process.env.BENCH_CPU ?? 4);
const repeats = Number(process.env.PROFILE_LOADS ?? 3);
const wanted = process.argv.slice(2);
const opening = Boolean(process.env.PROFILE_OPEN);

const servers = await startServers();
const browser = await launchBrowser(['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1']);
try {
  for (const variant of VARIANTS.filter((v) => !wanted.length || wanted.includes(slug(v)))) {
    const byFunction = new Map<string, number>();
    const byScript = new Map<string, number>();
    const opened: Array<number | null> = [];
    for (let i = 0; i < repeats; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript(observerScript(variant));
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      // PROFILE_OPEN=1: the first open (hover, click, painted) after the page view instead of the page view.
      if (!opening) await cdp.send('Profiler.start');
      await page.goto(`${servers.pageOrigin}/p/${slug(variant)}`, { waitUntil: 'load' });
      const elapsed = await page.evaluate(() => performance.now());
      if (elapsed < windowMs) await page.waitForTimeout(windowMs - elapsed);
      if (opening) {
        // PROFILE_HOVER_MS: a longer hover profiles the click alone, once the panel has loaded.
        const hover = Number(process.env.PROFILE_HOVER_MS ?? 150);
        if (hover === 150) await cdp.send('Profiler.start');
        opened.push(await firstOpen(page, hover, async () => void (hover !== 150 && (await cdp.send('Profiler.start')))));
      }
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
      await context.close();
      const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
      profile.samples.forEach((id, index) => {
        const node = nodes.get(id)!;
        const { functionName, url, lineNumber, columnNumber } = node.callFrame;
        if (!url && ['(idle)', '(program)', '(root)'].includes(functionName)) return;
        const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000 / repeats;
        const script = url.replace(servers.pageOrigin, '') || functionName;
        byScript.set(script, (byScript.get(script) ?? 0) + ms);
        const key = `${functionName || '(anonymous)'} ${script}:${lineNumber + 1}:${columnNumber + 1}`;
        byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
      });
    }
    const top = (map: Map<string, number>, n: number) =>
      [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, ms]) => `  ${ms.toFixed(1).padStart(7)} ms  ${k}`).join('\n');
    const total = [...byScript.values()].reduce((a, b) => a + b, 0);
    if (opening) console.log(`\nfirst open ms: ${opened.map((ms) => ms?.toFixed(0) ?? '-').join(', ')}`);
    console.log(`\n## ${variant.name}${opening ? ', first open' : ''} (self time, mean of ${repeats} page views, ${total.toFixed(1)} ms in total)\n\nby script:\n${top(byScript, 12)}\n\nby function:\n${top(byFunction, Number(process.env.PROFILE_TOP ?? 30))}`);
  }
} finally {
  await browser.close();
  await servers.close();
}
