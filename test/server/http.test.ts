import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorEnvelope } from '../../src/contract';
import { createApp } from '../../src/server';
import { createTestBackend, type TestBackend } from '../support/testBackend';

let backend: TestBackend;
beforeAll(async () => {
  backend = await createTestBackend();
});
afterAll(() => backend.close());

const bootPath = () => `/v1/boot?shop=${backend.shop.publishableKey}`;

describe('CORS', () => {
  it("allows exactly the shop's origins, and says it varies by Origin", async () => {
    const response = await backend.app.request(bootPath(), { headers: { Origin: backend.origin } });
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(backend.origin);
    expect(response.headers.get('Vary')).toContain('Origin');
    expect(response.headers.get('Access-Control-Allow-Credentials')).toBeNull();
  });

  it.each(['https://evil.example', 'https://shop.example.evil.example', 'null', 'http://shop.example'])(
    'never reflects %s',
    async (origin) => {
      const response = await backend.app.request(bootPath(), { headers: { Origin: origin } });
      expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
    },
  );

  it('answers a preflight from an allowed origin with the headers the widget sends', async () => {
    const response = await backend.app.request(bootPath(), {
      method: 'OPTIONS',
      headers: { Origin: backend.origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(backend.origin);
    expect(response.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('authorization');
  });

  it('lets the widget read error codes cross-origin', async () => {
    const response = await backend.app.request(bootPath(), { headers: { Origin: backend.origin, Authorization: 'Bearer nope' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(backend.origin);
  });
});

describe('errors', () => {
  it('answers unknown routes with the envelope and a request id matching the header', async () => {
    const response = await backend.app.request('/v1/nope');
    expect(response.status).toBe(404);
    const { error } = ErrorEnvelope.parse(await response.json());
    expect(error.code).toBe('not_found');
    expect(error.requestId).toBe(response.headers.get('X-Request-Id'));
  });

  it('never leaks internals when something breaks', async () => {
    const logged: string[] = [];
    const app = createApp({ db: backend.db, log: (line) => logged.push(line) });
    await backend.db.kysely.updateTable('shops').set({ programme: '{"broken": true' }).where('id', '=', backend.shop.id).execute();
    try {
      const response = await app.request(bootPath());
      expect(response.status).toBe(500);
      const text = await response.text();
      const { error } = ErrorEnvelope.parse(JSON.parse(text));
      expect(error.code).toBe('internal');
      expect(text).not.toMatch(/SyntaxError|at |\.ts|sqlite|select|node_modules|\d+\.\d+\.\d+/i);
      expect(logged.join('\n')).toContain(error.requestId);
    } finally {
      const { demoProgramme } = await import('../../src/server/seed/demoProgramme');
      await backend.db.kysely
        .updateTable('shops')
        .set({ programme: JSON.stringify(demoProgramme(new Date(), backend.origin)) })
        .where('id', '=', backend.shop.id)
        .execute();
    }
  });

  it('refuses prototype keys in input', async () => {
    const response = await backend.app.request(`${bootPath()}&__proto__=x`);
    expect(response.status).toBe(400);
    expect(ErrorEnvelope.parse(await response.json()).error.code).toBe('validation_failed');
  });

  it('sends hardening headers', async () => {
    const response = await backend.app.request(bootPath());
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('X-Powered-By')).toBeNull();
  });
});

describe('GET /v1/openapi.json', () => {
  it('serves an OpenAPI 3.1 document generated from the contract', async () => {
    const response = await backend.app.request('/v1/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, { parameters: Array<{ name: string }> }>> };
    expect(document.openapi).toBe('3.1.0');
    expect(document.paths['/v1/boot']?.get?.parameters.map((p) => p.name)).toEqual(['shop', 'locale']);
  });
});
