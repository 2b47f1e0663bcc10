import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { Context } from 'hono';

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves files under `root` for the part of the path after `prefix`. Only known file types, never
 * a directory, never a path that climbs out of `root`. `no-cache` keeps a rebuilt widget fresh
 * while still allowing 304s.
 */
export function serveFiles(root: string, prefix: string) {
  const base = resolve(root);
  return async (c: Context) => {
    let rest: string;
    try {
      rest = decodeURIComponent(c.req.path.slice(prefix.length));
    } catch {
      return c.notFound();
    }
    const type = contentTypes[extname(rest).toLowerCase()];
    const file = resolve(base, `.${sep}${rest}`);
    if (!type || rest.includes('\0') || !file.startsWith(base + sep)) return c.notFound();
    let info;
    try {
      info = await stat(file);
    } catch {
      return c.notFound();
    }
    if (!info.isFile()) return c.notFound();
    const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    const headers = {
      'Content-Type': type,
      'Cache-Control': 'no-cache',
      ETag: etag,
      'X-Content-Type-Options': 'nosniff',
    };
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304, headers);
    return c.body(await readFile(file), 200, headers);
  };
}
