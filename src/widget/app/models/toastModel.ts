import { createModel, effect, signal } from '@preact/signals';
import type { AppContext } from '../../core/appContext';
import type { LoyaltyModel } from './loyaltyModel';

const SHOW_FOR = 6000;

/**
 * "250 points added": compares the balance with the last one this tab saw for this shop and
 * shopper (sessionStorage), e.g. when the shopper comes back from the checkout.
 */
export const ToastModel = createModel((context: AppContext, loyalty: LoyaltyModel) => {
  const gained = signal<number | null>(null);
  const storage = (() => {
    try {
      return context.container.ownerDocument.defaultView?.sessionStorage ?? null;
    } catch {
      return null;
    }
  })();
  let timer: ReturnType<typeof setTimeout> | undefined;

  // Disposed with the model: no timer outlives the panel.
  effect(() => () => clearTimeout(timer));
  effect(() => {
    const customer = loyalty.customer.value;
    if (!customer || !storage) return;
    const key = `sadakat:balance:${context.connection().shop}:${customer.id}`;
    try {
      const previous = storage.getItem(key);
      storage.setItem(key, String(customer.balance));
      if (previous === null || !/^-?\d+$/.test(previous)) return;
      const delta = customer.balance - Number(previous);
      if (delta <= 0) return;
      gained.value = delta;
      clearTimeout(timer);
      timer = setTimeout(() => (gained.value = null), SHOW_FOR);
    } catch {
      // Storage full or blocked: no toast, nothing else changes.
    }
  });

  return {
    gained,
    dismiss() {
      gained.value = null;
    },
  };
});
export type ToastModel = InstanceType<typeof ToastModel>;
