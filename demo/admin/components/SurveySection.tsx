import { formatters, periodLabel } from '../format';
import type { DashboardModel } from '../model';
import { BarChart } from './BarChart';
import { DataTable } from './DataTable';
import { Section } from './Section';

export function SurveySection({ model }: { model: DashboardModel }) {
  const { t } = model;
  const locale = model.locale.value;
  const f = formatters(locale);
  return (
    <Section id="surveys" title={t('surveyTitle')} help={t('surveyHelp')} model={model} data={model.surveys.value} isEmpty={(r) => r.surveys.length === 0}>
      {(report) => (
        <>
          {report.surveys.map((survey) => {
            const labels = survey.periods.map((p) => periodLabel(p.label, locale));
            const hasNps = survey.periods.some((p) => p.nps);
            const hasCsat = survey.periods.some((p) => p.csat);
            return (
              <div class="survey" key={survey.surveyId}>
                <h3>{survey.title}</h3>
                {hasNps ? (
                  <BarChart
                    stacked
                    labels={labels}
                    format={(v) => f.number(v)}
                    series={[
                      { name: t('promoters'), tone: 2, values: survey.periods.map((p) => p.nps?.promoters ?? null) },
                      { name: t('passives'), tone: 4, values: survey.periods.map((p) => p.nps?.passives ?? null) },
                      { name: t('detractors'), tone: 3, values: survey.periods.map((p) => p.nps?.detractors ?? null) },
                    ]}
                  />
                ) : null}
                <DataTable
                  caption={survey.title}
                  columns={[
                    { label: t('period') },
                    ...(hasNps
                      ? [{ label: t('answers'), numeric: true }, { label: t('promoters'), numeric: true }, { label: t('passives'), numeric: true }, { label: t('detractors'), numeric: true }, { label: t('score'), numeric: true }]
                      : []),
                    ...(hasCsat ? [{ label: `CSAT ${t('answers')}`, numeric: true }, { label: t('csatAverage'), numeric: true }, { label: t('satisfied'), numeric: true }] : []),
                  ]}
                  rows={survey.periods.map((p, i) => [
                    labels[i],
                    ...(hasNps ? [f.number(p.nps?.answers ?? 0), f.number(p.nps?.promoters ?? 0), f.number(p.nps?.passives ?? 0), f.number(p.nps?.detractors ?? 0), p.nps?.score == null ? '—' : f.number(p.nps.score)] : []),
                    ...(hasCsat ? [f.number(p.csat?.answers ?? 0), p.csat?.average == null ? '—' : f.number(p.csat.average), p.csat?.satisfied == null ? '—' : f.percent(Math.round(p.csat.satisfied * 1000) / 10)] : []),
                  ])}
                />
              </div>
            );
          })}
        </>
      )}
    </Section>
  );
}
