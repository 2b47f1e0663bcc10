import { useEffect, useRef } from 'preact/hooks';
import type { ProgrammeConfig } from '../../../src/contract';
import { fieldId, restructure, type Draft } from '../draft';

type ListKey = 'earnRules' | 'rewards' | 'tiers' | 'campaigns';
type Item<K extends ListKey> = ProgrammeConfig[K][number];

/**
 * Adds and removes items of one programme list in the draft (saved with the rest), and moves
 * keyboard focus where the merchant's attention goes: into the first field of an added item; after
 * a removal, to the next item's remove button (or the previous one's, or the add button when the
 * list is empty), so focus never falls back to the top of the page.
 */
export function useListEditor<K extends ListKey>(draft: Draft, stored: ProgrammeConfig, programme: ProgrammeConfig, key: K) {
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    const id = focusNext.current;
    if (!id) return;
    focusNext.current = null;
    document.getElementById(id)?.focus();
  });
  const list = programme[key] as ReadonlyArray<Item<K>>;
  const change = (edit: (items: Array<Item<K>>) => Array<Item<K>>) =>
    restructure(stored, draft, (value) => ({ ...value, [key]: edit(value[key] as Array<Item<K>>) }));
  const addId = `${draft.id}-${key}-add`;
  const removeId = (index: number) => `${draft.id}-${key}-${index}-remove`;
  return {
    addId,
    removeId,
    /** Whether this item is not saved yet (its id may still be chosen) or its id clashes with another's. */
    idEditable(item: Item<K>): boolean {
      const storedItems = stored[key] as ReadonlyArray<Item<K>>;
      return !storedItems.some((other) => other.id === item.id) || list.filter((other) => other.id === item.id).length > 1;
    },
    add(item: Item<K>, focusField: string) {
      const index = list.length;
      change((items) => [...items, item]);
      focusNext.current = fieldId(draft, `${key}.${index}.${focusField}`);
    },
    remove(index: number) {
      const left = list.length - 1;
      change((items) => items.filter((_, i) => i !== index));
      focusNext.current = left === 0 ? addId : removeId(Math.min(index, left - 1));
    },
  };
}
