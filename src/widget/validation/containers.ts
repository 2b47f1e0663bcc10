// Objects, arrays and records of the small validation engine, with zod's rules for absent and
// unknown keys.
import { isPlain, issue, part, schema, type Schema } from './engine';

function objectOf(shape: Record<string, Schema>, strict?: boolean): Schema {
  return schema(
    (payload) => {
      const input = payload.value;
      if (!isPlain(input)) return issue(payload, 'invalid_type');
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(shape)) {
        const field = shape[key]!;
        const result = part(payload, input[key], [...payload.path, key]);
        field.run(result);
        // A key that is present is kept, even as `undefined`; an absent one as its schema says.
        if (key in input) {
          payload.issues.push(...result.issues);
          out[key] = result.value;
        } else if (field.absent) field.absent(payload, out, key, result);
        // A required key: zod's `nonoptional` when its schema accepts `undefined` (z.unknown()).
        else payload.issues.push(...(result.issues.length ? result.issues : [{ code: 'invalid_type', path: result.path }]));
      }
      payload.value = out;
      if (!strict) return;
      const unknown: string[] = [];
      // Own keys only: zod's `for…in` would also report a key a host page added to Object.prototype.
      for (const key of Object.keys(input)) if (!Object.hasOwn(shape, key)) unknown.push(key);
      if (unknown.length) issue(payload, 'unrecognized_keys', { keys: unknown, continue: true });
    },
    { def: { shape, strict }, shape },
  );
}

export const object = (shape: Record<string, Schema>) => objectOf(shape);
export const strictObject = (shape: Record<string, Schema>) => objectOf(shape, true);
/** `z.extend(object, shape)`: more keys, same strictness. (zod forbids it on objects with checks.) */
export const extend = (base: Schema, shape: Record<string, Schema>) => objectOf({ ...base.def.shape, ...shape }, base.def.strict);

export const array = (item: Schema) =>
  schema(
    (payload) => {
      const input = payload.value;
      if (!Array.isArray(input)) return issue(payload, 'invalid_type');
      payload.value = input.map((element, index) => {
        const result = part(payload, element, [...payload.path, index]);
        item.run(result);
        payload.issues.push(...result.issues);
        return result.value;
      });
    },
    { capped: true },
  );

/** `z.record(key, value)` with a non-enumerable key schema (a string with checks): every key must pass. */
export const record = (key: Schema, item: Schema) =>
  schema((payload) => {
    const input = payload.value;
    if (!isPlain(input)) return issue(payload, 'invalid_type');
    const out: Record<string, unknown> = {};
    for (const name of Object.keys(input)) {
      const path = [...payload.path, name];
      const checked = part(payload, name, path);
      key.run(checked);
      // zod skips `__proto__` rather than let it replace the output's prototype.
      if (name === '__proto__') continue;
      if (checked.issues.length) {
        issue(payload, 'invalid_key', { path });
        continue;
      }
      const result = part(payload, input[name], path);
      item.run(result);
      payload.issues.push(...result.issues);
      out[checked.value] = result.value;
    }
    payload.value = out;
  });
