import type { Period, SurveyReport } from '../../../contract';
import type { Database } from '../../db/database';
import { localize } from '../localize';
import { surveyResults } from '../surveyResults';
import { listSurveys } from '../surveys';

/**
 * NPS and CSAT over time, computed by the surveys engine itself (`surveyResults`, the same code
 * as the survey results page) once per period, so the two pages can never disagree: every
 * response started in the period counts (partial ones too), with the survey's first NPS and first
 * CSAT question. Surveys without either question are left out.
 */
export async function surveysByPeriod(db: Database, shopId: string, periods: readonly Period[], defaultLocale: string): Promise<SurveyReport['surveys']> {
  const surveys = await listSurveys(db.kysely, shopId);
  const report: SurveyReport['surveys'] = [];
  for (const survey of surveys) {
    const npsId = survey.config.questions.find((q) => q.type === 'nps')?.id;
    const csatId = survey.config.questions.find((q) => q.type === 'csat')?.id;
    if (!npsId && !csatId) continue;
    const rows: SurveyReport['surveys'][number]['periods'] = [];
    for (const period of periods) {
      const results = await surveyResults(db, shopId, survey, defaultLocale, { from: period.start, to: period.end, completedOnly: false }, { limit: 1 });
      const nps = results.questions.find((q) => q.questionId === npsId);
      const csat = results.questions.find((q) => q.questionId === csatId);
      rows.push({
        ...period,
        nps: nps?.type === 'nps' ? { answers: nps.answers, promoters: nps.promoters, passives: nps.passives, detractors: nps.detractors, score: nps.score } : null,
        csat: csat?.type === 'csat' ? { answers: csat.answers, average: csat.average, satisfied: csat.satisfied } : null,
      });
    }
    report.push({ surveyId: survey.config.id, title: localize(survey.config.title, defaultLocale, defaultLocale), periods: rows });
  }
  return report;
}
