import { inject } from 'vitest';

/** What the e2e global setup hands every test file about the running demo. */
export interface DemoInfo {
  /** e.g. `http://127.0.0.1:41234` */
  url: string;
  /** The demo's SQLite file, opened by tests to check figures independently of the widget. */
  databaseUrl: string;
  /** The shop's keys and signing secret, as `.data/demo-shop.json` holds them (tests only). */
  shop: { id: string; publishableKey: string; signingSecret: string; secretKey: string };
  shoppers: Array<{ id: string; name: string; email: string }>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    demo: DemoInfo;
  }
}

export function demo(): DemoInfo {
  return inject('demo');
}
