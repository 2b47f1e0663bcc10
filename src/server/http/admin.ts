import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from './env';
import { errorResponse } from './errors';

const ASSET = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.(mjs|js|css|svg)$/;
const TYPES: Record<string, string> = { mjs: 'text/javascript', js: 'text/javascript', css: 'text/css', svg: 'image/svg+xml' };

/** The dashboard's policy: its own module (by nonce, and what it imports), its own stylesheet, its own API. */
function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function page(nonce: string): string {
  // Nothing user-supplied goes in here; the nonce is base64url.
  return `<!doctype html>
<html lang="tr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>Mağaza paneli · Sadakat</title>
<link rel="stylesheet" href="/admin/assets/admin.css">
<script type="module" nonce="${nonce}" src="/admin/assets/admin.mjs"></script>
</head>
<body>
<div id="app"><p class="boot">Yükleniyor…</p></div>
<noscript><p class="boot">Mağaza paneli için JavaScript gerekir. The dashboard needs JavaScript.</p></noscript>
</body>
</html>
`;
}

/**
 * The merchant dashboard (`vite build --mode admin` → `dist/admin/`): one HTML page under a
 * nonce-based CSP, and its built assets. The page holds no secret; the merchant types the shop's
 * secret key into it and the page keeps it in memory only.
 */
export function adminRoutes(adminDir: string) {
  return new Hono<AppEnv>()
    .get('/admin', (c) => c.redirect('/admin/', 301))
    .get('/admin/', (c) => {
      const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64url');
      c.header('Content-Security-Policy', contentSecurityPolicy(nonce));
      c.header('Cache-Control', 'no-store');
      c.header('Referrer-Policy', 'no-referrer');
      return c.html(page(nonce));
    })
    .get('/admin/assets/:file', async (c) => {
      const file = c.req.param('file');
      if (!ASSET.test(file)) return errorResponse(c, 'not_found', 'No such file.');
      try {
        const body = await readFile(join(adminDir, file));
        c.header('Content-Type', `${TYPES[file.split('.').pop()!]}; charset=utf-8`);
        c.header('Cache-Control', 'no-cache');
        return c.body(body);
      } catch {
        return errorResponse(c, 'not_found', 'No such file.');
      }
    });
}
