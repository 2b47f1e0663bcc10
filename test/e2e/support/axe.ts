import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.2 AA: every A and AA rule axe has, up to 2.2. */
export const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeRule {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown; failureSummary?: string; any?: Array<{ message: string }> }>;
}
interface AxeResult {
  violations: AxeRule[];
  incomplete: AxeRule[];
}

/**
 * Runs axe-core on the widget (its host and everything in its shadow root) and returns one line per
 * violation and node, plus any text whose contrast could not be measured. axe is evaluated through the DevTools protocol rather than added as a
 * `<script>`, so the page's strict CSP stays on and is still checked by the session.
 */
export async function axeViolations(page: Page, label: string): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(axeSource);
  const result = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe.run(
        { include: [['sadakat-widget']] },
        { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] },
      ),
    WCAG_AA,
  );
  // Text whose contrast axe could not measure (a gradient, an image, overlapping boxes) would pass
  // unverified; it counts as a problem here, so every text's contrast is actually checked.
  const unmeasured = result.incomplete.filter((rule) => rule.id === 'color-contrast');
  return [
    ...result.violations.flatMap((violation) =>
      violation.nodes.map((node) => `${label}: ${violation.id} (${violation.impact}) ${violation.help} at ${JSON.stringify(node.target)}\n    ${node.failureSummary ?? ''}`),
    ),
    ...unmeasured.flatMap((rule) => rule.nodes.map((node) => `${label}: contrast not measurable at ${JSON.stringify(node.target)}: ${node.any?.[0]?.message ?? ''}`)),
  ];
}
