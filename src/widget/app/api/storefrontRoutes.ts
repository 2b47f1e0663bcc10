import type { Routes } from '../../../contract/routes';

/**
 * The storefront routes the panel calls. Importing `routes` would bring every schema of the route
 * table into the panel chunk (merchant, reports, audit, survey configuration: several KB brotli), so
 * the paths are repeated here and tied to the contract at compile time, like `core/endpoints.ts`.
 */
export const storefrontRoutes = {
  activity: { method: 'GET', path: '/v1/activity' } as const satisfies Pick<Routes['activity'], 'method' | 'path'>,
  claim: { method: 'POST', path: '/v1/claims' } as const satisfies Pick<Routes['claim'], 'method' | 'path'>,
  redeem: { method: 'POST', path: '/v1/redemptions' } as const satisfies Pick<Routes['redeem'], 'method' | 'path'>,
};
