// Servicing aggregate: a loan's head, plan versions with rows, closures, document numbers. Replay
// inputs are read with cached prepared statements on the connection behind `db` (hot path:
// previews, bulk posting); use cases pass `ctx.db` and never hold the raw handle.
import type Database from 'better-sqlite3-multiple-ciphers'
import type { PaymentEvent, VersionRow } from '../../../shared/servicing'
import type {} from '../db/schema-servicing'
import type { Db } from '../db/types'
import { type Conn, rawOf } from '../db/raw'

/** The loan fields servicing needs. */
export interface LoanHead {
  id: number
  contractNo: string
  iouNo: string
  borrowerName: string
  borrowerPhone: string | null
  principal: number
  annualRate: string
  method: string
  termMonths: number
  dueDay: number | null
  disbursementDate: string
  maturityDate: string
  status: string
  officerId: number
  penaltyMarkup: string
  misuseMarkup: string
  misused: boolean
  /** Decided five-category (written by the classification workflow). */
  category: string
  officerName: string | null
}

/** A stored plan version with its rows. */
export interface StoredVersion {
  id: number
  version: number
  reason: string
  method: string
  annualRate: string
  effectiveDate: string
  status: string
  note: string | null
  createdBy: string | null
  createdAt: string
  rows: VersionRow[]
}

export type { Conn }

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>()
/** A cached prepared statement for `sql` on this connection. */
export function stmt(db: Conn, sql: string): Database.Statement {
  const sqlite = rawOf(db)
  let m = cache.get(sqlite)
  if (!m) cache.set(sqlite, (m = new Map()))
  let s = m.get(sql)
  if (!s) m.set(sql, (s = sqlite.prepare(sql)))
  return s
}

const HEAD_SQL = `select l.id, l.contract_no, l.iou_no, b.name, b.phone, l.principal, l.annual_rate, l.method, l.term_months,
  l.due_day, l.disbursement_date, l.maturity_date, l.status, l.officer_id, l.penalty_markup, l.misuse_markup, l.misused,
  l.category, ou.display_name
  from loans l join borrowers b on b.id = l.borrower_id left join users ou on ou.id = l.officer_id`

function toHead(r: unknown[]): LoanHead {
  return {
    id: r[0] as number,
    contractNo: r[1] as string,
    iouNo: r[2] as string,
    borrowerName: r[3] as string,
    borrowerPhone: r[4] as string | null,
    principal: r[5] as number,
    annualRate: r[6] as string,
    method: r[7] as string,
    termMonths: r[8] as number,
    dueDay: r[9] as number | null,
    disbursementDate: r[10] as string,
    maturityDate: r[11] as string,
    status: r[12] as string,
    officerId: r[13] as number,
    penaltyMarkup: r[14] as string,
    misuseMarkup: r[15] as string,
    misused: r[16] === 1,
    category: r[17] as string,
    officerName: r[18] as string | null,
  }
}

/** The loan's head by id, or null. */
export function findLoanHead(db: Conn, id: number): LoanHead | null {
  const r = stmt(db, `${HEAD_SQL} where l.id = ?`).raw().get(id) as unknown[] | undefined
  return r ? toHead(r) : null
}

/** The loan's head by 借据号 (collection sheets), or null. */
export function findLoanHeadByIou(db: Conn, iouNo: string): LoanHead | null {
  const r = stmt(db, `${HEAD_SQL} where l.iou_no = ?`).raw().get(iouNo) as unknown[] | undefined
  return r ? toHead(r) : null
}

/** The version in force on `date`: the highest active version effective on or before it. */
export function versionIdForDate(
  db: Conn,
  loanId: number,
  date: string,
): { id: number; version: number; method: string; annualRate: string } | null {
  const r = stmt(
    db,
    `select id, version, method, annual_rate from loan_plan_versions
    where loan_id = ? and status = 'active' and effective_date <= ? order by version desc limit 1`,
  )
    .raw()
    .get(loanId, date) as unknown[] | undefined
  return r ? { id: r[0] as number, version: r[1] as number, method: r[2] as string, annualRate: r[3] as string } : null
}

/** The latest active version regardless of date (the plan in force from its effective date on). */
export function latestVersion(
  db: Conn,
  loanId: number,
): { id: number; version: number; effectiveDate: string; reason: string } | null {
  const r = stmt(
    db,
    `select id, version, effective_date, reason from loan_plan_versions
    where loan_id = ? and status = 'active' order by version desc limit 1`,
  )
    .raw()
    .get(loanId) as unknown[] | undefined
  return r
    ? { id: r[0] as number, version: r[1] as number, effectiveDate: r[2] as string, reason: r[3] as string }
    : null
}

