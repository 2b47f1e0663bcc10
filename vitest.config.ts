import { defineConfig } from 'vitest/config';

// One project per kind of test, chosen by folder (test/ mirrors src/): node for the contract and
// the server, happy-dom for widget components, real Chromium (driven from node) for end-to-end.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'contract', environment: 'node', include: ['test/contract/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'server', environment: 'node', include: ['test/server/**/*.test.ts', 'test/demo/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'widget',
          environment: 'happy-dom',
          include: ['test/widget/**/*.test.{ts,tsx}'],
          setupFiles: ['test/widget/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/globalSetup.ts'],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
