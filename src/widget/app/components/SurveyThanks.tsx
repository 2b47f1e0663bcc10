import type { SurveyModel } from '../models/surveyModel';
import { useI18n } from '../i18n';

const CHECK = 'M7.5 12.5l3 3 6-7';

/** The last step: the merchant's thanks, the reward, an honest word about delivery, the CTA. */
export function SurveyThanks({ model, onDone }: { model: SurveyModel; onDone(): void }) {
  const { t, points } = useI18n();
  const session = model.session.value;
  const cta = model.cta.value;
  if (!session) return null;
  const { thankYou } = session.prompt;
  const reward = session.reward;
  return (
    <div class="survey-thanks">
      <span class="survey-thanks-mark" aria-hidden="true">
        <svg class="icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" focusable="false">
          <path d={CHECK} />
        </svg>
      </span>
      <h3 class="survey-thanks-title" tabIndex={-1} data-survey-focus>
        {thankYou.title}
      </h3>
      {thankYou.body ? <p class="card-text">{thankYou.body}</p> : null}
      <div role="status" class="survey-status">
        {reward ? (
          <p class="survey-reward">
            {t(reward.status === 'credited' ? 'survey.rewardCredited' : 'survey.rewardPending', { points: points(reward.points) })}
          </p>
        ) : null}
        {session.save === 'queued' ? <p class="card-text">{t('survey.queued')}</p> : null}
      </div>
      {cta ? (
        <div class="survey-cta">
          {cta.text ? <p class="card-text">{cta.text}</p> : null}
          {cta.kind === 'view' ? (
            <button type="button" class="button button-primary" part="button button-primary" onClick={() => model.openView(cta.view)}>
              {cta.label}
            </button>
          ) : (
            <a class="button button-primary" part="button button-primary" href={cta.url} target="_blank" rel="noopener noreferrer">
              {cta.label}
            </a>
          )}
        </div>
      ) : null}
      <button type="button" class="button survey-done" part="button" onClick={onDone}>
        {t('survey.done')}
      </button>
    </div>
  );
}
