// Wrappers of the small validation engine (optional, nullable, default, catch, pipe, transform) and
// unions. Each says what an object does when its input lacks the key (`absent`, see engine.ts).
import { isPlain, issue, part, schema, type Absent, type Payload, type Schema } from './engine';

/** Keeps the result as for a present key (a default fills the key in). */
const keepAll: Absent = (payload, out, key, result) => {
  payload.issues.push(...result.issues);
  out[key] = result.value;
};

/**
 * zod's `handlePropertyResult` for an absent key in general, from the schema's `optin`/`optout`;
 * optional and default have simpler hooks of their own.
 */
const ladder =
  ({ optin, optout }: Partial<Schema>): Absent =>
  (payload, out, key, result) => {
    if (optin === 'optional' && optout) return;
    if (result.issues.length) {
      if (optout) return;
      payload.issues.push(...result.issues);
    }
    if (result.value !== undefined || (optin === 'defaulted' && !optout)) out[key] = result.value;
  };
const absentFor = (parts: Partial<Schema>) => (parts.optin ? { ...parts, absent: ladder(parts) } : parts);

export const optional = (inner: Schema) =>
  schema(
    (payload) => {
      if (payload.value !== undefined) return inner.run(payload);
      // Only a defaulted inner schema fills in an absent value; failing, it leaves it absent.
      if (inner.optin !== 'defaulted') return;
      const result = part(payload, undefined);
      inner.run(result);
      payload.value = result.issues.length ? undefined : result.value;
    },
    {
      optin: inner.optin === 'defaulted' ? 'defaulted' : 'optional',
      optout: 'optional',
      absent: (_payload, out, key, result) => {
        if (result.value !== undefined) out[key] = result.value;
      },
    },
  );

export const nullable = (inner: Schema) =>
  schema((payload) => void (payload.value === null || inner.run(payload)), { optin: inner.optin, optout: inner.optout, absent: inner.absent });

// zod hands out a shallow copy of an object default, so that callers cannot change the next one.
const fresh = (value: unknown) => (typeof value === 'function' ? value() : Array.isArray(value) ? [...value] : isPlain(value) ? { ...value } : value);

export const _default = (inner: Schema, value: unknown) =>
  schema(
    (payload) => {
      if (payload.value !== undefined) inner.run(payload);
      if (payload.value === undefined) payload.value = fresh(value);
    },
    { optin: 'defaulted', absent: keepAll },
  );

const caught = (inner: Schema, value: unknown) =>
  schema(
    (payload) => {
      const result = part(payload, payload.value);
      inner.run(result);
      payload.value = !result.issues.length ? result.value : typeof value === 'function' ? value({ value: payload.value, input: payload.value, error: { issues: result.issues } }) : value;
    },
    absentFor({ optin: inner.optin === 'defaulted' ? 'defaulted' : 'optional', optout: inner.optout }),
  );

export const transform = (fn: (value: never, payload: Payload) => unknown) =>
  schema((payload) => void (payload.value = fn(payload.value as never, payload)), absentFor({ optin: 'optional' }));

/** `z.pipe(a, b)`: `b` runs on what `a` gives, unless `a` failed (unknown keys aside). */
export const pipe = (first: Schema, second: Schema) =>
  schema(
    (payload) => {
      first.run(payload);
      if (payload.issues.every((found) => found.code === 'unrecognized_keys')) second.run(payload);
    },
    absentFor({ optin: first.optin, optout: second.optout }),
  );

/** `z.union`: the first option that passes; else the one option that failed only its checks, else `invalid_union`. */
export function union(options: Schema[]): Schema {
  return schema(
    (payload) => {
      // zod runs a lone option as if there were no union.
      if (options.length === 1) return options[0]!.run(payload);
      const results = options.map((option) => {
        const result = part(payload, payload.value);
        option.run(result);
        return result;
      });
      const checked = results.filter((result) => result.issues.every((found) => found.continue));
      const chosen = results.find((result) => !result.issues.length) ?? (checked.length === 1 ? checked[0] : undefined);
      if (!chosen) return issue(payload, 'invalid_union');
      payload.value = chosen.value;
      payload.issues.push(...chosen.issues);
    },
    // Any defaulted option makes the union defaulted, else any optional one optional ('defaulted' sorts first, undefined last).
    absentFor({ optin: options.map((option) => option.optin).sort()[0], optout: options.find((option) => option.optout)?.optout }),
  );
}

/** `z.discriminatedUnion(key, options)`: the option whose `key` schema accepts the value's `key`. */
export const discriminatedUnion = (key: string, options: Schema[]) =>
  schema((payload) => {
    if (!isPlain(payload.value)) return issue(payload, 'invalid_type');
    const option = options.find((candidate) => candidate.def.shape![key]!.safeParse(payload.value[key]).success);
    if (option) return option.run(payload);
    issue(payload, 'invalid_union', { path: [...payload.path, key] });
  });

export { caught as catch };
