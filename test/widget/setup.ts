import '@testing-library/jest-dom/vitest';
import { afterEach, vi } from 'vitest';

afterEach(() => {
  // Every test leaves the document as it found it; a widget left behind is a leak the test missed.
  document.querySelectorAll('sadakat-widget').forEach((element) => element.remove());
  delete (window as { Sadakat?: unknown }).Sadakat;
  if (location.hash) location.hash = '';
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});
