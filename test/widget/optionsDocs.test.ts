import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createController } from '../../src/widget/core/controller';
import { optionsFromDataset, WidgetOptions } from '../../src/widget/core/options';

// The README's options table and its methods and events tables are held to the code: every option
// of the schema is listed once, with the type the schema accepts, the `@default` its JSDoc states
// and the `data-*` attribute the script tag reads; every method and event is listed.

const readme = readFileSync('README.md', 'utf8');
const source = readFileSync('src/widget/core/options.ts', 'utf8');

/** The rows of the first Markdown table after `## heading`, as cells without backticks. */
function table(heading: string): string[][] {
  const section = readme.split(`\n## ${heading}\n`)[1]?.split('\n## ')[0] ?? '';
  const rows = section.split('\n').filter((line) => line.startsWith('| '));
  return rows.slice(2).map((row) =>
    row
      .slice(2, -2)
      .split(/(?<!\\) \| /)
      .map((cell) => cell.replace(/\\\|/g, '|').trim()),
  );
}
const code = (cell: string | undefined) => /^`([^`]*)`$/.exec(cell ?? '')?.[1] ?? cell;

interface Def {
  type: string;
  innerType?: { def: Def };
  options?: Array<{ def: Def }>;
  entries?: Record<string, string>;
}

/** The TypeScript-ish type a schema accepts; `z.custom<T>` types are read from the source. */
function typeOf(name: string, def: Def): string {
  switch (def.type) {
    case 'optional':
      return typeOf(name, def.innerType!.def);
    case 'nullable':
      return `${typeOf(name, def.innerType!.def)} | null`;
    case 'string':
    case 'number':
      return def.type;
    case 'enum':
      return Object.values(def.entries!).map((value) => `'${value}'`).join(' | ');
    case 'union':
      return def.options!.map((option) => typeOf(name, option.def)).join(' | ');
    case 'object':
      return 'object';
    case 'custom': {
      const match = new RegExp(`\\n  ${name}: z\\.optional\\(z\\.custom<(.+)>\\(\\(value\\)`).exec(source);
      if (!match) throw new Error(`no z.custom<…> for ${name} in options.ts`);
      return match[1]!;
    }
    default:
      throw new Error(`${name}: describe schema type ${def.type}`);
  }
}

/** The `@default` of a field's JSDoc in options.ts, or null. */
function defaultOf(name: string): string | null {
  const match = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\n  ${name}:`).exec(source);
  return /@default (.+?)\s*$/.exec(match?.[1] ?? '')?.[1] ?? null;
}

describe('README: Options', () => {
  const rows = table('Options');
  const shape = WidgetOptions.def.shape as unknown as Record<string, { def: Def }>;

  it('lists every option exactly once, and nothing else', () => {
    expect(rows.map((row) => code(row[0])).sort()).toEqual(Object.keys(shape).sort());
  });

  it.each(Object.keys(shape))('"%s": type, default and data-* attribute match the code', (name) => {
    const row = rows.find((cells) => code(cells[0]) === name);
    expect(row, `${name} has a row`).toBeDefined();
    const [, attribute, type, documented] = row!;
    expect(code(type)).toBe(typeOf(name, shape[name]!.def));
    const jsdoc = defaultOf(name);
    if (name === 'shop') expect(documented).toBe('required');
    else if (jsdoc === null) expect(documented).toBe('—');
    else expect(documented?.replace(/`/g, '')).toBe(jsdoc.replace(/`/g, ''));
    // The attribute column says what the script tag really reads.
    const kebab = name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
    const read = Object.keys(optionsFromDataset({ [name]: 'x' })).includes(name);
    expect(code(attribute)).toBe(read ? `data-${kebab}` : '—');
  });
});

describe('README: Events and methods', () => {
  it('lists every method of the API', () => {
    const api = createController({ window, document, loadApp: () => new Promise(() => {}) });
    const methods = Object.keys(api).filter((key) => key !== 'version');
    const documented = table('Events and methods')
      // `referral.code()` documents the `referral` namespace.
      .map((row) => /^`(?:Sadakat\.)?(\w+)[.(]/.exec(row[0] ?? '')?.[1])
      .filter(Boolean);
    expect(documented.sort()).toEqual(methods.sort());
  });

  it('lists every event the widget dispatches', () => {
    const events = [...readFileSync('src/widget/core/events.ts', 'utf8').matchAll(/^\s+'(sadakat:[\w-]+)':/gm)].map((match) => match[1]);
    const section = readme.split('\n## Events and methods\n')[1]?.split('\n## ')[0] ?? '';
    const documented = [...section.matchAll(/^\| `(sadakat:[\w-]+)`/gm)].map((match) => match[1]);
    expect(documented.sort()).toEqual(events.sort());
  });
});
