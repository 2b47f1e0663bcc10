import { signal, type Signal } from '@preact/signals';
import type { FieldIssue } from '../../src/contract';

/**
 * What an editor field does with its text when the form is sent:
 * - `text`: as typed; `optionalText`: removed when empty (a missing translation falls back);
 * - `number`: a number when it reads as one, otherwise the raw text, so the server's error names
 *   the field instead of the dashboard guessing; `optionalNumber`: removed when empty;
 * - `boolean`: `'true'` / `'false'` from a checkbox.
 */
export type FieldKind = 'text' | 'optionalText' | 'number' | 'optionalNumber' | 'boolean';
type Edit = { text: string; kind: FieldKind };

type Path = Array<string | number>;
const split = (path: string): Path => path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));

export function valueAt(value: unknown, path: string): unknown {
  let current = value;
  for (const key of split(path)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function setAt(root: unknown, path: Path, next: unknown, remove: boolean): void {
  let current = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    if (current[key] === null || typeof current[key] !== 'object') current[key] = {};
    current = current[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1]!;
  if (remove) delete current[last];
  else current[last] = next;
}

function converted(edit: Edit): { value: unknown; remove: boolean } {
  const text = edit.text.trim();
  switch (edit.kind) {
    case 'boolean':
      return { value: edit.text === 'true', remove: false };
    case 'optionalText':
      return { value: edit.text, remove: text === '' };
    case 'text':
      return { value: edit.text, remove: false };
    case 'number':
    case 'optionalNumber': {
      if (text === '') return { value: edit.kind === 'number' ? '' : undefined, remove: edit.kind === 'optionalNumber' };
      const n = Number(text.replace(',', '.'));
      return { value: Number.isFinite(n) ? n : edit.text, remove: false };
    }
  }
}

/** The first issue at this field or inside it (`name` → `name.tr`). */
export function errorAt(issues: readonly FieldIssue[], path: string): string | undefined {
  return issues.find((issue) => issue.path === path || issue.path.startsWith(`${path}.`))?.message;
}

/**
 * One editor's unsaved edits over the stored value: texts keyed by field path, applied to a copy
 * of the stored value only when sent. The server's field errors come back keyed the same way.
 */
export interface Draft {
  /** Stable prefix for element ids, unique on the page. */
  id: string;
  /** The value with unsaved structural changes (an item added or removed), when there are any. */
  base: Signal<unknown>;
  edits: Signal<Record<string, Edit>>;
  errors: Signal<FieldIssue[]>;
  state: Signal<'idle' | 'saving' | 'saved' | 'failed'>;
}

export function createDraft(id: string): Draft {
  return { id, base: signal(null), edits: signal({}), errors: signal([]), state: signal('idle') };
}

export function fieldId(draft: Draft, path: string): string {
  return `${draft.id}-${path.replaceAll('.', '-')}`;
}

export function edit(draft: Draft, path: string, text: string, kind: FieldKind): void {
  draft.edits.value = { ...draft.edits.value, [path]: { text, kind } };
  if (draft.state.value !== 'saving') draft.state.value = 'idle';
}

/** The stored value with every edit applied (a deep copy; the stored value is left alone). */
export function applied<T>(base: T, draft: Draft): unknown {
  const copy = structuredClone(base) as unknown;
  for (const [path, e] of Object.entries(draft.edits.value)) {
    const { value, remove } = converted(e);
    setAt(copy, split(path), value, remove);
  }
  return copy;
}

/**
 * Adds or removes list items: the edits so far are folded into a new base first, so every field
 * path keeps pointing at the item it was typed into.
 */
export function restructure<T>(stored: T, draft: Draft, change: (value: T) => T): void {
  const next = change(applied((draft.base.value ?? stored) as T, draft) as T);
  draft.base.value = next;
  draft.edits.value = {};
  draft.errors.value = [];
  draft.state.value = 'idle';
}

/** What a field shows: the pending edit, else the stored value. */
export function textOf(base: unknown, draft: Draft, path: string): string {
  const pending = draft.edits.value[path];
  if (pending) return pending.text;
  const stored = valueAt(base, path);
  return stored === undefined || stored === null ? '' : String(stored);
}
