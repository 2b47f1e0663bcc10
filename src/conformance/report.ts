import type { CheckResult, ConformanceReport } from './runner';

export interface FormatOptions {
  /** ANSI colours (the CLI turns them on for a terminal without NO_COLOR). @default false */
  color?: boolean;
}

const MARK: Record<CheckResult['status'], string> = { passed: '✓', failed: '✗', skipped: '-' };
const COLOR: Record<CheckResult['status'], number> = { passed: 32, failed: 31, skipped: 33 };

/** Hides all but the start of a key, so reports can be pasted into issues. */
function maskKey(key: string): string {
  return key.length > 12 ? `${key.slice(0, 12)}…` : key;
}

/** The human-readable report: groups of ✓/✗/- lines, each failure with its request and why. */
export function formatReport(report: ConformanceReport, options: FormatOptions = {}): string {
  const paint = (code: number, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const dim = (text: string) => paint(2, text);
  const lines: string[] = [];
  const given = [
    `signing secret ${report.given.signingSecret ? 'yes' : 'no'}`,
    `secret key ${report.given.secret ? 'yes' : 'no'}`,
    `origin ${report.given.origin ?? 'none'}`,
    ...(report.given.customer ? [`customer ${report.given.customer}`] : []),
  ];
  lines.push(`Sadakat conformance kit ${report.kit.version}`);
  lines.push(`Target ${report.target.api}, shop ${maskKey(report.target.shop)} (${given.join(', ')})`);

  if (report.fatal) {
    lines.push('', paint(31, `✗ ${report.fatal}`), '', paint(31, 'FAIL: no checks ran.'));
    return `${lines.join('\n')}\n`;
  }

  for (const group of report.groups) {
    lines.push('', group.title);
    for (const result of group.results) {
      const line = `  ${paint(COLOR[result.status], MARK[result.status])} ${result.title}`;
      if (result.status === 'skipped') {
        lines.push(`${line} ${dim(`(skipped: ${result.reason})`)}`);
        continue;
      }
      lines.push(line);
      if (result.status !== 'failed') continue;
      lines.push(`      ${paint(31, result.reason ?? 'failed')}`, `      ${dim(`[${result.id}]`)}`);
      const exchange = result.exchange;
      if (!exchange) continue;
      lines.push(`      → ${exchange.request}`);
      for (const header of exchange.requestHeaders) lines.push(dim(`        ${header}`));
      if (exchange.requestBody) lines.push(dim(`        ${exchange.requestBody}`));
      lines.push(`      ← ${exchange.response}`);
      for (const header of exchange.responseHeaders) lines.push(dim(`        ${header}`));
      if (exchange.responseBody) lines.push(dim(`        ${exchange.responseBody}`));
    }
  }

  lines.push('', 'Routes');
  const operationWidth = Math.max(...report.coverage.map((route) => route.operation.length));
  const nameWidth = Math.max(...report.coverage.map((route) => route.route.length));
  for (const route of report.coverage) {
    const state = !route.listed ? 'not in the server’s OpenAPI document' : `happy path ${route.happyPath}`;
    lines.push(`  ${route.operation.padEnd(operationWidth)}  ${route.route.padEnd(nameWidth)}  ${state}`);
  }

  const { passed, failed, skipped } = report.summary;
  const verdict = report.ok ? paint(32, 'PASS') : paint(31, 'FAIL');
  lines.push(
    '',
    `${verdict}: ${passed} passed, ${failed} failed, ${skipped} skipped (skipped checks are not passes) in ${(report.durationMs / 1000).toFixed(1)} s`,
  );
  return `${lines.join('\n')}\n`;
}
