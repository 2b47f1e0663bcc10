import '@testing-library/jest-dom/vitest';
import { afterEach, vi } from 'vitest';

// `src/server/version.ts` reads package.json through `new URL(…, import.meta.url)`, which fails
// under happy-dom (its URL class replaces Node's). The version string is all it provides; the
// widget tests that run the real server in process need nothing else from it.
vi.mock('../../src/server/version', () => ({ VERSION: '0.0.0-test' }));

afterEach(() => {
  // Safety net only: each test destroys its own widget (and the destroy tests check it).
  document.querySelectorAll('sadakat-widget').forEach((element) => element.remove());
  delete (window as { Sadakat?: unknown }).Sadakat;
  if (location.hash) location.hash = '';
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});
