import type { Period } from '../../../contract';
import { ApiError } from '../../http/errors';

/** Longest range a report covers: five years of months. */
export const MAX_PERIODS = 60;

export type GroupBy = 'month' | 'quarter';

export interface ReportRange {
  from: string;
  to: string;
  groupBy: GroupBy;
  periods: Period[];
}

const DAY = 24 * 60 * 60 * 1000;

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * `from`/`to` (whole UTC days, `to` included) → the calendar months or quarters that touch the
 * range, each clipped to it, as half-open `[start, end)` instants. Defaults: the last twelve
 * calendar months up to today. A range past today still answers (its periods are simply empty).
 */
export function reportRange(query: { from?: string | undefined; to?: string | undefined; groupBy?: GroupBy | undefined }, now: Date): ReportRange {
  const groupBy = query.groupBy ?? 'month';
  const to = query.to ?? utcDay(now);
  const toDate = new Date(`${to}T00:00:00Z`);
  const from = query.from ?? utcDay(new Date(Date.UTC(toDate.getUTCFullYear(), toDate.getUTCMonth() - 11, 1)));
  if (from > to) throw new ApiError('validation_failed', 'Invalid request: check to.', [{ path: 'to', message: 'must not be before from' }]);
  const rangeStart = Date.parse(`${from}T00:00:00Z`);
  const rangeEnd = toDate.getTime() + DAY;
  const months = groupBy === 'month' ? 1 : 3;
  const first = new Date(rangeStart);
  let cursor = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() - (first.getUTCMonth() % months), 1);
  const periods: Period[] = [];
  while (cursor < rangeEnd) {
    const start = new Date(cursor);
    const next = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1);
    const label =
      groupBy === 'month'
        ? `${start.getUTCFullYear()}-${String(start.getUTCMonth() + 1).padStart(2, '0')}`
        : `${start.getUTCFullYear()}-Q${Math.floor(start.getUTCMonth() / 3) + 1}`;
    periods.push({ label, start: new Date(Math.max(cursor, rangeStart)).toISOString(), end: new Date(Math.min(next, rangeEnd)).toISOString() });
    if (periods.length > MAX_PERIODS) {
      throw new ApiError('validation_failed', 'Invalid request: check from.', [{ path: 'from', message: `the range may span at most ${MAX_PERIODS} periods` }]);
    }
    cursor = next;
  }
  return { from, to, groupBy, periods };
}

/** A percentage with one decimal, or null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}
