import type { Migration } from 'kysely/migration'
import * as m0001 from './0001_init'
import * as m0002 from './0002_borrowers'
import * as m0003 from './0003_loans'
import * as m0004 from './0004_archives'
import * as m0005 from './0005_servicing'
import * as m0006 from './0006_replay_checkpoints'
import * as m0007 from './0007_risk_columns'
import * as m0009 from './0009_loan_state'

/** Every migration in order; a static list so the bundle contains them. Forward-only. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_init': m0001,
  '0002_borrowers': m0002,
  '0003_loans': m0003,
  '0004_archives': m0004,
  '0005_servicing': m0005,
  '0006_replay_checkpoints': m0006,
  '0007_risk_columns': m0007,
  '0009_loan_state': m0009,
}