/** Rows of one version in due-date order. */
export function versionRows(db: Conn, versionId: number): VersionRow[] {
  const rs = stmt(
    db,
    'select seq, due_date, principal, interest, kind from plan_installments where plan_version_id = ? order by seq',
  )
    .raw()
    .all(versionId) as unknown[][]
  return rs.map((r) => ({
    seq: r[0] as number,
    dueDate: r[1] as string,
    principal: r[2] as number,
    interest: r[3] as number,
    kind: r[4] as VersionRow['kind'],
  }))
}

/** Posted repayments of a loan in replay order (date, id). */
export function postedPayments(db: Conn, loanId: number): PaymentEvent[] {
  const rs = stmt(
    db,
    `select id, paid_date, amount from repayments where loan_id = ? and status = 'posted' order by paid_date, id`,
  )
    .raw()
    .all(loanId) as unknown[][]
  return rs.map((r) => ({ id: r[0] as number, date: r[1] as string, amount: r[2] as number }))
}

/** First date a 重组 restructure took effect, or null. */
export function restructuredOn(db: Conn, loanId: number): string | null {
  const r = stmt(
    db,
    `select min(effective_date) from loan_plan_versions where loan_id = ? and status = 'active' and reason = 'restructure'`,
  )
    .raw()
    .get(loanId) as unknown[]
  return (r[0] as string | null) ?? null
}

/** Inserts a version and its rows; returns the new version's id and number. */
export function insertVersion(
  db: Conn,
  v: {
    loanId: number
    reason: string
    method: string
    annualRate: string
    effectiveDate: string
    note: string | null
    repaymentId: number | null
    createdBy: number | null
    createdAt: string
    rows: readonly VersionRow[]
  },
): { id: number; version: number } {
  const last = stmt(db, 'select coalesce(max(version), 0) from loan_plan_versions where loan_id = ?')
    .raw()
    .get(v.loanId) as [number]
  const version = last[0] + 1
  const info = stmt(
    db,
    `insert into loan_plan_versions (loan_id, version, reason, method, annual_rate, effective_date, status, repayment_id, note, created_by, created_at)
    values (?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?)`,
  ).run(
    v.loanId,
    version,
    v.reason,
    v.method,
    v.annualRate,
    v.effectiveDate,
    v.repaymentId,
    v.note,
    v.createdBy,
    v.createdAt,
  )
  const id = Number(info.lastInsertRowid)
  dropCheckpoint(db, v.loanId)
  const ins = stmt(
    db,
    'insert into plan_installments (plan_version_id, seq, due_date, principal, interest, kind) values (?, ?, ?, ?, ?, ?)',
  )
  for (const r of v.rows) ins.run(id, r.seq, r.dueDate, r.principal, r.interest, r.kind)
  return { id, version }
}

/** Every version of a loan (newest first) with rows and the creator's name. */
export async function listVersions(db: Db, loanId: number): Promise<StoredVersion[]> {
  const vs = await db
    .selectFrom('loan_plan_versions as v')
    .leftJoin('users as u', 'u.id', 'v.created_by')
    .select([
      'v.id',
      'v.version',
      'v.reason',
      'v.method',
      'v.annual_rate',
      'v.effective_date',
      'v.status',
      'v.note',
      'v.created_at',
      'u.display_name',
    ])
    .where('v.loan_id', '=', loanId)
    .orderBy('v.version', 'desc')
    .execute()
  return vs.map((v) => ({
    id: v.id,
    version: v.version,
    reason: v.reason,
    method: v.method,
    annualRate: v.annual_rate,
    effectiveDate: v.effective_date,
    status: v.status,
    note: v.note,
    createdBy: v.display_name ?? null,
    createdAt: v.created_at,
    rows: versionRows(db, v.id),
  }))
}

/** Next document number of `kind` in `year`, e.g. SK-2026-000001 (unique by construction). */
export function nextDocNo(db: Conn, kind: string, year: number): string {
  const r = stmt(
    db,
    `insert into doc_counters (kind, year, last) values (?, ?, 1)
    on conflict (kind, year) do update set last = last + 1 returning last`,
  )
    .raw()
    .get(kind, year) as [number]
  return `${kind}-${year}-${String(r[0]).padStart(6, '0')}`
}

/** Forgets a loan's replay checkpoint: called on every change to its payments or plan versions. */
export function dropCheckpoint(db: Conn, loanId: number): void {
  stmt(db, 'delete from replay_checkpoints where loan_id = ?').run(loanId)
}
