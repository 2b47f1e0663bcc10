// The core of the small validation engine (see zodPageView.ts): a schema is a `run` over a payload,
// as in zod's core, so that wrappers and containers can follow zod's rules one for one.

/**
 * A problem found while parsing, with zod's `code`, `path` and (for unknown keys) `keys`. No
 * `message`: no widget code reads one (options name the field, everything else is pass/fail).
 * `continue` marks the issues of checks: zod runs later checks after those, not after a wrong type.
 */
export interface Issue {
  code: string;
  path: PropertyKey[];
  keys?: string[];
  continue?: true;
}

/** A value being parsed: schemas replace `value` (defaults, transforms) and add issues. */
export interface Payload {
  value: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- every schema narrows it itself
  issues: Issue[];
  path: PropertyKey[];
}

export type Run = (payload: Payload) => void;

/**
 * A check added with `.check()`; `measured` marks zod's length checks, which also run after a
 * wrong type, and `max` their upper bound, if any.
 */
export type Check = Run & { measured?: true; max?: number };

/**
 * What an object does with the result for a key its input lacks (zod's `handlePropertyResult` for
 * the schema's `optin`/`optout`). Without one the key is required.
 */
export type Absent = (payload: Payload, out: Record<string, unknown>, key: string, result: Payload) => void;

export interface Schema {
  run: Run;
  absent?: Absent;
  /** zod's `optin`/`optout`, for the few wrappers that combine them (catch, pipe, union). */
  optin?: 'optional' | 'defaulted';
  optout?: 'optional';
  /** An array: too many elements for its leading length checks is refused before they are parsed. */
  capped?: true;
  def: { shape?: Record<string, Schema>; strict?: boolean };
  /** An object's keys (zod/mini's `shape`, the same as `def.shape`). */
  shape?: Record<string, Schema>;
  check(...checks: Check[]): Schema;
  safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: { issues: Issue[] } };
}

export const issue = (payload: Payload, code: string, extra?: Partial<Issue>) => {
  payload.issues.push({ code, path: payload.path, ...extra });
};

/** A payload of its own for a part of the value (an object's key, an array's element, a union's option). */
export const part = (payload: Payload, value: unknown, path = payload.path): Payload => ({ value, issues: [], path });

export function schema(run: Run, extra: Partial<Schema> = {}): Schema {
  const self: Schema = {
    def: {},
    ...extra,
    run,
    // Like zod, the checks keep the schema's definition (an object's shape, its optionality).
    check: (...checks) =>
      schema((payload) => {
        // zod's size cap: an array longer than a leading length check allows fails that check alone,
        // and its elements are never parsed.
        const size = self.capped && Array.isArray(payload.value) ? payload.value.length : -1;
        for (const check of checks) {
          if (!check.measured) break;
          if (size > check.max!) {
            check(payload);
            delete payload.issues.at(-1)!.continue;
            return;
          }
        }
        run(payload);
        for (const check of checks) {
          // zod stops checking after an issue that is not a check's (a wrong type, say).
          if (check.measured ? payload.value?.length !== undefined : payload.issues.every((found) => found.continue)) check(payload);
        }
      }, self),
    safeParse(value) {
      const payload: Payload = { value, issues: [], path: [] };
      run(payload);
      return payload.issues.length ? { success: false, error: { issues: payload.issues } } : { success: true, data: payload.value };
    },
  };
  return self;
}

/** A schema that only tests the type (`invalid_type` otherwise). */
export const typed = (ok: (value: unknown) => boolean) =>
  schema((payload) => {
    if (!ok(payload.value)) issue(payload, 'invalid_type');
  });

/** zod's `isObject`: any object but null and arrays. */
export const isPlain = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
