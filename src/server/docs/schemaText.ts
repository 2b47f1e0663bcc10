type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Constraints worth a reader's eye, in words: `1–120`, `max 64 chars`, `pattern …`, `format uuid`. */
function constraints(schema: Schema): string {
  const notes: string[] = [];
  if (schema.format) notes.push(String(schema.format));
  // zod states the safe-integer range on every integer: noise for a reader.
  const bound = (value: unknown) => (typeof value === 'number' && Math.abs(value) < Number.MAX_SAFE_INTEGER ? value : undefined);
  const [min, max] = [bound(schema.minimum), bound(schema.maximum)];
  if (min !== undefined || max !== undefined) notes.push(`${min ?? '…'}–${max ?? '…'}`);
  if (schema.exclusiveMinimum !== undefined) notes.push(`> ${String(schema.exclusiveMinimum)}`);
  if (schema.minLength !== undefined || schema.maxLength !== undefined) notes.push(`${schema.minLength ?? 0}–${schema.maxLength ?? '…'} chars`);
  if (schema.maxItems !== undefined) notes.push(`max ${String(schema.maxItems)} items`);
  if (schema.pattern && !schema.format) notes.push(`/${String(schema.pattern)}/`);
  return notes.length > 0 ? ` /* ${notes.join(', ')} */` : '';
}

/**
 * A JSON Schema as TypeScript-like text, e.g. `{ balance: integer; tier?: { id: string } | null }`,
 * indented, for the API reference page. Plain text: the page escapes it.
 */
export function schemaText(schema: unknown, indent = ''): string {
  if (!isSchema(schema)) return 'unknown';
  if (typeof schema.$ref === 'string') return schema.$ref.replace(/^#\/(\$defs|components\/schemas)\//, '');
  if ('const' in schema) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options)) return options.map((option) => schemaText(option, indent)).join(' | ');
  }
  if (Array.isArray(schema.allOf)) return schema.allOf.map((part) => schemaText(part, indent)).join(' & ');
  const type = schema.type;
  if (Array.isArray(type)) return type.map((one) => schemaText({ ...schema, type: one }, indent)).join(' | ');
  if (type === 'array') {
    const items = schemaText(schema.items, indent);
    return `${items.includes(' | ') ? `(${items})` : items}[]${constraints({ maxItems: schema.maxItems })}`;
  }
  if (type === 'object' || isSchema(schema.properties)) {
    const properties = isSchema(schema.properties) ? Object.entries(schema.properties) : [];
    if (properties.length === 0) {
      return isSchema(schema.additionalProperties) ? `Record<string, ${schemaText(schema.additionalProperties, indent)}>` : '{}';
    }
    const required = Array.isArray(schema.required) ? schema.required : [];
    const inner = `${indent}  `;
    const lines = properties.map(([name, property]) => {
      const description = isSchema(property) && typeof property.description === 'string' ? `${inner}// ${property.description}\n` : '';
      return `${description}${inner}${name}${required.includes(name) ? '' : '?'}: ${schemaText(property, inner)};`;
    });
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  if (typeof type === 'string') return `${type}${constraints(schema)}`;
  return 'any';
}
