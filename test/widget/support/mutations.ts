// Systematic variations of real JSON, to compare two validation engines on inputs near the valid ones.

/** Values put in place of any part: wrong types, numbers out of range or not finite, odd strings and dates. */
export const REPLACEMENTS: ReadonlyArray<[string, unknown]> = [
  ['null', null],
  ['undefined', undefined],
  ['0', 0],
  ['-1', -1],
  ['0.5', 0.5],
  ['1.005', 1.005],
  ['2^53', 2 ** 53],
  ['-2^60', -(2 ** 60)],
  ['1e21', 1e21],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
  ['true', true],
  ['empty string', ''],
  ['spaces', '   '],
  ['501 letters', 'x'.repeat(501)],
  ['300 emoji', '😀'.repeat(300)],
  ['lone surrogates', '\ud800'.repeat(3)],
  ['empty array', []],
  ['empty object', {}],
  ['object with a length', { length: 3 }],
  ['array of 51', Array.from({ length: 51 }, (_, index) => index)],
  ['datetime', '2026-03-01T10:00:00Z'],
  ['datetime with fraction', '2024-02-29T23:59:59.123456Z'],
  ['datetime without seconds', '2026-03-01T10:00Z'],
  ['datetime with offset', '2026-03-01T10:00:00+03:00'],
  ['30 February', '2026-02-30T10:00:00Z'],
  ['29 February 2025', '2025-02-29'],
  ['date', '2026-03-01'],
  ['month-day', '02-29'],
  ['bad month-day', '13-01'],
  ['uuid', '3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60'],
  ['nil uuid', '00000000-0000-0000-0000-000000000000'],
  ['uuid v0', '3f1c2a9e-8b7d-0c6e-9f0a-1b2c3d4e5f60'],
  ['coupon code', 'ABCD-EFGH-JKMN'],
  ['locale', 'en-GB'],
  ['url', 'https://shop.example/x'],
  ['http url', 'http://shop.example/x'],
];

type Json = unknown;
const DROP = Symbol('drop');

/** `root` with the part at `path` replaced by `next` (or removed with DROP), copying only along the path. */
function replaceAt(root: Json, path: PropertyKey[], next: Json | typeof DROP): Json {
  if (!path.length) return next;
  const [head, ...rest] = path as [string | number, ...PropertyKey[]];
  const node = root as Record<string | number, Json>;
  const inner = replaceAt(node[head], rest, next);
  if (Array.isArray(node)) {
    const copy = [...node];
    if (inner === DROP) copy.splice(head as number, 1);
    else copy[head as number] = inner;
    return copy;
  }
  const copy = { ...node };
  if (inner === DROP) delete copy[head];
  else copy[head] = inner;
  return copy;
}

/** Variations of one part, in place: dropped, extended, and its own kind of wrong. */
function* around(value: Json, key: PropertyKey | undefined): Generator<[string, Json | typeof DROP]> {
  if (key !== undefined) yield ['dropped', DROP];
  if (typeof value === 'string') {
    yield ['padded', ` ${value} `];
    yield ['upper case', value.toUpperCase()];
    yield ['lower case', value.toLowerCase()];
    yield ['one shorter', value.slice(1)];
    yield ['100 longer', value + 'x'.repeat(100)];
    yield ['emoji longer', value + '🎁'.repeat(60)];
  } else if (typeof value === 'number') {
    yield ['plus a half', value + 0.5];
    yield ['negated', -value];
    yield ['plus one', value + 1];
    yield ['huge', value * 1e17 + 1e17];
  } else if (Array.isArray(value)) {
    yield ['first repeated', [...value, value[0]]];
    yield ['wrong member', [...value, { unexpected: true }]];
    yield ['emptied', []];
    if (value.length) yield ['first removed', value.slice(1)];
  } else if (value && typeof value === 'object') {
    yield ['unknown key', { ...value, unexpected: 1 }];
    yield ['inherited-name key', { ...value, toString: 'x' }];
    yield ['own __proto__ key', JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(value).slice(1)}`.replace(', }', '}'))];
  }
}

/** What tells an array's elements apart for a schema: their keys and their discriminator, if any. */
const signature = (value: Json) => {
  if (!value || typeof value !== 'object') return typeof value;
  const tagged = value as { kind?: unknown; type?: unknown; op?: unknown };
  return `${Object.keys(value).join()}|${String(tagged.kind ?? tagged.type ?? tagged.op ?? '')}`;
};

/**
 * Every node of `root` with its path (objects and arrays first, then their parts). Of an array's
 * elements, `all` keeps every one; otherwise one of each signature (each union member once).
 */
function* nodes(root: Json, all = true, path: PropertyKey[] = []): Generator<[PropertyKey[], Json]> {
  yield [path, root];
  if (!root || typeof root !== 'object') return;
  const seen = new Set<string>();
  for (const [key, value] of Object.entries(root)) {
    if (Array.isArray(root) && !all && seen.size === seen.add(signature(value)).size) continue;
    yield* nodes(value, all, [...path, Array.isArray(root) ? Number(key) : key]);
  }
}

/**
 * Mutations of `root`, each a new value with one part changed: every part dropped, extended, of
 * the wrong type, out of range, too long, a bad date… (in one element of each kind per array).
 */
export function* mutations(root: Json): Generator<[string, Json]> {
  for (const [path, value] of nodes(root, false)) {
    const at = ` at ${path.join('.') || 'the root'}`;
    for (const [label, next] of around(value, path.at(-1))) yield [`, ${label}${at}`, replaceAt(root, path, next)];
    // The root's replacements are the same for every input: `parts` adds them once.
    if (path.length) for (const [label, next] of REPLACEMENTS) yield [`, ${label}${at}`, replaceAt(root, path, next)];
  }
}

/** The distinct parts of `roots` (every object, array, string and number in them), plus the replacements. */
export function parts(roots: Json[]): Json[] {
  const seen = new Map<string, Json>();
  for (const root of roots) {
    for (const [, value] of nodes(root)) {
      const key = JSON.stringify(value) ?? String(value);
      if (!seen.has(key)) seen.set(key, value);
    }
  }
  return [...seen.values(), ...REPLACEMENTS.map(([, value]) => value)];
}
