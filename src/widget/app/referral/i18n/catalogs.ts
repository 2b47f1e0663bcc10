import { lazyCatalogs } from '../../../i18n/lazyCatalogs';
import type { ReferralMessages } from './tr';

/**
 * The referral strings, one chunk per language (`chunks/catalog-<lang>-referral-….mjs`, see
 * vite.config.ts) like the panel's: the panel loads the shown language's together with the
 * referral chunk, and a failure of either is the referral chunk's load failure (mountApp.tsx).
 * A missing language here is a type error.
 */
export const referralCatalogs = lazyCatalogs<ReferralMessages>({
  tr: () => import('./tr').then((module) => module.tr),
  en: () => import('./en').then((module) => module.en),
  ar: () => import('./ar').then((module) => module.ar),
});
