/**
 * The page view's small module (`dist/sadakat-page.mjs`): what a page view shows besides the
 * launcher, without the panel (no Preact, no signals, no zod). Loaded by the core once the boot
 * payload is known. It fills the inline placements, shows the launcher's badge for an affordable
 * reward, arms the survey triggers, and asks the core for the panel when the page needs it: an
 * opener hovered, focused or clicked, a friend's code to greet, survey answers waiting to be sent.
 *
 * It reads the boot payload loosely (the panel re-checks it against the whole contract when it
 * loads): every value it shows is checked for type and range first, and a payload the panel later
 * refuses is taken back by the core (`boot` becomes `null`), which empties the placements again.
 * Its strings are the core's (`launcherMessages`, passed in): a page view loads no catalog.
 */
import { campaignMultiplier, orderPoints } from '../../contract/earning';
import type { BootResponse } from '../../contract/boot';
import type { CoreState, PageContext, StartedPage } from '../core/appContext';
import { rememberedReferral } from '../core/referralCapture';
import { armSurveyTriggers } from '../core/surveyTriggers';
import { toView } from '../core/views';
import type { LauncherMessages } from '../i18n/launcher';
import { formatPoints, type ResolvedLocale } from '../i18n/locale';
import { observePlacements } from './placementObserver';
import { referralFromUrl, referralOptions } from './referral/landing';
import { pendingSurveyWork } from './survey/pending';

const FILLED = '[data-sadakat]';
const OPENERS = '[data-sadakat-open]';
const MAX_AMOUNT = 1e9;

type LoosePayload = { programme?: Partial<BootResponse['programme']>; customer?: Partial<NonNullable<BootResponse['customer']>> | null } | null;

const list = <T>(value: T[] | undefined | null): unknown[] => (Array.isArray(value) ? value : []);
const positive = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null);
const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});

/** Points an order of `amount` earns this shopper now, 0 when the programme has no valid order rule. */
export function pointsFor(boot: unknown, amount: number, now: Date): number {
  const { programme, customer } = (boot ?? {}) as NonNullable<LoosePayload>;
  const order = list(programme?.earnRules).map(record).find((rule) => rule.kind === 'order');
  const perUnit = positive(order?.pointsPerUnit);
  if (!perUnit || !Number.isFinite(amount) || amount <= 0 || amount >= MAX_AMOUNT) return 0;
  const tierId = record(record(record(customer).tier).current).id;
  const tier = tierId === undefined ? undefined : list(programme?.tiers).map(record).find((t) => t.id === tierId);
  const campaigns = list(programme?.campaigns)
    .map(record)
    .filter((c) => typeof c.startsAt === 'string' && typeof c.endsAt === 'string' && positive(c.multiplier))
    .map((c) => ({ startsAt: c.startsAt as string, endsAt: c.endsAt as string, multiplier: c.multiplier as number }));
  return orderPoints({ amount, pointsPerUnit: perUnit, tierMultiplier: positive(tier?.multiplier) ?? 1, campaignMultiplier: campaignMultiplier(campaigns, now) });
}

/**
 * A reward the shopper can redeem now (what the panel's "next reward" calls affordable): a reward
 * of their tier or a lower one whose cost the balance covers. `balance` is the core's latest.
 */
export function rewardAffordable(boot: unknown, balance: number | null): boolean {
  const { programme, customer } = (boot ?? {}) as NonNullable<LoosePayload>;
  if (!customer || balance === null) return false;
  const tiers = list(programme?.tiers)
    .map(record)
    .sort((a, b) => Number(a.threshold) - Number(b.threshold));
  const rank = (id: unknown) => (typeof id === 'string' && id ? tiers.findIndex((tier) => tier.id === id) : -1);
  const mine = rank(record(record(record(customer).tier).current).id);
  return list(programme?.rewards)
    .map(record)
    .some((reward) => {
      const cost = positive(reward.cost);
      return cost !== null && cost <= balance && (!reward.tierId || rank(reward.tierId) <= mine);
    });
}

/** The placement text of "earn N points" in `locale`. */
function pointsForText(locale: ResolvedLocale, messages: LauncherMessages, points: number): string {
  // In a right-to-left language a filled-in value is a bidi isolate, as in every panel text.
  const [open, close] = locale.dir === 'rtl' ? ['\u2068', '\u2069'] : ['', ''];
  return messages.pointsFor.replace('{points}', open + formatPoints(locale.tag, points, messages.points) + close);
}

export function startPage(context: PageContext): StartedPage {
  // Called from a promise callback of the core: a throw would be an unhandled rejection on the page.
  try {
    return startPageExtras(context);
  } catch (error) {
    console.warn('[sadakat] the page module failed', error);
    return { armSurveys() {}, stop() {} };
  }
}

