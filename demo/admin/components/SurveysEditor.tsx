import { Fragment } from 'preact';
import type { DashboardModel } from '../model';
import { DraftField } from './DraftField';
import { ErrorSummary } from './ErrorSummary';
import { SaveBar } from './SaveBar';
import { Section } from './Section';

/** Each survey's switch, title, reward and question texts, saved with `PUT /v1/merchant/surveys/{id}`. */
export function SurveysEditor({ model }: { model: DashboardModel }) {
  const { t, config } = model;
  return (
    <Section
      id="survey-settings"
      title={t('surveysEditTitle')}
      help={t('surveysEditHelp')}
      model={model}
      data={config.surveys.value}
      isEmpty={(list) => list.surveys.length === 0}
    >
      {(list) => (
        <div class="stack">
          {list.surveys.map(({ survey, version }) => {
            const draft = config.surveyDraft(survey.id);
            return (
              <form
                key={survey.id}
                noValidate
                aria-labelledby={`${draft.id}-heading`}
                onSubmit={(event) => {
                  event.preventDefault();
                  void config.saveSurvey(survey.id);
                }}
              >
                <h3 id={`${draft.id}-heading`}>
                  {survey.title[model.locale.value] ?? survey.title.tr ?? survey.id} <code>{survey.id}</code> <span class="muted">v{version}</span>
                </h3>
                <DraftField t={model.t} draft={draft} base={survey} path="active" label={t('surveyActive')} kind="boolean" />
                <div class="items items--inline">
                  <DraftField t={model.t} draft={draft} base={survey} path="title.tr" label={t('titleTr')} />
                  <DraftField t={model.t} draft={draft} base={survey} path="title.en" label={t('titleEn')} kind="optionalText" />
                  <DraftField t={model.t} draft={draft} base={survey} path="reward.points" label={t('rewardPoints')} kind="optionalNumber" />
                  {survey.questions.map((question, index) => (
                    <Fragment key={question.id}>
                      <DraftField t={model.t} draft={draft} base={survey} path={`questions.${index}.prompt.tr`} label={t('questionTr', { n: index + 1 })} />
                      <DraftField t={model.t} draft={draft} base={survey} path={`questions.${index}.prompt.en`} label={t('questionEn', { n: index + 1 })} kind="optionalText" />
                    </Fragment>
                  ))}
                </div>
                <ErrorSummary t={t} title={t('errorSummary')} issues={draft.errors.value} />
                <SaveBar model={model} state={draft.state.value} label={t('saveSurvey')} />
              </form>
            );
          })}
        </div>
      )}
    </Section>
  );
}
