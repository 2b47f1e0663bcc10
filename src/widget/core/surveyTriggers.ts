/**
 * Survey triggers, armed by the page module (`sadakat-page.mjs`; the page-view script only counts
 * page views here). It decides *when* to ask (page views, a delay, exit intent,
 * `data-sadakat-survey` elements) and never *whether*: audience,
 * frequency, the interruption budget and the UI all live in the lazily loaded survey chunk, which
 * also validates the boot payload that is read loosely here.
 */

/** Storage keys: `sadakat.<shop>.pv` (page views, sessionStorage), `sadakat.<shop>.<who>.…` (survey chunk). */
export const storageKey = (shop: string, rest: string): string => `sadakat.${shop}.${rest}`;

/** Asks the survey chunk to show a survey (by id, or by trigger kind such as `post-purchase`). */
export type AskSurvey = (id: string, orderId?: string) => void;

interface LooseTrigger {
  kind?: string;
  count?: number;
  seconds?: number;
  pathPrefixes?: string[];
}

/** Adds this page view to the tab's session count and returns the count (1 without storage). */
export function countPageView(win: Window, shop: string): number {
  try {
    const key = storageKey(shop, 'pv');
    const count = (Number(win.sessionStorage.getItem(key)) || 0) + 1;
    win.sessionStorage.setItem(key, String(count));
    return count;
  } catch {
    return 1;
  }
}

/** Arms the triggers the boot payload lists for this page view; returns their cleanup. */
export function armSurveyTriggers(win: Window, doc: Document, boot: unknown, views: number, ask: AskSurvey): () => void {
  const cleanups: Array<() => void> = [];
  const surveys = (boot as { surveys?: Array<{ id?: string; trigger?: LooseTrigger } | null> } | null)?.surveys;
  for (const survey of Array.isArray(surveys) ? surveys : []) {
    const trigger = survey?.trigger;
    const id = survey?.id;
    if (!trigger || !id || (trigger.pathPrefixes && !trigger.pathPrefixes.some((p) => win.location.pathname.startsWith(p)))) continue;
    if (trigger.kind === 'page-views' && views >= (trigger.count ?? 1)) ask(id);
    if (trigger.kind === 'delay') {
      const timer = win.setTimeout(() => ask(id), (trigger.seconds ?? 0) * 1000);
      cleanups.push(() => win.clearTimeout(timer));
    }
    // Desktop only: the pointer leaving through the top edge, towards the tabs and the address bar.
    if (trigger.kind === 'exit-intent' && win.matchMedia?.('(hover: hover) and (pointer: fine)').matches) {
      const onOut = (event: MouseEvent) => {
        if (event.relatedTarget || event.clientY > 0) return;
        doc.removeEventListener('mouseout', onOut);
        ask(id);
      };
      doc.addEventListener('mouseout', onOut);
      cleanups.push(() => doc.removeEventListener('mouseout', onOut));
    }
  }
  for (const element of doc.querySelectorAll<HTMLElement>('[data-sadakat-survey]')) {
    const { sadakatSurvey, sadakatOrderId } = element.dataset;
    if (sadakatSurvey) ask(sadakatSurvey, sadakatOrderId);
  }
  return () => cleanups.forEach((cleanup) => cleanup());
}

/** `logout()`: forgets every signed-in shopper's survey data for this shop (outbox, history). */
export function forgetCustomers(win: Window, shop: string): void {
  try {
    const storage = win.localStorage;
    const prefix = storageKey(shop, 'c');
    for (let i = storage.length; i--; ) {
      const key = storage.key(i);
      if (key?.startsWith(prefix)) storage.removeItem(key);
    }
  } catch {
    // No storage, nothing stored.
  }
}
