import { storageKey } from '../../core/surveyTriggers';

/** Does an earlier page's survey outbox wait in this browser for this shop? (Then load the chunk.) */
export function pendingSurveyWork(win: Window, shop: string): boolean {
  try {
    const storage = win.localStorage;
    const prefix = storageKey(shop, '');
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(prefix) && key.endsWith('.outbox')) return true;
    }
  } catch {
    // No storage: nothing can be waiting.
  }
  return false;
}
