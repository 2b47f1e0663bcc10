import type { Routes } from '../../../contract/routes';

/**
 * The survey routes the widget posts to. Importing `routes` would bring every schema of the route
 * table into the survey chunk (merchant results and configuration included), so the paths are
 * repeated here and tied to the contract at compile time, like `core/endpoints.ts`.
 */
export const surveyRoutes = {
  response: { method: 'POST', path: '/v1/survey-responses' } as const satisfies Pick<Routes['surveyResponse'], 'method' | 'path'>,
  impression: { method: 'POST', path: '/v1/survey-impressions' } as const satisfies Pick<Routes['surveyImpression'], 'method' | 'path'>,
  dismissal: { method: 'POST', path: '/v1/survey-dismissals' } as const satisfies Pick<Routes['surveyDismissal'], 'method' | 'path'>,
};
