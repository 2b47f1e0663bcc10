import { afterAll, afterEach, beforeAll } from 'vitest';
import type { WidgetOptions } from '../../../src/widget/core/options';
import { createTestBackend, type TestBackend } from '../../support/testBackend';
import { loadApp, startWidget, type Mounted } from './widget';

// The real reference server, in process. `test/widget/setup.ts` mocks the one server module that
// cannot load under happy-dom (`src/server/version.ts`).
export { createTestBackend, type TestBackend };

export interface BackendSuite {
  readonly backend: TestBackend;
  /** Options pointing at the in-process server, in Turkish unless `extra` says otherwise. */
  options(extra?: Partial<WidgetOptions>): WidgetOptions;
  /** Starts a widget that is destroyed after the test. */
  start(options: WidgetOptions, env?: Parameters<typeof startWidget>[1]): Mounted;
}

/** One real backend per test file, and one widget per test, destroyed after it. */
export function useBackend(): BackendSuite {
  let backend: TestBackend | undefined;
  let widget: Mounted | undefined;
  beforeAll(async () => {
    // Warm the panel and survey modules (a browser fetches them when idle): their first transform
    // on a loaded machine can outlast a waitFor. Widgets still load them lazily, as they would.
    [backend] = await Promise.all([createTestBackend(), loadApp(), import('../../../src/widget/app/survey/surveyFeature')]);
  });
  afterAll(() => backend?.close());
  afterEach(() => {
    widget?.api.destroy();
    widget = undefined;
    // Each test is a new tab: no boot payload cached by the previous one (test/widget/bootCache.test.ts covers the cache).
    sessionStorage.clear();
  });
  const suite: BackendSuite = {
    get backend() {
      if (!backend) throw new Error('the backend starts in beforeAll');
      return backend;
    },
    options: (extra = {}) => ({
      shop: suite.backend.shop.publishableKey,
      api: suite.backend.api,
      fetch: suite.backend.fetch,
      locale: 'tr',
      ...extra,
    }),
    start(options, env) {
      widget = startWidget(options, env);
      return widget;
    },
  };
  return suite;
}
