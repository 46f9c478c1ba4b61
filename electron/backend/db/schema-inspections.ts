import type { Generated } from 'kysely'

// 贷后检查 tables (migration 0014), merged into DB by module augmentation.
export interface InspectionsTable {
  id: Generated<number>
  loan_id: number
  type: string
  status: Generated<string>
  inspected_on: string
  method: string
  fund_use: string | null
  fund_used_amount: number | null
  fund_evidence: string | null
  business_status: string | null
  income_status: string | null
  repayment_source: string | null
  guarantor_id: number | null
  guarantor_status: string | null
  collateral_id: number | null
  collateral_status: string | null
  revalued_amount: number | null
  /** JSON array of InspectionSignal codes. */
  signals: Generated<string>
  conclusion: string | null
  proposed_category: string | null
  next_date: string | null
  corrects_id: number | null
  officer_id: number
  second_officer_id: number | null
  submitted_at: string | null
  confirmed_at: string | null
  reviewer_id: number | null
  reviewed_at: string | null
  review_note: string | null
  created_at: string
  updated_at: string
}
export interface InspectionAttachmentsTable {
  id: Generated<number>
  inspection_id: number
  scan_sha256: string
  filename: string
  mime: string
  created_by: number | null
  created_at: string
}
export interface InspectionTriggersTable {
  id: Generated<number>
  loan_id: number
  kind: string
  raised_on: string
  detail: string
  cleared_by: number | null
  created_by: number | null
  created_at: string
}
export interface InspectionDueTable {
  loan_id: number
  officer_id: number
  due_date: string
  kind: string
  signal: string | null
  updated_at: string
}

declare module './schema' {
  interface DB {
    inspections: InspectionsTable
    inspection_attachments: InspectionAttachmentsTable
    inspection_triggers: InspectionTriggersTable
    inspection_due: InspectionDueTable
  }
}
