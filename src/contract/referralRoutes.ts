import { z } from 'zod/mini';
import { BootQuery } from './boot';
import {
  MerchantReferral,
  MyReferral,
  MyReferralQueryFields,
  ReferralClaimRequest,
  ReferralClaimResponse,
  ReferralCodeParams,
  ReferralFunnel,
  ReferralFunnelQuery,
  ReferralList,
  ReferralListQuery,
  ReferralLookup,
  ReferralParams,
  ReferralVisitAck,
  ReferralVisitRequest,
} from './referrals';
import type { RouteDefinition } from './routes';

/** `GET /v1/referral`'s query: the boot query plus where the link is shared from (see `MyReferralQueryFields`). */
export const MyReferralQuery = z.extend(BootQuery, MyReferralQueryFields);
export type MyReferralQuery = z.infer<typeof MyReferralQuery>;

// Kept apart from routes.ts so the referral programme's routes read as one block; spread into
// `routes` there (same table, same OpenAPI document).
export const referralRoutes = {
  myReferral: {
    method: 'GET',
    path: '/v1/referral',
    auth: 'customer',
    summary:
      "The shopper's referral code (created on first call, random), what they and a friend get, their referral stats, and the referral link (landing page or `origin`, with `param`) as a QR code.",
    query: MyReferralQuery,
    responses: { 200: MyReferral },
  },
  referralLookup: {
    method: 'GET',
    path: '/v1/referral-codes/{code}',
    auth: 'storefront',
    summary: "A referral code's advocate (first name only) and the friend's offer; 404 for an unknown code.",
    params: ReferralCodeParams,
    query: BootQuery,
    responses: { 200: ReferralLookup },
  },
  referralVisit: {
    method: 'POST',
    path: '/v1/referral-visits',
    auth: 'storefront',
    summary: 'Record that a visitor landed with a referral code, once per visitor and code; 404 for an unknown code.',
    query: BootQuery,
    body: ReferralVisitRequest,
    responses: { 200: ReferralVisitAck },
  },
  referralClaim: {
    method: 'POST',
    path: '/v1/referral-claims',
    auth: 'storefront',
    summary:
      "Claim the friend's discount code: one per normalised e-mail (case, and dots and +tags at Gmail-like providers, ignored); a repeat returns the same code (200). The advocate cannot claim their own offer (409).",
    query: BootQuery,
    body: ReferralClaimRequest,
    responses: { 201: ReferralClaimResponse, 200: ReferralClaimResponse },
  },
  merchantReferrals: {
    method: 'GET',
    path: '/v1/merchant/referrals',
    auth: 'merchant',
    summary: 'Referrals, newest first, optionally in one state (pending, approved, flagged, voided).',
    query: ReferralListQuery,
    responses: { 200: ReferralList },
  },
  approveReferral: {
    method: 'POST',
    path: '/v1/merchant/referrals/{referralId}/approve',
    auth: 'merchant',
    summary: 'Approve a flagged (or pending) referral: the advocate is paid now. Another shop’s referral is 404; a decided one 409.',
    params: ReferralParams,
    responses: { 200: MerchantReferral },
  },
  voidReferral: {
    method: 'POST',
    path: '/v1/merchant/referrals/{referralId}/void',
    auth: 'merchant',
    summary: 'Void a flagged (or pending) referral: nobody is paid. Another shop’s referral is 404; a decided one 409.',
    params: ReferralParams,
    responses: { 200: MerchantReferral },
  },
  referralFunnel: {
    method: 'GET',
    path: '/v1/merchant/referrals/funnel',
    auth: 'merchant',
    summary: 'Referral funnel: visits, claims, first orders, and referrals by state, with points paid.',
    query: ReferralFunnelQuery,
    responses: { 200: ReferralFunnel },
  },
} as const satisfies Record<string, RouteDefinition>;
