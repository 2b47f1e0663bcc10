// The checks (`z.minLength`, `z.regex`, `z.refine`…) of the small validation engine, with zod's
// issue codes. A check runs only on a value of the right type, except the length checks (see engine.ts).
import { issue, type Check, type Payload } from './engine';

const passes = (ok: (value: never) => unknown, code: string): Check => (payload) => {
  if (!ok(payload.value as never)) issue(payload, code, { continue: true });
};

// zod counts a string's length in code points (an emoji is one), anything else's `length` as it is
// (an array's elements; also `{ length: 3 }`, since length checks run after a wrong type too).
const measured = (ok: (length: number) => boolean, code: string, max?: number): Check =>
  Object.assign(passes((value: string | { length: number }) => ok(typeof value === 'string' ? [...value].length : value.length), code), { measured: true as const, max });

export const maxLength = (n: number) => measured((length) => length <= n, 'too_big', n);
export const minLength = (n: number) => measured((length) => length >= n, 'too_small');
/** An exact length: longer is `too_big`, shorter `too_small`. */
export const length = (n: number) =>
  Object.assign(
    (payload: Payload) => {
      maxLength(n)(payload);
      minLength(n)(payload);
    },
    { measured: true as const, max: n },
  );

export const regex = (pattern: RegExp) =>
  passes((value: string) => {
    pattern.lastIndex = 0;
    return pattern.test(value);
  }, 'invalid_format');

export const minimum = (n: number) => passes((value: number) => value >= n, 'too_small');
export const maximum = (n: number) => passes((value: number) => value <= n, 'too_big');
export const positive = () => passes((value: number) => value > 0, 'too_small');
export const refine = (fn: (value: never) => unknown) => passes(fn, 'custom');

/** The context of `z.superRefine`: issues added there default to `custom`, at paths below the value's. */
interface RefinementContext {
  value: unknown;
  addIssue(found: { code?: string; path?: PropertyKey[]; fatal?: boolean }): void;
}
export const superRefine =
  (fn: (value: never, context: RefinementContext) => void): Check =>
  (payload: Payload) =>
    fn(payload.value as never, {
      value: payload.value,
      addIssue: ({ code = 'custom', path = [], fatal }) => {
        payload.issues.push({ code, path: [...payload.path, ...path], ...(fatal ? {} : { continue: true }) });
      },
    });

export const overwrite =
  (fn: (value: never) => unknown): Check =>
  (payload) => {
    payload.value = fn(payload.value as never);
  };
export const trim = () => overwrite((value: string) => value.trim());
