// The conformance kit: the HTTP contract's checks, run against any server over HTTP. It needs
// only zod and Node's built-ins (no database driver, no server code), so `npx sadakat
// conformance` works wherever Node does.
export { runConformance, type CheckResult, type CheckStatus, type ConformanceReport, type GroupResult, type RouteCoverage } from './runner';
export { formatReport, type FormatOptions } from './report';
export { runConformanceCli, CONFORMANCE_USAGE, type CliIo } from './cli';
export { checkGroups } from './checks';
export { CORE_ROUTES } from './checks/openapi';
export {
  CheckApi,
  CheckFailure,
  defineGroup,
  Skip,
  type CallOptions,
  type Check,
  type CheckGroup,
  type ConformanceOptions,
  type Need,
} from './kit';
export type { Exchange, ExchangeSummary } from './http';
