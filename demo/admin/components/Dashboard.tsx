import type { DashboardModel } from '../model';
import { LanguageSwitch } from './LanguageSwitch';
import { LapsingSection } from './LapsingSection';
import { PointsSection, RewardsSection } from './PointsSections';
import { ProgrammeEditor } from './ProgrammeEditor';
import { RangeControls } from './RangeControls';
import { ReferralsSection } from './ReferralsSection';
import { RetentionSection } from './RetentionSection';
import { RepeatSection, ValueSection } from './SalesSections';
import { SurveySection } from './SurveySection';

const SECTIONS = [
  ['retention', 'retentionTitle'],
  ['repeat', 'repeatTitle'],
  ['value', 'valueTitle'],
  ['points', 'pointsTitle'],
  ['rewards', 'rewardsTitle'],
  ['surveys', 'surveyTitle'],
  ['lapsing', 'lapsingTitle'],
  ['programme', 'programmeTitle'],
  ['referrals', 'referralsTitle'],
] as const;

export function Dashboard({ model }: { model: DashboardModel }) {
  const { t } = model;
  return (
    <>
      <a class="skip" href="#main">
        {t('sections')}
      </a>
      <header class="topbar">
        <p class="brand">
          Sadakat <span>{t('appTitle')}</span>
        </p>
        <div class="topbar__end">
          <LanguageSwitch model={model} />
          <button type="button" class="button" onClick={() => model.signOut()}>
            {t('signOut')}
          </button>
        </div>
      </header>
      <div class="layout">
        <nav class="sidenav" aria-label={t('sections')}>
          <ul>
            {SECTIONS.map(([id, key]) => (
              <li key={id}>
                <a href={`#${id}`}>{t(key)}</a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          <h1 class="visually-hidden">{t('appTitle')}</h1>
          <RangeControls model={model} />
          <div class="grid">
            <RetentionSection model={model} />
            <RepeatSection model={model} />
            <ValueSection model={model} />
            <PointsSection model={model} />
            <RewardsSection model={model} />
            <SurveySection model={model} />
            <LapsingSection model={model} />
            <ProgrammeEditor model={model} />
            <ReferralsSection model={model} />
          </div>
        </main>
      </div>
    </>
  );
}
