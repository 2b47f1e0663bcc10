import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { routes } from '../../contract';
import { programmeOf } from '../domain/shops';
import { surveyAnswersPage } from '../domain/surveyAnswers';
import { resultsFilter, surveyCsv, surveyResults } from '../domain/surveyResults';
import { listSurveys, merchantSurvey, requireSurvey, saveSurvey } from '../domain/surveys';
import { merchantAuditContext } from '../http/auditContext';
import type { AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { honoPath } from '../http/paths';
import { parseInput, readJson } from '../http/validate';

/** Survey configuration, results and export for the shop's own server (secret key; see http/merchant.ts). */
export const merchantSurveyRoutes = new Hono<AppEnv>()
  .get(routes.merchantSurveys.path, async (c) => {
    const surveys = await listSurveys(c.get('db').kysely, c.get('shop').id);
    return c.json({ surveys: surveys.map(merchantSurvey) }, 200);
  })
  .put(honoPath(routes.merchantSaveSurvey.path), async (c) => {
    const { surveyId } = parseInput(routes.merchantSaveSurvey.params, c.req.param());
    const survey = parseInput(routes.merchantSaveSurvey.body, await readJson(c.req.raw));
    if (survey.id !== surveyId) throw new ApiError('validation_failed', 'Invalid request: check id.', [{ path: 'id', message: 'must match the survey id in the path' }]);
    const shop = c.get('shop');
    const saved = await saveSurvey(c.get('db'), shop.id, survey, programmeOf(shop).defaultLocale, c.get('now')(), merchantAuditContext(c));
    return c.json(merchantSurvey(saved), 200);
  })
  .get(honoPath(routes.surveyResults.path), async (c) => {
    const { surveyId } = parseInput(routes.surveyResults.params, c.req.param());
    const query = parseInput(routes.surveyResults.query, c.req.query());
    const shop = c.get('shop');
    const survey = await requireSurvey(c.get('db').kysely, shop.id, surveyId);
    const results = await surveyResults(c.get('db'), shop.id, survey, programmeOf(shop).defaultLocale, resultsFilter(query), {
      limit: query.limit ? Number(query.limit) : 20,
      cursor: query.cursor,
    });
    return c.json(results, 200);
  })
  .get(honoPath(routes.surveyAnswers.path), async (c) => {
    const { surveyId } = parseInput(routes.surveyAnswers.params, c.req.param());
    const query = parseInput(routes.surveyAnswers.query, c.req.query());
    const shop = c.get('shop');
    const survey = await requireSurvey(c.get('db').kysely, shop.id, surveyId);
    return c.json(await surveyAnswersPage(c.get('db').kysely, shop.id, survey, programmeOf(shop).defaultLocale, query), 200);
  })
  .get(honoPath(routes.surveyExport.path), async (c) => {
    const { surveyId } = parseInput(routes.surveyExport.params, c.req.param());
    const query = parseInput(routes.surveyExport.query, c.req.query());
    const shop = c.get('shop');
    const survey = await requireSurvey(c.get('db').kysely, shop.id, surveyId);
    const filter = resultsFilter(query);
    const lines = surveyCsv(c.get('db'), shop.id, survey, programmeOf(shop).defaultLocale, filter);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="survey-${survey.config.id}-responses.csv"`);
    c.header('X-Content-Type-Options', 'nosniff');
    return stream(c, async (out) => {
      for await (const chunk of lines) await out.write(chunk);
    });
  });
