import type { Plugin } from 'vite';

/**
 * Rewrites the few places where bundled libraries would touch the host page, so the widget leaves
 * no trace but `window.Sadakat` and its host element (reliability cases T04, T07, T09):
 *
 * - zod keeps its global config and registry on `globalThis` (`__zod_globalConfig`,
 *   `__zod_globalRegistry`): two new globals on every shop, and a prototype-pollution gadget
 *   (`Object.prototype.__zod_globalConfig = { postProcessor }` would be called on every schema).
 *   In the bundle they become module-local objects.
 * - Preact's renderer assigns `innerHTML` for `dangerouslySetInnerHTML`. We never use that prop
 *   (a lint-level rule and the bundle scan say so), so the path is removed: the prop then renders
 *   nothing, and no string can reach an HTML sink even through a library.
 *
 * - `for (key in object)` visits inherited enumerable keys, so a shop that adds one to
 *   `Object.prototype` (old libraries do; so does a prototype-pollution bug) made zod crash on
 *   start-up, and would make Preact set that key as an attribute on every element (`src` on an
 *   image is a request to any origin). Every for-in in the bundled code becomes a loop over
 *   `Object.keys(Object(object))`: the same own keys, nothing inherited, and a no-op for
 *   null/undefined like for-in. The bundle scan fails on any for-in left over.
 *
 * Each fixed rewrite must apply exactly once; a library update that changes the code fails the build
 * here rather than silently bringing the global or the sink back.
 */
interface Rewrite {
  /** Matches the module id (a path inside node_modules). */
  file: RegExp;
  pattern: RegExp;
  replacement: string;
}

const REWRITES: Rewrite[] = [
  {
    file: /\/zod\/v4\/core\/core\.js$/,
    pattern: /\(_a = globalThis\)\.__zod_globalConfig \?\? \(_a\.__zod_globalConfig = \{\}\);\s*export const globalConfig = globalThis\.__zod_globalConfig;/,
    replacement: 'export const globalConfig = {};',
  },
  {
    file: /\/zod\/v4\/core\/core\.js$/,
    pattern: /globalThis\.__zod_globalConfig\?\.postProcessor/,
    replacement: 'globalConfig.postProcessor',
  },
  {
    file: /\/zod\/v4\/core\/registries\.js$/,
    pattern: /\(_a = globalThis\)\.__zod_globalRegistry \?\? \(_a\.__zod_globalRegistry = registry\(\)\);\s*export const globalRegistry = globalThis\.__zod_globalRegistry;/,
    replacement: 'export const globalRegistry = registry();',
  },
  {
    // h = dangerouslySetInnerHTML, y = the old one, t = the DOM node, l = hydrating (minified names).
    file: /\/preact\/dist\/preact\.mjs$/,
    pattern: /(\w)\?\((\w)\|\|(\w)&&\(\1\.__html==\3\.__html\|\|\1\.__html==(\w)\.innerHTML\)\|\|\(\4\.innerHTML=\1\.__html\),/,
    replacement: '$1?(',
  },
];

/** Code we bundle into the browser builds (our own and the libraries'), by module id. */
const BUNDLED = /(?:\/node_modules\/(?:zod|preact|@preact\/signals(?:-core)?)\/|\/src\/(?:widget|contract)\/)/;

// The object may be preceded by one `name={},` (Preact's jsx runtime: `for(s in c={},t)`).
const FOR_IN = /\bfor\s*\(\s*((?:let|const|var)\s+)?([\w$]+)\s+in\s+((?:[\w$]+=\{\},)?[\w$.]+)\s*\)/g;

/** `for (k in o)` → `for (k of Object.keys(Object(o)))`: own enumerable keys only. */
export function ownKeysOnly(code: string): string {
  return code.replace(FOR_IN, (_all, declaration: string | undefined, key: string, object: string) => `for (${declaration ?? ''}${key} of Object.keys(Object((${object}))))`);
}

export function hostSafeLibraries(): Plugin {
  return {
    name: 'sadakat:host-safe-libraries',
    enforce: 'pre',
    transform(code, id) {
      const path = id.split('?')[0] ?? id;
      const rewrites = REWRITES.filter((rewrite) => rewrite.file.test(path));
      const bundled = BUNDLED.test(path) && /\.(?:m?js|tsx?)$/.test(path);
      if (rewrites.length === 0 && !bundled) return null;
      let out = bundled ? ownKeysOnly(code) : code;
      for (const rewrite of rewrites) {
        const global = new RegExp(rewrite.pattern.source, 'g');
        const count = out.match(global)?.length ?? 0;
        if (count !== 1) this.error(`host-safe rewrite ${rewrite.pattern} matched ${count} times in ${id}; the library changed, update scripts/hostSafeLibraries.ts`);
        out = out.replace(rewrite.pattern, rewrite.replacement);
      }
      return { code: out, map: null };
    },
  };
}
