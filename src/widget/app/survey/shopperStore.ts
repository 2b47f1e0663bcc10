import type { AppContext } from '../../core/appContext';
import { storageKey } from '../../core/surveyTriggers';
import { surveyPaths } from './endpoints';
import { identityOf, uuid } from './identity';
import { createOutbox, type Delivery, type Outbox, type OutboxItem, type OutboxLimits } from './outbox';
import { emptyHistory, remember, toHistory, type SurveyHistory } from './rules';
import { orderField } from './session';
import type { SurveyStorage } from './storage';
import { createTransport } from './transport';

export interface ShopperStoreDeps {
  context: AppContext;
  storage: SurveyStorage;
  win: Window;
  now(): number;
  random(): number;
  limits?: Partial<OutboxLimits> | undefined;
  onDelivery(item: OutboxItem, delivery: Delivery): void;
}

/**
 * What this browser keeps per shopper (guest, or one signed-in customer): the survey history the
 * frequency rules read, and the outbox. A guest's answers are always delivered as a guest (no
 * token), so the guest outbox stays open next to a customer's.
 */
export function createShopperStore({ context, storage, win, now, random, limits, onDelivery }: ShopperStoreDeps) {
  const send = createTransport(() => context.connection(), win);
  const shop = context.connection().shop;
  const key = (identity: string, what: 'surveys' | 'outbox') => storageKey(shop, `${identity}.${what}`);
  const open = (identity: string): Outbox =>
    createOutbox({
      storage,
      key: key(identity, 'outbox'),
      send: (item, unloading) => send(surveyPaths[item.kind], item.body, { token: identity === 'g' ? null : context.connection().token, unloading }),
      onDelivery,
      now,
      random,
      setTimeout: (fn, ms) => win.setTimeout(fn, ms),
      clearTimeout: (id) => win.clearTimeout(id),
      ...(limits ? { limits } : {}),
    });

  let who = identityOf(context.connection().token);
  const guest = open('g');
  let customer = who === 'g' ? null : open(who);
  const outboxes = () => (customer ? [guest, customer] : [guest]);
  const history = (): SurveyHistory => toHistory(storage.read(key(who, 'surveys')) ?? emptyHistory());

  return {
    history,
    /** Notes an impression, a dismissal or a completion in this shopper's history. */
    note(surveyId: string, event: 'shown' | 'dismissed' | 'completed', orderId: string | null) {
      storage.write(key(who, 'surveys'), remember(history(), surveyId, event, now(), orderId));
    },
    /** Where this shopper's saves go. */
    outbox: () => customer ?? guest,
    /** Queues an impression or a dismissal (the server counts them for the frequency rules). */
    event(kind: 'impression' | 'dismissal', surveyId: string, orderId: string | null) {
      const eventId = uuid(win.crypto);
      (customer ?? guest).put({ kind, id: eventId, seq: 0, at: now(), body: { eventId, surveyId, ...orderField(orderId) } });
    },
    outboxes,
    flushAll: () => outboxes().forEach((box) => void box.flush()),
    /**
     * Follows a change of shopper (identify(), logout(), a refused token): the previous
     * customer's stored data leaves with them. Returns `true` when `token` is someone else's.
     */
    follow(token: string | null): boolean {
      const next = identityOf(token);
      if (next === who) return false;
      if (customer) {
        customer.dispose();
        customer.clear();
        storage.remove(key(who, 'surveys'));
      }
      who = next;
      customer = who === 'g' ? null : open(who);
      return true;
    },
  };
}

export type ShopperStore = ReturnType<typeof createShopperStore>;
