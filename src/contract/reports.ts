import { z } from 'zod/mini';
import { Currency, CustomerId, DisplayText, Points, Timestamp } from './primitives';
import { SurveyId } from './survey';

// Merchant reports (secret key). Every figure is defined in docs/dashboard.md; the short form is
// repeated on each field so the OpenAPI document carries it too.

const Day = z.iso.date();
const Count = z.int().check(z.minimum(0));
const MinorUnits = z.int();

export const ReportQuery = z.strictObject({
  /** First day of the range (UTC). @default the first day of the month eleven months before `to` */
  from: z.optional(Day),
  /** Last day of the range, included (UTC). @default today */
  to: z.optional(Day),
  /** @default 'month' */
  groupBy: z.optional(z.enum(['month', 'quarter'])),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

export const RetentionQuery = z.strictObject({
  ...ReportQuery.shape,
  /** A customer "is a customer" at an instant when they placed a counting order in the preceding this-many days. @default 90 */
  activeDays: z.optional(z.string().check(z.regex(/^([1-9]\d{0,2}|1000)$/))),
});
export type RetentionQuery = z.infer<typeof RetentionQuery>;

/** One reporting period: `[start, end)`, both UTC instants; `label` is `2026-03` or `2026-Q1`. */
export const Period = z.object({ label: z.string(), start: Timestamp, end: Timestamp });
export type Period = z.infer<typeof Period>;

const ReportRange = {
  from: Day,
  to: Day,
  groupBy: z.enum(['month', 'quarter']),
};

export const RetentionFigures = z.object({
  /** Customers at the start of the period (counting order in the `activeDays` before `start`). */
  s: Count,
  /** Customers at the end of the period (counting order in the `activeDays` before `end`). */
  e: Count,
  /** Customers gained in the period: customers at the end who were not customers at the start. */
  n: Count,
  /** Of N: first order ever in the period. The rest of N came back after lapsing. */
  firstTime: Count,
  /** (E − N) / S × 100, one decimal; `null` when S = 0 (see `note`). */
  rate: z.nullable(z.number().check(z.minimum(0), z.maximum(100))),
  /** Why `rate` is null, in English; null when it is a number. */
  note: z.nullable(z.enum(['no_customers_at_start'])),
});
export type RetentionFigures = z.infer<typeof RetentionFigures>;

export const RetentionReport = z.object({
  ...ReportRange,
  activeDays: z.int(),
  periods: z.array(
    z.object({
      ...Period.shape,
      all: RetentionFigures,
      /** Programme members: customers with a sign-up entry in the ledger before the period's end. */
      members: RetentionFigures,
      nonMembers: RetentionFigures,
    }),
  ),
});
export type RetentionReport = z.infer<typeof RetentionReport>;

export const SalesFigures = z.object({
  /** Customers with at least one counting order in the period. */
  buyers: Count,
  /** Of those, customers who also had an earlier counting order (in or before the period). */
  repeatBuyers: Count,
  /** repeatBuyers / buyers × 100, one decimal; null without buyers. */
  repeatRate: z.nullable(z.number()),
  /** Counting orders placed in the period (an order refunded in full does not count). */
  orders: Count,
  /** Σ (amount − refunded) over the period's orders, minor units. */
  netRevenueMinor: MinorUnits,
  /** netRevenueMinor / orders, rounded to a whole minor unit; null without orders. */
  averageOrderMinor: z.nullable(MinorUnits),
  /** Customers with a counting order on or before the period's end. */
  customersToDate: Count,
  /** Net revenue of every order up to the period's end / customersToDate; null without customers. */
  lifetimeValueMinor: z.nullable(MinorUnits),
});
export type SalesFigures = z.infer<typeof SalesFigures>;

export const SalesReport = z.object({
  ...ReportRange,
  currency: Currency,
  periods: z.array(z.object({ ...Period.shape, all: SalesFigures, members: SalesFigures, nonMembers: SalesFigures })),
});
export type SalesReport = z.infer<typeof SalesReport>;

export const PointsReport = z.object({
  ...ReportRange,
  periods: z.array(
    z.object({
      ...Period.shape,
      /** Points credited by earning entries (orders, sign-ups, birthdays, actions, surveys, reviews, referrals) and positive adjustments. */
      issued: Count,
      /** Points spent on rewards. */
      redeemed: Count,
      /** Points taken back by refunds and negative adjustments. */
      reversed: Count,
      /** Sum of every balance at the period's end: points the shop still owes. */
      outstanding: Points,
    }),
  ),
  /** Codes issued in the range, by reward (as named when redeemed). */
  redemptionsByReward: z.array(z.object({ rewardId: z.string(), name: DisplayText, redemptions: Count, used: Count, points: Count })),
});
export type PointsReport = z.infer<typeof PointsReport>;

const NpsFigures = z.object({
  answers: Count,
  promoters: Count,
  passives: Count,
  detractors: Count,
  score: z.nullable(z.number()),
});
const CsatFigures = z.object({ answers: Count, average: z.nullable(z.number()), satisfied: z.nullable(z.number()) });

export const SurveyReport = z.object({
  ...ReportRange,
  surveys: z.array(
    z.object({
      surveyId: SurveyId,
      title: DisplayText,
      periods: z.array(z.object({ ...Period.shape, nps: z.nullable(NpsFigures), csat: z.nullable(CsatFigures) })),
    }),
  ),
});
export type SurveyReport = z.infer<typeof SurveyReport>;

export const LapsingQuery = z.strictObject({
  /** Last counting order more than this many days ago. @default 90 */
  days: z.optional(z.string().check(z.regex(/^([1-9]\d{0,2}|1000)$/))),
  /** Rows in the JSON answer (the CSV has them all). @default 100 */
  limit: z.optional(z.string().check(z.regex(/^([1-9]\d{0,2}|1000)$/))),
});
export type LapsingQuery = z.infer<typeof LapsingQuery>;

export const LapsingCustomer = z.object({
  id: CustomerId,
  name: z.nullable(z.string()),
  email: z.nullable(z.string()),
  lastOrderAt: Timestamp,
  daysSinceLastOrder: Count,
  orders: Count,
  netSpentMinor: MinorUnits,
  balance: Points,
});
export type LapsingCustomer = z.infer<typeof LapsingCustomer>;

export const LapsingReport = z.object({
  days: z.int(),
  /** Every lapsing customer, also those past `limit`. */
  total: Count,
  /** Points held by all of them. */
  totalBalance: Points,
  currency: Currency,
  customers: z.array(LapsingCustomer),
});
export type LapsingReport = z.infer<typeof LapsingReport>;
