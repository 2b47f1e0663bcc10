import { readFileSync } from 'node:fs';
import { waitFor } from '@testing-library/dom';
import { describe, expect, it } from 'vitest';
import { useBackend } from './support/backend';
import { launcherText, type Mounted } from './support/widget';

const suite = useBackend();
let widget: Mounted | undefined;

const options = suite.options;

describe('launcher', () => {
  it('is one host element with an open shadow root and a button', async () => {
    widget = suite.start(options());
    expect(document.querySelectorAll('sadakat-widget')).toHaveLength(1);
    expect(widget.host().shadowRoot).not.toBeNull();
    expect(widget.host().parentElement).toBe(document.body);
    const button = widget.launcher();
    expect(button).toHaveAttribute('part', 'launcher');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveAttribute('aria-haspopup', 'dialog');
    expect(button.querySelector('svg')).not.toBeNull();
  });

  it('shows the balance from the server, in Turkish by default, in its accessible name too', async () => {
    widget = suite.start(options({ customerToken: await suite.backend.tokenFor('ayse') }));
    expect(await launcherText(widget, /\d/)).toBe('2.450 puan');
    expect(widget.launcher()).toHaveAccessibleName('Ödül programı: 2.450 puan');
  });

  it('formats the balance for English', async () => {
    widget = suite.start(options({ customerToken: await suite.backend.tokenFor('ayse'), locale: 'en' }));
    expect(await launcherText(widget, /\d/)).toBe('2,450 points');
    expect(widget.launcher()).toHaveAccessibleName('Rewards programme: 2,450 points');
  });

  it('shows another shopper’s own balance', async () => {
    widget = suite.start(options({ customerToken: await suite.backend.tokenFor('mehmet') }));
    expect(await launcherText(widget, /\d/)).toBe('380 puan');
  });

  it('shows no number for a guest', async () => {
    widget = suite.start(options());
    const ready = new Promise((resolve) => widget?.api.on('ready', resolve));
    await expect(ready).resolves.toEqual({ customer: false });
    expect(widget.launcher().textContent).toBe('');
    expect(widget.launcher()).toHaveAccessibleName('Ödül programı');
  });

  it('identify() re-boots as that customer and logout() wipes them', async () => {
    const answered: string[] = [];
    const recording: typeof fetch = async (input, init) => {
      const response = await suite.backend.fetch(input, init);
      answered.push(new Headers(init?.headers).get('authorization') ? 'customer' : 'guest');
      return response;
    };
    widget = suite.start(options({ customerToken: await suite.backend.tokenFor('ayse'), fetch: recording }));
    await launcherText(widget, /2\.450/);
    widget.api.identify(await suite.backend.tokenFor('mehmet'));
    // Never the previous shopper's number while the new one loads.
    expect(widget.launcher().textContent).toBe('');
    await launcherText(widget, /380/);
    widget.api.logout();
    expect(widget.launcher().textContent).toBe('');
    await waitFor(() => expect(answered).toEqual(['customer', 'customer', 'guest']));
    expect(widget.launcher().textContent).toBe('');
    expect(widget.launcher()).toHaveAccessibleName('Ödül programı');
  });

  it('sits in the bottom-start corner when asked, and takes theme tokens through the CSSOM', async () => {
    widget = suite.start(options({ position: 'bottom-start', theme: { mode: 'dark', accent: '#c2410c', zIndex: 99 } }));
    const host = widget.host();
    expect(host).toHaveAttribute('data-position', 'bottom-start');
    expect(host).toHaveAttribute('data-theme', 'dark');
    expect(host.style.getPropertyValue('--sadakat-color-accent')).toBe('#c2410c');
    expect(host.style.getPropertyValue('--sadakat-z-index')).toBe('99');
    // No style attributes inside the widget: everything comes from the adopted stylesheet.
    expect(widget.root().querySelectorAll('[style]')).toHaveLength(0);
    expect(widget.root().adoptedStyleSheets.length).toBeGreaterThan(0);
  });

  it('declares only private tokens on :host, so a token set on :root still reaches the widget', () => {
    // Read from the source files: the widget project does not process CSS (Vitest's default), so
    // `?inline` imports are empty strings in these tests.
    const css = ['tokens', 'launcher', 'panel'].map((name) => readFileSync(`src/widget/styles/${name}.css`, 'utf8')).join('\n');
    const hostRules = css.match(/:host(\([^)]*\))?\s*\{[^}]*\}/g) ?? [];
    expect(hostRules.length).toBeGreaterThan(0);
    for (const rule of hostRules) expect(rule).not.toMatch(/(^|[;{\s])--sadakat-[\w-]+\s*:/);
    expect(css).toContain('var(--sadakat-color-accent');
    // Every public token of DESIGN.md is read somewhere.
    for (const token of [
      'color-accent', 'color-accent-contrast', 'color-surface', 'color-text', 'color-text-muted', 'color-border',
      'color-success', 'color-danger', 'color-focus', 'font-family', 'font-size', 'radius', 'space-1', 'space-2',
      'space-3', 'space-4', 'space-5', 'space-6', 'shadow', 'launcher-size', 'launcher-inset-inline',
      'launcher-inset-block', 'panel-width', 'z-index', 'duration',
    ]) {
      expect(css).toContain(`var(--sadakat-${token}`);
    }
    // Physical directions would not mirror in RTL.
    expect(css).not.toMatch(/(margin|padding|border)-(left|right)|(^|[\s;{])(left|right)\s*:/);
  });
});
