import type { Exchange } from '../http';
import { defineGroup, type Check, type CheckApi } from '../kit';
import { parseCsv } from '../csv';

// Merchant reports are figures over the shop's own data, which the kit does not control; these
// checks hold a server to what the contract defines for any data: the formulas, the bounds, the
// periods tiling the range, and the points ledger adding up from one period to the next.

/** One decimal, as the contract rounds rates. */
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

function expectPeriodsTile(t: CheckApi, periods: ReadonlyArray<{ label: string; start: string; end: string }>, exchange: Exchange): void {
  if (!periods.length) t.fail('a report over a range should have at least one period', exchange);
  periods.forEach((period, i) => {
    if (!(Date.parse(period.start) < Date.parse(period.end))) t.fail(`period ${period.label} does not end after it starts`, exchange);
    const next = periods[i + 1];
    if (next && Date.parse(next.start) !== Date.parse(period.end)) t.fail(`period ${next.label} does not start where ${period.label} ends`, exchange);
  });
}

function report(id: string, title: string, run: Check['run'], covers: NonNullable<Check['covers']>): Check {
  return { id, title, routes: covers, covers, needs: ['secret'], run };
}

export const reportChecks = defineGroup({
  id: 'reports',
  title: 'Reports',
  checks: [
    report(
      'retention',
      'retention: rate = (E − N) / S × 100 to one decimal, null only when S = 0, per period',
      async (t) => {
        const exchange = await t.call('retentionReport', { query: { groupBy: 'month' } });
        const body = t.expectSuccess('retentionReport', exchange, 200);
        expectPeriodsTile(t, body.periods, exchange);
        for (const period of body.periods) {
          for (const [segment, f] of [['all', period.all], ['members', period.members], ['nonMembers', period.nonMembers]] as const) {
            const where = `${period.label} ${segment}`;
            if (f.n > f.e || f.firstTime > f.n) t.fail(`${where}: N ≤ E and firstTime ≤ N must hold (E ${f.e}, N ${f.n}, firstTime ${f.firstTime})`, exchange);
            if (f.s === 0 && (f.rate !== null || f.note !== 'no_customers_at_start')) t.fail(`${where}: S = 0 needs rate null and note no_customers_at_start`, exchange);
            if (f.s > 0 && f.rate !== oneDecimal(((f.e - f.n) / f.s) * 100)) {
              t.fail(`${where}: (${f.e} − ${f.n}) / ${f.s} × 100 = ${oneDecimal(((f.e - f.n) / f.s) * 100)}, the report says ${f.rate}`, exchange);
            }
          }
        }
      },
      ['retentionReport'],
    ),
    report(
      'sales',
      'sales: repeat rate and average order follow from their counts, per period',
      async (t) => {
        const exchange = await t.call('salesReport', { query: { groupBy: 'quarter' } });
        const body = t.expectSuccess('salesReport', exchange, 200);
        expectPeriodsTile(t, body.periods, exchange);
        for (const period of body.periods) {
          for (const [segment, f] of [['all', period.all], ['members', period.members], ['nonMembers', period.nonMembers]] as const) {
            const where = `${period.label} ${segment}`;
            if (f.repeatBuyers > f.buyers) t.fail(`${where}: more repeat buyers (${f.repeatBuyers}) than buyers (${f.buyers})`, exchange);
            const repeatRate = f.buyers ? oneDecimal((f.repeatBuyers / f.buyers) * 100) : null;
            if (f.repeatRate !== repeatRate) t.fail(`${where}: repeatRate should be ${repeatRate}, got ${f.repeatRate}`, exchange);
            const average = f.orders ? Math.round(f.netRevenueMinor / f.orders) : null;
            if (f.averageOrderMinor !== average) t.fail(`${where}: averageOrderMinor should be ${average}, got ${f.averageOrderMinor}`, exchange);
          }
        }
      },
      ['salesReport'],
    ),
    report(
      'points',
      'points: from one period to the next, outstanding changes by issued − redeemed − reversed',
      async (t) => {
        const exchange = await t.call('pointsReport', { query: { groupBy: 'month' } });
        const body = t.expectSuccess('pointsReport', exchange, 200);
        expectPeriodsTile(t, body.periods, exchange);
        body.periods.forEach((period, i) => {
          const previous = body.periods[i - 1];
          if (!previous) return;
          const expected = previous.outstanding + period.issued - period.redeemed - period.reversed;
          if (period.outstanding !== expected) {
            t.fail(`${period.label}: ${previous.outstanding} + ${period.issued} − ${period.redeemed} − ${period.reversed} = ${expected}, outstanding says ${period.outstanding}`, exchange);
          }
        });
      },
      ['pointsReport'],
    ),
    report(
      'surveys',
      'survey report: NPS and CSAT per period (200 SurveyReport)',
      async (t) => {
        const exchange = await t.call('surveyReport');
        const body = t.expectSuccess('surveyReport', exchange, 200);
        for (const survey of body.surveys) {
          for (const period of survey.periods) {
            const nps = period.nps;
            if (nps && nps.promoters + nps.passives + nps.detractors !== nps.answers) t.fail(`${survey.surveyId} ${period.label}: promoters + passives + detractors ≠ answers`, exchange);
          }
        }
      },
      ['surveyReport'],
    ),
    report(
      'lapsing',
      'lapsing customers: past the threshold, highest balance first, at most limit rows of total',
      async (t) => {
        const exchange = await t.call('lapsingReport', { query: { days: '1', limit: '5' } });
        const body = t.expectSuccess('lapsingReport', exchange, 200);
        if (body.customers.length > 5 || body.customers.length > body.total) t.fail(`${body.customers.length} rows for limit 5 and total ${body.total}`, exchange);
        body.customers.forEach((customer, i) => {
          if (customer.daysSinceLastOrder < body.days) t.fail(`${customer.id} ordered ${customer.daysSinceLastOrder} days ago, within the ${body.days}-day threshold`, exchange);
          const next = body.customers[i + 1];
          if (next && next.balance > customer.balance) t.fail('customers are not sorted by balance, highest first', exchange);
        });
      },
      ['lapsingReport'],
    ),
    report(
      'lapsing-export',
      'the lapsing CSV has a header and one row per lapsing customer (total)',
      async (t) => {
        const json = t.expectSuccess('lapsingReport', await t.call('lapsingReport', { query: { days: '1', limit: '1' } }), 200);
        const exchange = await t.call('lapsingExport', { query: { days: '1' }, headers: { Accept: 'text/csv' } });
        t.expectSuccess('lapsingExport', exchange, 200);
        const rows = parseCsv(exchange.text.replace(/^\uFEFF/, '')).filter((row) => row.some((cell) => cell !== ''));
        if (rows.length !== json.total + 1) t.fail(`expected a header and ${json.total} rows, got ${rows.length} lines`, exchange);
      },
      ['lapsingReport', 'lapsingExport'],
    ),
    {
      id: 'bad-group',
      title: 'an unknown groupBy → 400 validation_failed naming it',
      routes: ['salesReport'],
      needs: ['secret'],
      async run(t) {
        const exchange = await t.call('salesReport', { query: { groupBy: 'week' } });
        const envelope = t.expectError(exchange, 400, 'validation_failed');
        if (envelope.error.fields && !envelope.error.fields.some((field) => field.path.includes('groupBy'))) t.fail('error.fields should name groupBy', exchange);
      },
    },
  ],
});
