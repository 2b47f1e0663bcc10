import packageJson from '../../package.json' with { type: 'json' };

/** The package version, for the OpenAPI document and the CLI (never sent in error responses). */
export const VERSION: string = packageJson.version;
