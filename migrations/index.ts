import type { Migration } from 'kysely/migration'
import * as m0001 from './0001_init'
import * as m0002 from './0002_borrowers'
import * as m0003 from './0003_loans'
import * as m0004 from './0004_archives'
import * as m0005 from './0005_servicing'
import * as m0006 from './0006_replay_checkpoints'
import * as m0007 from './0007_risk_columns'
import * as m0008 from './0008_audit_rows'
import * as m0009 from './0009_loan_state'
import * as m0010 from './0010_reversal_requests'
import * as m0011 from './0011_search_numbering'
import * as m0012 from './0012_risk'
import * as m0013 from './0013_collections'
import * as m0014 from './0014_inspections'
import * as m0016 from './0016_report_notes'
import * as m0017 from './0017_report_indexes'
import * as m0018 from './0018_customer_class_index'
import * as m0019 from './0019_loan_state_scope'
import * as m0020 from './0020_warning_board'
import * as m0021 from './0021_snapshot_report_index'

/** Every migration in order; a static list so the bundle contains them. Forward-only. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_init': m0001,
  '0002_borrowers': m0002,
  '0003_loans': m0003,
  '0004_archives': m0004,
  '0005_servicing': m0005,
  '0006_replay_checkpoints': m0006,
  '0007_risk_columns': m0007,
  '0008_audit_rows': m0008,
  '0009_loan_state': m0009,
  '0010_reversal_requests': m0010,
  '0011_search_numbering': m0011,
  '0012_risk': m0012,
  '0013_collections': m0013,
  '0014_inspections': m0014,
  '0016_report_notes': m0016,
  '0017_report_indexes': m0017,
  '0018_customer_class_index': m0018,
  '0019_loan_state_scope': m0019,
  '0020_warning_board': m0020,
  '0021_snapshot_report_index': m0021,
}
