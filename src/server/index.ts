// The reference backend, for embedding or self-hosting. Server-only: never import this from the
// widget (it pulls in database drivers).
export { createApp, type App, type AppOptions } from './app';
export { openDatabase, type Database } from './db/database';
export { migrateToLatest } from './db/migrate';
export { mintCustomerToken, type MintCustomerTokenOptions } from './auth/mintCustomerToken';
export { createShop, setAllowedOrigins, type CreatedShop, type NewShop } from './domain/createShop';
export { ensureDemoSeed, seedDemo, type DemoSeed, type DemoShopper } from './seed/demoSeed';
export { VERSION } from './version';
