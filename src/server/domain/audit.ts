import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AuditEntry, AuditLogQuery } from '../../contract';
import type { AuditLogRow, Tables } from '../db/schema';
import { ApiError } from '../http/errors';

/** Who is making a configuration change, and through which request. */
export interface AuditContext {
  actor: string;
  requestId?: string | null;
}

/** Changes made outside any request: the seed, the CLI. */
export const SYSTEM: AuditContext = { actor: 'system', requestId: null };

/** Names a secret key without revealing it: the first 8 hex digits of its SHA-256 (as stored). */
export function secretKeyActor(secretKeyHash: string): string {
  return `secret-key:${secretKeyHash.slice(0, 8)}`;
}

export type ConfigAction = 'programme.update' | 'allowed_origins.update' | 'survey.save';

export interface ConfigChange {
  shopId: string;
  action: ConfigAction;
  subject: string;
  before: unknown;
  after: unknown;
  at: Date;
}

/**
 * Appends a configuration change. Must run in the transaction that makes the change, so the log
 * and the configuration can never disagree: the change and its record commit or fail together.
 */
export async function recordConfigChange(trx: Transaction<Tables>, change: ConfigChange, context: AuditContext): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      shop_id: change.shopId,
      id: randomUUID(),
      created_at: change.at.toISOString(),
      actor: context.actor,
      action: change.action,
      subject: change.subject,
      before: change.before === null || change.before === undefined ? null : JSON.stringify(change.before),
      after: change.after === null || change.after === undefined ? null : JSON.stringify(change.after),
      request_id: context.requestId ?? null,
    })
    .execute();
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function toEntry(row: AuditLogRow): AuditEntry {
  return {
    id: row.id,
    at: row.created_at,
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    before: parseJson(row.before),
    after: parseJson(row.after),
    requestId: row.request_id,
  };
}

const encodeCursor = (row: AuditLogRow) => Buffer.from(JSON.stringify([row.created_at, row.id])).toString('base64url');

function decodeCursor(cursor: string): [string, string] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === 'string') ? [value[0] as string, value[1] as string] : null;
  } catch {
    return null;
  }
}

/** A page of the shop's audit log, newest first. */
export async function auditLogPage(db: Kysely<Tables>, shopId: string, query: AuditLogQuery) {
  const limit = query.limit ? Number(query.limit) : 50;
  let select = db.selectFrom('audit_log').selectAll().where('shop_id', '=', shopId);
  if (query.type === 'ledger') select = select.where('action', '=', 'ledger.append');
  if (query.type === 'config') select = select.where('action', '!=', 'ledger.append');
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  if (query.cursor && !after) {
    throw new ApiError('validation_failed', 'Invalid request: check cursor.', [{ path: 'cursor', message: 'not a cursor this endpoint gave out' }]);
  }
  if (after) {
    const [at, id] = after;
    select = select.where((eb) => eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]));
  }
  const rows = await select.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  return { entries: page.map(toEntry), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!) : null };
}

