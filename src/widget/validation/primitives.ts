// The leaf schemas of the small validation engine: types, literals, enums and string formats.
import { issue, schema, typed, type Check } from './engine';
import { regex } from './checks';

export const string = () => typed((value) => typeof value === 'string');
export const number = () => typed((value) => typeof value === 'number' && Number.isFinite(value));
export const boolean = () => typed((value) => typeof value === 'boolean');
const nullType = () => typed((value) => value === null);
export const unknown = () => schema(() => {});

/** zod's safe-integer format: a fraction is a wrong type (and stops the checks), a huge number is out of range. */
const safeInteger: Check = (payload) => {
  const value = payload.value as number;
  if (!Number.isInteger(value)) issue(payload, 'invalid_type');
  else if (!Number.isSafeInteger(value)) issue(payload, value > 0 ? 'too_big' : 'too_small', { continue: true });
};
export const int = () => number().check(safeInteger);

const oneOf = (values: readonly unknown[]) =>
  schema((payload) => {
    if (!values.includes(payload.value)) issue(payload, 'invalid_value');
  });
export const literal = (value: unknown) => oneOf(Array.isArray(value) ? value : [value]);
// The enum's values are its `def.entries` in zod; no widget code reads them.
const enumOf = (values: readonly unknown[]) => oneOf(values);

/** `z.custom(fn)`: any value, then `fn` as a check (`custom` when it says no). */
export const custom = (fn?: (value: unknown) => unknown) =>
  schema(() => {}).check((payload) => {
    if (fn && !fn(payload.value)) issue(payload, 'custom', { continue: true });
  });

// zod's own patterns (zod/v4/core/regexes.js), so that formats accept exactly what zod accepts.
const date = () => String.raw`(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))`;
// Built when a schema asks for them, so that a bundle without dates or UUIDs carries no pattern.
const format = (pattern: () => RegExp) => () => string().check(regex(pattern()));
export const iso = {
  date: format(() => new RegExp(`^${date()}$`)),
  // Without options: UTC (`Z`) only, seconds required, any fraction of a second.
  datetime: format(() => new RegExp(String.raw`^${date()}T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z))$`)),
};
export const uuid = format(() => /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/);
export const ipv4 = format(() => /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/);
export const ipv6 = format(
  () =>
    /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))$/,
);

export { nullType as null, enumOf as enum };
