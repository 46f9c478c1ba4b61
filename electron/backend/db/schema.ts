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
  created_at: string
  updated_at: string
}

export interface DB {
  org: OrgTable
  users: UsersTable
  settings: SettingsTable
  audit_log: AuditLogTable
  borrowers: BorrowersTable
  loans: LoansTable
}
