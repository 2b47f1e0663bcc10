import type { Signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { errorAt } from '../draft';
import { issueText } from '../issueText';
import type { DashboardModel } from '../model';

const SCORES = Array.from({ length: 11 }, (_, i) => String(i));

/** A labelled filter control whose server error (if any) sits right under it. */
function Filter({ model, id, name, label, children }: { model: DashboardModel; id: string; name: string; label: string; children: (describedBy: string | undefined, invalid: boolean) => ComponentChildren }) {
  const raw = errorAt(model.config.answers.errors.value, name);
  const error = raw === undefined ? undefined : issueText(model.t, raw);
  return (
    <div class="filter">
      <label for={id}>{label}</label>
      {children(error ? `${id}-error` : undefined, Boolean(error))}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function ScoreSelect({ model, id, name, label, value }: { model: DashboardModel; id: string; name: string; label: string; value: Signal<string> }) {
  return (
    <Filter model={model} id={id} name={name} label={label}>
      {(describedBy, invalid) => (
        <select id={id} value={value.value} aria-describedby={describedBy} aria-invalid={invalid ? 'true' : undefined} onChange={(event) => (value.value = event.currentTarget.value)}>
          <option value="">{model.t('anyScore')}</option>
          {SCORES.map((score) => (
            <option key={score} value={score}>
              {score}
            </option>
          ))}
        </select>
      )}
    </Filter>
  );
}

/** Survey, question, days and score filters for the answers table. */
export function AnswersFilters({ model }: { model: DashboardModel }) {
  const { t } = model;
  const answers = model.config.answers;
  const surveys = model.config.surveys.value;
  const page = answers.page.value;
  const questions = page.state === 'ready' ? page.data.questions : [];
  return (
    <form
      class="toolbar range filters"
      aria-label={t('answersFilters')}
      onSubmit={(event) => {
        event.preventDefault();
        void answers.load();
      }}
    >
      <Filter model={model} id="answers-survey" name="surveyId" label={t('survey')}>
        {() => (
          <select id="answers-survey" value={answers.surveyId.value} onChange={(event) => answers.selectSurvey(event.currentTarget.value)}>
            {surveys.state === 'ready'
              ? surveys.data.surveys.map(({ survey }) => (
                  <option key={survey.id} value={survey.id}>
                    {survey.title[model.locale.value] ?? survey.title.tr ?? survey.id}
                  </option>
                ))
              : null}
          </select>
        )}
      </Filter>
      <Filter model={model} id="answers-question" name="questionId" label={t('question')}>
        {(describedBy, invalid) => (
          <select id="answers-question" value={answers.questionId.value} aria-describedby={describedBy} aria-invalid={invalid ? 'true' : undefined} onChange={(event) => (answers.questionId.value = event.currentTarget.value)}>
            <option value="">{t('allQuestions')}</option>
            {questions.map((q) => (
              <option key={q.id} value={q.id}>
                {q.prompt}
              </option>
            ))}
          </select>
        )}
      </Filter>
      <Filter model={model} id="answers-from" name="from" label={t('from')}>
        {(describedBy, invalid) => (
          <input id="answers-from" type="date" value={answers.from.value} aria-describedby={describedBy} aria-invalid={invalid ? 'true' : undefined} onChange={(event) => (answers.from.value = event.currentTarget.value)} />
        )}
      </Filter>
      <Filter model={model} id="answers-to" name="to" label={t('to')}>
        {(describedBy, invalid) => (
          <input id="answers-to" type="date" value={answers.to.value} aria-describedby={describedBy} aria-invalid={invalid ? 'true' : undefined} onChange={(event) => (answers.to.value = event.currentTarget.value)} />
        )}
      </Filter>
      <ScoreSelect model={model} id="answers-min" name="minScore" label={t('minScore')} value={answers.minScore} />
      <ScoreSelect model={model} id="answers-max" name="maxScore" label={t('maxScore')} value={answers.maxScore} />
      <button type="submit" class="button button--primary">
        {t('filter')}
      </button>
    </form>
  );
}
