import type { Generated } from 'kysely'

// Servicing tables (migration 0005), merged into DB by module augmentation so this area's
// schema lives beside its migration instead of in the shared schema file.
export interface LoanPlanVersionsTable {
  id: Generated<number>
  loan_id: number
  version: number
  reason: string
  method: string
  annual_rate: string
  effective_date: string
  status: Generated<string>
  repayment_id: number | null
  note: string | null
  created_by: number | null
  created_at: string
}
export interface PlanInstallmentsTable {
  plan_version_id: number
  seq: number
  due_date: string
  principal: number
  interest: number
  kind: Generated<string>
}
export interface RepaymentsTable {
  id: Generated<number>
  loan_id: number
  paid_date: string
  amount: number
  channel: string
  receipt_no: string
  kind: Generated<string>
  credit_handling: Generated<string>
  status: Generated<string>
  reversal_reason: string | null
  reversed_by: number | null
  reversed_at: string | null
  batch_id: string | null
  note: string | null
  created_by: number | null
  created_at: string
}
export interface LoanClosuresTable {
  loan_id: number
  kind: string
  closed_date: string
  certificate_no: string | null
  principal: Generated<number>
  interest: Generated<number>
  penalty: Generated<number>
  reason: string | null
  approved_by: number | null
  created_by: number | null
  created_at: string
}
export interface ContactLogTable {
  id: Generated<number>
  loan_id: number
  due_date: string | null
  contact_date: string
  channel: string
  outcome: string
  note: string | null
  created_by: number | null
  created_at: string
}
export interface PortfolioSnapshotsTable {
  id: Generated<number>
  as_of: string
  loans: number
  outstanding_principal: number
  overdue_principal: number
  created_by: number | null
  created_at: string
}
/** One loan's figures in a dated snapshot (without rowid; keyed by snapshot and loan). */
export interface PortfolioSnapshotRowsTable {
  snapshot_id: number
  loan_id: number
  dpd: number
  bucket: string
  min_category: string
  outstanding_principal: number
  overdue_principal: number
  overdue_interest: number
  penalty_interest: number
  compound_interest: number
  payoff: number
  /** Category in force and customer class on the date (migration 0012; null in older snapshots). */
  category: string | null
  customer_class: string | null
}
export interface DocCountersTable {
  kind: string
  year: number
  last: number
}

declare module './schema' {
  interface DB {
    loan_plan_versions: LoanPlanVersionsTable
    plan_installments: PlanInstallmentsTable
    repayments: RepaymentsTable
    loan_closures: LoanClosuresTable
    contact_log: ContactLogTable
    portfolio_snapshots: PortfolioSnapshotsTable
    portfolio_snapshot_rows: PortfolioSnapshotRowsTable
    doc_counters: DocCountersTable
  }
}
