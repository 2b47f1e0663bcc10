import { Hono, type Context } from 'hono';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Database } from './db/database';
import type { AppEnv } from './http/env';
import { createGuestBootCache } from './domain/guestBootCache';
import { errorResponse, handleError } from './http/errors';
import { adminRoutes } from './http/admin';
import { requireMerchant } from './http/merchant';
import { createRateLimiter, DEFAULT_RATE_LIMITS, rateLimit, socketAddress, STOREFRONT_ROUTE_CLASSES, type RateLimits } from './http/rateLimit';
import { limitBody, resolveShop, storefrontCors } from './http/storefront';
import { activityRoutes } from './routes/activity';
import { bootRoutes } from './routes/boot';
import { claimRoutes } from './routes/claims';
import { merchantAuditRoutes } from './routes/merchantAudit';
import { merchantCouponRoutes } from './routes/merchantCoupons';
import { merchantCustomerRoutes } from './routes/merchantCustomers';
import { merchantOrderRoutes } from './routes/merchantOrders';
import { merchantProgrammeRoutes } from './routes/merchantProgramme';
import { merchantReportRoutes } from './routes/merchantReports';
import { openApiRoutes } from './routes/openapi';
import { merchantSurveyRoutes } from './routes/merchantSurveys';
import { redemptionRoutes } from './routes/redemptions';
import { referralMerchantRoutes, referralStorefrontRoutes } from './routes/referrals';
import { surveyRoutes } from './routes/surveys';

export interface AppOptions {
  db: Database;
  /** The clock; tests pass a fixed one. @default () => new Date() */
  now?: () => Date;
  /** Where unexpected errors are logged (with the request id). @default console.error */
  log?: (line: string) => void;
  /** The built merchant dashboard (`dist/admin`); when set it is served at `/admin/`. */
  adminDir?: string;
  /**
   * Milliseconds a guest boot payload is kept in memory (see domain/guestBootCache.ts); 0 turns it
   * off. @default 0 (the CLI's `serve` uses 1000)
   */
  guestBootCacheMs?: number;
  /** Storefront rate limits (see http/rateLimit.ts); `false` turns them off. @default DEFAULT_RATE_LIMITS */
  rateLimits?: RateLimits | false;
  /** The client's IP for rate limits. @default the socket's peer address (headers are not trusted) */
  clientIp?: (c: Context<AppEnv>) => string;
}

const STOREFRONT_BODY_LIMIT = 16 * 1024;
/** A full survey response: up to 20 answers, free texts of up to 2,000 characters among them. */
const SURVEY_RESPONSE_BODY_LIMIT = 32 * 1024;
const MERCHANT_BODY_LIMIT = 64 * 1024;

/**
 * The reference backend as a Hono app: mount it, serve it with `@hono/node-server`, or call
 * `app.request()` in tests. Stateless: everything shared lives in the database.
 */
export function createApp(options: AppOptions) {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.error(line));
  const app = new Hono<AppEnv>();
  const guestBoots = options.guestBootCacheMs ? createGuestBootCache(options.db, options.guestBootCacheMs) : null;

  app.use(
    '*',
    requestId({ headerName: 'X-Request-Id', generator: () => crypto.randomUUID() }),
    secureHeaders({ crossOriginResourcePolicy: 'cross-origin', crossOriginOpenerPolicy: false }),
    async (c, next) => {
      c.set('db', options.db);
      c.set('now', now);
      c.set('guestBoots', guestBoots);
      await next();
    },
  );

  // Storefront routes: called by browsers on the shop's pages.
  for (const path of ['/v1/boot', '/v1/redemptions', '/v1/claims', '/v1/activity', '/v1/survey-impressions', '/v1/survey-dismissals']) {
    app.use(path, resolveShop, storefrontCors, limitBody(STOREFRONT_BODY_LIMIT));
  }
  app.use('/v1/survey-responses', resolveShop, storefrontCors, limitBody(SURVEY_RESPONSE_BODY_LIMIT));
  for (const path of ['/v1/referral', '/v1/referral-codes/*', '/v1/referral-visits', '/v1/referral-claims']) {
    app.use(path, resolveShop, storefrontCors, limitBody(STOREFRONT_BODY_LIMIT));
  }
  if (options.rateLimits !== false) {
    const limiter = createRateLimiter(options.rateLimits ?? DEFAULT_RATE_LIMITS);
    for (const [path, routeClass] of STOREFRONT_ROUTE_CLASSES) app.use(path, rateLimit(limiter, routeClass, options.clientIp ?? socketAddress));
  }
  // Server-to-server routes: secret key, no CORS.
  app.use('/v1/merchant/*', requireMerchant, limitBody(MERCHANT_BODY_LIMIT));
  app.route('/', bootRoutes);
  app.route('/', redemptionRoutes);
  app.route('/', surveyRoutes);
  app.route('/', merchantSurveyRoutes);
  app.route('/', claimRoutes);
  app.route('/', activityRoutes);
  app.route('/', merchantOrderRoutes);
  app.route('/', merchantCustomerRoutes);
  app.route('/', merchantCouponRoutes);
  app.route('/', merchantProgrammeRoutes);
  app.route('/', merchantReportRoutes);
  app.route('/', merchantAuditRoutes);
  app.route('/', referralStorefrontRoutes);
  app.route('/', referralMerchantRoutes);
  app.route('/', openApiRoutes);
  if (options.adminDir) app.route('/', adminRoutes(options.adminDir));

  app.notFound((c) => errorResponse(c, 'not_found', 'No such route.'));
  app.onError((error, c) => handleError(error, c, log));
  return app;
}

export type App = ReturnType<typeof createApp>;
