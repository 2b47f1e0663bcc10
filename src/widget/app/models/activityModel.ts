import { createModel, signal } from '@preact/signals';
import type { ActivityEntry } from '../../../contract';
import type { WidgetErrorCode } from '../../core/result';
import type { StorefrontApi } from '../api/storefront';

/** The full history, a page at a time, newest first. */
export const ActivityModel = createModel((api: StorefrontApi) => {
  const entries = signal<ActivityEntry[]>([]);
  const cursor = signal<string | null>(null);
  const loaded = signal(false);
  const loading = signal(false);
  const error = signal<WidgetErrorCode | null>(null);
  /** Bumped by `forget()`: a page that arrives after a change of shopper is dropped. */
  let generation = 0;

  async function load(next: string | null) {
    if (loading.value) return;
    loading.value = true;
    error.value = null;
    const asked = generation;
    try {
      const result = await api.activity(next);
      if (asked !== generation) return;
      if (!result.ok) {
        error.value = result.error.code;
        return;
      }
      const seen = new Set(entries.value.map((entry) => entry.id));
      entries.value = [...(next ? entries.value : []), ...result.data.entries.filter((entry) => !next || !seen.has(entry.id))];
      cursor.value = result.data.nextCursor;
      loaded.value = true;
    } finally {
      if (asked === generation) loading.value = false;
    }
  }

  return {
    entries,
    loaded,
    loading,
    error,
    hasMore: () => cursor.value !== null,
    /** The first page (again). */
    reload: () => load(null),
    /** Another shopper now (identify, logout): nothing of the previous one's history stays. */
    forget() {
      generation++;
      entries.value = [];
      cursor.value = null;
      loaded.value = false;
      loading.value = false;
      error.value = null;
    },
    more: () => (cursor.value ? load(cursor.value) : Promise.resolve()),
  };
});
export type ActivityModel = InstanceType<typeof ActivityModel>;
