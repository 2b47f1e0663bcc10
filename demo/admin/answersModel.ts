import { batch, signal, type Signal } from '@preact/signals';
import { SurveyAnswersPage, type FieldIssue, type MerchantSurveyList } from '../../src/contract';
import type { AdminApi, Result } from './api';
import type { Loadable } from './model';

type Call = <T>(request: (api: AdminApi) => Promise<Result<T>>) => Promise<Result<T> | null>;

/** The survey answers table: its filters, the rows loaded so far and the next page's cursor. */
export function createAnswersModel(deps: { call: Call; surveys: Signal<Loadable<MerchantSurveyList>>; loadSurveys: () => Promise<void> }) {
  const surveyId = signal('');
  const questionId = signal('');
  const from = signal('');
  const to = signal('');
  const minScore = signal('');
  const maxScore = signal('');
  const errors = signal<FieldIssue[]>([]);
  const page = signal<Loadable<SurveyAnswersPage>>({ state: 'idle' });

  async function load(more = false) {
    if (!surveyId.value) return;
    const current = page.value;
    const params = new URLSearchParams({ limit: '50' });
    const filters = { questionId, from, to, minScore, maxScore };
    for (const [name, value] of Object.entries(filters)) if (value.value.trim() !== '') params.set(name, value.value.trim());
    if (more && current.state === 'ready' && current.data.nextCursor) params.set('cursor', current.data.nextCursor);
    if (!more) page.value = { state: 'loading' };
    const result = await deps.call((api) => api.get(`/v1/merchant/surveys/${encodeURIComponent(surveyId.value)}/answers?${params}`, SurveyAnswersPage));
    if (!result) return;
    batch(() => {
      if (!result.ok) {
        errors.value = result.error.code === 'validation_failed' ? (result.error.fields ?? []) : [];
        page.value = result.error.code === 'validation_failed' && current.state === 'ready' ? current : { state: 'error', error: result.error };
        return;
      }
      errors.value = [];
      const earlier = more && current.state === 'ready' ? current.data.rows : [];
      page.value = { state: 'ready', data: { ...result.data, rows: [...earlier, ...result.data.rows] } };
    });
  }

  /** Opens the screen: the surveys first (for the picker), then the first survey's answers. */
  async function open() {
    if (deps.surveys.value.state !== 'ready') await deps.loadSurveys();
    const list = deps.surveys.value;
    if (!surveyId.value && list.state === 'ready' && list.data.surveys[0]) surveyId.value = list.data.surveys[0].survey.id;
    await load();
  }

  function selectSurvey(id: string) {
    batch(() => {
      surveyId.value = id;
      questionId.value = '';
    });
    void load();
  }

  function reset() {
    batch(() => {
      for (const s of [surveyId, questionId, from, to, minScore, maxScore]) s.value = '';
      errors.value = [];
      page.value = { state: 'idle' };
    });
  }

  return { surveyId, questionId, from, to, minScore, maxScore, errors, page, load, open, selectSurvey, reset };
}

export type AnswersModel = ReturnType<typeof createAnswersModel>;
