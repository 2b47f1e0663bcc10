import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * Copies `text` to the clipboard when allowed, else selects it in the input for Ctrl+C. `state`
 * says which happened ("copied" falls back to "idle" after 4 s), for the button and live region.
 */
export function useCopy(text: string, onCopied?: () => void) {
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'selected'>('idle');
  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), 4000);
    return () => clearTimeout(timer);
  }, [state]);

  const select = () => {
    input.current?.focus();
    input.current?.select();
    setState('selected');
  };
  const copy = async () => {
    try {
      const clipboard = input.current?.ownerDocument.defaultView?.navigator.clipboard;
      if (!clipboard) return select();
      await clipboard.writeText(text);
      setState('copied');
      onCopied?.();
    } catch {
      select();
    }
  };
  return { input, state, copy };
}
