import { z } from 'zod/mini';
import { BootQuery, BootResponse } from './boot';
import { ErrorEnvelope } from './errors';
import { RedeemRequest, RedeemResponse } from './redemption';

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
  path: string;
  auth: RouteAuth;
  summary: string;
  query?: z.ZodMiniType;
  body?: z.ZodMiniType;
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
