import type { DashboardModel } from '../model';
import { AnswersScreen } from './AnswersScreen';
import { AuditScreen } from './AuditScreen';
import { OriginsEditor } from './OriginsEditor';
import { ScreenNav } from './ScreenNav';
import { SurveysEditor } from './SurveysEditor';
import { LanguageSwitch } from './LanguageSwitch';
import { LapsingSection } from './LapsingSection';
import { PointsSection, RewardsSection } from './PointsSections';
import { ProgrammeEditor } from './ProgrammeEditor';
import { RangeControls } from './RangeControls';
import { ReferralsSection } from './ReferralsSection';
import { RetentionSection } from './RetentionSection';
import { RepeatSection, ValueSection } from './SalesSections';
import { SurveySection } from './SurveySection';

const SCREEN_TITLES = { reports: 'screenReports', programme: 'screenProgramme', answers: 'screenAnswers', audit: 'screenAudit' } as const;

const SECTIONS = [
  ['retention', 'retentionTitle'],
  ['repeat', 'repeatTitle'],
  ['value', 'valueTitle'],
  ['points', 'pointsTitle'],
  ['rewards', 'rewardsTitle'],
  ['surveys', 'surveyTitle'],
  ['lapsing', 'lapsingTitle'],
  ['referrals', 'referralsTitle'],
] as const;

/** The configuration screens, one card per editor. */
function ProgrammeScreen({ model }: { model: DashboardModel }) {
  return (
    <div class="stack">
      <ProgrammeEditor model={model} />
      <SurveysEditor model={model} />
      <OriginsEditor model={model} />
    </div>
  );
}

export function Dashboard({ model }: { model: DashboardModel }) {
  const { t } = model;
  const screen = model.config.screen.value;
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
      <ScreenNav model={model} />
      <div class={screen === 'reports' ? 'layout' : 'layout layout--single'}>
        {screen === 'reports' ? (
          <nav class="sidenav" aria-label={t('sections')}>
            <ul>
              {SECTIONS.map(([id, key]) => (
                <li key={id}>
                  <a href={`#${id}`}>{t(key)}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <main id="main" tabIndex={-1}>
          <h1>{t(SCREEN_TITLES[screen])}</h1>
          {screen === 'programme' ? <ProgrammeScreen model={model} /> : null}
          {screen === 'answers' ? <AnswersScreen model={model} /> : null}
          {screen === 'audit' ? <AuditScreen model={model} /> : null}
          {screen === 'reports' ? <RangeControls model={model} /> : null}
          <div class="grid" hidden={screen !== 'reports'}>
            <RetentionSection model={model} />
            <RepeatSection model={model} />
            <ValueSection model={model} />
            <PointsSection model={model} />
            <RewardsSection model={model} />
            <SurveySection model={model} />
            <LapsingSection model={model} />
            <ReferralsSection model={model} />
          </div>
        </main>
      </div>
    </>
  );
}
