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
  const info = stmt(
    sqlite,
    `insert into repayments (loan_id, paid_date, amount, channel, receipt_no, kind, credit_handling, status, batch_id, note, created_by, created_at)
    values (?, ?, ?, ?, ?, ?, ?, 'posted', ?, ?, ?, ?)`,
  ).run(
    r.loanId,
    r.paidDate,
    r.amount,
    r.channel,
    r.receiptNo,
    r.kind,
    r.creditHandling,
    r.batchId,
    r.note,
    r.createdBy,
    r.createdAt,
  )
  dropCheckpoint(sqlite, r.loanId)
  return Number(info.lastInsertRowid)
}

const VIEW_SQL = `select r.id, r.loan_id, r.paid_date, r.amount, r.channel, r.receipt_no, r.kind, r.credit_handling, r.status,
  r.reversal_reason, ru.display_name, r.reversed_at, cu.display_name, r.created_at, r.note,
  q.id, q.reason, qu.display_name, q.requested_at
  from repayments r left join users ru on ru.id = r.reversed_by left join users cu on cu.id = r.created_by
  left join reversal_requests q on q.repayment_id = r.id and q.status = 'pending' left join users qu on qu.id = q.requested_by`

function toView(r: unknown[]): RepaymentView {
  return {
    id: r[0] as number,
    loanId: r[1] as number,
    paidDate: r[2] as string,
    amount: r[3] as number,
    channel: r[4] as string,
    receiptNo: r[5] as string,
    kind: r[6] as string,
    creditHandling: r[7] as string,
    status: r[8] as RepaymentView['status'],
    reversalReason: r[9] as string | null,
    reversedBy: r[10] as string | null,
    reversedAt: r[11] as string | null,
    createdBy: r[12] as string | null,
    createdAt: r[13] as string,
    note: r[14] as string | null,
    pendingReversal:
      r[15] === null
        ? null
        : {
            requestId: r[15] as number,
            reason: r[16] as string,
            requestedBy: r[17] as string | null,
            requestedAt: r[18] as string,
          },
  }
}

/** One repayment as a view, or null. */
export function findRepayment(sqlite: Conn, id: number): RepaymentView | null {
  const r = stmt(sqlite, `${VIEW_SQL} where r.id = ?`).raw().get(id) as unknown[] | undefined
  return r ? toView(r) : null
}

/** Every repayment of a loan, reversed ones included, in date order. */
export function listRepayments(sqlite: Conn, loanId: number): RepaymentView[] {
  return (
    stmt(sqlite, `${VIEW_SQL} where r.loan_id = ? order by r.paid_date, r.id`).raw().all(loanId) as unknown[][]
  ).map(toView)
}

/** True when a receipt number is already used. */
export function receiptExists(sqlite: Conn, receiptNo: string): boolean {
  return stmt(sqlite, 'select 1 from repayments where receipt_no = ?').raw().get(receiptNo) !== undefined
}

/** Marks a repayment reversed; returns false if it was not posted. */
export function markReversed(sqlite: Conn, id: number, reason: string, by: number, at: string): boolean {
  const info = stmt(
    sqlite,
    `update repayments set status = 'reversed', reversal_reason = ?, reversed_by = ?, reversed_at = ?
    where id = ? and status = 'posted'`,
  ).run(reason, by, at, id)
  stmt(sqlite, 'delete from replay_checkpoints where loan_id = (select loan_id from repayments where id = ?)').run(id)
  stmt(
    sqlite,
    `update loan_state set state_as_of = '' where loan_id = (select loan_id from repayments where id = ?)`,
  ).run(id)
  return info.changes === 1
}

/** Latest posted payment date of a loan, or null. */
export function lastPaymentDate(sqlite: Conn, loanId: number): string | null {
  const r = stmt(sqlite, `select max(paid_date) from repayments where loan_id = ? and status = 'posted'`)
    .raw()
    .get(loanId) as [string | null]
  return r[0]
}
