// Notices repository (催收通知书): numbering, rows, evidence updates. The only SQL of the area.
import { sql } from 'kysely'
import type {} from '../db/schema-collections'
import type {} from '../db/schema-servicing'
import type { Db } from '../db/types'
import type { NoticeView } from '../../../shared/api/notices'

/**
 * Next notice number of the year, CS-2026-000001. The counter row is bumped inside the call's
 * write transaction (BEGIN IMMEDIATE), so two processes never get the same number and a
 * rolled-back call leaves no gap.
 */
export async function nextNoticeNo(db: Db, year: number): Promise<string> {
  const r = await db
    .insertInto('doc_counters')
    .values({ kind: 'CS', year, last: 1 })
    .onConflict((oc) => oc.columns(['kind', 'year']).doUpdateSet({ last: sql<number>`last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow()
  return `CS-${year}-${String(r.last).padStart(6, '0')}`
}

export interface NewNotice {
  noticeNo: string
  loanId: number
  addressee: 'borrower' | 'guarantor'
  guarantorId: number | null
  asOf: string
  deadline: string
  accelerated: boolean
  principal: number
  interest: number
  penaltyInterest: number
  compoundInterest: number
  total: number
  createdBy: number
  createdAt: string
}

export async function insertNotice(db: Db, n: NewNotice): Promise<number> {
  const r = await db
    .insertInto('collection_notices')
    .values({
      notice_no: n.noticeNo,
      loan_id: n.loanId,
      addressee: n.addressee,
      guarantor_id: n.guarantorId,
      as_of: n.asOf,
      deadline: n.deadline,
      accelerated: n.accelerated ? 1 : 0,
      principal: n.principal,
      interest: n.interest,
      penalty_interest: n.penaltyInterest,
      compound_interest: n.compoundInterest,
      total: n.total,
      created_by: n.createdBy,
      created_at: n.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return r.id
}

function baseQuery(db: Db) {
  return db
    .selectFrom('collection_notices as n')
    .innerJoin('loans as l', 'l.id', 'n.loan_id')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .leftJoin('guarantors as g', 'g.id', 'n.guarantor_id')
    .select([
      'n.id',
      'n.notice_no',
      'n.loan_id',
      'n.addressee',
      'n.guarantor_id',
      'n.as_of',
      'n.deadline',
      'n.accelerated',
      'n.principal',
      'n.interest',
      'n.penalty_interest',
      'n.compound_interest',
      'n.total',
      'n.status',
      'n.void_reason',
      'n.served_on',
      'n.service_method',
      'n.tracking_no',
      'n.returned_on',
      'n.signer',
      'n.signer_relation',
      'n.receipt_scan_sha256',
      'n.created_at',
      'l.officer_id',
      'b.name as borrower_name',
      'g.name as guarantor_name',
    ])
}
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>

function toView(r: Row): NoticeView & { officerId: number } {
  return {
    id: r.id,
    noticeNo: r.notice_no,
    loanId: r.loan_id,
    addressee: r.addressee as NoticeView['addressee'],
    addresseeName: r.addressee === 'guarantor' ? (r.guarantor_name ?? '') : r.borrower_name,
    guarantorId: r.guarantor_id,
    asOf: r.as_of,
    deadline: r.deadline,
    accelerated: r.accelerated === 1,
    amounts: {
      principal: r.principal,
      interest: r.interest,
      penaltyInterest: r.penalty_interest,
      compoundInterest: r.compound_interest,
      total: r.total,
    },
    status: r.status as NoticeView['status'],
    voidReason: r.void_reason,
    servedOn: r.served_on,
    serviceMethod: r.service_method as NoticeView['serviceMethod'],
    trackingNo: r.tracking_no,
    returnedOn: r.returned_on,
    signer: r.signer,
    signerRelation: r.signer_relation as NoticeView['signerRelation'],
    receiptScanSha256: r.receipt_scan_sha256,
    createdAt: r.created_at,
    officerId: r.officer_id,
  }
}

export async function findNotice(db: Db, id: number): Promise<(NoticeView & { officerId: number }) | undefined> {
  const r = await baseQuery(db).where('n.id', '=', id).executeTakeFirst()
  return r ? toView(r) : undefined
}

export async function findNotices(db: Db, ids: readonly number[]): Promise<Array<NoticeView & { officerId: number }>> {
  const out: Array<NoticeView & { officerId: number }> = []
  for (let i = 0; i < ids.length; i += 500) {
    const rs = await baseQuery(db)
      .where('n.id', 'in', ids.slice(i, i + 500))
      .execute()
    out.push(...rs.map(toView))
  }
  const order = new Map(ids.map((id, k) => [id, k]))
  return out.sort((a, b) => order.get(a.id)! - order.get(b.id)!)
}

export async function listNotices(db: Db, loanId: number): Promise<NoticeView[]> {
  const rs = await baseQuery(db).where('n.loan_id', '=', loanId).orderBy('n.id', 'desc').execute()
  return rs.map((r) => {
    const { officerId: _o, ...v } = toView(r)
    return v
  })
}

export async function markPrinted(db: Db, ids: readonly number[], at: string): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .updateTable('collection_notices')
      .set({ status: 'printed', printed_at: at })
      .where('id', 'in', ids.slice(i, i + 500))
      .where('status', '=', 'created')
      .execute()
  }
}

export async function markVoided(db: Db, id: number, reason: string): Promise<void> {
  await db
    .updateTable('collection_notices')
    .set({ status: 'voided', void_reason: reason })
    .where('id', '=', id)
    .execute()
}

export async function markServed(
  db: Db,
  id: number,
  s: { servedOn: string; method: string; trackingNo: string | null },
): Promise<void> {
  await db
    .updateTable('collection_notices')
    .set({ status: 'served', served_on: s.servedOn, service_method: s.method, tracking_no: s.trackingNo })
    .where('id', '=', id)
    .execute()
}

export async function markReturned(
  db: Db,
  id: number,
  r: { returnedOn: string; signer: string; relation: string },
): Promise<void> {
  await db
    .updateTable('collection_notices')
    .set({ status: 'returned', returned_on: r.returnedOn, signer: r.signer, signer_relation: r.relation })
    .where('id', '=', id)
    .execute()
}

/** Records a 诉讼时效 interruption or a demand on a guarantor (table of migration 0007, read by risk's clocks). */
export async function insertLimitationEvent(
  db: Db,
  e: {
    loanId: number
    guarantorId: number | null
    kind: 'demand_signed' | 'guarantor_demand'
    occurredOn: string
    evidence: string
    noticeId: number
    createdBy: number
    createdAt: string
  },
): Promise<void> {
  await db
    .insertInto('limitation_events')
    .values({
      loan_id: e.loanId,
      guarantor_id: e.guarantorId,
      kind: e.kind,
      occurred_on: e.occurredOn,
      evidence: e.evidence,
      notice_id: e.noticeId,
      created_by: e.createdBy,
      created_at: e.createdAt,
    })
    .execute()
}

export interface GuarantorRow {
  id: number
  loanId: number
  name: string
  idNumber: string | null
  mode: string
  periodEnd: string
}

export async function findGuarantor(db: Db, id: number): Promise<GuarantorRow | undefined> {
  const r = await db
    .selectFrom('guarantors')
    .select(['id', 'loan_id', 'name', 'id_number', 'mode', 'period_end'])
    .where('id', '=', id)
    .executeTakeFirst()
  return r
    ? { id: r.id, loanId: r.loan_id, name: r.name, idNumber: r.id_number, mode: r.mode, periodEnd: r.period_end }
    : undefined
}

export async function guarantorsOf(db: Db, loanId: number): Promise<GuarantorRow[]> {
  const rs = await db
    .selectFrom('guarantors')
    .select(['id', 'loan_id', 'name', 'id_number', 'mode', 'period_end'])
    .where('loan_id', '=', loanId)
    .orderBy('id')
    .execute()
  return rs.map((r) => ({
    id: r.id,
    loanId: r.loan_id,
    name: r.name,
    idNumber: r.id_number,
    mode: r.mode,
    periodEnd: r.period_end,
  }))
}

/** Borrower ID number and loan dates printed on a notice. */
export async function loanPrintFacts(
  db: Db,
  loanId: number,
): Promise<{ idNumber: string | null; creditCode: string | null }> {
  const r = await db
    .selectFrom('loans as l')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .select(['b.id_number', 'b.credit_code'])
    .where('l.id', '=', loanId)
    .executeTakeFirstOrThrow()
  return { idNumber: r.id_number, creditCode: r.credit_code }
}

/** Records a scan in the content-addressed store's table unless it is already there. */
export async function ensureScanRow(
  db: Db,
  s: { sha256: string; mime: string; size: number; filename: string; createdBy: number; createdAt: string },
): Promise<boolean> {
  const known = await db.selectFrom('scans').select('sha256').where('sha256', '=', s.sha256).executeTakeFirst()
  if (!known)
    await db
      .insertInto('scans')
      .values({
        sha256: s.sha256,
        mime: s.mime,
        size: s.size,
        first_name: s.filename,
        created_by: s.createdBy,
        created_at: s.createdAt,
      })
      .execute()
  return Boolean(known)
}

export async function setReceiptScan(db: Db, noticeId: number, sha256: string): Promise<void> {
  await db.updateTable('collection_notices').set({ receipt_scan_sha256: sha256 }).where('id', '=', noticeId).execute()
}

/**
 * Attaches the scan to the loan file's checklist item 催收通知书回执 (code collection_receipt) and
 * marks it present; returns the file number, or null when the loan has no (live) file.
 */
export async function attachToChecklist(
  db: Db,
  a: { loanId: number; sha256: string; filename: string; createdBy: number; createdAt: string },
): Promise<string | null> {
  const f = await db
    .selectFrom('loan_files')
    .select(['id', 'file_no'])
    .where('loan_id', '=', a.loanId)
    .where('status', '!=', 'destroyed')
    .orderBy('id', 'desc')
    .executeTakeFirst()
  if (!f) return null
  const item = await db
    .selectFrom('loan_file_items')
    .select('id')
    .where('file_id', '=', f.id)
    .where('code', '=', 'collection_receipt')
    .executeTakeFirst()
  await db
    .insertInto('file_attachments')
    .values({
      file_id: f.id,
      item_id: item?.id ?? null,
      scan_sha256: a.sha256,
      filename: a.filename,
      created_by: a.createdBy,
      created_at: a.createdAt,
    })
    .execute()
  if (item)
    await db
      .updateTable('loan_file_items')
      .set({ scan_sha256: a.sha256, state: 'present' })
      .where('id', '=', item.id)
      .execute()
  return f.file_no
}
