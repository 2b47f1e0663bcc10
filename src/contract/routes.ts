import { z } from 'zod/mini';
import { ActivityPage, ActivityQuery } from './activity';
import { AllowedOrigins, AuditLogPage, AuditLogQuery } from './audit';
import { BootQuery, BootResponse } from './boot';
import { ClaimRequest, ClaimResponse } from './claims';
import { ConsumeCouponRequest, ConsumeCouponResponse, CouponParams, ValidateCouponRequest, ValidateCouponResponse } from './coupons';
import { ErrorEnvelope } from './errors';
import { AdjustmentRequest, AwardResponse, CustomerParams, MerchantCustomer, ReviewRequest, SignupRequest } from './merchant';
import { OrderParams, OrderView, RefundRequest, RefundResponse, ReportOrderRequest, ReportOrderResponse } from './orders';
import { ProgrammeConfig } from './programme';
import { RedeemRequest, RedeemResponse } from './redemption';
import { referralRoutes } from './referralRoutes';
import { LapsingQuery, LapsingReport, PointsReport, ReportQuery, RetentionQuery, RetentionReport, SalesReport, SurveyReport } from './reports';
import { SurveyEventAck, SurveyEventRequest, SurveyResponseAck, SurveyResponseRequest } from './survey';
import { MerchantSurvey, MerchantSurveyList, SurveyConfig, SurveyIdParams } from './surveyConfig';
import { SurveyAnswersPage, SurveyAnswersQuery } from './surveyAnswers';
import { SurveyExportQuery, SurveyResults, SurveyResultsQuery } from './surveyResults';

/**
 * Who may call a route:
 * - `public`: anyone (documentation);
 * - `storefront`: the browser, with the shop's publishable key and optionally
 *   `Authorization: Bearer <customer token>`;
 * - `customer`: the browser with a valid customer token (401 without one);
 * - `merchant`: the shop's server, with `Authorization: Bearer <secret key>`.
 */
export type RouteAuth = 'public' | 'storefront' | 'customer' | 'merchant';

export interface RouteDefinition {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** OpenAPI style: path parameters in braces, `/v1/merchant/surveys/{surveyId}/results`. */
  path: string;
  auth: RouteAuth;
  summary: string;
  /** Path parameters, named as in `path`. */
  params?: z.ZodMiniType;
  query?: z.ZodMiniType;
  body?: z.ZodMiniType;
  /** Media types the body may be sent as. @default ['application/json'] */
  bodyTypes?: readonly string[];
  /** Media type of the success responses. @default 'application/json' */
  responseType?: string;
  /** Response schema per status code; every route may also answer with the error envelope. */
  responses: Record<number, z.ZodMiniType>;
}

function route<const R extends RouteDefinition>(definition: R): R {
  return definition;
}

