import type { Generated } from 'kysely'

/** Kysely table types (snake_case, as stored). Rows stay inside the backend. */
export interface OrgTable {
  id: number
  name: string
  branch_code: string
  created_at: string
}

export interface UsersTable {
  id: Generated<number>
  username: string
  display_name: string
  role: string
  password_hash: string
  disabled: Generated<number>
  must_change_password: Generated<number>
  failed_attempts: Generated<number>
  locked_until: string | null
  last_login_at: string | null
  created_at: string
  updated_at: string
}

export interface SettingsTable {
  key: string
  value: string
}

export interface AuditLogTable {
  id: number
  at: string
  user_id: number | null
  username: string | null
  method: string
  entity: string
  entity_id: string | null
  summary: string
  prev_hash: string
  hash: string
}

export interface BorrowersTable {
  id: Generated<number>
  kind: 'individual' | 'enterprise'
  name: string
  name_initials: string
  id_number: string | null
  id_tail: string | null
  credit_code: string | null
  birth_date: string | null
  sex: string | null
  phone: string | null
  village: string | null
  village_group: string | null
  address: string | null
  occupation: string | null
  household_income: number | null
  credit_rating: string | null
  legal_rep: string | null
  business_scope: string | null
  officer_id: number | null
  /** Last 4 digits of the phone (0004), for short searches. */
  phone_tail: string | null
  /** Customer class A/B/C (DOMAIN §5); written only by the risk evaluation, null until evaluated. */
  customer_class: string | null
  status: Generated<string>
  created_at: string
  updated_at: string
}

export interface LoansTable {
  id: Generated<number>
  borrower_id: number
  contract_no: string
  iou_no: string
  product: string
  principal: number
  annual_rate: string
  term_months: number
  method: string
  due_day: number | null
  disbursement_date: string
  maturity_date: string
  purpose: string
  guarantee_type: string
  officer_id: number
  penalty_markup: Generated<string>
  misuse_markup: Generated<string>
  misused: Generated<number>
  status: Generated<string>
  settled_date: string | null
  /** Decided five-category (正常…损失); written only by the classification workflow. */
  category: Generated<string>
  created_at: string
  updated_at: string
}

export interface DB extends ArchivesDB {
  org: OrgTable
  users: UsersTable
  settings: SettingsTable
  audit_log: AuditLogTable
  borrowers: BorrowersTable
  loans: LoansTable
  limitation_events: LimitationEventsTable
}

/** An event that interrupts the 诉讼时效 or records a demand on a guarantor (migration 0007). */
export interface LimitationEventsTable {
  id: Generated<number>
  loan_id: number
  guarantor_id: number | null
  kind: 'demand_signed' | 'acknowledgement' | 'guarantor_demand' | 'public_notice'
  occurred_on: string
  evidence: string
  notice_id: number | null
  created_by: number | null
  created_at: string
}

// ── 0004 archives ──────────────────────────────────────────────────────────
export interface HouseholdsTable {
  id: Generated<number>
  head_borrower_id: number
  village: string | null
  village_group: string | null
  address: string | null
  created_at: string
  updated_at: string
}
export interface HouseholdMembersTable {
  household_id: number
  borrower_id: number
  relation: string
}
export interface GuarantorsTable {
  id: Generated<number>
  loan_id: number
  borrower_id: number | null
  kind: string
  name: string
  id_number: string | null
  phone: string | null
  mode: string
  amount: number
  period_start: string
  period_end: string
  created_at: string
}
export interface CollateralsTable {
  id: Generated<number>
  loan_id: number
  type: string
  description: string
  owner_name: string | null
  cert_no: string | null
  other_right_cert_no: string | null
  location: string | null
  appraised_value: number
  appraised_on: string
  insured: Generated<number>
  insurance_policy: string | null
  insurance_expiry: string | null
  created_at: string
  updated_at: string
}
export interface CollateralValuationsTable {
  id: Generated<number>
  collateral_id: number
  value: number
  valued_on: string
  valuer: string | null
  note: string | null
  created_by: number | null
  created_at: string
}
export interface OfficerTransfersTable {
  id: Generated<number>
  from_officer_id: number
  to_officer_id: number
  reason: string
  effective_date: string
  by_user_id: number
  created_at: string
}
export interface OfficerTransferLoansTable {
  transfer_id: number
  loan_id: number
}
export interface ArchiveCategoriesTable {
  code: string
  name: string
  retention_years: number
}
export interface ArchiveTemplateItemsTable {
  id: Generated<number>
  category: string
  code: string
  name: string
  sort: number
  active: Generated<number>
}
export interface ArchiveCountersTable {
  org_code: string
  year: number
  category: string
  last_seq: number
}
export interface LoanFilesTable {
  id: Generated<number>
  loan_id: number
  file_no: string
  org_code: string
  year: number
  category: string
  seq: number
  location: string | null
  status: Generated<string>
  keeper_id: number | null
  legal_hold: Generated<number>
  legal_hold_reason: string | null
  destroyed_on: string | null
  created_at: string
  updated_at: string
}
export interface LoanFileItemsTable {
  id: Generated<number>
  file_id: number
  code: string
  name: string
  sort: number
  state: Generated<string>
  original: number | null
  pages: number | null
  scan_sha256: string | null
}
export interface ScansTable {
  sha256: string
  mime: string
  size: number
  first_name: string
  created_by: number | null
  created_at: string
}
export interface FileAttachmentsTable {
  id: Generated<number>
  file_id: number
  item_id: number | null
  scan_sha256: string
  filename: string
  created_by: number | null
  created_at: string
}
export interface FileLendingsTable {
  id: Generated<number>
  file_id: number
  borrower_name: string
  purpose: string
  approver_id: number
  keeper_id: number
  lent_on: string
  due_back: string
  returned_on: string | null
  condition: string | null
  returned_to: number | null
  created_at: string
}
export interface DestructionListsTable {
  id: Generated<number>
  status: string
  as_of: string
  note: string | null
  proposed_by: number
  proposed_at: string
  approved_by: number | null
  approved_at: string | null
  executed_by: number | null
  executed_at: string | null
}
export interface DestructionListFilesTable {
  list_id: number
  file_id: number
}
/** Tables added by 0004_archives. */
export interface ArchivesDB {
  households: HouseholdsTable
  household_members: HouseholdMembersTable
  guarantors: GuarantorsTable
  collaterals: CollateralsTable
  collateral_valuations: CollateralValuationsTable
  officer_transfers: OfficerTransfersTable
  officer_transfer_loans: OfficerTransferLoansTable
  archive_categories: ArchiveCategoriesTable
  archive_template_items: ArchiveTemplateItemsTable
  archive_counters: ArchiveCountersTable
  loan_files: LoanFilesTable
  loan_file_items: LoanFileItemsTable
  scans: ScansTable
  file_attachments: FileAttachmentsTable
  file_lendings: FileLendingsTable
  destruction_lists: DestructionListsTable
  destruction_list_files: DestructionListFilesTable
}
