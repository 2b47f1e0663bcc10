// The real reference server, in process. `test/widget/setup.ts` mocks the one server module that
// cannot load under happy-dom (`src/server/version.ts`).
export { createTestBackend, type TestBackend } from '../../support/testBackend';
