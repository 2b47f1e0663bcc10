import { batch, signal, type Signal } from '@preact/signals';
import { z } from 'zod/mini';
import { AuditLogPage, MerchantSurvey, MerchantSurveyList, ProgrammeConfig, SurveyConfig, type AuditEntry } from '../../src/contract';
import type { AdminApi, Result } from './api';
import { createAnswersModel } from './answersModel';
import { localIssues } from './localIssues';
import { createOriginsModel } from './originsModel';
import { applied, createDraft, type Draft } from './draft';
import type { Locale } from './i18n';
import type { Loadable } from './model';

export type Screen = 'reports' | 'programme' | 'answers' | 'audit';
export type AuditType = 'all' | 'config' | 'ledger';

interface Dependencies {
  locale: Signal<Locale>;
  /** The signed-in API (the key stays in its closure), or null when signed out. */
  api: () => AdminApi | null;
  signOut: () => void;
  programme: Signal<Loadable<ProgrammeConfig>>;
  /** Reports depend on the programme (tiers, rewards), so they reload after a save. */
  afterProgrammeSave: () => Promise<void>;
}

/**
 * The dashboard's configuration screens: programme, surveys and allowed origins editors (one draft
 * each, saved whole, the server's field errors kept next to the fields), and the change log.
 */
export function createConfigModel(deps: Dependencies) {
  const screen = signal<Screen>('reports');
  const programmeDraft = createDraft('programme');
  const surveys = signal<Loadable<MerchantSurveyList>>({ state: 'idle' });
  const surveyDrafts = new Map<string, Draft>();
  const auditType = signal<AuditType>('config');
  const audit = signal<Loadable<{ entries: AuditEntry[]; nextCursor: string | null }>>({ state: 'idle' });

  /** Runs a call with the signed-in API; a 401 signs out (the key was revoked or rotated). */
  async function call<T>(request: (api: AdminApi) => Promise<Result<T>>): Promise<Result<T> | null> {
    const api = deps.api();
    if (!api) return null;
    const result = await request(api);
    if (!result.ok && result.error.code === 'unauthorized') {
      deps.signOut();
      return null;
    }
    return result;
  }

  /** Sends a draft; on a 400 the field errors stay on the draft and nothing changed on the server. */
  async function send<T>(draft: Draft, schema: z.ZodMiniType, value: unknown, request: (api: AdminApi) => Promise<Result<T>>): Promise<T | null> {
    const issues = localIssues(schema, value, deps.locale.value);
    if (issues.length > 0) {
      batch(() => {
        draft.errors.value = issues;
        draft.state.value = 'failed';
      });
      return null;
    }
    draft.state.value = 'saving';
    const result = await call(request);
    if (!result) return null;
    if (result.ok) {
      batch(() => {
        draft.edits.value = {};
        draft.errors.value = [];
        draft.state.value = 'saved';
      });
      return result.data;
    }
    batch(() => {
      draft.errors.value = result.error.code === 'validation_failed' ? (result.error.fields ?? []) : [];
      draft.state.value = 'failed';
    });
    return null;
  }

  async function saveProgramme(): Promise<void> {
    const current = deps.programme.value;
    if (current.state !== 'ready') return;
    const next = applied(programmeDraft.base.value ?? current.data, programmeDraft);
    const saved = await send(programmeDraft, ProgrammeConfig, next, (api) => api.put('/v1/merchant/programme', ProgrammeConfig, next));
    if (saved) {
      batch(() => {
        programmeDraft.base.value = null;
        deps.programme.value = { state: 'ready', data: saved };
      });
      await deps.afterProgrammeSave();
    }
  }

  function surveyDraft(id: string): Draft {
    let draft = surveyDrafts.get(id);
    if (!draft) surveyDrafts.set(id, (draft = createDraft(`survey-${id}`)));
    return draft;
  }

  async function loadSurveys() {
    surveys.value = { state: 'loading' };
    const result = await call((api) => api.get('/v1/merchant/surveys', MerchantSurveyList));
    if (result) surveys.value = result.ok ? { state: 'ready', data: result.data } : { state: 'error', error: result.error };
  }

  async function saveSurvey(id: string): Promise<void> {
    const current = surveys.value;
    const stored = current.state === 'ready' ? current.data.surveys.find((s) => s.survey.id === id) : undefined;
    if (!stored || current.state !== 'ready') return;
    const draft = surveyDraft(id);
    const next = applied(stored.survey, draft);
    const saved = await send(draft, SurveyConfig, next, (api) => api.put(`/v1/merchant/surveys/${encodeURIComponent(id)}`, MerchantSurvey, next));
    if (saved) surveys.value = { state: 'ready', data: { surveys: current.data.surveys.map((s) => (s.survey.id === id ? saved : s)) } };
  }

  async function loadAudit(more = false) {
    const current = audit.value;
    const cursor = more && current.state === 'ready' ? current.data.nextCursor : null;
    const params = new URLSearchParams({ limit: '25' });
    if (auditType.value !== 'all') params.set('type', auditType.value);
    if (cursor) params.set('cursor', cursor);
    if (!more) audit.value = { state: 'loading' };
    const result = await call((api) => api.get(`/v1/merchant/audit-log?${params}`, AuditLogPage));
    if (!result) return;
    if (!result.ok) {
      audit.value = { state: 'error', error: result.error };
      return;
    }
    const earlier = more && current.state === 'ready' ? current.data.entries : [];
    audit.value = { state: 'ready', data: { entries: [...earlier, ...result.data.entries], nextCursor: result.data.nextCursor } };
  }

  const answers = createAnswersModel({ call, surveys, loadSurveys });
  const allowedOrigins = createOriginsModel({ call, locale: deps.locale });

  function show(next: Screen) {
    screen.value = next;
    if (next === 'programme') {
      if (surveys.value.state !== 'ready') void loadSurveys();
      if (allowedOrigins.origins.value.state !== 'ready') void allowedOrigins.loadOrigins();
    }
    if (next === 'audit') void loadAudit();
    if (next === 'answers') void answers.open();
  }

  function reset() {
    batch(() => {
      screen.value = 'reports';
      for (const draft of [programmeDraft, ...surveyDrafts.values()]) {
        draft.base.value = null;
        draft.edits.value = {};
        draft.errors.value = [];
        draft.state.value = 'idle';
      }
      surveys.value = { state: 'idle' };
      audit.value = { state: 'idle' };
    });
    answers.reset();
    allowedOrigins.reset();
  }

  return {
    screen,
    show,
    programmeDraft,
    saveProgramme,
    surveys,
    surveyDraft,
    loadSurveys,
    saveSurvey,
    origins: allowedOrigins.origins,
    originList: allowedOrigins.originList,
    originErrors: allowedOrigins.originErrors,
    originState: allowedOrigins.originState,
    saveOrigins: allowedOrigins.saveOrigins,
    auditType,
    audit,
    loadAudit,
    answers,
    reset,
  };
}

export type ConfigModel = ReturnType<typeof createConfigModel>;
