import { batch, computed, signal } from '@preact/signals';
import { z } from 'zod/mini';
import {
  LapsingReport,
  MerchantReferral,
  PointsReport,
  ReferralFunnel,
  ReferralList,
  ProgrammeConfig,
  RetentionReport,
  SalesReport,
  SurveyReport,
} from '../../src/contract';
import { createAdminApi, type AdminApi, type AdminError } from './api';
import { createConfigModel } from './configModel';
import { catalogs, format, type Locale, type MessageKey } from './i18n';

export type Loadable<T> = { state: 'idle' } | { state: 'loading' } | { state: 'ready'; data: T } | { state: 'error'; error: AdminError };

const OpenApiPaths = z.object({ paths: z.record(z.string(), z.unknown()) });
/** The referral programme's merchant route, once the server has it. */
export const FLAGGED_REFERRALS_PATH = '/v1/merchant/referrals';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}
function monthsBefore(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1)).toISOString().slice(0, 10);
}

/**
 * Everything the dashboard knows, as signals, and everything it does, as actions. The secret key
 * lives only inside `api` (a closure), never in a signal, storage, the URL or the DOM.
 */
export function createDashboardModel(options: { fetch?: typeof fetch; locale?: Locale } = {}) {
  const locale = signal<Locale>(options.locale ?? 'tr');
  const t = (key: MessageKey, values?: Record<string, string | number>) => format(catalogs[locale.value][key], values);
  let api: AdminApi | null = null;
  const signedIn = signal(false);
  const signInError = signal<'wrongKey' | 'keyFormat' | 'networkError' | null>(null);
  const signingIn = signal(false);

  const to = signal(today());
  const from = signal(monthsBefore(today(), 11));
  const groupBy = signal<'month' | 'quarter'>('month');
  const lapsingDays = signal(90);

  const retention = signal<Loadable<RetentionReport>>({ state: 'idle' });
  const sales = signal<Loadable<SalesReport>>({ state: 'idle' });
  const points = signal<Loadable<PointsReport>>({ state: 'idle' });
  const surveys = signal<Loadable<SurveyReport>>({ state: 'idle' });
  const lapsing = signal<Loadable<LapsingReport>>({ state: 'idle' });
  const programme = signal<Loadable<ProgrammeConfig>>({ state: 'idle' });
  const referralsAvailable = signal<boolean | null>(null);
  const referralFunnel = signal<Loadable<ReferralFunnel>>({ state: 'idle' });
  const flaggedReferrals = signal<Loadable<ReferralList>>({ state: 'idle' });
  /** The flagged referral being approved or voided, and how it went. */
  const referralDecision = signal<{ id: string; action: 'approve' | 'void'; state: 'busy' | 'done' | 'failed' } | null>(null);


  const query = computed(() => `from=${from.value}&to=${to.value}&groupBy=${groupBy.value}`);

  async function load<T>(target: { value: Loadable<T> }, request: () => Promise<{ ok: true; data: T } | { ok: false; error: AdminError }>) {
    target.value = { state: 'loading' };
    const result = await request();
    if (!result.ok && result.error.code === 'unauthorized') return signOut();
    target.value = result.ok ? { state: 'ready', data: result.data } : { state: 'error', error: result.error };
  }

  async function loadReports() {
    const a = api;
    if (!a) return;
    const q = query.value;
    await Promise.all([
      load(retention, () => a.get(`/v1/merchant/reports/retention?${q}`, RetentionReport)),
      load(sales, () => a.get(`/v1/merchant/reports/sales?${q}`, SalesReport)),
      load(points, () => a.get(`/v1/merchant/reports/points?${q}`, PointsReport)),
      load(surveys, () => a.get(`/v1/merchant/reports/surveys?${q}`, SurveyReport)),
      loadReferrals(),
    ]);
  }

  /** The referral funnel over the chosen range and the flagged referrals waiting for a decision. */
  async function loadReferrals() {
    const a = api;
    if (!a || !referralsAvailable.value) return;
    await Promise.all([
      load(referralFunnel, () => a.get(`/v1/merchant/referrals/funnel?from=${from.value}&to=${to.value}`, ReferralFunnel)),
      load(flaggedReferrals, () => a.get('/v1/merchant/referrals?state=flagged&limit=100', ReferralList)),
    ]);
  }

  async function decideReferral(id: string, action: 'approve' | 'void') {
    const a = api;
    if (!a) return;
    referralDecision.value = { id, action, state: 'busy' };
    const result = await a.post(`/v1/merchant/referrals/${encodeURIComponent(id)}/${action}`, MerchantReferral);
    if (!result.ok && result.error.code === 'unauthorized') return signOut();
    referralDecision.value = { id, action, state: result.ok ? 'done' : 'failed' };
    await loadReferrals();
  }

  async function loadLapsing() {
    const a = api;
    if (a) await load(lapsing, () => a.get(`/v1/merchant/reports/lapsing?days=${lapsingDays.value}&limit=50`, LapsingReport));
  }

  async function signIn(key: string): Promise<void> {
    const trimmed = key.trim();
    if (!/^sk_[a-z]+_[A-Za-z0-9]{20,100}$/.test(trimmed)) {
      signInError.value = 'keyFormat';
      return;
    }
    signingIn.value = true;
    signInError.value = null;
    const candidate = createAdminApi({ key: trimmed, ...(options.fetch ? { fetch: options.fetch } : {}) });
    const result = await candidate.get('/v1/merchant/programme', ProgrammeConfig);
    signingIn.value = false;
    if (!result.ok) {
      signInError.value = result.error.code === 'network' ? 'networkError' : 'wrongKey';
      return;
    }
    api = candidate;
    batch(() => {
      programme.value = { state: 'ready', data: result.data };
      signedIn.value = true;
    });
    const spec = await (options.fetch ?? fetch)('/v1/openapi.json').then((r) => r.json()).catch(() => null);
    const parsed = OpenApiPaths.safeParse(spec);
    referralsAvailable.value = parsed.success && FLAGGED_REFERRALS_PATH in parsed.data.paths;
    await Promise.all([loadReports(), loadLapsing()]);
  }

  function signOut() {
    api = null;
    batch(() => {
      signedIn.value = false;
      for (const s of [retention, sales, points, surveys, lapsing, programme, referralFunnel, flaggedReferrals] as Array<{ value: Loadable<unknown> }>) s.value = { state: 'idle' };
      referralDecision.value = null;
      config.reset();
    });
  }

  /** Downloads the lapsing list as CSV through a temporary object URL. */
  async function exportLapsing(): Promise<boolean> {
    if (!api) return false;
    const result = await api.blob(`/v1/merchant/reports/lapsing.csv?days=${lapsingDays.value}`);
    if (!result.ok) return false;
    const url = URL.createObjectURL(result.data);
    const link = document.createElement('a');
    link.href = url;
    link.download = `kaybedilen-musteriler-${lapsingDays.value}g-${today()}.csv`;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return true;
  }

  const config = createConfigModel({ locale, api: () => api, signOut, programme, afterProgrammeSave: loadReports });

  return {
    locale,
    t,
    signedIn,
    signInError,
    signingIn,
    from,
    to,
    groupBy,
    lapsingDays,
    retention,
    sales,
    points,
    surveys,
    lapsing,
    programme,
    referralsAvailable,
    referralFunnel,
    flaggedReferrals,
    referralDecision,
    decideReferral,
    config,
    signIn,
    signOut,
    loadReports,
    loadLapsing,
    exportLapsing,
  };
}

export type DashboardModel = ReturnType<typeof createDashboardModel>;
