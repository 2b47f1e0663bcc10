import '@testing-library/jest-dom/vitest';
import { afterEach, vi } from 'vitest';

afterEach(() => {
  // Safety net only: each test destroys its own widget (and the destroy tests check it).
  document.querySelectorAll('sadakat-widget').forEach((element) => element.remove());
  delete (window as { Sadakat?: unknown }).Sadakat;
  if (location.hash) location.hash = '';
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});
