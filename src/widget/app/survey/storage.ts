import { stringify } from './safeJson';

/**
 * `localStorage` for the survey chunk: JSON values, every call in try/catch, and a memory copy that
 * keeps the page working when storage is missing (private modes, sandboxed frames, disabled
 * cookies) or full. `persistent` and `write()` say honestly whether data would survive a reload.
 */
export interface SurveyStorage {
  /** `false` when nothing survives this page (no usable `localStorage`). */
  readonly persistent: boolean;
  read(key: string): unknown;
  /** Returns `false` when the value is kept in memory only (no storage, quota exceeded). */
  write(key: string, value: unknown): boolean;
  remove(key: string): void;
}

function usableLocalStorage(win: Window): Storage | null {
  try {
    const storage = win.localStorage;
    const probe = 'sadakat.probe';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

export function createSurveyStorage(win: Window): SurveyStorage {
  const storage = usableLocalStorage(win);
  // Values that live in memory only: everything without storage, and writes the quota refused.
  const memory = new Map<string, string>();
  const parse = (text: string | null | undefined) => {
    try {
      return text ? (JSON.parse(text) as unknown) : null;
    } catch {
      return null;
    }
  };
  return {
    persistent: storage !== null,
    read(key) {
      if (memory.has(key) || !storage) return parse(memory.get(key));
      try {
        // Read every time: another tab may have changed it since.
        return parse(storage.getItem(key));
      } catch {
        return null;
      }
    },
    write(key, value) {
      const text = stringify(value);
      if (storage) {
        try {
          storage.setItem(key, text);
          memory.delete(key);
          return true;
        } catch {
          // Quota exceeded: keep it for this page, and say so.
        }
      }
      memory.set(key, text);
      return false;
    },
    remove(key) {
      memory.delete(key);
      try {
        storage?.removeItem(key);
      } catch {
        // Nothing more to do.
      }
    },
  };
}
