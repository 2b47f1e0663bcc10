import { useI18n } from '../i18n';
import { Icon } from './Icon';
import { useCopy } from './useCopy';

/**
 * A code with a copy button: the clipboard API when allowed, else the text is selected for Ctrl+C.
 * The outcome is announced in a polite live region.
 */
export function CouponCode({ code, id }: { code: string; id: string }) {
  const { t } = useI18n();
  const { input, state, copy } = useCopy(code);

  return (
    <div class="code-box">
      <input ref={input} id={id} class="code" readOnly value={code} aria-label={t('rewards.issuedTitle')} onFocus={(event) => event.currentTarget.select()} />
      <button type="button" class="button button-small" part="copy-button" onClick={() => copy()}>
        <Icon name={state === 'copied' ? 'check' : 'copy'} />
        {state === 'copied' ? t('rewards.copied') : t('rewards.copy')}
      </button>
      {/* The button already shows "copied"; the live region says it to screen readers. */}
      <p class={state === 'selected' ? 'row-hint' : 'row-hint visually-hidden'} role="status">
        {state === 'copied' ? t('rewards.copied') : state === 'selected' ? t('rewards.copyFallback') : ''}
      </p>
    </div>
  );
}
