import { useEffect, useRef, useState } from 'preact/hooks';
import { Icon } from '../../components/Icon';
import { useReferralText } from './useReferralText';

/**
 * The shopper's link with a copy button: the clipboard API when allowed, else the text is selected
 * for Ctrl+C. The outcome is announced in a polite live region.
 */
export function CopyLink({ link, onCopied }: { link: string; onCopied(): void }) {
  const { t } = useReferralText();
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
      await clipboard.writeText(link);
      setState('copied');
      onCopied();
    } catch {
      select();
    }
  };

  return (
    <div class="code-box referral-copy">
      <label class="field-label" for="sadakat-referral-link">
        {t('ref.linkLabel')}
      </label>
      <input
        ref={input}
        id="sadakat-referral-link"
        class="code referral-link"
        part="referral-link"
        readOnly
        value={link}
        dir="ltr"
        onFocus={(event) => event.currentTarget.select()}
      />
      <button type="button" class="button button-primary" part="copy-button button-primary" onClick={() => copy()}>
        <Icon name={state === 'copied' ? 'check' : 'copy'} />
        {state === 'copied' ? t('ref.copied') : t('ref.copy')}
      </button>
      <p class={state === 'selected' ? 'row-hint' : 'row-hint visually-hidden'} role="status">
        {state === 'copied' ? t('ref.copied') : state === 'selected' ? t('ref.copyFallback') : ''}
      </p>
    </div>
  );
}
