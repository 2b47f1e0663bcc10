import type { CheckGroup } from '../kit';
import { auditChecks } from './audit';
import { bootChecks } from './boot';
import { corsChecks } from './cors';
import { errorChecks } from './errors';
import { hygieneChecks } from './hygiene';
import { identityChecks } from './identity';
import { loyaltyChecks } from './loyalty';
import { openapiChecks } from './openapi';
import { redemptionChecks } from './redemptions';
import { referralChecks } from './referrals';
import { reportChecks } from './reports';
import { surveyChecks } from './surveys';

/**
 * Every check group, in the order they run. Add a group for a new area here (see
 * docs/conformance.md). `hygiene` stays last: it inspects every exchange the others made.
 */
export const checkGroups: readonly CheckGroup[] = [
  openapiChecks,
  bootChecks,
  identityChecks,
  redemptionChecks,
  loyaltyChecks,
  surveyChecks,
  reportChecks,
  auditChecks,
  referralChecks,
  corsChecks,
  errorChecks,
  hygieneChecks,
];
