import type { Generated } from 'kysely'

// Risk tables (migration 0012), merged into DB by module augmentation like schema-servicing.ts.
export interface RiskWarningsTable {
  id: Generated<number>
  loan_id: number
  rule: string
  level: 'red' | 'orange' | 'yellow'
  /** 0 red, 1 orange, 2 yellow: the board's sort key. */
  severity: number
  status: Generated<'open' | 'closed'>
  detail: string
  opened_on: string
  closed_on: string | null
  close_kind: 'manual' | 'auto' | null
  close_reason: string | null
  closed_by: number | null
  created_at: string
}
export interface RiskWarningActionsTable {
  id: Generated<number>
  warning_id: number
  kind: string
  note: string
  acted_on: string
  created_by: number | null
  created_at: string
}
export interface ClassificationProposalsTable {
  id: Generated<number>
  loan_id: number
  from_category: string
  category: string
  suggested: string
  floor: string
  reason: string
  status: Generated<'pending' | 'approved' | 'rejected'>
  proposed_by: number
  proposed_at: string
  decided_by: number | null
  decided_at: string | null
  decided_on: string | null
  comment: string | null
}
export interface CustomerClassHistoryTable {
  id: Generated<number>
  borrower_id: number
  from_class: string | null
  to_class: string
  as_of: string
  detail: string
  created_at: string
}
export interface ExtensionConsentsTable {
  id: Generated<number>
  plan_version_id: number
  guarantor_id: number
  consented: number
  recorded_on: string
  evidence: string
  created_by: number | null
  created_at: string
}
export interface RiskLoanStateTable {
  loan_id: number
  as_of: string
  dpd: number
  outstanding_principal: number
  overdue_principal: number
  floor: string
  suggested: string
  limitation_expiry: string | null
}
export interface RiskRunsTable {
  as_of: string
  loans: number
  opened: number
  resolved: number
  ms: number
  created_by: number | null
  created_at: string
}

declare module './schema' {
  interface DB {
    risk_warnings: RiskWarningsTable
    risk_warning_actions: RiskWarningActionsTable
    classification_proposals: ClassificationProposalsTable
    customer_class_history: CustomerClassHistoryTable
    extension_consents: ExtensionConsentsTable
    risk_loan_state: RiskLoanStateTable
    risk_runs: RiskRunsTable
  }
}
