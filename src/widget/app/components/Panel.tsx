import { effect, type ReadonlySignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { PANEL_ID } from '../../core/ids';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

interface PanelProps {
  /** A signal, so the dialog opens and closes synchronously with the core's state (see below). */
  open: ReadonlySignal<boolean>;
  /** Id of the element naming the dialog. */
  labelledBy: string;
  /** Where focus goes when the dialog closes with focus inside it (the launcher). */
  returnFocusTo: HTMLElement;
  onClose(): void;
  children: ComponentChildren;
}

/**
 * The dialog: a modal `<dialog>` (top layer, page behind inert). Focus moves in on open, Tab
 * cycles inside, Escape and a click on the backdrop close it, and focus returns to the launcher.
 */
export function Panel({ open, labelledBy, returnFocusTo, onClose, children }: PanelProps) {
  const ref = useRef<HTMLDialogElement>(null);

  // A plain signal effect (not useSignalEffect, which waits for an animation frame) runs as soon as
  // `open` changes: when `close()` returns, the dialog is closed, the page is no longer inert and
  // focus is back on the launcher.
  useEffect(
    () =>
      effect(() => {
        const isOpen = open.value;
        const dialog = ref.current;
        if (!dialog) return;
        if (isOpen && !dialog.open) {
          try {
            dialog.showModal();
          } catch {
            dialog.setAttribute('open', '');
          }
          dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
        } else if (!isOpen && dialog.open) {
          const root = dialog.getRootNode() as ShadowRoot | Document;
          const focusWasInside = dialog.contains(root.activeElement);
          dialog.close();
          if (focusWasInside) returnFocusTo.focus();
        }
      }),
    [open, returnFocusTo],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    const dialog = ref.current;
    if (!dialog) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[hidden]'));
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    const active = (dialog.getRootNode() as ShadowRoot | Document).activeElement;
    if (event.shiftKey && (active === first || !dialog.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !dialog.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      id={PANEL_ID}
      class="panel"
      part="panel"
      aria-labelledby={labelledBy}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === ref.current) onClose();
      }}
    >
      <div class="panel-inner">{children}</div>
    </dialog>
  );
}
