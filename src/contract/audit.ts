import { z } from 'zod/mini';
import { Timestamp } from './primitives';

// The audit log (append-only) and the storefront's allowed origins, for the shop's own server
// (secret key) and the merchant dashboard.

export const AuditLogQuery = z.strictObject({
  /** `config`: configuration changes only; `ledger`: points movements only. @default all */
  type: z.optional(z.enum(['config', 'ledger'])),
  /** Entries per page. @default 50 */
  limit: z.optional(z.string().check(z.regex(/^([1-9]|[1-9]\d|100)$/, 'a whole number from 1 to 100'))),
  /** `nextCursor` from the previous page. */
  cursor: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,300}$/))),
});
export type AuditLogQuery = z.infer<typeof AuditLogQuery>;

export const AuditEntry = z.object({
  id: z.string(),
  at: Timestamp,
  /**
   * Who: `secret-key:<first 8 hex digits of the key's SHA-256>` for a configuration change (tells
   * keys apart without revealing them); for a ledger entry, who set it in motion by its kind:
   * `merchant`, `customer` or `system`.
   */
  actor: z.string(),
  /** What: `programme.update`, `allowed_origins.update`, `survey.save`, `ledger.append`. */
  action: z.string(),
  /** Which: `programme`, `allowed_origins`, `survey:<id>`, `customer:<the shop's customer id>`. */
  subject: z.string(),
  /** The value before the change (`null` when it did not exist, and for ledger entries, which only add). */
  before: z.nullable(z.unknown()),
  /** The value after the change; for a ledger entry, the entry. */
  after: z.nullable(z.unknown()),
  /** The request that made the change (`X-Request-Id`), when it came over HTTP. */
  requestId: z.nullable(z.string()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Newest first, a page at a time (keyset cursor). */
export const AuditLogPage = z.object({
  entries: z.array(AuditEntry),
  nextCursor: z.nullable(z.string()),
});
export type AuditLogPage = z.infer<typeof AuditLogPage>;

/**
 * One exact origin: scheme, host and port only (`https://shop.example`, no path, no trailing
 * slash, no wildcard). https, or http on loopback for development. CORS compares it byte for byte.
 */
export const Origin = z.string().check(
  z.maxLength(200),
  z.refine((value) => {
    try {
      const url = new URL(value);
      const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
      return url.origin === value && !url.hostname.includes('*') && (url.protocol === 'https:' || (url.protocol === 'http:' && loopback));
    } catch {
      return false;
    }
  }, 'must be an exact origin such as https://shop.example (https, no path or trailing slash)'),
);

/** The origins whose pages may call the storefront API (CORS). */
export const AllowedOrigins = z
  .strictObject({ origins: z.array(Origin).check(z.maxLength(50)) })
  .check(
    z.superRefine((value, ctx) => {
      value.origins.forEach((origin, index) => {
        if (value.origins.indexOf(origin) !== index) ctx.addIssue({ code: 'custom', message: `duplicate origin ${origin}`, path: ['origins', index], input: value });
      });
    }),
  );
export type AllowedOrigins = z.infer<typeof AllowedOrigins>;
