import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorEnvelope } from '../../src/contract';
import { createTestBackend, type TestBackend } from '../support/testBackend';

let backend: TestBackend;
const NOW = new Date('2026-11-23T12:00:00Z');
const nowSeconds = Math.floor(NOW.getTime() / 1000);

beforeAll(async () => {
  backend = await createTestBackend({ now: () => NOW });
});
afterAll(() => backend.close());

function sign(claims: Record<string, unknown>, secret = backend.shop.signingSecret, header: Record<string, unknown> = { alg: 'HS256' }) {
  return new SignJWT(claims).setProtectedHeader(header as { alg: string }).sign(new TextEncoder().encode(secret));
}

function base64url(value: object) {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

async function bootWith(token: string) {
  const response = await backend.app.request(`/v1/boot?shop=${backend.shop.publishableKey}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

const valid = () => ({ iss: backend.shop.id, sub: 'ayse', iat: nowSeconds - 10, exp: nowSeconds + 300 });

describe('customer tokens', () => {
  it('accepts a token signed by the shop', async () => {
    expect((await bootWith(await sign(valid()))).status).toBe(200);
  });

  const rejected: Array<[string, () => Promise<string>]> = [
    ['a tampered payload', async () => {
      const [header, , signature] = (await sign(valid())).split('.');
      return `${header}.${base64url({ ...valid(), sub: 'elif' })}.${signature}`;
    }],
    ['an unsigned token (alg: none)', async () => `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(valid())}.`],
    ['a token signed with another secret', () => sign(valid(), 'not-the-shop-signing-secret-at-all-0123456789')],
    ['an expired token', () => sign({ ...valid(), iat: nowSeconds - 900, exp: nowSeconds - 300 })],
    ['a future-dated token', () => sign({ ...valid(), iat: nowSeconds + 3600, exp: nowSeconds + 3900 })],
    ['a token issued more than a day ago', () => sign({ ...valid(), iat: nowSeconds - 2 * 86400, exp: nowSeconds + 300 })],
    ["another shop's token", () => sign({ ...valid(), iss: 'shop_someone_else' })],
    ['a token without a subject', () => sign({ iss: backend.shop.id, iat: nowSeconds, exp: nowSeconds + 300 })],
    ['a token without an expiry', () => sign({ iss: backend.shop.id, sub: 'ayse', iat: nowSeconds })],
    ['an HS512 token', () => sign(valid(), backend.shop.signingSecret, { alg: 'HS512' })],
    ['garbage', async () => 'not.a.jwt'],
  ];

  it.each(rejected)('refuses %s with the same generic 401', async (_name, make) => {
    const { status, body } = await bootWith(await make());
    expect(status).toBe(401);
    const { error } = ErrorEnvelope.parse(body);
    expect(error).toMatchObject({ code: 'unauthorized', message: 'The customer token is missing, invalid or expired.' });
  });

  it('refuses a malformed Authorization header', async () => {
    const response = await backend.app.request(`/v1/boot?shop=${backend.shop.publishableKey}`, { headers: { Authorization: 'Basic abc' } });
    expect(response.status).toBe(401);
  });
});