/** The HTTP contract, v1. The server validates requests with it; the widget validates responses with it. */
export const routes = {
  boot: route({
    method: 'GET',
    path: '/v1/boot',
    auth: 'storefront',
    summary: 'Programme and, for a signed-in shopper, their snapshot (balance, tier, recent activity).',
    query: BootQuery,
    responses: { 200: BootResponse },
  }),
  redeem: route({
    method: 'POST',
    path: '/v1/redemptions',
    auth: 'customer',
    summary:
      'Spend points on a reward and receive a single-use coupon code. Requires an Idempotency-Key header: a retry with the same key returns the same coupon and debits once. Send the cost the shopper was shown as expectedCost: if the reward now costs something else the answer is 409 price_changed, nothing is debited and the key is not used up.',
    query: BootQuery,
    body: RedeemRequest,
    responses: { 201: RedeemResponse },
  }),
  surveyResponse: route({
    method: 'POST',
    path: '/v1/survey-responses',
    auth: 'storefront',
    summary:
      'Save a survey response, step by step: every delivery of the same client-generated responseId updates one stored response, exactly once however often it arrives; a completed response never changes again. Accepts text/plain JSON (navigator.sendBeacon) with the customer token in the body.',
    query: BootQuery,
    body: SurveyResponseRequest,
    bodyTypes: ['application/json', 'text/plain'],
    responses: { 200: SurveyResponseAck },
  }),
  surveyImpression: route({
    method: 'POST',
    path: '/v1/survey-impressions',
    auth: 'storefront',
    summary: 'Record that a survey was shown (counts once per eventId); it starts the recontact period and spends the interruption budget.',
    query: BootQuery,
    body: SurveyEventRequest,
    bodyTypes: ['application/json', 'text/plain'],
    responses: { 200: SurveyEventAck },
  }),
  surveyDismissal: route({
    method: 'POST',
    path: '/v1/survey-dismissals',
    auth: 'storefront',
    summary: 'Record that the shopper dismissed a survey (counts once per eventId); it counts against the frequency rules like an answer.',
    query: BootQuery,
    body: SurveyEventRequest,
    bodyTypes: ['application/json', 'text/plain'],
    responses: { 200: SurveyEventAck },
  }),
  merchantSurveys: route({
    method: 'GET',
    path: '/v1/merchant/surveys',
    auth: 'merchant',
    summary: "The shop's surveys as configured.",
    responses: { 200: MerchantSurveyList },
  }),
  merchantSaveSurvey: route({
    method: 'PUT',
    path: '/v1/merchant/surveys/{surveyId}',
    auth: 'merchant',
    summary: 'Create or replace a survey. Validated strictly; every problem is reported with its field path. Each save bumps the version.',
    params: SurveyIdParams,
    body: SurveyConfig,
    responses: { 200: MerchantSurvey },
  }),
  surveyResults: route({
    method: 'GET',
    path: '/v1/merchant/surveys/{surveyId}/results',
    auth: 'merchant',
    summary: 'NPS, CSAT, choice distributions, response rate and free-text answers (paged) for one survey over a period.',
    params: SurveyIdParams,
    query: SurveyResultsQuery,
    responses: { 200: SurveyResults },
  }),
  surveyExport: route({
    method: 'GET',
    path: '/v1/merchant/surveys/{surveyId}/responses.csv',
    auth: 'merchant',
    summary: 'Every response as CSV (UTF-8 with BOM, one column per question), with cells neutralised against spreadsheet formula injection.',
    params: SurveyIdParams,
    query: SurveyExportQuery,
    responseType: 'text/csv',
    responses: { 200: z.string() },
  }),
  activity: route({
    method: 'GET',
    path: '/v1/activity',
    auth: 'customer',
    summary: "The shopper's points history, newest first, a page at a time (keyset cursor).",
    query: ActivityQuery,
    responses: { 200: ActivityPage },
  }),
  claim: route({
    method: 'POST',
    path: '/v1/claims',
    auth: 'customer',
    summary: 'Enter a birthday or claim an action (follow, subscribe…) for points, once each.',
    query: BootQuery,
    body: ClaimRequest,
    responses: { 201: ClaimResponse },
  }),

  // Server to server: the shop's secret key, never from a browser.
  reportOrder: route({
    method: 'POST',
    path: '/v1/merchant/orders',
    auth: 'merchant',
    summary: 'Report an order; it earns points once however often it is reported (201 first time, 200 after).',
    body: ReportOrderRequest,
    responses: { 201: ReportOrderResponse, 200: ReportOrderResponse },
  }),
  getOrder: route({
    method: 'GET',
    path: '/v1/merchant/orders/{orderId}',
    auth: 'merchant',
    summary: 'An order as recorded, with its refunds so far.',
    params: OrderParams,
    responses: { 200: OrderView },
  }),
  refundOrder: route({
    method: 'POST',
    path: '/v1/merchant/orders/{orderId}/refunds',
    auth: 'merchant',
    summary: 'Report a full or partial refund; reverses the points proportionally, once per refundId.',
    params: OrderParams,
    body: RefundRequest,
    responses: { 201: RefundResponse, 200: RefundResponse },
  }),
  getCustomer: route({
    method: 'GET',
    path: '/v1/merchant/customers/{customerId}',
    auth: 'merchant',
    summary: "A customer's balance, tier and birthday.",
    params: CustomerParams,
    responses: { 200: MerchantCustomer },
  }),
  adjustPoints: route({
    method: 'POST',
    path: '/v1/merchant/customers/{customerId}/adjustments',
    auth: 'merchant',
    summary: 'Add or take away points with a reason (an idempotency key in the body or the Idempotency-Key header).',
    params: CustomerParams,
    body: AdjustmentRequest,
    responses: { 201: AwardResponse },
  }),
  reportSignup: route({
    method: 'POST',
    path: '/v1/merchant/signups',
    auth: 'merchant',
    summary: 'Report that a customer created an account: the sign-up bonus, once per customer.',
    body: SignupRequest,
    responses: { 201: AwardResponse, 200: AwardResponse },
  }),
  reportReview: route({
    method: 'POST',
    path: '/v1/merchant/reviews',
    auth: 'merchant',
    summary: 'Report a product review: the review bonus, once per reviewId.',
    body: ReviewRequest,
    responses: { 201: AwardResponse, 200: AwardResponse },
  }),
  validateCoupon: route({
    method: 'POST',
    path: '/v1/merchant/coupons/{code}/validate',
    auth: 'merchant',
    summary: 'Check a code at checkout and get the discount it grants; changes nothing.',
    params: CouponParams,
    body: ValidateCouponRequest,
    responses: { 200: ValidateCouponResponse },
  }),
  consumeCoupon: route({
    method: 'POST',
    path: '/v1/merchant/coupons/{code}/consume',
    auth: 'merchant',
    summary: 'Mark a code used on an order, exactly once (the same orderId again is a success).',
    params: CouponParams,
    body: ConsumeCouponRequest,
    responses: { 200: ConsumeCouponResponse },
  }),
  getProgramme: route({
    method: 'GET',
    path: '/v1/merchant/programme',
    auth: 'merchant',
    summary: 'The programme configuration as stored.',
    responses: { 200: ProgrammeConfig },
  }),
  putProgramme: route({
    method: 'PUT',
    path: '/v1/merchant/programme',
    auth: 'merchant',
    summary: 'Replace the programme configuration; errors name each offending field.',
    body: ProgrammeConfig,
    responses: { 200: ProgrammeConfig },
  }),

  // Reports (docs/dashboard.md defines every figure).
  retentionReport: route({
    method: 'GET',
    path: '/v1/merchant/reports/retention',
    auth: 'merchant',
    summary: 'Retention rate (E − N) / S × 100 per month or quarter, with S, E and N, for all customers, programme members and non-members.',
    query: RetentionQuery,
    responses: { 200: RetentionReport },
  }),
  salesReport: route({
    method: 'GET',
    path: '/v1/merchant/reports/sales',
    auth: 'merchant',
    summary: 'Repeat purchase rate, average order value and customer lifetime value per period, net of refunds, for members and non-members.',
    query: ReportQuery,
    responses: { 200: SalesReport },
  }),
  pointsReport: route({
    method: 'GET',
    path: '/v1/merchant/reports/points',
    auth: 'merchant',
    summary: 'Points issued, redeemed and reversed per period, the outstanding liability at each period end, and redemptions by reward.',
    query: ReportQuery,
    responses: { 200: PointsReport },
  }),
  surveyReport: route({
    method: 'GET',
    path: '/v1/merchant/reports/surveys',
    auth: 'merchant',
    summary: 'NPS (promoters, passives, detractors) and CSAT per period for every survey that asks them.',
    query: ReportQuery,
    responses: { 200: SurveyReport },
  }),
  lapsingReport: route({
    method: 'GET',
    path: '/v1/merchant/reports/lapsing',
    auth: 'merchant',
    summary: 'Customers whose last order is older than N days, with their points balance, highest balance first.',
    query: LapsingQuery,
    responses: { 200: LapsingReport },
  }),
  lapsingExport: route({
    method: 'GET',
    path: '/v1/merchant/reports/lapsing.csv',
    auth: 'merchant',
    summary: 'The lapsing customers as CSV (UTF-8 with BOM), cells neutralised against spreadsheet formula injection.',
    query: LapsingQuery,
    responseType: 'text/csv',
    responses: { 200: z.string() },
  }),

  surveyAnswers: route({
    method: 'GET',
    path: '/v1/merchant/surveys/{surveyId}/answers',
    auth: 'merchant',
    summary:
      "One survey's answers, one row per answered question, newest response first, filtered by question, days and score (keyset cursor).",
    params: SurveyIdParams,
    query: SurveyAnswersQuery,
    responses: { 200: SurveyAnswersPage },
  }),
  // Configuration history and the storefront's origins (docs/dashboard.md, "Audit log").
  auditLog: route({
    method: 'GET',
    path: '/v1/merchant/audit-log',
    auth: 'merchant',
    summary:
      'The append-only audit log, newest first, a page at a time: every configuration change (who, what, before, after) and every ledger entry.',
    query: AuditLogQuery,
    responses: { 200: AuditLogPage },
  }),
  getAllowedOrigins: route({
    method: 'GET',
    path: '/v1/merchant/allowed-origins',
    auth: 'merchant',
    summary: 'The exact origins whose pages may call the storefront API.',
    responses: { 200: AllowedOrigins },
  }),
  putAllowedOrigins: route({
    method: 'PUT',
    path: '/v1/merchant/allowed-origins',
    auth: 'merchant',
    summary: 'Replace the allowed origins; CORS follows the stored list exactly from the next request on. Audited.',
    body: AllowedOrigins,
    responses: { 200: AllowedOrigins },
  }),
  // The referral programme (referralRoutes.ts).
  ...referralRoutes,

  openapi: route({
    method: 'GET',
    path: '/v1/openapi.json',
    auth: 'public',
    summary: 'This contract as an OpenAPI 3.1 document.',
    responses: { 200: z.record(z.string(), z.unknown()) },
  }),
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;

/** The error envelope is part of every route's contract. */
export const ErrorResponse = ErrorEnvelope;
