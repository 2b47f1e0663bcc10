import type { DashboardModel } from '../model';

export function LanguageSwitch({ model }: { model: DashboardModel }) {
  return (
    <div class="lang" role="group" aria-label={model.t('language')}>
      {(['tr', 'en'] as const).map((locale) => (
        <button
          key={locale}
          type="button"
          class="lang__button"
          lang={locale}
          aria-pressed={model.locale.value === locale ? 'true' : 'false'}
          onClick={() => {
            model.locale.value = locale;
            document.documentElement.lang = locale;
          }}
        >
          {locale === 'tr' ? 'Türkçe' : 'English'}
        </button>
      ))}
    </div>
  );
}
