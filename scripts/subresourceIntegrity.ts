import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';

/** `sha384-…`, the Subresource Integrity value of some bytes. */
export function integrityOf(bytes: Uint8Array): string {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/** Where a version of the package is served from; jsDelivr mirrors every npm release. */
export function versionedBase(version: string, base = process.env.SADAKAT_CDN_URL): string {
  return (base ?? `https://cdn.jsdelivr.net/npm/sadakat@${version}/dist/`).replace(/\/?$/, '/');
}

/** The tag a shop pastes: versioned URL, integrity, and CORS mode so the integrity can be checked. */
export function scriptTag(src: string, integrity: string): string {
  return [
    `<script async src="${src}"`,
    `  integrity="${integrity}" crossorigin="anonymous"`,
    '  data-shop="pk_live_…" data-api="https://loyalty.your-shop.example"></script>',
  ].join('\n');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * After the page-view script is written: prints its SRI hash and a ready-to-paste tag, and writes
 * `integrity.json` with the hash of every browser file (the script and the ES modules it loads),
 * for CDNs and import maps.
 */
export function subresourceIntegrity(options: { version: string; script: string }): Plugin {
  return {
    name: 'sadakat:subresource-integrity',
    apply: 'build',
    writeBundle(output) {
      const dir = output.dir ?? 'dist';
      const files = filesUnder(dir)
        .map((path) => relative(dir, path).split('\\').join('/'))
        // The widget's browser files only: not the server build (node/) nor the dashboard (admin/).
        .filter((name) => /\.(m?js)$/.test(name) && !/^(node|admin)\//.test(name))
        .sort();
      const integrity = Object.fromEntries(files.map((name) => [name, integrityOf(readFileSync(join(dir, name)))]));
      writeFileSync(join(dir, 'integrity.json'), `${JSON.stringify({ version: options.version, files: integrity }, null, 2)}\n`);
      const hash = integrity[options.script];
      if (!hash) throw new Error(`subresourceIntegrity: ${options.script} was not written to ${dir}`);
      const src = `${versionedBase(options.version)}${options.script}`;
      process.stdout.write(
        `\n${options.script} ${options.version}: ${hash}\nPaste into the shop's pages (docs/distribution.md):\n${scriptTag(src, hash)}\n\n`,
      );
    },
  };
}
