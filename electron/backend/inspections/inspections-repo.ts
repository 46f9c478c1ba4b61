// SQL of inspection records and their attachments; rows are mapped to the API views here.
import type { InspectionSummary, InspectionView } from '../../../shared/api'
import type { Db } from '../db/types'
import type { InspectionsTable } from '../db/schema-inspections'
import type {} from '../db/schema-inspections'

/** The officer-filled columns of a record (snake_case, as stored). */
export type RecordColumns = Pick<
  InspectionsTable,
  | 'loan_id'
  | 'type'
  | 'inspected_on'
  | 'method'
  | 'fund_use'
  | 'fund_used_amount'
  | 'fund_evidence'
  | 'business_status'
  | 'income_status'
  | 'repayment_source'
  | 'guarantor_id'
  | 'guarantor_status'
  | 'collateral_id'
  | 'collateral_status'
  | 'revalued_amount'
  | 'conclusion'
  | 'proposed_category'
  | 'next_date'
> & { signals: string }

function selectRecords(db: Db) {
  return db
    .selectFrom('inspections as i')
    .innerJoin('loans as l', 'l.id', 'i.loan_id')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .innerJoin('users as o', 'o.id', 'i.officer_id')
    .leftJoin('users as s', 's.id', 'i.second_officer_id')
    .leftJoin('users as r', 'r.id', 'i.reviewer_id')
    .leftJoin('guarantors as g', 'g.id', 'i.guarantor_id')
    .leftJoin('collaterals as c', 'c.id', 'i.collateral_id')
    .selectAll('i')
    .select([
      'l.contract_no',
      'l.iou_no',
      'l.principal',
      'l.product',
      'l.disbursement_date',
      'l.maturity_date',
      'l.officer_id as loan_officer_id',
      'b.name as borrower_name',
      'b.address',
      'b.village',
      'o.display_name as officer_name',
      's.display_name as second_name',
      'r.display_name as reviewer_name',
      'g.name as guarantor_name',
      'c.type as collateral_type',
      'c.description as collateral_description',
    ])
    .select((eb) =>
      eb
        .selectFrom('inspections as n')
        .select('n.id')
        .whereRef('n.corrects_id', '=', 'i.id')
        .orderBy('n.id', 'desc')
        .limit(1)
        .as('corrected_by'),
    )
}
type RecordRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectRecords>['executeTakeFirst']>>>

/** A stored record with the loan's officer (for scope checks). */
export interface StoredRecord {
  view: InspectionView
  loanOfficerId: number
}

