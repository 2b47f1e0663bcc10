import { useState } from 'preact/hooks';

/**
 * The add button under a programme list, with a labelled choice of kind when the new item needs
 * one (a reward's or an earn rule's kind cannot change after it is added).
 */
export function AddItem<Kind extends string>({
  id,
  label,
  onAdd,
  kinds,
}: {
  /** The button's id: focus returns here when the list's last item is removed. */
  id: string;
  label: string;
  onAdd: (kind: Kind) => void;
  kinds?: { label: string; options: ReadonlyArray<{ value: Kind; label: string }> };
}) {
  const [chosen, choose] = useState<Kind | null>(null);
  const options = kinds?.options ?? [];
  // A kind that is no longer offered (added once already) falls back to the first one offered.
  const kind = options.find((option) => option.value === chosen)?.value ?? options[0]?.value;
  return (
    <div class="add add-item">
      {kinds ? (
        <div class="field">
          <label for={`${id}-kind`}>{kinds.label}</label>
          <select id={`${id}-kind`} value={kind} onChange={(event) => choose(event.currentTarget.value as Kind)}>
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <button type="button" class="button" id={id} onClick={() => onAdd(kind as Kind)}>
        {label}
      </button>
    </div>
  );
}
