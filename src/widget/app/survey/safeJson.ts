/**
 * `JSON.stringify` that a host page cannot bend. Prototype.js 1.6 (still on old shops) adds
 * `Array.prototype.toJSON` and `String.prototype.toJSON`, so a plain `JSON.stringify` writes our
 * `answers` array as a quoted string and the server refuses it. The replacer returns the holder's
 * own value, which `JSON.stringify` then writes without calling `toJSON` again. Our bodies are
 * plain data (no dates, no classes), so the holder's own value is always what should be written.
 */
export function stringify(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string) {
    return this[key];
  });
}
