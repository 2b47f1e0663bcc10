import { Hono } from 'hono';
import { routes } from '../../contract';
import { loadLedger, loadMembers, loadOrders } from '../domain/reports/facts';
import { lapsingCsv, lapsingCustomers, loadCustomers } from '../domain/reports/lapsing';
import { reportRange } from '../domain/reports/periods';
import { pointsByPeriod, redemptionsByReward } from '../domain/reports/points';
import { retentionByPeriod } from '../domain/reports/retention';
import { salesByPeriod } from '../domain/reports/sales';
import { surveysByPeriod } from '../domain/reports/surveys';
import { programmeOf } from '../domain/shops';
import type { AppEnv } from '../http/env';
import { parseInput } from '../http/validate';

const rangeOf = (range: ReturnType<typeof reportRange>) => ({ from: range.from, to: range.to, groupBy: range.groupBy });
/** The instant just after the range: the end of its last period. */
const endOf = (range: ReturnType<typeof reportRange>) => range.periods[range.periods.length - 1]!.end;
const startOf = (range: ReturnType<typeof reportRange>) => range.periods[0]!.start;

/** Merchant reports (secret key; see http/merchant.ts). The arithmetic lives in domain/reports. */
export const merchantReportRoutes = new Hono<AppEnv>()
  .get(routes.retentionReport.path, async (c) => {
    const query = parseInput(routes.retentionReport.query, c.req.query());
    const range = reportRange(query, c.get('now')());
    const activeDays = query.activeDays ? Number(query.activeDays) : 90;
    const { kysely } = c.get('db');
    const shopId = c.get('shop').id;
    const [orders, members] = await Promise.all([loadOrders(kysely, shopId, endOf(range)), loadMembers(kysely, shopId)]);
    return c.json({ ...rangeOf(range), activeDays, periods: retentionByPeriod(orders, members, range.periods, activeDays) }, 200);
  })
  .get(routes.salesReport.path, async (c) => {
    const range = reportRange(parseInput(routes.salesReport.query, c.req.query()), c.get('now')());
    const { kysely } = c.get('db');
    const shop = c.get('shop');
    const [orders, members] = await Promise.all([loadOrders(kysely, shop.id, endOf(range)), loadMembers(kysely, shop.id)]);
    return c.json({ ...rangeOf(range), currency: programmeOf(shop).currency, periods: salesByPeriod(orders, members, range.periods) }, 200);
  })
  .get(routes.pointsReport.path, async (c) => {
    const range = reportRange(parseInput(routes.pointsReport.query, c.req.query()), c.get('now')());
    const { kysely } = c.get('db');
    const shop = c.get('shop');
    const ledger = await loadLedger(kysely, shop.id, endOf(range));
    const byReward = await redemptionsByReward(kysely, shop.id, startOf(range), endOf(range), programmeOf(shop).defaultLocale);
    return c.json({ ...rangeOf(range), periods: pointsByPeriod(ledger, range.periods), redemptionsByReward: byReward }, 200);
  })
  .get(routes.surveyReport.path, async (c) => {
    const range = reportRange(parseInput(routes.surveyReport.query, c.req.query()), c.get('now')());
    const shop = c.get('shop');
    return c.json({ ...rangeOf(range), surveys: await surveysByPeriod(c.get('db'), shop.id, range.periods, programmeOf(shop).defaultLocale) }, 200);
  })
  .get(routes.lapsingReport.path, async (c) => {
    const query = parseInput(routes.lapsingReport.query, c.req.query());
    const days = query.days ? Number(query.days) : 90;
    const limit = query.limit ? Number(query.limit) : 100;
    const now = c.get('now')();
    const { kysely } = c.get('db');
    const shop = c.get('shop');
    const [orders, customers] = await Promise.all([loadOrders(kysely, shop.id, now.toISOString()), loadCustomers(kysely, shop.id)]);
    const lapsing = lapsingCustomers(orders, customers, days, now);
    return c.json(
      {
        days,
        total: lapsing.length,
        totalBalance: lapsing.reduce((sum, customer) => sum + customer.balance, 0),
        currency: programmeOf(shop).currency,
        customers: lapsing.slice(0, limit),
      },
      200,
    );
  })
  .get(routes.lapsingExport.path, async (c) => {
    const query = parseInput(routes.lapsingExport.query, c.req.query());
    const days = query.days ? Number(query.days) : 90;
    const now = c.get('now')();
    const { kysely } = c.get('db');
    const shop = c.get('shop');
    const [orders, customers] = await Promise.all([loadOrders(kysely, shop.id, now.toISOString()), loadCustomers(kysely, shop.id)]);
    const csv = lapsingCsv(lapsingCustomers(orders, customers, days, now), programmeOf(shop).currency);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="lapsing-customers-${days}d-${now.toISOString().slice(0, 10)}.csv"`);
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(csv, 200);
  });
