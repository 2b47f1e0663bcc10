import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import packageJson from './package.json' with { type: 'json' };
import { bundleScan } from './scripts/bundleScan.js';
import { hostSafeLibraries } from './scripts/hostSafeLibraries.js';
import { subresourceIntegrity } from './scripts/subresourceIntegrity.js';

/**
 * Four builds from one config, chosen with `--mode` (see the `build` script):
 *
 * - `esm` (first, empties dist/): ES modules. `dist/sadakat.mjs` is the npm entry
 *   (`createSadakat`), `dist/sadakat-app.mjs` the lazily loaded panel, shared code in
 *   `dist/chunks/`. Everything is bundled (no bare imports), so a CDN can serve the files as they
 *   are next to `sadakat.js`.
 * - `iife` (second): `dist/sadakat.js`, the page-view script for the `<script>` tag. Its entry
 *   has no exports, so no global `var` is emitted that would clobber the queue stub; it loads
 *   `sadakat-app.mjs` with a computed `import()` (a static one would be inlined in IIFE format).
 * - `admin` (third): the merchant dashboard in `dist/admin/` (see below).
 * - `node` (fourth): the server, the CLI, the token helper and the conformance kit as plain ES
 *   modules for Node 20 in `dist/node/`, so `npx sadakat …` and the `sadakat/server`, `/token`,
 *   `/contract` and `/conformance` exports run without tsx. Dependencies stay external (peer
 *   dependencies, installed by the user); each CLI command is its own chunk, so
 *   `sadakat conformance` loads no database driver.
 */
/** Our modules' zod/mini namespace, renamed in the ES build so that tree-shaking can name it alone. */
const PURE_ZOD = 'zodMiniSchema';

/**
 * Renames `z` (the `zod/mini` namespace) to `PURE_ZOD` in our own modules, so that
 * `manualPureFunctions` drops unused schemas without touching a library's own `z()`.
 */
