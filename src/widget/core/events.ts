import type { View } from './views';
import type { WidgetErrorCode } from './result';

/** Event names and their `detail`, as dispatched on `document` and passed to `on()` listeners. */
export interface SadakatEvents {
  'sadakat:ready': { customer: boolean };
  'sadakat:open': { view: View };
  'sadakat:close': { view: View };
  /** The balance changed; `delta` is `null` the first time a balance becomes known. */
  'sadakat:points-change': { balance: number; delta: number | null };
  /** The shopper completed a survey (sent, or kept on the device until it can be). */
  'sadakat:survey-submit': { surveyId: string };
  /** A reward was redeemed for a code (the code itself stays in the panel). */
  'sadakat:redeem': { rewardId: string; cost: number; balance: number };
  /** The shopper shared their referral link (`channel`: copy, native, whatsapp, x, facebook, email, sms, qr). */
  'sadakat:referral-share': { channel: string };
  /** A friend's referral code was checked and remembered on this device (send it with the order). */
  'sadakat:referral-capture': { code: string };
  'sadakat:error': { code: WidgetErrorCode };
}
export type SadakatEventName = keyof SadakatEvents;
/** `on('open', fn)` is the same as `on('sadakat:open', fn)`. */
export type SadakatEventInput = SadakatEventName | (SadakatEventName extends `sadakat:${infer Short}` ? Short : never);
export type SadakatListener<E extends SadakatEventName = SadakatEventName> = (detail: SadakatEvents[E]) => void;

export interface Emitter {
  on(name: string, listener: (detail: never) => void): void;
  off(name: string, listener: (detail: never) => void): void;
  emit<E extends SadakatEventName>(name: E, detail: SadakatEvents[E]): void;
  clear(): void;
}

const fullName = (name: string) => (name.startsWith('sadakat:') ? name : `sadakat:${name}`);

/**
 * Events go to `on()` listeners and, as non-bubbling `CustomEvent`s, to `document`. A listener
 * that throws is reported on the console and never interrupts the widget or other listeners.
 */
export function createEmitter(doc: Document): Emitter {
  const listeners = new Map<string, Set<(detail: unknown) => void>>();
  return {
    on(name, listener) {
      if (typeof listener !== 'function') return;
      const key = fullName(String(name));
      let set = listeners.get(key);
      if (!set) listeners.set(key, (set = new Set()));
      set.add(listener as (detail: unknown) => void);
    },
    off(name, listener) {
      listeners.get(fullName(String(name)))?.delete(listener as (detail: unknown) => void);
    },
    emit(name, detail) {
      for (const listener of [...(listeners.get(name) ?? [])]) {
        try {
          listener(detail);
        } catch (error) {
          console.error(`[sadakat] a "${name}" listener threw`, error);
        }
      }
      try {
        doc.dispatchEvent(new CustomEvent(name, { detail }));
      } catch (error) {
        console.error(`[sadakat] a "${name}" listener threw`, error);
      }
    },
    clear: () => listeners.clear(),
  };
}
