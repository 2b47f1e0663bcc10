import type { Context } from 'hono';
import { secretKeyActor, type AuditContext } from '../domain/audit';
import type { AppEnv } from './env';

/** The audit's "who" for a merchant request: the verified secret key (by fingerprint) and the request id. */
export function merchantAuditContext(c: Context<AppEnv>): AuditContext {
  return { actor: secretKeyActor(c.get('shop').secret_key_hash), requestId: c.get('requestId') ?? null };
}