function startPageExtras(context: PageContext): StartedPage {
  const doc = context.container.ownerDocument;
  const win = doc.defaultView as Window & typeof globalThis;
  const { shop } = context.connection();
  const originals = new Map<Element, string | null>();

  // Work that only the panel's chunks do: greeting a friend's code, sending answers left waiting.
  if (
    pendingSurveyWork(win, shop) ||
    referralFromUrl(win.location.href, referralOptions(context.referral).param) ||
    rememberedReferral(win, shop)
  ) {
    context.wantApp();
  }

  const write = (element: Element, text: string | null) => {
    if (!originals.has(element)) originals.set(element, element.textContent);
    const next = text ?? originals.get(element) ?? '';
    if (element.textContent !== next) element.textContent = next;
  };

  // Points that arrived since this tab's last page view are announced by the panel's toast: load
  // it for them. Otherwise remember the balance as the toast would, so the next gain is measured
  // from it (the key and the format are the toast model's, app/models/toastModel.ts).
  function watchGain(state: CoreState) {
    const id = record(record(state.boot).customer).id;
    if (typeof id !== 'string' || state.balance === null) return;
    try {
      const key = `sadakat:balance:${shop}:${id}`;
      const previous = win.sessionStorage.getItem(key);
      if (previous !== null && /^-?\d+$/.test(previous) && state.balance > Number(previous)) context.wantApp();
      else win.sessionStorage.setItem(key, String(state.balance));
    } catch {
      // No storage: no toast, as in the panel.
    }
  }

  function fill(state: CoreState) {
    if (!context.appMounted()) {
      context.setBadge(rewardAffordable(state.boot, state.balance));
      watchGain(state);
    }
    for (const [element] of originals) if (!element.isConnected) originals.delete(element);
    const elements = doc.querySelectorAll(FILLED);
    if (!elements.length) return;
    const boot = state.boot as LoosePayload;
    const messages = context.messages[state.locale.language];
    // Without a valid payload the merchant's own text stays.
    const balance = boot?.customer && state.balance !== null ? state.balance : null;
    const now = new Date();
    for (const element of elements) {
      const kind = element.getAttribute('data-sadakat');
      if (kind === 'balance') {
        write(element, balance !== null ? formatPoints(state.locale.tag, balance, messages.points) : null);
      } else if (kind === 'points-for') {
        const earned = boot ? pointsFor(boot, Number(element.getAttribute('data-sadakat-amount')), now) : 0;
        write(element, earned > 0 ? pointsForText(state.locale, messages, earned) : null);
      }
    }
  }

  const opener = (event: Event) => {
    const node = event.target;
    return node instanceof Element ? node.closest(OPENERS) : null;
  };
  const onClick = (event: MouseEvent) => {
    const element = opener(event);
    if (!element) return;
    event.preventDefault();
    context.open(toView(element.getAttribute('data-sadakat-open')));
  };
  const onKey = (event: KeyboardEvent) => {
    const element = opener(event);
    if (!element || (event.key !== 'Enter' && event.key !== ' ')) return;
    if (element.closest('button, a[href], input, select, textarea, summary')) return; // they click by themselves
    event.preventDefault();
    context.open(toView(element.getAttribute('data-sadakat-open')));
  };
  // Pointer or focus on an opener: the panel's code loads while the shopper decides.
  const onIntent = (event: Event) => {
    if (opener(event)) context.wantApp();
  };
  const listeners: Array<[string, (event: never) => void]> = [
    ['click', onClick],
    ['keydown', onKey],
    ['pointerover', onIntent],
    ['focusin', onIntent],
  ];
  for (const [type, listener] of listeners) doc.addEventListener(type, listener as EventListener);

  let last: CoreState | null = null;
  const unsubscribe = context.store.subscribe((state) => {
    // Only what the placements and the badge show; the store also changes for open/close and views.
    if (last && last.boot === state.boot && last.balance === state.balance && last.locale === state.locale && last.page === state.page) return;
    last = state;
    fill(state);
  });
  fill((last = context.store.get()));
  const unobserve = observePlacements(doc, () => fill(context.store.get()));

  let disarm = () => {};
  return {
    armSurveys(views) {
      disarm();
      disarm = armSurveyTriggers(win, doc, context.store.get().boot, views, context.showSurvey);
    },
    stop() {
      disarm();
      unobserve();
      unsubscribe();
      for (const [type, listener] of listeners) doc.removeEventListener(type, listener as EventListener);
      for (const [element, text] of originals) if (element.isConnected) element.textContent = text;
      originals.clear();
    },
  };
}
