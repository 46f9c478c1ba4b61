// Loan closures (结清 / 核销), the loan status they drive, and the few settings and org fields the
// servicing use cases read. Same connection discipline as servicing-repo: `db` first, cached statements.
import type { Conn } from '../db/raw'
import { stmt } from './servicing-repo'

/** A stored closure of a loan. */
export interface Closure {
  kind: 'settled' | 'written_off'
  closedDate: string
  certificateNo: string | null
  createdAt: string
}

/** The loan's closure, or null while it is open. */
export function findClosure(db: Conn, loanId: number): Closure | null {
  const r = stmt(db, 'select kind, closed_date, certificate_no, created_at from loan_closures where loan_id = ?')
    .raw()
    .get(loanId) as [Closure['kind'], string, string | null, string] | undefined
  return r ? { kind: r[0], closedDate: r[1], certificateNo: r[2], createdAt: r[3] } : null
}

/** A closure to insert: amounts are what was settled or written off, in 分. */
export interface NewClosure {
  loanId: number
  kind: 'settled' | 'written_off'
  closedDate: string
  certificateNo: string | null
  principal: number
  interest: number
  penalty: number
  reason: string | null
  approvedBy: number | null
  createdBy: number
  createdAt: string
}

/** Records a closure and sets the loan's status (结清 also its settled date). */
export function insertClosure(db: Conn, c: NewClosure): void {
  stmt(
    db,
    `insert into loan_closures (loan_id, kind, closed_date, certificate_no, principal, interest, penalty, reason, approved_by, created_by, created_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    c.loanId,
    c.kind,
    c.closedDate,
    c.certificateNo,
    c.principal,
    c.interest,
    c.penalty,
    c.reason,
    c.approvedBy,
    c.createdBy,
    c.createdAt,
  )
  if (c.kind === 'settled') {
    stmt(db, `update loans set status = 'settled', settled_date = ?, updated_at = ? where id = ?`).run(
      c.closedDate,
      c.createdAt,
      c.loanId,
    )
  } else {
    stmt(db, `update loans set status = 'written_off', updated_at = ? where id = ?`).run(c.createdAt, c.loanId)
  }
}

/** Undoes a 结清 (its payment was reversed): the closure goes, the loan is active again. */
export function reopenLoan(db: Conn, loanId: number, at: string): void {
  stmt(db, 'delete from loan_closures where loan_id = ?').run(loanId)
  stmt(db, `update loans set status = 'active', settled_date = null, updated_at = ? where id = ?`).run(at, loanId)
}

/** Sets the maturity date after an extension or restructure. */
export function updateMaturity(db: Conn, loanId: number, maturity: string, at: string): void {
  stmt(db, 'update loans set maturity_date = ?, updated_at = ? where id = ?').run(maturity, at, loanId)
}

/** Number of active extension (展期) versions of a loan. */
export function countExtensions(db: Conn, loanId: number): number {
  return (
    stmt(db, `select count(*) from loan_plan_versions where loan_id = ? and reason = 'extension' and status = 'active'`)
      .raw()
      .get(loanId) as [number]
  )[0]
}

/** The active plan version a payment created (prepayment or settlement), or null. */
export function versionOfRepayment(
  db: Conn,
  repaymentId: number,
): { id: number; version: number; reason: string } | null {
  const r = stmt(db, `select id, version, reason from loan_plan_versions where repayment_id = ? and status = 'active'`)
    .raw()
    .get(repaymentId) as [number, number, string] | undefined
  return r ? { id: r[0], version: r[1], reason: r[2] } : null
}

/** True when an active version newer than `version` exists. */
export function hasLaterVersion(db: Conn, loanId: number, version: number): boolean {
  return (
    stmt(db, `select 1 from loan_plan_versions where loan_id = ? and version > ? and status = 'active'`)
      .raw()
      .get(loanId, version) !== undefined
  )
}

/** Marks a plan version voided (its payment was reversed). */
export function voidVersion(db: Conn, versionId: number, loanId: number): void {
  stmt(db, `update loan_plan_versions set status = 'voided' where id = ?`).run(versionId)
  stmt(db, 'delete from replay_checkpoints where loan_id = ?').run(loanId)
}

/** A setting's stored text, or null. */
export function settingValue(db: Conn, key: string): string | null {
  const r = stmt(db, 'select value from settings where key = ?').raw().get(key) as [string] | undefined
  return r?.[0] ?? null
}

/** The organization's name for printed documents. */
export function findOrgName(db: Conn): string {
  const r = stmt(db, 'select name from org where id = 1').raw().get() as [string] | undefined
  return r?.[0] ?? ''
}
