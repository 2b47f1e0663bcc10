import { z } from 'zod/mini';
import { BootQuery, BootResponse } from './boot';
import { ErrorEnvelope } from './errors';
import { RedeemRequest, RedeemResponse } from './redemption';
import { SurveyEventAck, SurveyEventRequest, SurveyResponseAck, SurveyResponseRequest } from './survey';
import { MerchantSurvey, MerchantSurveyList, SurveyConfig, SurveyIdParams } from './surveyConfig';
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
      'Spend points on a reward and receive a single-use coupon code. Requires an Idempotency-Key header: a retry with the same key returns the same coupon and debits once.',
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
