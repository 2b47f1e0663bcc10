import type { Routes } from '../../../contract/routes';

/**
 * The referral routes the widget calls. Importing `routes` would bring every schema of the route
 * table into the referral chunk (merchant, reports, audit…), so the paths are repeated here and
 * tied to the contract at compile time, like `core/endpoints.ts`.
 */
export const referralEndpoints = {
  myReferral: { method: 'GET', path: '/v1/referral' } as const satisfies Pick<Routes['myReferral'], 'method' | 'path'>,
  referralLookup: { method: 'GET', path: '/v1/referral-codes/{code}' } as const satisfies Pick<Routes['referralLookup'], 'method' | 'path'>,
  referralVisit: { method: 'POST', path: '/v1/referral-visits' } as const satisfies Pick<Routes['referralVisit'], 'method' | 'path'>,
  referralClaim: { method: 'POST', path: '/v1/referral-claims' } as const satisfies Pick<Routes['referralClaim'], 'method' | 'path'>,
};
