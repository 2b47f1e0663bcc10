import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// The server suites run a second time against PostgreSQL when TEST_DATABASE_URL names a server
// (scripts/test-postgres.sh starts a throwaway one; .ci/run always does). Without it that run is
// reported as not run, never counted as passed.
const postgresUrl = process.env.TEST_DATABASE_URL;
const postgresProjects: TestProjectInlineConfiguration[] = postgresUrl
  ? [
      {
        extends: true,
        test: {
          name: 'server-postgres',
          environment: 'node',
          include: ['test/server/**/*.test.ts'],
          env: { SADAKAT_TEST_DIALECT: 'postgres' },
          testTimeout: 20_000,
        },
      },
    ]
  : [];
if (!postgresUrl) {
  console.warn('[sadakat] PostgreSQL suites NOT RUN: set TEST_DATABASE_URL (see scripts/test-postgres.sh).');
}

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
        // Checks on the build itself (bundle scan, library rewrites), run with Vite's API in node.
        test: { name: 'build', environment: 'node', include: ['test/build/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['test/server/**/*.test.ts', 'test/demo/**/*.test.ts'],
          // Multi-instance tests need a shared PostgreSQL; they run in server-postgres only.
          exclude: ['test/server/postgres/**'],
        },
      },
      ...postgresProjects,
      {
        extends: true,
        test: {
          // The conformance kit against real servers on loopback ports: the reference server, broken
          // variants of it, and the built CLI against a server process.
          name: 'conformance',
          environment: 'node',
          include: ['test/conformance/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'widget',
          environment: 'happy-dom',
          // The widget imports its stylesheets with `?inline`; process them so tests see real CSS.
          css: { include: [/src\/widget\/styles\//] },
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
