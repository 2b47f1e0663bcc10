import { edit, errorAt, fieldId, textOf, type Draft, type FieldKind } from '../draft';
import { issueText } from '../issueText';
import type { MessageKey } from '../i18n';

/**
 * One labelled input bound to a path of a draft. The server's error for that path (or inside it)
 * is shown right under it, tied to the input with `aria-describedby` and `aria-invalid`.
 */
export function DraftField({
  draft,
  base,
  path,
  label,
  kind = 'text',
  t,
}: {
  draft: Draft;
  base: unknown;
  path: string;
  label: string;
  kind?: FieldKind;
  /** The dashboard's translator, for the contract's own messages. */
  t: (key: MessageKey) => string;
}) {
  const id = fieldId(draft, path);
  const raw = errorAt(draft.errors.value, path);
  const error = raw === undefined ? undefined : issueText(t, raw);
  if (kind === 'boolean') {
    const checked = textOf(base, draft, path) === 'true';
    return (
      <div class="field field--check">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => edit(draft, path, event.currentTarget.checked ? 'true' : 'false', kind)}
        />
        <label for={id}>{label}</label>
        {error ? (
          <p class="field-error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
      </div>
    );
  }
  const numeric = kind === 'number' || kind === 'optionalNumber';
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={numeric ? 'decimal' : 'text'}
        value={textOf(base, draft, path)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onInput={(event) => edit(draft, path, event.currentTarget.value, kind)}
      />
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
