import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { demo } from './demo';

export const SCREENSHOT_DIR = join('test-results', 'e2e');

/** Debian's Chromium, headless, with nothing reaching out to the network on its own. */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** `console.error` messages, including the browser's own (failed loads, CSP reports). */
  consoleErrors: string[];
  /** Uncaught exceptions and unhandled rejections in the page. */
  pageErrors: string[];
  /** `securitypolicyviolation` events: the widget must work under the demo's strict CSP. */
  cspViolations: string[];
  /**
   * Fails unless the page stayed clean. `allowConsole` lists messages that are expected, e.g. the
   * browser's own line for a 401 that the test provoked on purpose.
   */
  expectClean(options?: { allowConsole?: RegExp[] }): void;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export interface SessionOptions {
  /** A demo shopper id (`ayse`, `mehmet`), set the way the shopper switcher sets it. Guest if absent. */
  shopper?: string;
  viewport?: { width: number; height: number };
  /** `prefers-color-scheme`. @default 'light' */
  colorScheme?: 'light' | 'dark';
  /** A phone: touch events and the mobile viewport behaviour. */
  mobile?: boolean;
  /** `prefers-reduced-motion`; tests run without motion unless they are about it. @default 'reduce' */
  reducedMotion?: 'reduce' | 'no-preference';
}

/** A fresh browser context (no shared storage between tests) with error collectors attached. */
export async function openSession(browser: Browser, options: SessionOptions = {}): Promise<Session> {
  const { url } = demo();
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 860 },
    colorScheme: options.colorScheme ?? 'light',
    ...(options.mobile ? { isMobile: true, hasTouch: true } : {}),
    locale: 'tr-TR',
    timezoneId: 'Europe/Istanbul',
    reducedMotion: options.reducedMotion ?? 'reduce',
  });
  // An action that cannot happen fails with Playwright's own message well before the test timeout.
  context.setDefaultTimeout(10_000);
  if (options.shopper) {
    await context.addCookies([{ name: 'kervan_musteri', value: options.shopper, url, httpOnly: true, sameSite: 'Lax' }]);
  }
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];
  await context.exposeBinding('__sadakatTestCspViolation', (_source, text: string) => void cspViolations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __sadakatTestCspViolation(text: string): void }).__sadakatTestCspViolation;
      report(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const location = message.location();
      consoleErrors.push(`${message.text()} @ ${location.url}`);
    }
  });
  page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));

  return {
    context,
    page,
    consoleErrors,
    pageErrors,
    cspViolations,
    expectClean({ allowConsole = [] } = {}) {
      const unexpected = consoleErrors.filter((line) => !allowConsole.some((pattern) => pattern.test(line)));
      const problems = [
        ...pageErrors.map((line) => `page error: ${line}`),
        ...unexpected.map((line) => `console error: ${line}`),
        ...cspViolations.map((line) => `CSP violation: ${line}`),
      ];
      if (problems.length > 0) throw new Error(`The page was not clean:\n${problems.join('\n')}`);
    },
    async screenshot(name: string) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
    },
    close: () => context.close(),
  };
}
