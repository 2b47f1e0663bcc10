import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleScan, FORBIDDEN_IN_BUNDLE, scanForSinks } from '../../scripts/bundleScan';
import { hostSafeLibraries } from '../../scripts/hostSafeLibraries';

// Reliability case T09 (build half): the build fails on anything a strict CSP or Trusted Types
// would block, the shipped files contain none of it, and the library rewrites stay in force.

const PLANTED: Record<string, string> = {
  eval: 'const x = eval("1+1");',
  'new Function': 'const f = new Function("return 1");',
  'Function from a string': 'const f = Function("return 1");',
  'string timer': 'setTimeout("alert(1)", 10); setInterval(`tick()`, 5);',
  innerHTML: 'node.innerHTML = label;',
  outerHTML: 'node.outerHTML = label;',
  insertAdjacentHTML: 'node.insertAdjacentHTML("beforeend", label);',
  createContextualFragment: 'document.createRange().createContextualFragment(label);',
  'document.write': 'document.write("<p>hi</p>");',
  srcdoc: 'frame.srcdoc = page;',
  'inline style attribute': 'node.setAttribute("style", "color:red");',
  'inline style in markup': 'const html = `<div style="color:red">x</div>`;',
  'inline event handler attribute': 'node.setAttribute("onclick", "go()");',
  'for-in loop': 'for (const key in props) use(key);',
};

const CLEAN = `
  node.textContent = label; node.style.setProperty('--x', '1'); node.style.color = 'red';
  sheet.replaceSync(css); root.adoptedStyleSheets = [sheet]; setTimeout(() => tick(), 10);
  const retrieval = (x) => x; retrieval(1); node.setAttribute('aria-label', label); const t = 'innerHTMLish';
`;

describe('bundle scan', () => {
  it('has a planted sample for every rule', () => {
    expect(Object.keys(PLANTED).sort()).toEqual(FORBIDDEN_IN_BUNDLE.map((rule) => rule.name).sort());
  });

  it.each(Object.entries(PLANTED))('finds %s', (name, code) => {
    expect(scanForSinks(`const a = 1;\n${code}\nconst b = 2;`).map((finding) => finding.name)).toContain(name);
  });

  it('finds nothing in DOM code that is safe under strict CSP and Trusted Types', () => {
    expect(scanForSinks(CLEAN)).toEqual([]);
  });

  const work = mkdtempSync(join(tmpdir(), 'sadakat-scan-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('fails a real build that contains a sink, naming it', async () => {
    const entry = join(work, 'planted.js');
    writeFileSync(entry, 'export function show(node, label) { node.innerHTML = label; }\n');
    await expect(
      build({
        configFile: false,
        logLevel: 'silent',
        plugins: [bundleScan()],
        build: { outDir: join(work, 'out'), write: false, lib: { entry, formats: ['es'], fileName: 'planted' } },
      }),
    ).rejects.toThrow(/bundle scan.*\n.*innerHTML/);
  });

  it('passes the same build without the sink', async () => {
    const entry = join(work, 'clean.js');
    writeFileSync(entry, 'export function show(node, label) { node.textContent = label; }\n');
    await expect(
      build({
        configFile: false,
        logLevel: 'silent',
        plugins: [bundleScan()],
        build: { outDir: join(work, 'out-clean'), write: false, lib: { entry, formats: ['es'], fileName: 'clean' } },
      }),
    ).resolves.toBeDefined();
  });

  it('removes Preact’s innerHTML path and zod’s globals from a real bundle of them', async () => {
    const entry = join('test', 'build', 'fixtures', 'libraries.ts');
    const bundle = async (plugins: ReturnType<typeof hostSafeLibraries>[]) => {
      const result = await build({
        configFile: false,
        logLevel: 'silent',
        root: process.cwd(),
        plugins,
        build: { outDir: join(work, 'out-libs'), write: false, minify: false, lib: { entry, formats: ['es'], fileName: 'libs' } },
      });
      const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
      return outputs.map((chunk) => ('code' in chunk ? chunk.code : '')).join('\n');
    };
    const without = await bundle([]);
    expect(without).toMatch(/innerHTML/);
    expect(without).toMatch(/__zod_globalConfig/);
    const rewritten = await bundle([hostSafeLibraries()]);
    expect(rewritten).not.toMatch(/innerHTML|__zod_global|globalThis/);
  });
});

const dist = 'dist';
describe.skipIf(!existsSync(join(dist, 'sadakat.js')))('the shipped files', () => {
  it('contain no forbidden construct', () => {
    const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((name) => /\.(m?js)$/.test(name) && !name.startsWith('node'));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) expect(scanForSinks(readFileSync(join(dist, file), 'utf8')), file).toEqual([]);
  });
});
