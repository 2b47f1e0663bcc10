import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// "A missing key is a type error" is a claim about the compiler, so the compiler checks it: a
// catalog that forgets a key, adds one, or turns a plural into a string must not compile.

const here = resolve('src/widget/i18n');
const english = readFileSync(resolve(here, 'en.ts'), 'utf8');

/** Type errors of a virtual `src/widget/i18n/probe.ts` compiled against the real catalogs. */
function typeErrors(source: string): string[] {
  const probe = resolve(here, 'probe.ts');
  const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, skipLibCheck: true, types: [] };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  host.readFile = (file) => (resolve(file) === probe ? source : read(file));
  host.fileExists = (file) => resolve(file) === probe || exists(file);
  const getSource = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) =>
    resolve(file) === probe ? ts.createSourceFile(file, source, language) : getSource(file, language, ...rest);
  const program = ts.createProgram([probe], options, host);
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(probe)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('catalog types', () => {
  it('the English catalog as it is compiles', () => {
    expect(typeErrors(english)).toEqual([]);
  }, 30_000);

  it.each([
    ['a missing key', english.replace(/^\s*'error\.retry': .*$/m, ''), /error\.retry/],
    ['an unknown key', english.replace("'error.retry':", "'error.retyr':"), /error\.retyr/],
    ['a plural given as a string', english.replace(/^\s*points: \{.*$/m, "  points: '{count} points',"), /PluralForms/],
  ])('%s is a type error', (_label, source, mentions) => {
    expect(source).not.toBe(english);
    const errors = typeErrors(source);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(mentions);
  }, 30_000);
});
