import type { View } from '../../core/views';
import { useI18n } from '../i18n';
import { Icon, type IconName } from './Icon';

const LINKS: Array<{ view: Exclude<View, 'home' | 'survey'>; icon: IconName }> = [
  { view: 'earn', icon: 'star' },
  { view: 'rewards', icon: 'gift' },
  { view: 'referral', icon: 'users' },
  { view: 'activity', icon: 'clock' },
];

/** One row per view, each opening it. */
export function ViewLinks({ onOpen }: { onOpen(view: View): void }) {
  const { t } = useI18n();
  return (
    <nav class="card card-flush" aria-label={t('panel.label')}>
      <ul class="links">
        {LINKS.map(({ view, icon }) => (
          <li key={view}>
            <button type="button" class="link-row" data-view={view} onClick={() => onOpen(view)}>
              <span class="link-icon">
                <Icon name={icon} />
              </span>
              <span class="link-text">
                <span class="link-title">{t(`view.${view}`)}</span>
                <span class="link-hint">{t(`nav.${view}`)}</span>
              </span>
              <Icon name="chevron" class="flip-rtl" />
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
