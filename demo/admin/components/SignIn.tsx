import { useSignal } from '@preact/signals';
import type { DashboardModel } from '../model';
import { LanguageSwitch } from './LanguageSwitch';

export function SignIn({ model }: { model: DashboardModel }) {
  const { t } = model;
  const key = useSignal('');
  const error = model.signInError.value;
  return (
    <main class="signin">
      <div class="signin__card">
        <div class="signin__top">
          <p class="brand">Sadakat</p>
          <LanguageSwitch model={model} />
        </div>
        <h1>{t('signInTitle')}</h1>
        <p class="help">{t('signInIntro')}</p>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void model.signIn(key.value);
          }}
        >
          <div class="field">
            <label for="secret-key">{t('secretKey')}</label>
            <input
              id="secret-key"
              type="password"
              autoComplete="off"
              spellcheck={false}
              required
              value={key.value}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? 'secret-key-error' : undefined}
              onInput={(event) => (key.value = event.currentTarget.value)}
            />
            {error ? (
              <p class="field-error" id="secret-key-error" role="alert">
                {t(error)}
              </p>
            ) : null}
          </div>
          <button type="submit" class="button button--primary" disabled={model.signingIn.value}>
            {model.signingIn.value ? t('signingIn') : t('signIn')}
          </button>
        </form>
      </div>
    </main>
  );
}
