import type { Migration } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_append_only_ledger';
import * as m0003 from './0003_redemptions';
import * as m0004 from './0004_loyalty';
import * as m0005 from './0005_referrals';
import * as m0006 from './0006_surveys';
import * as m0007 from './0007_audit_log';

/** In-code registry (no file-system scanning), so migrations bundle and run anywhere. Append only. */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_append_only_ledger': m0002,
  '0003_redemptions': m0003,
  '0004_loyalty': m0004,
  '0005_referrals': m0005,
  '0006_surveys': m0006,
  '0007_audit_log': m0007,
};
