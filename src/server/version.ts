import { readFileSync } from 'node:fs';

/** The package version, for the OpenAPI document and the CLI (never sent in error responses). */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
