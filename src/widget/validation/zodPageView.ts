/**
 * The page-view script's validation engine: the smallest one with the `zod/mini` API
 * (`vite build --mode iife` aliases `zod/mini` to this module). The schemas stay the contract's and
 * the options' own zod schemas, written once; only the engine that runs them is swapped, because
 * zod's core (≈ 9 KB brotli) alone would take the whole 10 KB budget.
 *
 * The rest of the widget (the ES build: npm entry, panel, lazy chunks) runs on `zodWidget.ts`, which
 * follows zod's rules to the issue (defaults, catches, pipes, size caps, zod's codes). The page view
 * keeps this smaller engine because that one would cost it ≈ 0.55 KB brotli (measured: 10.53 KB
 * against 9.96 KB), more than the budget has left. It covers what the page-view modules use
 * (options, contract primitives, the error codes, the launcher slice of the boot payload), and for
 * those it accepts and rejects what zod does and gives zod's data and issue paths (options name the
 * field from the path); a failed check's code is `custom` here, not zod's, since nothing on the page
 * view reads codes. `test/widget/zodPageView.test.ts` runs the options parser and the slice with
 * both engines over the same inputs and requires identical results. The panel chunk re-checks the
 * whole payload with the full contract (`upgradeParser`). A `z.*` function missing here fails the
 * build (see vite.config.ts), never the shopper's page.
 */

type Issue = { code: string; path: PropertyKey[]; keys?: string[] };
type Run = (value: unknown, issues: Issue[], path: PropertyKey[]) => unknown;
type Check = (value: never) => boolean;

export interface Schema {
  run: Run;
  optional?: true;
  def: { shape?: Record<string, Schema> };
  check(...checks: Check[]): Schema;
  safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: { issues: Issue[] } };
}

// No `message`: nothing on the page view reads one (options name the field, the rest is pass/fail).
const issue = (issues: Issue[], path: PropertyKey[], code: string, keys?: string[]) => {
  issues.push(keys ? { code, path, keys } : { code, path });
};

function schema(run: Run, extra: Partial<Schema> = {}): Schema {
  const self: Schema = {
    run,
    def: {},
    ...extra,
    check: (...checks) =>
      schema((value, issues, path) => {
        const before = issues.length;
        const out = run(value, issues, path);
        // zod runs the checks only on a value of the right type.
        if (issues.length === before) {
          for (const check of checks) {
            if (!check(out as never)) issue(issues, path, 'custom');
          }
        }
        return out;
      }, extra),
    safeParse(value) {
      const issues: Issue[] = [];
      const data = self.run(value, issues, []);
      return issues.length ? { success: false, error: { issues } } : { success: true, data };
    },
  };
  return self;
}

const typed = (ok: (value: unknown) => boolean) =>
  schema((value, issues, path) => {
    if (!ok(value)) issue(issues, path, 'invalid_type');
    return value;
  });

const isPlain = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const string = () => typed((v) => typeof v === 'string');
const number = () => typed((v) => typeof v === 'number' && Number.isFinite(v));
const int = () => typed((v) => Number.isSafeInteger(v));
const boolean = () => typed((v) => typeof v === 'boolean');
const literal = (expected: unknown) => typed((v) => v === expected);
const custom = (fn: (value: unknown) => unknown) => typed((v) => !!fn(v));
// The enum's values are its `def.entries` in zod; nobody on the page view reads them.
const enumOf = (values: readonly unknown[]) => typed((v) => values.includes(v));

const optional = (inner: Schema) => schema((value, issues, path) => (value === undefined ? value : inner.run(value, issues, path)), { optional: true });
const nullable = (inner: Schema) => schema((value, issues, path) => (value === null ? value : inner.run(value, issues, path)));

function union(options: Schema[]): Schema {
  return schema((value, issues, path) => {
    for (const option of options) {
      const own: Issue[] = [];
      const out = option.run(value, own, path);
      if (!own.length) return out;
    }
    issue(issues, path, 'invalid_union');
    return value;
  });
}

function objectOf(shape: Record<string, Schema>, strict = false): Schema {
  return schema(
    (value, issues, path) => {
      if (!isPlain(value)) {
        issue(issues, path, 'invalid_type');
        return value;
      }
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(shape)) {
        // An optional key that is absent stays absent; present (even as undefined) it is copied.
        if (!(key in value) && field.optional) continue;
        out[key] = field.run(value[key], issues, [...path, key]);
      }
      const unknown = Object.keys(value).filter((key) => !(key in shape));
      if (strict && unknown.length) issue(issues, path, 'unrecognized_keys', unknown);
      return out;
    },
    { def: { shape } },
  );
}

const array = (item: Schema) =>
  schema((value, issues, path) => {
    if (!Array.isArray(value)) {
      issue(issues, path, 'invalid_type');
      return value;
    }
    return value.map((element, index) => item.run(element, issues, [...path, index]));
  });

const record = (key: Schema, item: Schema) =>
  schema((value, issues, path) => {
    if (!isPlain(value)) {
      issue(issues, path, 'invalid_type');
      return value;
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      key.run(k, issues, [...path, k]);
      out[k] = item.run(v, issues, [...path, k]);
    }
    return out;
  });

// Checks: `true` when the value passes.
// zod counts code points (an emoji is one); spreading a string gives them.
const maxLength = (n: number): Check => (v: string) => [...v].length <= n;
const minLength = (n: number): Check => (v: string) => [...v].length >= n;
const regex = (pattern: RegExp): Check => (v: string) => {
  pattern.lastIndex = 0;
  return pattern.test(v);
};
const minimum = (n: number): Check => (v: number) => v >= n;
const maximum = (n: number): Check => (v: number) => v <= n;
const refine = (fn: (value: never) => unknown): Check => (v: never) => !!fn(v);

// ISO-8601 date-time in UTC (`Z`, seconds required) with real days of the month, zod's `iso.datetime()`
// pattern; built on demand, so that it costs nothing while the page view has no timestamp.
const iso = {
  datetime: () =>
    string().check(
      regex(
        /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?Z$/,
      ),
    ),
};

// Named exports, re-exported as the namespace `z` by `zodMiniPageView.ts` (the alias target), so that
// a `z.something` this engine lacks is a missing export at build time.
export const object = (shape: Record<string, Schema>): Schema => objectOf(shape);
export {
  string,
  number,
  int,
  boolean,
  literal,
  custom,
  enumOf as enum,
  optional,
  nullable,
  union,
  array,
  record,
  maxLength,
  minLength,
  regex,
  minimum,
  maximum,
  refine,
  iso,
};
export const strictObject = (shape: Record<string, Schema>): Schema => objectOf(shape, true);
