import { batch, signal, type Signal } from '@preact/signals';
import { AllowedOrigins, type FieldIssue } from '../../src/contract';
import type { AdminApi, Result } from './api';
import type { Draft } from './draft';
import type { Locale } from './i18n';
import { localIssues } from './localIssues';
import type { Loadable } from './model';

type Call = <T>(request: (api: AdminApi) => Promise<Result<T>>) => Promise<Result<T> | null>;

/** The allowed-origins editor: the list as typed, its field errors, and saving it whole. */
export function createOriginsModel(deps: { call: Call; locale: Signal<Locale> }) {
  const { call } = deps;
  const origins = signal<Loadable<AllowedOrigins>>({ state: 'idle' });
  const originList = signal<string[]>([]);
  const originErrors = signal<FieldIssue[]>([]);
  const originState = signal<Draft['state']['value']>('idle');

  async function loadOrigins() {
    origins.value = { state: 'loading' };
    const result = await call((api) => api.get('/v1/merchant/allowed-origins', AllowedOrigins));
    if (!result) return;
    batch(() => {
      origins.value = result.ok ? { state: 'ready', data: result.data } : { state: 'error', error: result.error };
      if (result.ok) originList.value = result.data.origins;
    });
  }

  async function saveOrigins(): Promise<void> {
    const next = { origins: originList.value.map((o) => o.trim()) };
    const issues = localIssues(AllowedOrigins, next, deps.locale.value);
    if (issues.length > 0) {
      batch(() => {
        originErrors.value = issues;
        originState.value = 'failed';
      });
      return;
    }
    originState.value = 'saving';
    const result = await call((api) => api.put('/v1/merchant/allowed-origins', AllowedOrigins, next));
    if (!result) return;
    batch(() => {
      if (result.ok) {
        origins.value = { state: 'ready', data: result.data };
        originList.value = result.data.origins;
      }
      originErrors.value = !result.ok && result.error.code === 'validation_failed' ? (result.error.fields ?? []) : [];
      originState.value = result.ok ? 'saved' : 'failed';
    });
  }

  function reset() {
    batch(() => {
      origins.value = { state: 'idle' };
      originList.value = [];
      originErrors.value = [];
      originState.value = 'idle';
    });
  }

  return { origins, originList, originErrors, originState, loadOrigins, saveOrigins, reset };
}
