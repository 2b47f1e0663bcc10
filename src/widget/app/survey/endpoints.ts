import type { Routes } from '../../../contract/routes';
import type { OutboxKind } from './outbox';

/**
 * Where the widget posts each kind of outbox item (always a POST: survey/transport.ts). Importing
 * `routes` would bring every schema of the route table into the survey chunk (merchant results
 * and configuration included), so the paths are repeated here and tied to the contract at compile
 * time, like `core/endpoints.ts`.
 */
export const surveyPaths = {
  response: '/v1/survey-responses' as const satisfies Routes['surveyResponse']['path'],
  impression: '/v1/survey-impressions' as const satisfies Routes['surveyImpression']['path'],
  dismissal: '/v1/survey-dismissals' as const satisfies Routes['surveyDismissal']['path'],
} satisfies Record<OutboxKind, string>;
