import { createHmac } from 'node:crypto';

/** Claims of a customer token as the contract defines it (`iss` shop id, `sub` customer id, `iat`, `exp`). */
export interface TokenClaims {
  iss?: string;
  sub?: string;
  iat?: number;
  exp?: number;
  email?: string;
  name?: string;
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Signs a token with HS256 using node:crypto only, so the kit needs no JWT library and can also
 * build the malformed tokens a server must refuse.
 */
export function signToken(claims: TokenClaims, secret: string, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  const unsigned = `${encode(header)}.${encode(claims)}`;
  const signature = createHmac('sha256', secret).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

/** An unsecured JWT (`alg: "none"`, empty signature): the classic forgery. */
export function unsecuredToken(claims: TokenClaims): string {
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}

/** Claims for `sub` valid for five minutes from `now`. */
export function freshClaims(shopId: string, sub: string, now: Date): Required<Pick<TokenClaims, 'iss' | 'sub' | 'iat' | 'exp'>> {
  const iat = Math.floor(now.getTime() / 1000);
  return { iss: shopId, sub, iat, exp: iat + 300 };
}
