import { vi } from 'vitest';

// `src/server/version.ts` reads package.json through `new URL(…, import.meta.url)`, which fails
// under happy-dom (its URL class replaces Node's). The version string is all it provides.
vi.mock('../../../src/server/version', () => ({ VERSION: '0.0.0-test' }));

export { createTestBackend, type TestBackend } from '../../support/testBackend';
