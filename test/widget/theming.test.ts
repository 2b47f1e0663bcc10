import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '@testing-library/dom';
import { describe, expect, it } from 'vitest';
import { THEME_TOKENS, type ThemeObject } from '../../src/widget/core/options';
import { useBackend } from './support/backend';

// The theming contract of DESIGN.md, checked against the code and the README: the token and part
// names are public API, so this list is written out here on purpose (a rename must fail a test).
const TOKENS = [
  'color-accent', 'color-accent-contrast', 'color-surface', 'color-text', 'color-text-muted', 'color-border',
  'color-success', 'color-danger', 'color-focus', 'font-family', 'font-size', 'radius', 'space-1', 'space-2',
  'space-3', 'space-4', 'space-5', 'space-6', 'shadow', 'launcher-size', 'launcher-inset-inline',
  'launcher-inset-block', 'panel-width', 'z-index', 'duration',
];
const PARTS = [
  'launcher', 'launcher-badge', 'panel', 'header', 'close-button', 'balance', 'tier', 'reward', 'button',
  'button-primary', 'referral-link', 'copy-button', 'share-button', 'survey', 'question', 'error',
];

const styles = readdirSync('src/widget/styles').filter((name) => name.endsWith('.css'));
const css = styles.map((name) => readFileSync(join('src/widget/styles', name), 'utf8')).join('\n');
const cssRules = css.replace(/\/\*[\s\S]*?\*\//g, '');
const readme = readFileSync('README.md', 'utf8');
const theming = readme.slice(readme.indexOf('## Theming'), readme.indexOf('\n## ', readme.indexOf('## Theming') + 5));

/** Every source file of the widget, to find the `part` names it renders. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

describe('tokens', () => {
  it('init({ theme }) knows exactly the public tokens', () => {
    expect(Object.values(THEME_TOKENS).sort()).toEqual([...TOKENS].sort());
  });

  it.each(TOKENS)('--sadakat-%s is read with a default, documented next to the CSS and in the README', (token) => {
    expect(cssRules).toContain(`var(--sadakat-${token}`);
    expect(css).toMatch(new RegExp(`@cssproperty --sadakat-${token}\\b|--sadakat-${token.replace(/\d$/, '1')} … --sadakat-${token.replace(/\d$/, '6')}`));
    const row = theming.split('\n').find((line) => line.startsWith('|') && line.includes(`\`--sadakat-${token}\``));
    expect(row, `README Theming table row for --sadakat-${token}`).toBeDefined();
    // name | default | what it changes | init({ theme }) key
    expect(row?.split('|').filter((cell) => cell.trim()).length).toBeGreaterThanOrEqual(4);
  });

  it('no public token is ever declared by the widget (a :root value must always win)', () => {
    expect(cssRules).not.toMatch(/(^|[;{\s])--sadakat-[\w-]+\s*:/);
  });

  it('every transition and animation runs on the duration token, which is 0 under reduced motion', () => {
    const motion = cssRules.match(/(transition|animation)\s*:[^;}]+/g) ?? [];
    expect(motion.length).toBeGreaterThan(3);
    for (const declaration of motion) {
      if (/:\s*none\s*$/.test(declaration)) continue;
      expect(declaration).toContain('var(--_duration)');
    }
    expect(cssRules).toMatch(/@media \(prefers-reduced-motion: ?reduce\)\s*\{\s*\.root\s*\{\s*--_duration:\s*0ms/);
  });

  it('uses logical properties only, so the layout mirrors in right-to-left languages', () => {
    const checked = cssRules;
    expect(checked).not.toMatch(/(margin|padding|border)-(left|right|top|bottom)\b/);
    expect(checked).not.toMatch(/(^|[\s;{])(left|right|top|bottom|width|height|min-width|max-width|min-height|max-height)\s*:/);
    expect(checked).not.toMatch(/text-align:\s*(left|right)|float:/);
  });
});

describe('parts', () => {
  const used = new Set(
    sources('src/widget').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/(?:part=|setAttribute\('part', )['"]([^'"]+)['"]/g)].flatMap((match) => match[1]?.split(/\s+/) ?? []),
    ),
  );

  it('the widget renders no part that DESIGN.md does not list', () => {
    expect(used.size).toBeGreaterThan(8);
    for (const part of used) expect(PARTS).toContain(part);
  });

  it.each(PARTS)('::part(%s) is documented next to the CSS and in the README', (part) => {
    expect(css).toMatch(new RegExp(`@csspart ${part}\\b`));
    expect(theming).toContain(`\`${part}\``);
  });
});

describe('init({ theme })', () => {
  const suite = useBackend();

  it('maps every theme key onto its public token on the host, through the CSSOM', async () => {
    const theme: ThemeObject = Object.fromEntries(Object.keys(THEME_TOKENS).map((key, index) => [key, key === 'zIndex' ? 10 + index : `${index + 1}px`]));
    const widget = suite.start(suite.options({ theme: { ...theme, mode: 'light' } }));
    const host = widget.host();
    for (const [key, token] of Object.entries(THEME_TOKENS)) {
      expect(host.style.getPropertyValue(`--sadakat-${token}`), key).toBe(String(theme[key as keyof ThemeObject]));
    }
    expect(host).toHaveAttribute('data-theme', 'light');
    expect(host.getAttribute('style')).not.toContain(';;');

    // A later init() replaces the theme: tokens it no longer names are removed, the mode follows.
    widget.api.init(suite.options({ theme: { accent: '#7a2e8e', radius: '4px' } }));
    await waitFor(() => expect(host.style.getPropertyValue('--sadakat-color-accent')).toBe('#7a2e8e'));
    expect(host.style.getPropertyValue('--sadakat-radius')).toBe('4px');
    expect(host.style.getPropertyValue('--sadakat-font-family')).toBe('');
    expect(host).toHaveAttribute('data-theme', 'auto');

    widget.api.init(suite.options({ theme: 'dark' }));
    await waitFor(() => expect(host).toHaveAttribute('data-theme', 'dark'));
    expect(host.style.getPropertyValue('--sadakat-color-accent')).toBe('');
  });

  it('defaults to auto (prefers-color-scheme), and pins light or dark on the container the page cannot style', () => {
    const widget = suite.start(suite.options());
    expect(widget.host()).toHaveAttribute('data-theme', 'auto');
    expect(cssRules).toMatch(/\.root\s*\{[^}]*color-scheme:\s*light dark/);
    expect(cssRules).toMatch(/:host\(\[data-theme='dark'\]\) \.root\s*\{\s*color-scheme:\s*dark/);
    expect(cssRules).toMatch(/:host\(\[data-theme='light'\]\) \.root\s*\{\s*color-scheme:\s*light/);
  });
});