function toView(r: RecordRow, attachments: InspectionView['attachments']): InspectionView {
  return {
    id: r.id,
    loanId: r.loan_id,
    contractNo: r.contract_no,
    iouNo: r.iou_no,
    borrowerName: r.borrower_name,
    borrowerAddress: [r.village, r.address].filter(Boolean).join(' ') || null,
    principal: r.principal,
    product: r.product,
    disbursementDate: r.disbursement_date,
    maturityDate: r.maturity_date,
    type: r.type as InspectionView['type'],
    status: r.status as InspectionView['status'],
    inspectedOn: r.inspected_on,
    method: r.method as InspectionView['method'],
    fundUse: r.fund_use as InspectionView['fundUse'],
    fundUsedAmount: r.fund_used_amount,
    fundEvidence: r.fund_evidence,
    businessStatus: r.business_status,
    incomeStatus: r.income_status,
    repaymentSource: r.repayment_source,
    guarantorId: r.guarantor_id,
    guarantorName: r.guarantor_name,
    guarantorStatus: r.guarantor_status,
    collateralId: r.collateral_id,
    collateralName: r.collateral_type ? `${r.collateral_type}（${r.collateral_description ?? ''}）` : null,
    collateralStatus: r.collateral_status,
    revaluedAmount: r.revalued_amount,
    signals: JSON.parse(r.signals) as InspectionView['signals'],
    conclusion: r.conclusion,
    proposedCategory: r.proposed_category as InspectionView['proposedCategory'],
    nextDate: r.next_date,
    correctsId: r.corrects_id,
    correctedById: r.corrected_by ?? null,
    officerId: r.officer_id,
    officerName: r.officer_name,
    secondOfficerId: r.second_officer_id,
    secondOfficerName: r.second_name,
    submittedAt: r.submitted_at,
    confirmedAt: r.confirmed_at,
    reviewerName: r.reviewer_name,
    reviewedAt: r.reviewed_at,
    reviewNote: r.review_note,
    attachments,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

/** One record with its attachments, or null. */
export async function findRecord(db: Db, id: number): Promise<StoredRecord | null> {
  const r = await selectRecords(db).where('i.id', '=', id).executeTakeFirst()
  if (!r) return null
  const att = await db
    .selectFrom('inspection_attachments')
    .selectAll()
    .where('inspection_id', '=', id)
    .orderBy('id')
    .execute()
  return {
    view: toView(
      r,
      att.map((a) => ({
        id: a.id,
        sha256: a.scan_sha256,
        filename: a.filename,
        mime: a.mime,
        createdAt: a.created_at,
      })),
    ),
    loanOfficerId: r.loan_officer_id,
  }
}

function toSummary(r: RecordRow): InspectionSummary {
  const v = toView(r, [])
  return {
    id: v.id,
    loanId: v.loanId,
    contractNo: v.contractNo,
    borrowerName: v.borrowerName,
    type: v.type,
    status: v.status,
    inspectedOn: v.inspectedOn,
    method: v.method,
    conclusion: v.conclusion,
    officerName: v.officerName,
    secondOfficerName: v.secondOfficerName,
    correctsId: v.correctsId,
  }
}

/** Records of a loan, newest first. */
export async function listRecords(db: Db, loanId: number): Promise<InspectionSummary[]> {
  const rows = await selectRecords(db)
    .where('i.loan_id', '=', loanId)
    .orderBy('i.inspected_on', 'desc')
    .orderBy('i.id', 'desc')
    .execute()
  return rows.map(toSummary)
}

/** Records waiting on someone: submitted and naming `userId` as second officer; confirmed (for review); the user's drafts. */
export async function pendingRecords(
  db: Db,
  userId: number,
  reviewer: boolean,
): Promise<{ toConfirm: InspectionSummary[]; toReview: InspectionSummary[]; drafts: InspectionSummary[] }> {
  const toConfirm = await selectRecords(db)
    .where('i.status', '=', 'submitted')
    .where('i.second_officer_id', '=', userId)
    .orderBy('i.id')
    .limit(200)
    .execute()
  const toReview = reviewer
    ? await selectRecords(db).where('i.status', '=', 'confirmed').orderBy('i.id').limit(200).execute()
    : []
  const drafts = await selectRecords(db)
    .where('i.status', '=', 'draft')
    .where('i.officer_id', '=', userId)
    .orderBy('i.id', 'desc')
    .limit(200)
    .execute()
  return { toConfirm: toConfirm.map(toSummary), toReview: toReview.map(toSummary), drafts: drafts.map(toSummary) }
}

export async function insertRecord(
  db: Db,
  c: RecordColumns & { officer_id: number; corrects_id: number | null; at: string },
): Promise<number> {
  const { at, ...cols } = c
  const r = await db
    .insertInto('inspections')
    .values({ ...cols, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow()
  return r.id
}

export async function updateDraft(db: Db, id: number, c: RecordColumns, at: string): Promise<void> {
  await db
    .updateTable('inspections')
    .set({ ...c, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .execute()
}

export async function deleteDraft(db: Db, id: number): Promise<void> {
  await db.deleteFrom('inspection_attachments').where('inspection_id', '=', id).execute()
  await db.deleteFrom('inspections').where('id', '=', id).where('status', '=', 'draft').execute()
}

/** Moves a record one step along its sign-off; only from the expected status (0 rows = someone else moved it). */
export async function advance(
  db: Db,
  id: number,
  from: string,
  set: Partial<
    Pick<
      InspectionsTable,
      'second_officer_id' | 'submitted_at' | 'confirmed_at' | 'reviewer_id' | 'reviewed_at' | 'review_note'
    >
  > & { status: string },
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('inspections')
    .set({ ...set, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

/** The full stored columns of a record (for a correction copy). */
export async function recordColumns(db: Db, id: number): Promise<RecordColumns | null> {
  const r = await db
    .selectFrom('inspections')
    .select([
      'loan_id',
      'type',
      'inspected_on',
      'method',
      'fund_use',
      'fund_used_amount',
      'fund_evidence',
      'business_status',
      'income_status',
      'repayment_source',
      'guarantor_id',
      'guarantor_status',
      'collateral_id',
      'collateral_status',
      'revalued_amount',
      'conclusion',
      'proposed_category',
      'next_date',
      'signals',
    ])
    .where('id', '=', id)
    .executeTakeFirst()
  return r ?? null
}

export async function insertAttachment(
  db: Db,
  a: { inspectionId: number; sha256: string; filename: string; mime: string; by: number; at: string },
): Promise<number> {
  const existing = await db
    .selectFrom('inspection_attachments')
    .select('id')
    .where('inspection_id', '=', a.inspectionId)
    .where('scan_sha256', '=', a.sha256)
    .executeTakeFirst()
  if (existing) return existing.id
  const r = await db
    .insertInto('inspection_attachments')
    .values({
      inspection_id: a.inspectionId,
      scan_sha256: a.sha256,
      filename: a.filename,
      mime: a.mime,
      created_by: a.by,
      created_at: a.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return r.id
}

/** Registers a scan's content hash once (shared with the archive scans). */
export async function ensureScan(
  db: Db,
  s: { sha256: string; mime: string; size: number; name: string; by: number; at: string },
): Promise<void> {
  await db
    .insertInto('scans')
    .values({ sha256: s.sha256, mime: s.mime, size: s.size, first_name: s.name, created_by: s.by, created_at: s.at })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute()
}

export async function hasAttachment(db: Db, inspectionId: number, sha256: string): Promise<boolean> {
  return Boolean(
    await db
      .selectFrom('inspection_attachments')
      .select('id')
      .where('inspection_id', '=', inspectionId)
      .where('scan_sha256', '=', sha256)
      .executeTakeFirst(),
  )
}

/** Adds a valuation to a collateral (the revaluation found by an inspection). */
export async function insertValuation(
  db: Db,
  v: { collateralId: number; value: number; valuedOn: string; valuer: string; note: string; by: number; at: string },
): Promise<void> {
  await db
    .insertInto('collateral_valuations')
    .values({
      collateral_id: v.collateralId,
      value: v.value,
      valued_on: v.valuedOn,
      valuer: v.valuer,
      note: v.note,
      created_by: v.by,
      created_at: v.at,
    })
    .execute()
}

/** Marks the 贷后检查报告 item of the loan's files present (archive checklist, code 'inspection'). */
export async function markReportFiled(db: Db, loanId: number): Promise<number> {
  const r = await db
    .updateTable('loan_file_items')
    .set({ state: 'present' })
    .where('code', '=', 'inspection')
    .where(
      'file_id',
      'in',
      db.selectFrom('loan_files').select('id').where('loan_id', '=', loanId).where('status', '<>', 'destroyed'),
    )
    .executeTakeFirst()
  return Number(r.numUpdatedRows)
}

/** A collateral or guarantor of the loan, to check that a record refers to the loan's own. */
export async function securityOfLoan(
  db: Db,
  loanId: number,
  kind: 'guarantor' | 'collateral',
  id: number,
): Promise<{ id: number; name: string } | null> {
  if (kind === 'guarantor') {
    const g = await db
      .selectFrom('guarantors')
      .select(['id', 'name'])
      .where('id', '=', id)
      .where('loan_id', '=', loanId)
      .executeTakeFirst()
    return g ?? null
  }
  const c = await db
    .selectFrom('collaterals')
    .select(['id', 'type', 'description'])
    .where('id', '=', id)
    .where('loan_id', '=', loanId)
    .executeTakeFirst()
  return c ? { id: c.id, name: `${c.type}（${c.description}）` } : null
}

/** An active user with a role, for the second-officer check. */
export async function findUser(
  db: Db,
  id: number,
): Promise<{ id: number; displayName: string; role: string; disabled: boolean } | null> {
  const u = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'role', 'disabled'])
    .where('id', '=', id)
    .executeTakeFirst()
  return u ? { id: u.id, displayName: u.display_name, role: u.role, disabled: u.disabled === 1 } : null
}
