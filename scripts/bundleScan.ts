import type { Plugin } from 'vite';

/**
 * What the shipped JavaScript may never contain (reliability case T09, decision D3): anything that
 * needs `'unsafe-eval'`, a Trusted Types policy, or `style-src 'unsafe-inline'` on the shop's page.
 * The widget builds DOM with Preact elements and styles through the CSSOM and adopted sheets, so a
 * match here is always a regression (ours or a library's), never a false alarm to silence.
 */
export const FORBIDDEN_IN_BUNDLE: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: 'eval', pattern: /(?<![\w$.])eval\s*\(/ },
  { name: 'new Function', pattern: /\bnew\s+Function\s*\(/ },
  { name: 'Function from a string', pattern: /(?<![\w$.])Function\s*\(\s*["'`]/ },
  { name: 'string timer', pattern: /\bset(?:Timeout|Interval)\s*\(\s*["'`]/ },
  { name: 'innerHTML', pattern: /\.innerHTML\b/ },
  { name: 'outerHTML', pattern: /\.outerHTML\s*=[^=]/ },
  { name: 'insertAdjacentHTML', pattern: /\binsertAdjacentHTML\b/ },
  { name: 'createContextualFragment', pattern: /\bcreateContextualFragment\b/ },
  { name: 'document.write', pattern: /\bdocument\.write(?:ln)?\s*\(/ },
  { name: 'srcdoc', pattern: /\bsrcdoc\b/ },
  { name: 'inline style attribute', pattern: /setAttribute(?:NS)?\(\s*(?:[^,()]+,\s*)?["'`]style["'`]/ },
  { name: 'inline style in markup', pattern: /<[a-z][^<>"'`]*\sstyle\s*=/i },
  { name: 'inline event handler attribute', pattern: /setAttribute\(\s*["'`]on[a-z]+["'`]/ },
  // Sees keys a host page added to Object.prototype (see hostSafeLibraries.ts, which rewrites them).
  { name: 'for-in loop', pattern: /\bfor\s*\(\s*(?:(?:let|const|var)\s+)?[\w$]+\s+in\s/ },
];

export interface SinkFinding {
  name: string;
  /** Up to 40 characters each side of the match, to find it in minified code. */
  excerpt: string;
}

/** Every forbidden construct in `code`. */
export function scanForSinks(code: string): SinkFinding[] {
  const findings: SinkFinding[] = [];
  for (const { name, pattern } of FORBIDDEN_IN_BUNDLE) {
    const global = new RegExp(pattern.source, `${pattern.flags}g`);
    for (const match of code.matchAll(global)) {
      const at = match.index ?? 0;
      findings.push({ name, excerpt: code.slice(Math.max(0, at - 40), at + match[0].length + 40) });
    }
  }
  return findings;
}

/** Fails the build when any emitted chunk contains a forbidden construct. */
export function bundleScan(): Plugin {
  return {
    name: 'sadakat:bundle-scan',
    apply: 'build',
    generateBundle(_options, bundle) {
      const problems: string[] = [];
      for (const [file, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const finding of scanForSinks(output.code)) problems.push(`${file}: ${finding.name} in …${finding.excerpt}…`);
      }
      if (problems.length > 0) {
        this.error(`bundle scan: the build contains code a strict CSP or Trusted Types would block:\n${problems.join('\n')}`);
      }
    },
  };
}
