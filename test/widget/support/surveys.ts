import { fireEvent, waitFor, within } from '@testing-library/dom';
import type { TestBackend } from '../../support/testBackend';
import type { Mounted } from './widget';

export { storedEvents, storedResponses, surveyClient, testSurvey } from '../../support/surveys';

/** The survey card next to the launcher, or `null`. */
export const surveyCard = (widget: Mounted) => widget.root().querySelector<HTMLElement>('section.survey-card[part~="survey"]');

/**
 * Waits for the card (the survey chunk loads on demand) and placed next to the launcher (it
 * says on which side in `data-placement`), and returns queries scoped to it.
 */
export async function waitForCard(widget: Mounted, timeout = 5000) {
  const card = await waitFor(
    () => {
      const element = surveyCard(widget);
      if (!element) throw new Error('no survey card');
      if (!element.hasAttribute('data-placement')) throw new Error('survey card not placed yet');
      return element;
    },
    { timeout },
  );
  return { card, ui: within(card) };
}

/** The element focused inside the widget's shadow root. */
export const focused = (widget: Mounted) => widget.root().activeElement as HTMLElement | null;

/** What Tab reaches inside `container`, in order (tabindex ≥ 0, enabled, not hidden). */
export function tabbable(container: ParentNode): HTMLElement[] {
  const candidates = container.querySelectorAll<HTMLElement>('a[href], button, input, textarea, select, [tabindex]');
  return [...candidates].filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && !el.closest('[hidden]'));
}

/** A short label for an element in a tab order assertion. */
export const describeElement = (el: HTMLElement) =>
  el.getAttribute('aria-label') ?? (el.getAttribute('role') === 'radio' ? `radio ${el.textContent}` : el.tagName === 'TEXTAREA' ? 'textarea' : (el.textContent ?? '').trim());

export interface Network {
  fetch: typeof fetch;
  /** Offline: every request rejects, as `fetch` does without a connection. */
  offline(on: boolean): void;
  /** Survey POSTs that reached the server (path and raw body). */
  delivered: Array<{ path: string; body: string }>;
  /** Survey POSTs attempted while offline. */
  refused: number;
}

/**
 * The in-process server behind a switch that can take the "network" away. `around` wraps each
 * server call (e.g. to run the server without a patch the page applied to built-ins).
 */
export function network(backend: TestBackend, options: { around?: (call: () => Promise<Response>) => Promise<Response> } = {}): Network {
  const around = options.around ?? ((call) => call());
  let down = false;
  const net: Network = {
    delivered: [],
    refused: 0,
    offline: (on) => void (down = on),
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const survey = url.pathname.startsWith('/v1/survey');
      if (down) {
        if (survey) net.refused += 1;
        throw new TypeError('Failed to fetch');
      }
      if (survey) net.delivered.push({ path: url.pathname, body: String(init?.body ?? '') });
      // Read the whole body inside `around`, so the server is done when it returns.
      return around(async () => {
        const response = await backend.fetch(input, init);
        return new Response(await response.text(), { status: response.status, headers: response.headers });
      });
    }) as typeof fetch,
  };
  return net;
}

/** `localStorage` keys of the survey outboxes. */
export const outboxKeys = () => Object.keys(localStorage).filter((key) => key.endsWith('.outbox'));

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** DOM events, each followed by a tick so Preact (which batches renders) has drawn the result. */
export const user = {
  async click(element: Element) {
    fireEvent.click(element);
    await tick();
  },
  async key(element: Element, key: string) {
    fireEvent.keyDown(element, { key });
    await tick();
  },
  async type(element: Element, value: string) {
    fireEvent.input(element, { target: { value } });
    await tick();
  },
  async submit(form: Element) {
    fireEvent.submit(form);
    await tick();
  },
};

/** Lets pending promises and renders settle. */
export const settle = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));
