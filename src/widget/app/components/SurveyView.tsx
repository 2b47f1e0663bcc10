import type { SurveyModel } from '../models/surveyModel';
import { useI18n } from '../i18n';
import { Icon } from './Icon';
import { SurveyForm } from './SurveyForm';

/** The panel's `survey` view: the survey at hand (the same one the card shows), or "none now". */
export function SurveyView({ model, onDone }: { model: SurveyModel; onDone(): void }) {
  const { t } = useI18n();
  const session = model.session.value;
  if (!session) {
    return (
      <div class="card soon">
        <Icon name="list" class="soon-icon" />
        <h3 class="card-title">{t('survey.emptyTitle')}</h3>
        <p class="card-text">{t('survey.emptyBody')}</p>
      </div>
    );
  }
  return (
    <section class="card survey" part="survey" aria-labelledby="sadakat-survey-view-title">
      <h3 class="card-title survey-title" id="sadakat-survey-view-title">
        {session.prompt.title}
      </h3>
      <SurveyForm model={model} idPrefix="sadakat-survey-view" onDone={onDone} />
    </section>
  );
}
