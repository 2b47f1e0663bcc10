import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// "A missing key is a type error" is a claim about the compiler, so the compiler checks it: a
// catalog that forgets a key, adds one, or turns a plural into a string must not compile.

const here = resolve('src/widget/i18n');
const english = readFileSync(resolve(here, 'en.ts'), 'utf8');
const referralHere = resolve('src/widget/app/referral/i18n');
const referralEnglish = readFileSync(resolve(referralHere, 'en.ts'), 'utf8');
const referralArabic = readFileSync(resolve(referralHere, 'ar.ts'), 'utf8');

/**
 * Type errors of virtual files next to the real catalogs (`<dir>/probe-<n>.ts`), compiled
 * together in one program (one compiler start-up for all the cases).
 */
function typeErrors(sources: Array<[dir: string, source: string]>): string[][] {
  const probes = sources.map(([dir], index) => resolve(dir, `probe-${index}.ts`));
  const byPath = new Map(probes.map((path, index) => [path, sources[index]?.[1] ?? '']));
  const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, skipLibCheck: true, types: [] };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  const getSource = host.getSourceFile.bind(host);
  host.readFile = (file) => byPath.get(resolve(file)) ?? read(file);
  host.fileExists = (file) => byPath.has(resolve(file)) || exists(file);
  host.getSourceFile = (file, language, ...rest) => {
    const text = byPath.get(resolve(file));
    return text === undefined ? getSource(file, language, ...rest) : ts.createSourceFile(file, text, language);
  };
  const program = ts.createProgram(probes, options, host);
  return probes.map((probe) => ts.getPreEmitDiagnostics(program, program.getSourceFile(probe)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')));
}

const CASES: Array<[string, string, string, RegExp | null]> = [
  ['the English catalog as it is', here, english, null],
  ['a missing key', here, english.replace(/^\s*'error\.retry': .*$/m, ''), /error\.retry/],
  ['an unknown key', here, english.replace("'error.retry':", "'error.retyr':"), /error\.retyr/],
  ['a plural given as a string', here, english.replace(/^\s*points: \{.*$/m, "  points: '{count} points',"), /PluralForms/],
  // The referral chunk's strings (Turkish the source, one chunk per language) are held to the same.
  ['the English referral strings as they are', referralHere, referralEnglish, null],
  ['the Arabic referral strings as they are', referralHere, referralArabic, null],
  ['a missing referral key', referralHere, referralEnglish.replace(/^\s*'ref\.qr': .*$/m, ''), /ref\.qr/],
  ['an unknown referral key', referralHere, referralEnglish.replace("'friend.failed':", "'friend.fialed':"), /friend\.fialed/],
];

describe('catalog types', () => {
  it('the English catalog compiles; a missing key, an unknown key or a plural given as a string does not', () => {
    const errors = typeErrors(CASES.map(([, dir, source]) => [dir, source]));
    CASES.forEach(([label, , source, mentions], index) => {
      const found = errors[index] ?? [];
      if (!mentions) {
        expect(found, label).toEqual([]);
        return;
      }
      expect([english, referralEnglish], label).not.toContain(source);
      expect(found.length, label).toBeGreaterThan(0);
      expect(found.join('\n'), label).toMatch(mentions);
    });
  }, 60_000);
});
