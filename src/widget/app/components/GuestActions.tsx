import { useI18n } from '../i18n';

/** The way in for a guest: join (the primary action) and sign in, each to the shop's own page. */
export function GuestActions({ joinUrl, signInUrl }: { joinUrl: string | null; signInUrl: string | null }) {
  const { t } = useI18n();
  if (!joinUrl && !signInUrl) return null;
  return (
    <div class="actions">
      {joinUrl ? (
        <a class="button button-primary" part="button button-primary" href={joinUrl}>
          {t('guest.join')}
        </a>
      ) : null}
      {signInUrl ? (
        <p class="signin">
          {t('guest.member')}{' '}
          <a class="text-link" part="button" href={signInUrl}>
            {t('guest.signIn')}
          </a>
        </p>
      ) : null}
    </div>
  );
}
