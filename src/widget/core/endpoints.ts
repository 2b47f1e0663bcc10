import type { Routes } from '../../contract/routes';

/**
 * Method and path of the routes the page-view script calls. Importing `routes` itself would pull
 * every response schema into the page-view bundle (about 4 KB brotli), so the values are repeated
 * here and tied to the contract at compile time: if the contract changes a path, `tsc` fails.
 */
export const bootRoute = { method: 'GET', path: '/v1/boot' } as const satisfies Pick<Routes['boot'], 'method' | 'path'>;
