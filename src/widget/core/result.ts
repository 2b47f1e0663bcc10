import type { ErrorCode } from '../../contract/errors';

/**
 * Stable codes carried by `sadakat:error` and by failed `Result`s: the server's own codes from the
 * contract plus the ones only the widget can observe. Never raw server text.
 */
export type WidgetErrorCode =
  | ErrorCode
  | 'network'
  | 'timeout'
  | 'invalid_response'
  | 'invalid_options'
  | 'load_failed'
  | 'not_available';

export interface WidgetError {
  code: WidgetErrorCode;
  /** HTTP status when the server answered. */
  status?: number;
}

/** What every API call returns: never a throw for an HTTP or validation failure. */
export type Result<T, E = WidgetError> = { ok: true; data: T } | { ok: false; error: E };

export const ok = <T>(data: T): Result<T, never> => ({ ok: true, data });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });
