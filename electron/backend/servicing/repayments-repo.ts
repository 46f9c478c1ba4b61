// Repayments: inserted once, reversed (冲正) with a reason, never deleted or edited otherwise.
import type { RepaymentView } from '../../../shared/api/servicing'
import { type Conn, dropCheckpoint, stmt } from './servicing-repo'

/** A repayment to insert; `receiptNo` is unique. */
export interface NewRepayment {
  loanId: number
  paidDate: string
  amount: number
  channel: string
  receiptNo: string
  kind: 'repayment' | 'recovery' | 'restructure'
  creditHandling: string
  batchId: string | null
  note: string | null
  createdBy: number | null
  createdAt: string
}

/** Inserts a posted repayment and returns its id. */
export function insertRepayment(sqlite: Conn, r: NewRepayment): number {
  const info = stmt(sqlite, `insert into repayments (loan_id, paid_date, amount, channel, receipt_no, kind, credit_handling, status, batch_id, note, created_by, created_at)
    values (?, ?, ?, ?, ?, ?, ?, 'posted', ?, ?, ?, ?)`).run(
    r.loanId, r.paidDate, r.amount, r.channel, r.receiptNo, r.kind, r.creditHandling, r.batchId, r.note, r.createdBy, r.createdAt,
  )
  dropCheckpoint(sqlite, r.loanId)
  return Number(info.lastInsertRowid)
}

const VIEW_SQL = `select r.id, r.loan_id, r.paid_date, r.amount, r.channel, r.receipt_no, r.kind, r.credit_handling, r.status,
  r.reversal_reason, ru.display_name, r.reversed_at, cu.display_name, r.created_at, r.note
  from repayments r left join users ru on ru.id = r.reversed_by left join users cu on cu.id = r.created_by`

function toView(r: unknown[]): RepaymentView {
  return {
    id: r[0] as number, loanId: r[1] as number, paidDate: r[2] as string, amount: r[3] as number, channel: r[4] as string,
    receiptNo: r[5] as string, kind: r[6] as string, creditHandling: r[7] as string, status: r[8] as RepaymentView['status'],
    reversalReason: r[9] as string | null, reversedBy: r[10] as string | null, reversedAt: r[11] as string | null,
    createdBy: r[12] as string | null, createdAt: r[13] as string, note: r[14] as string | null,
  }
}

/** One repayment as a view, or null. */
export function findRepayment(sqlite: Conn, id: number): RepaymentView | null {
  const r = stmt(sqlite, `${VIEW_SQL} where r.id = ?`).raw().get(id) as unknown[] | undefined
  return r ? toView(r) : null
}

/** Every repayment of a loan, reversed ones included, in date order. */
export function listRepayments(sqlite: Conn, loanId: number): RepaymentView[] {
  return (stmt(sqlite, `${VIEW_SQL} where r.loan_id = ? order by r.paid_date, r.id`).raw().all(loanId) as unknown[][]).map(toView)
}

/** True when a receipt number is already used. */
export function receiptExists(sqlite: Conn, receiptNo: string): boolean {
  return stmt(sqlite, 'select 1 from repayments where receipt_no = ?').raw().get(receiptNo) !== undefined
}

/** Marks a repayment reversed; returns false if it was not posted. */
export function markReversed(sqlite: Conn, id: number, reason: string, by: number, at: string): boolean {
  const info = stmt(sqlite, `update repayments set status = 'reversed', reversal_reason = ?, reversed_by = ?, reversed_at = ?
    where id = ? and status = 'posted'`).run(reason, by, at, id)
  stmt(sqlite, 'delete from replay_checkpoints where loan_id = (select loan_id from repayments where id = ?)').run(id)
  stmt(sqlite, `update loan_state set state_as_of = '' where loan_id = (select loan_id from repayments where id = ?)`).run(id)
  return info.changes === 1
}

/** Latest posted payment date of a loan, or null. */
export function lastPaymentDate(sqlite: Conn, loanId: number): string | null {
  const r = stmt(sqlite, `select max(paid_date) from repayments where loan_id = ? and status = 'posted'`).raw().get(loanId) as [string | null]
  return r[0]
}

/** The active plan version a prepayment or settlement made from this repayment, if any. */
export function versionFromRepayment(db: Conn, repaymentId: number): { id: number; version: number; reason: string } | null {
  const r = stmt(db, `select id, version, reason from loan_plan_versions where repayment_id = ? and status = 'active'`).raw().get(repaymentId) as [number, number, string] | undefined
  return r ? { id: r[0], version: r[1], reason: r[2] } : null
}

/** True when the loan has an active plan version after `version`. */
export function hasLaterVersion(db: Conn, loanId: number, version: number): boolean {
  return stmt(db, `select 1 from loan_plan_versions where loan_id = ? and version > ? and status = 'active'`).raw().get(loanId, version) !== undefined
}

/** Voids a plan version (its payment was reversed). */
export function voidVersion(db: Conn, versionId: number): void {
  stmt(db, `update loan_plan_versions set status = 'voided' where id = ?`).run(versionId)
}

/** Undoes a settlement: drops the closure record and makes the loan active again. */
export function reopenLoan(db: Conn, loanId: number, at: string): void {
  stmt(db, 'delete from loan_closures where loan_id = ?').run(loanId)
  stmt(db, `update loans set status = 'active', settled_date = null, updated_at = ? where id = ?`).run(at, loanId)
}

/** The loan's closure (结清/核销) kind and date, or null. */
export function closureOf(db: Conn, loanId: number): { kind: string; closedDate: string } | null {
  const r = stmt(db, 'select kind, closed_date from loan_closures where loan_id = ?').raw().get(loanId) as [string, string] | undefined
  return r ? { kind: r[0], closedDate: r[1] } : null
}
