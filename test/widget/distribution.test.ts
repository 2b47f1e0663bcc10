import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { integrityOf, scriptTag, versionedBase } from '../../scripts/subresourceIntegrity';

// Distribution: the integrity hashes the build prints and writes (`npm run build`; `npm test`
// builds first). Skipped when dist/ is absent, like the other build-output checks.
const built = existsSync('dist/integrity.json') && existsSync('dist/sadakat.js');

describe('subresource integrity', () => {
  it('a ready-to-paste tag: versioned URL, sha384 integrity, CORS mode', () => {
    const tag = scriptTag(`${versionedBase('1.2.3', undefined)}sadakat.js`, 'sha384-abc');
    expect(tag).toContain('src="https://cdn.jsdelivr.net/npm/sadakat@1.2.3/dist/sadakat.js"');
    expect(tag).toContain('integrity="sha384-abc" crossorigin="anonymous"');
    expect(versionedBase('1.2.3', 'https://cdn.example/sadakat/1.2.3')).toBe('https://cdn.example/sadakat/1.2.3/');
  });

  it('is the sha384 of the bytes, base64 (what browsers compute)', () => {
    // Known value: printf 'alert(1)' | openssl dgst -sha384 -binary | base64
    expect(integrityOf(new TextEncoder().encode('alert(1)'))).toBe('sha384-HT2E9NfWiuQ/w1PRai+hTyqW16NIoCGA/m8VQDUopfAtcz6YQjtsMmQd5uRbVDpW');
  });

  it.skipIf(!built)('dist/integrity.json matches the built files, for every browser file', () => {
    const manifest = JSON.parse(readFileSync('dist/integrity.json', 'utf8')) as { version: string; files: Record<string, string> };
    expect(manifest.version).toBe(packageJson.version);
    const browserFiles = ['sadakat.js', 'sadakat.mjs', 'sadakat-app.mjs', 'sadakat-page.mjs', ...readdirSync('dist/chunks').map((name) => `chunks/${name}`)];
    expect(Object.keys(manifest.files).sort()).toEqual(browserFiles.sort());
    for (const file of browserFiles) expect(manifest.files[file], file).toBe(integrityOf(readFileSync(join('dist', file))));
  });
});
