import type { SurveyAnswersPage } from '../../../src/contract';
import { formatters } from '../format';
import type { Loadable } from '../model';
import type { DashboardModel } from '../model';
import { AnswersFilters } from './AnswersFilters';
import { DataTable } from './DataTable';
import { Section } from './Section';

const NO_SURVEYS: Loadable<SurveyAnswersPage | null> = { state: 'ready', data: null };

/** Survey answers, one row per answered question, filtered; more on request. */
export function AnswersScreen({ model }: { model: DashboardModel }) {
  const { t } = model;
  const answers = model.config.answers;
  const f = formatters(model.locale.value);
  const surveys = model.config.surveys.value;
  const noSurveys = surveys.state === 'ready' && surveys.data.surveys.length === 0;
  return (
    <>
      {noSurveys ? <p class="empty">{t('noSurveys')}</p> : <AnswersFilters model={model} />}
      <Section id="answers" title={t('answersTitle')} help={t('answersHelp')} model={model} data={noSurveys ? NO_SURVEYS : answers.page.value}>
        {(page) =>
          !page || page.rows.length === 0 ? (
            <p class="empty">{t('noAnswers')}</p>
          ) : (
            <>
              <p class="headline" role="status">
                {t('answersCount', { count: f.number(page.rows.length) })}
              </p>
              <DataTable
                caption={t('answersTitle')}
                columns={[{ label: t('when') }, { label: t('customer') }, { label: t('question') }, { label: t('answer') }, { label: t('status') }]}
                rows={page.rows.map((row) => [
                  <time dateTime={row.startedAt}>{f.date(row.startedAt)}</time>,
                  row.customerId ?? t('guest'),
                  row.prompt,
                  row.display,
                  row.status === 'completed' ? t('statusCompleted') : t('statusPartial'),
                ])}
              />
              {page.nextCursor ? (
                <div class="actions">
                  <button type="button" class="button" onClick={() => void answers.load(true)}>
                    {t('loadMore')}
                  </button>
                </div>
              ) : null}
            </>
          )
        }
      </Section>
    </>
  );
}
