import { Icon } from '../../components/Icon';
import { useCopy } from '../../components/useCopy';
import { useReferralText } from './useReferralText';

/**
 * The shopper's link with a copy button: the clipboard API when allowed, else the text is selected
 * for Ctrl+C. The outcome is announced in a polite live region.
 */
export function CopyLink({ link, onCopied }: { link: string; onCopied(): void }) {
  const { t } = useReferralText();
  const { input, state, copy } = useCopy(link, onCopied);

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