function pureSchemas(): Plugin {
  return {
    name: 'sadakat:pure-schemas',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/(contract|widget)\/.*\.tsx?$/.test(id) || !code.includes("import { z } from 'zod/mini';")) return null;
      return code.replace("import { z } from 'zod/mini';", `import { z as ${PURE_ZOD} } from 'zod/mini';`).replace(/(?<![\w$.'"`])z(?=\s*\.)/g, PURE_ZOD);
    },
  };
}

/** Modules the page module (`sadakat-page.mjs`) shares with the panel. */
const PAGE_SHARED = /src\/(widget\/(app\/(placementObserver|referral\/landing|survey\/pending)|core\/(views|referralCapture|surveyTriggers)|i18n\/locale)|contract\/earning)\.ts$/;

/**
 * The per-language catalogs, each loaded lazily: the panel's (src/widget/i18n/catalogs.ts) and the
 * referral chunk's (src/widget/app/referral/i18n/catalogs.ts). Named `catalog-<lang>-…` and
 * `catalog-<lang>-referral-…` so that the size check counts one language of each.
 */
const CATALOG = /src\/widget\/(app\/referral\/)?i18n\/(tr|en|ar)\.ts$/;

function chunkFileName(chunk: { facadeModuleId: string | null }): string {
  const catalog = CATALOG.exec(chunk.facadeModuleId ?? '');
  if (!catalog) return 'chunks/[name]-[hash].mjs';
  return `chunks/catalog-${catalog[2]}${catalog[1] ? '-referral' : ''}-[hash].mjs`;
}

export default defineConfig(({ mode }): UserConfig => {
  const shared: UserConfig = {
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir: 'dist',
      minify: true,
      cssMinify: 'lightningcss',
      sourcemap: false,
      // light-dark(), color-mix() and logical properties are used as written; without this the
      // CSS minifier rewrites light-dark() into a fallback that needs extra markup.
      cssTarget: ['chrome123', 'firefox120', 'safari17.5'],
      reportCompressedSize: false,
    },
  };

  // Browser builds: library code that would touch the host page is rewritten, and the output is
  // scanned for anything a strict CSP or Trusted Types would block (see docs in each script).
  const browserSafety = [hostSafeLibraries(), bundleScan()];

  if (mode === 'iife') {
    return {
      ...shared,
      // Prints the SRI hash and a ready-to-paste tag for the versioned script; writes integrity.json.
      plugins: [...browserSafety, subresourceIntegrity({ version: packageJson.version, script: 'sadakat.js' })],
      // The page view runs its few schemas (options, primitives, the launcher slice) on the smallest
      // engine with zod/mini's API; the panel chunk re-checks the whole payload with the contract on
      // the ES build's engine (below). See zodPageView.ts for why the page view has its own.
      resolve: { alias: { 'zod/mini': fileURLToPath(new URL('src/widget/validation/zodMiniPageView.ts', import.meta.url)) } },
      build: {
        ...shared.build,
        emptyOutDir: false,
        lib: {
          entry: 'src/widget/boot.ts',
          formats: ['iife'],
          name: 'SadakatBoot',
          fileName: () => 'sadakat.js',
        },
        rolldownOptions: {
          // Schemas the page view never uses (money, timestamps, error envelopes…) are dropped:
          // building a schema has no side effect.
          treeshake: { manualPureFunctions: ['z'] },
          // A `z.*` call the page-view engine lacks would be `undefined` at run time: fail the build.
          onwarn(warning, warn) {
            if (warning.code === 'IMPORT_IS_UNDEFINED') throw new Error(`page-view build: ${warning.message}`);
            warn(warning);
          },
        },
      },
    };
  }

  if (mode === 'esm') {
    return {
      ...shared,
      plugins: [...browserSafety, pureSchemas()],
      // The widget (npm entry, panel, chunks) runs the contract's schemas on a small engine with
      // zod/mini's API and zod's results (zodWidget.ts), not on zod's core (≈ 9 KB brotli). Types
      // still come from zod; the admin and node builds keep real zod.
      resolve: { alias: { 'zod/mini': fileURLToPath(new URL('src/widget/validation/zodMiniWidget.ts', import.meta.url)) } },
      build: {
        ...shared.build,
        emptyOutDir: true,
        lib: {
          entry: { sadakat: 'src/widget/index.ts', 'sadakat-app': 'src/widget/app/mountApp.tsx', 'sadakat-page': 'src/widget/app/pageExtras.ts' },
          formats: ['es'],
          fileName: (_format, name) => `${name}.mjs`,
        },
        rolldownOptions: {
          // Lib mode keeps whitespace in ES output (for consumers' tree-shaking); these files are
          // also served as they are from a CDN, so minify them fully.
          // Each catalog is its own chunk, `catalog-<lang>-…` (the size check counts one language).
          output: {
            chunkFileNames: chunkFileName,
            minify: true,
            // Lib mode keeps `/* @__PURE__ */` annotations for consumers' bundlers; these files are
            // final (served as they are, or bundled as already-minified code): 0.5 KB br.
            comments: { legal: true, annotation: false, jsdoc: false },
            // What `sadakat-page.mjs` shares with the panel is one chunk, not one per module: a page
            // view that fills placements makes as few requests as possible.
            codeSplitting: { groups: [{ name: 'page-shared', test: PAGE_SHARED }] },
          },
          // Contract schemas the widget never parses are dropped: building a schema has no side
          // effect. Not `z` itself: minified libraries (Preact) have functions named `z` that must
          // stay, so our modules' `z` is renamed first (see `pureSchemas`).
          treeshake: { manualPureFunctions: [PURE_ZOD] },
          // A `z.*` call the small engine lacks would be `undefined` at run time: fail the build.
          onwarn(warning, warn) {
            if (warning.code === 'IMPORT_IS_UNDEFINED') throw new Error(`ES build: ${warning.message}`);
            warn(warning);
          },
        },
      },
    };
  }

  if (mode === 'admin') {
    // The merchant dashboard (demo/admin): one ES module and one stylesheet in dist/admin/, loaded
    // by the page the reference server writes at /admin/ under a nonce-based CSP.
    return {
      ...shared,
      plugins: browserSafety,
      build: {
        ...shared.build,
        outDir: 'dist/admin',
        emptyOutDir: true,
        lib: { entry: 'demo/admin/main.tsx', formats: ['es'], fileName: () => 'admin.mjs', cssFileName: 'admin' },
        rolldownOptions: { output: { minify: true } },
      },
    };
  }

  if (mode === 'node') {
    return {
      // uqr (the referral QR code, server and conformance kit) is bundled like our own code: the
      // kit must run from an install that has zod alone (test/conformance/cli.test.ts).
      ssr: { noExternal: ['uqr'] },
      build: {
        outDir: 'dist/node',
        emptyOutDir: true,
        ssr: true,
        target: 'node20',
        minify: false,
        sourcemap: false,
        reportCompressedSize: false,
        rolldownOptions: {
          input: {
            cli: 'src/server/cli/run.ts',
            server: 'src/server/index.ts',
            token: 'src/server/auth/mintCustomerToken.ts',
            conformance: 'src/conformance/index.ts',
            contract: 'src/contract/index.ts',
          },
          external: [/^node:/, /^(hono|@hono\/node-server|kysely|better-sqlite3|pg|jose|zod)(\/.*)?$/],
          output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
        },
      },
    };
  }

  // `vite` without a build mode (dev server, vitest): only the shared settings.
  return shared;
});
