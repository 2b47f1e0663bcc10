/** Leaf values by dotted path: `{ rewards: [{ cost: 300 }] }` → `rewards.0.cost: 300`. */
function flatten(value: unknown, prefix: string, out: Map<string, string>): Map<string, string> {
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) out.set(prefix, Array.isArray(value) ? '[]' : '{}');
    for (const [key, child] of entries) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else if (value !== undefined) {
    out.set(prefix, JSON.stringify(value));
  }
  return out;
}

export interface FieldChange {
  path: string;
  before: string | null;
  after: string | null;
}

/** What a configuration change changed, field by field, in path order. */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const a = flatten(before, '', new Map());
  const b = flatten(after, '', new Map());
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths.filter((path) => a.get(path) !== b.get(path)).map((path) => ({ path, before: a.get(path) ?? null, after: b.get(path) ?? null }));
}
