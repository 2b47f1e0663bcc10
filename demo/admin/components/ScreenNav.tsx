import type { Screen } from '../configModel';
import type { MessageKey } from '../i18n';
import type { DashboardModel } from '../model';

const SCREENS: ReadonlyArray<[Screen, MessageKey]> = [
  ['reports', 'screenReports'],
  ['programme', 'screenProgramme'],
  ['answers', 'screenAnswers'],
  ['audit', 'screenAudit'],
];

/** Switches between the dashboard's screens; the current one is marked for assistive technology. */
export function ScreenNav({ model }: { model: DashboardModel }) {
  const current = model.config.screen.value;
  return (
    <nav class="screens" aria-label={model.t('screens')}>
      <ul>
        {SCREENS.map(([screen, key]) => (
          <li key={screen}>
            <button
              type="button"
              class="screens__button"
              aria-current={current === screen ? 'page' : undefined}
              onClick={() => {
                model.config.show(screen);
                document.getElementById('main')?.focus();
              }}
            >
              {model.t(key)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
