import { useEffect, useRef } from 'preact/hooks';
import type { SurveyModel } from '../models/surveyModel';
import { useI18n } from '../i18n';
import { SurveyQuestionField } from './SurveyQuestionField';
import { SurveyThanks } from './SurveyThanks';

/**
 * The steps of a survey, shared by the card and the panel view: progress, one question, Back and
 * Next (Send on the last), the honest save messages, then the thank-you step. After Next or Back,
 * focus moves to the new step, so keyboard and screen-reader users carry on where they are.
 */
export function SurveyForm({ model, idPrefix, onDone }: { model: SurveyModel; idPrefix: string; onDone(): void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const moveFocus = useRef(false);
  const session = model.session.value;
  const question = model.question.value;
  const progress = model.progress.value;
  const step = session?.step;

  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    const target = ref.current?.querySelector<HTMLElement>('[data-survey-focus], [role="radio"][tabindex="0"], input, textarea');
    target?.focus();
  }, [step]);

  if (!session) return null;
  const act = (action: () => void) => {
    moveFocus.current = true;
    action();
  };
  if (session.step === 'thanks') {
    return (
      <div ref={ref} class="survey-body">
        <SurveyThanks model={model} onDone={onDone} />
      </div>
    );
  }
  if (!question) return null;
  const sending = session.save === 'sending';
  const rejected = session.save === 'rejected';
  const unsaved = session.save === 'unsaved';
  const error = session.error ? t(session.error.key, session.error.params) : null;
  // The honest word when the answers are not on the server: not kept anywhere, or refused.
  const alert = unsaved ? 'survey.unsaved' : !rejected ? null : session.problem === 'survey_already_answered' ? 'survey.alreadyAnswered' : 'survey.rejected';

  return (
    <div ref={ref} class="survey-body">
      {session.prompt.questions.length > 1 && progress ? (
        <div class="survey-progress">
          <span aria-hidden="true">{t('survey.progress', progress)}</span>
          <span class="visually-hidden">{t('survey.progressLabel', progress)}</span>
          <progress class="progress" max={progress.total} value={progress.current} aria-hidden="true" />
        </div>
      ) : null}
      <form
        class="survey-form"
        noValidate
        aria-busy={sending ? 'true' : undefined}
        onSubmit={(event) => {
          event.preventDefault();
          act(() => (unsaved ? model.retry() : model.next()));
        }}
      >
        <SurveyQuestionField key={question.id} question={question} draft={session.drafts.get(question.id)} error={error} idPrefix={idPrefix} onChange={(draft) => model.answer(question.id, draft)} />
        {alert ? (
          <p class="survey-alert" role="alert">
            {t(alert)}
          </p>
        ) : null}
        <div class="survey-actions">
          {session.trail.length > 0 && !rejected ? (
            <button type="button" class="button" part="button" onClick={() => act(() => model.back())}>
              {t('survey.back')}
            </button>
          ) : null}
          {rejected ? (
            <button type="button" class="button" part="button" onClick={onDone}>
              {t('survey.done')}
            </button>
          ) : (
            <button type="submit" class="button button-primary" part="button button-primary" aria-disabled={sending ? 'true' : undefined}>
              {t(sending ? 'survey.sending' : unsaved ? 'survey.retry' : model.last.value ? 'survey.submit' : 'survey.next')}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
