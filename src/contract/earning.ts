// The earning arithmetic, written once: the server awards with it and the widget shows "earn N
// points" with it, so the two can never disagree. Pure functions over contract data, no imports.

/** Tolerance for binary floating point: 129.9 × 1.5 is 194.85000000000002, 0.29 × 100 is 28.999999999999996. */
const EPSILON = 1e-9;

export interface OrderPointsInput {
  /** The order amount in major units (what the shop reports as `amount`). */
  amount: number;
  /** From the programme's `order` earn rule. */
  pointsPerUnit: number;
  /** The shopper's tier multiplier (1 without a tier). @default 1 */
  tierMultiplier?: number;
  /** The live campaign multiplier, see `campaignMultiplier()`. @default 1 */
  campaignMultiplier?: number;
}

/**
 * Points an order earns: `floor(amount × pointsPerUnit × tierMultiplier × campaignMultiplier)`,
 * rounded down once after every multiplier. A product that lands a hair below a whole number
 * because of binary floating point (e.g. 28.999999999999996) counts as that whole number.
 */
export function orderPoints(input: OrderPointsInput): number {
  const raw = input.amount * input.pointsPerUnit * (input.tierMultiplier ?? 1) * (input.campaignMultiplier ?? 1);
  if (!Number.isFinite(raw) || raw <= 0) return 0;
  return Math.floor(raw + EPSILON * Math.max(1, raw));
}

/** The multiplier of the campaigns running at `at` (`startsAt` ≤ at < `endsAt`): the highest one, never a product; 1 when none runs. */
export function campaignMultiplier(campaigns: ReadonlyArray<{ startsAt: string; endsAt: string; multiplier: number }>, at: Date): number {
  const t = at.getTime();
  return campaigns.reduce((best, c) => (Date.parse(c.startsAt) <= t && t < Date.parse(c.endsAt) ? Math.max(best, c.multiplier) : best), 1);
}
