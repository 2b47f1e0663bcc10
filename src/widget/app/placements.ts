import { effect, signal } from '@preact/signals';
import { campaignMultiplier, orderPoints } from '../../contract';
import type { AppContext } from '../core/appContext';
import { toView } from '../core/views';
import { catalogFor } from '../i18n/catalogs';
import { createTranslator } from '../i18n/translate';
import type { LoyaltyModel } from './models/loyaltyModel';
import { observePlacements } from './placementObserver';

const FILLED = '[data-sadakat]';
const OPENERS = '[data-sadakat-open]';
const MAX_AMOUNT = 1e9;

/**
 * Inline placements on the merchant's own elements, the only page DOM the widget writes to, and
 * only their text: `data-sadakat="balance"`, `data-sadakat="points-for" data-sadakat-amount="129.90"`,
 * and `data-sadakat-open="rewards"` (click, or Enter/Space when the element is not a button or link).
 * Rescanned on every boot, `page()` and route change, and when placements appear in or change on
 * the page; `destroy()` puts the original texts back.
 */
export function startPlacements(context: AppContext, model: LoyaltyModel): () => void {
  const doc = context.container.ownerDocument;
  const originals = new Map<Element, string | null>();

  const write = (element: Element, text: string | null) => {
    if (!originals.has(element)) originals.set(element, element.textContent);
    const next = text ?? originals.get(element) ?? '';
    if (element.textContent !== next) element.textContent = next;
  };

  // Bumped when the merchant's DOM gains or changes a placement (an SPA rendering a route).
  const domChanges = signal(0);
  const stop = effect(() => {
    void model.state.value.page; // rescan on page()
    void domChanges.value;
    const programme = model.programme.value;
    const customer = model.customer.value;
    const locale = model.locale.value;
    const catalog = catalogFor(locale.language);
    if (!catalog) return; // runs again when the catalog has loaded
    const { t, points } = createTranslator(locale, catalog);
    const order = programme?.earnRules.find((rule) => rule.kind === 'order');
    const tierId = customer?.tier.current?.id;
    const tierMultiplier = programme?.tiers.find((tier) => tier.id === tierId)?.multiplier ?? 1;
    const campaign = programme ? campaignMultiplier(programme.campaigns, new Date()) : 1;

    for (const [element] of originals) if (!element.isConnected) originals.delete(element);
    for (const element of doc.querySelectorAll(FILLED)) {
      const kind = element.getAttribute('data-sadakat');
      if (kind === 'balance') {
        write(element, customer ? points(customer.balance) : null);
      } else if (kind === 'points-for') {
        const amount = Number(element.getAttribute('data-sadakat-amount'));
        const valid = order && order.kind === 'order' && Number.isFinite(amount) && amount > 0 && amount < MAX_AMOUNT;
        const earned = valid ? orderPoints({ amount, pointsPerUnit: order.pointsPerUnit, tierMultiplier, campaignMultiplier: campaign }) : 0;
        write(element, earned > 0 ? t('placement.pointsFor', { points: points(earned) }) : null);
      }
    }
  });

  const target = (event: Event) => {
    const node = event.target;
    return node instanceof Element ? node.closest(OPENERS) : null;
  };
  const onClick = (event: MouseEvent) => {
    const opener = target(event);
    if (!opener) return;
    event.preventDefault();
    context.open(toView(opener.getAttribute('data-sadakat-open')));
  };
  const onKey = (event: KeyboardEvent) => {
    const opener = target(event);
    if (!opener || (event.key !== 'Enter' && event.key !== ' ')) return;
    if (opener.closest('button, a[href], input, select, textarea, summary')) return; // they click by themselves
    event.preventDefault();
    context.open(toView(opener.getAttribute('data-sadakat-open')));
  };
  doc.addEventListener('click', onClick);
  doc.addEventListener('keydown', onKey);
  const unobserve = observePlacements(doc, () => domChanges.value++);

  return () => {
    unobserve();
    stop();
    doc.removeEventListener('click', onClick);
    doc.removeEventListener('keydown', onKey);
    for (const [element, text] of originals) if (element.isConnected) element.textContent = text;
    originals.clear();
  };
}
