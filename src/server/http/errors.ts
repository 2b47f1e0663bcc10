import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode, ErrorEnvelope, FieldIssue } from '../../contract';

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  origin_not_allowed: 403,
  not_found: 404,
  unknown_shop: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  reward_not_found: 404,
  insufficient_points: 409,
  price_changed: 409,
  tier_required: 403,
  idempotency_key_required: 400,
  idempotency_key_reused: 422,
  idempotency_key_in_use: 409,
  survey_not_found: 404,
  survey_already_answered: 409,
  coupon_not_found: 404,
  coupon_used: 409,
  coupon_void: 410,
  coupon_expired: 410,
  coupon_min_order: 422,
  coupon_wrong_customer: 403,
  coupon_first_order_only: 403,
  customer_not_found: 404,
  order_not_found: 404,
  refund_exceeds_order: 409,
  earn_rule_not_found: 404,
  action_not_found: 404,
  already_claimed: 409,
  birthday_already_set: 409,
};

/** An error the client is meant to see: a stable code and a message written for developers. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldIssue[],
  ) {
    super(message);
  }
}

export function errorBody(c: Context, code: ErrorCode, message: string, fields?: FieldIssue[]): ErrorEnvelope {
  return { error: { code, message, requestId: c.get('requestId') ?? 'unknown', ...(fields ? { fields } : {}) } };
}

export function errorResponse(c: Context, code: ErrorCode, message: string, fields?: FieldIssue[]) {
  // An error is about this request only (often this customer): no shared cache may keep it.
  c.header('Cache-Control', 'private, no-store');
  return c.json(errorBody(c, code, message, fields), STATUS[code]);
}

/**
 * The one place failures become responses. Unknown errors are logged with the request id and
 * answered with a generic message: no stack, SQL, path or version ever reaches the client.
 */
export function handleError(error: Error, c: Context, log: (line: string) => void) {
  if (error instanceof ApiError) return errorResponse(c, error.code, error.message, error.fields);
  const status = (error as { status?: number }).status;
  if (status === 413) return errorResponse(c, 'payload_too_large', 'Request body is too large.');
  log(`[sadakat] ${c.get('requestId') ?? '-'} ${c.req.method} ${c.req.path} failed: ${error.stack ?? error.message}`);
  return errorResponse(c, 'internal', 'Something went wrong on our side. Try again later.');
}
