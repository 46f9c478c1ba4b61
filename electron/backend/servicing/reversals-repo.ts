// 冲正 reversal requests (migration 0010): created by an officer for a receipt issued before
// today, decided once by someone else holding `repayments.reverse`.
import type { ReversalRequestView } from '../../../shared/api/servicing'
import type {} from '../db/schema-reversals'
import type {} from '../db/schema-servicing'
import type { Db } from '../db/types'

/** Stores a pending request; returns its id. */
export async function insertReversalRequest(
  db: Db,
  r: { repaymentId: number; reason: string; requestedBy: number; requestedAt: string },
): Promise<number> {
  const row = await db
    .insertInto('reversal_requests')
    .values({ repayment_id: r.repaymentId, reason: r.reason, requested_by: r.requestedBy, requested_at: r.requestedAt })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Marks a pending request decided; false when it was no longer pending. */
export async function decideReversalRequest(
  db: Db,
  id: number,
  d: { approved: boolean; decidedBy: number; decidedAt: string; note: string | null },
): Promise<boolean> {
  const r = await db
    .updateTable('reversal_requests')
    .set({
      status: d.approved ? 'approved' : 'rejected',
      decided_by: d.decidedBy,
      decided_at: d.decidedAt,
      decision_note: d.note,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

/** Requested-by user id of a request, for the four-eyes check. */
export async function requestProposer(db: Db, id: number): Promise<number | null> {
  const r = await db.selectFrom('reversal_requests').select('requested_by').where('id', '=', id).executeTakeFirst()
  return r?.requested_by ?? null
}

function base(db: Db) {
  return db
    .selectFrom('reversal_requests as q')
    .innerJoin('repayments as r', 'r.id', 'q.repayment_id')
    .innerJoin('loans as l', 'l.id', 'r.loan_id')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .leftJoin('users as qu', 'qu.id', 'q.requested_by')
    .leftJoin('users as du', 'du.id', 'q.decided_by')
    .select([
      'q.id',
      'q.repayment_id',
      'r.loan_id',
      'l.contract_no',
      'b.name',
      'r.receipt_no',
      'r.paid_date',
      'r.amount',
      'q.reason',
      'q.status',
      'qu.display_name as requested_by_name',
      'q.requested_at',
      'du.display_name as decided_by_name',
      'q.decided_at',
      'q.decision_note',
    ])
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>

function toView(r: Row): ReversalRequestView {
  return {
    id: r.id,
    repaymentId: r.repayment_id,
    loanId: r.loan_id,
    contractNo: r.contract_no,
    borrowerName: r.name,
    receiptNo: r.receipt_no,
    paidDate: r.paid_date,
    amount: r.amount,
    reason: r.reason,
    status: r.status as ReversalRequestView['status'],
    requestedBy: r.requested_by_name ?? null,
    requestedAt: r.requested_at,
    decidedBy: r.decided_by_name ?? null,
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
  }
}

/** One request as a view, or null. */
export async function findReversalRequest(db: Db, id: number): Promise<ReversalRequestView | null> {
  const r = await base(db).where('q.id', '=', id).executeTakeFirst()
  return r ? toView(r) : null
}

/** Requests of a status, newest first, optionally limited to one officer's loans. */
export async function listReversalRequests(
  db: Db,
  status: string,
  officerId: number | null,
): Promise<ReversalRequestView[]> {
  let q = base(db).where('q.status', '=', status)
  if (officerId !== null) q = q.where('l.officer_id', '=', officerId)
  return (await q.orderBy('q.id', 'desc').limit(500).execute()).map(toView)
}
