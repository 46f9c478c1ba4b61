// 五级分类 proposals and decisions (maker-checker), and the category in force on a date.
import { sql } from 'kysely'
import { type Category, worseCategory } from '../../../shared/domain'
import type {} from '../db/schema-risk'
import type { Db } from '../db/types'

/** A proposal row mapped for the views. */
export interface Proposal {
  id: number
  loanId: number
  contractNo: string
  borrowerName: string
  fromCategory: Category
  category: Category
  suggested: Category
  floor: Category
  reason: string
  status: 'pending' | 'approved' | 'rejected'
  proposedById: number
  proposedBy: string
  proposedAt: string
  decidedBy: string | null
  decidedAt: string | null
  comment: string | null
}

function select(db: Db) {
  return db
    .selectFrom('classification_proposals as p')
    .innerJoin('loans as l', 'l.id', 'p.loan_id')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .innerJoin('users as u', 'u.id', 'p.proposed_by')
    .leftJoin('users as d', 'd.id', 'p.decided_by')
    .select([
      'p.id',
      'p.loan_id',
      'l.contract_no',
      'b.name',
      'p.from_category',
      'p.category',
      'p.suggested',
      'p.floor',
      'p.reason',
      'p.status',
      'p.proposed_by',
      'u.display_name as proposer',
      'p.proposed_at',
      'd.display_name as decider',
      'p.decided_at',
      'p.comment',
      'l.officer_id',
    ])
}
type Row = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>
function toProposal(r: Row): Proposal & { officerId: number } {
  return {
    id: r.id,
    loanId: r.loan_id,
    contractNo: r.contract_no,
    borrowerName: r.name,
    fromCategory: r.from_category as Category,
    category: r.category as Category,
    suggested: r.suggested as Category,
    floor: r.floor as Category,
    reason: r.reason,
    status: r.status,
    proposedById: r.proposed_by,
    proposedBy: r.proposer,
    proposedAt: r.proposed_at,
    decidedBy: r.decider ?? null,
    decidedAt: r.decided_at,
    comment: r.comment,
    officerId: r.officer_id,
  }
}

/** One proposal by id. */
export async function findProposal(db: Db, id: number) {
  const r = await select(db).where('p.id', '=', id).executeTakeFirst()
  return r ? toProposal(r) : undefined
}

/** A loan's proposals, newest first. */
export async function loanProposals(db: Db, loanId: number) {
  return (await select(db).where('p.loan_id', '=', loanId).orderBy('p.id', 'desc').execute()).map(toProposal)
}

/** Pending proposals within the scope, oldest first. */
export async function pendingProposals(db: Db, scopeOfficerId: number | null) {
  let q = select(db).where('p.status', '=', 'pending')
  if (scopeOfficerId !== null) q = q.where('l.officer_id', '=', scopeOfficerId)
  return (await q.orderBy('p.id').execute()).map(toProposal)
}

/** Inserts a pending proposal; returns its id. */
export async function insertProposal(
  db: Db,
  p: {
    loanId: number
    from: Category
    category: Category
    suggested: Category
    floor: Category
    reason: string
    by: number
    now: string
  },
): Promise<number> {
  const r = await db
    .insertInto('classification_proposals')
    .values({
      loan_id: p.loanId,
      from_category: p.from,
      category: p.category,
      suggested: p.suggested,
      floor: p.floor,
      reason: p.reason,
      proposed_by: p.by,
      proposed_at: p.now,
      decided_by: null,
      decided_at: null,
      decided_on: null,
      comment: null,
    })
    .executeTakeFirstOrThrow()
  return Number(r.insertId)
}

/** Records the decision; an approval also sets the loan's decided category. */
export async function decideProposal(
  db: Db,
  d: {
    id: number
    loanId: number
    approve: boolean
    category: Category
    comment: string
    by: number
    on: string
    now: string
  },
): Promise<void> {
  await db
    .updateTable('classification_proposals')
    .set({
      status: d.approve ? 'approved' : 'rejected',
      decided_by: d.by,
      decided_at: d.now,
      decided_on: d.on,
      comment: d.comment || null,
    })
    .where('id', '=', d.id)
    .where('status', '=', 'pending')
    .execute()
  if (d.approve)
    await db.updateTable('loans').set({ category: d.category, updated_at: d.now }).where('id', '=', d.loanId).execute()
}

/** The last decision approved on or before `asOf`, per loan (optionally only these loans). */
export async function decisionsInForce(
  db: Db,
  asOf: string,
  loanIds?: readonly number[],
): Promise<Map<number, Category>> {
  const only = loanIds === undefined ? sql`` : sql` and p.loan_id in (${sql.join(loanIds.length ? loanIds : [0])})`
  const r = await sql<{
    loan_id: number
    category: string
  }>`select p.loan_id, p.category from classification_proposals p
    where p.status = 'approved' and p.decided_on <= ${asOf}${only}
      and p.id = (select max(q.id) from classification_proposals q where q.loan_id = p.loan_id and q.status = 'approved' and q.decided_on <= ${asOf})`.execute(
    db,
  )
  return new Map(r.rows.map((x) => [x.loan_id, x.category as Category]))
}

/**
 * Five-category in force on `asOf` per loan — for reports: the last decision approved by that
 * day, never below that day's floor; the system's suggestion where there is no decision. Floors
 * and suggestions come from the stored evaluation of that day (risk_loan_state, or the month-end
 * snapshot of that date); run `risk.evaluate { asOf, store: true }` first for another date.
 * Loans without an evaluation of that day get their decision alone (or 正常).
 */
export async function categoriesInForce(
  db: Db,
  asOf: string,
  loanIds?: readonly number[],
): Promise<Map<number, Category>> {
  const decided = await decisionsInForce(db, asOf, loanIds)
  const only = loanIds === undefined ? sql`` : sql` and loan_id in (${sql.join(loanIds.length ? loanIds : [0])})`
  let base = (
    await sql<{
      loan_id: number
      floor: string
      suggested: string
    }>`select loan_id, floor, suggested from risk_loan_state where as_of = ${asOf}${only}`.execute(db)
  ).rows
  if (base.length === 0) {
    base = (
      await sql<{
        loan_id: number
        floor: string
        suggested: string
      }>`select loan_id, min_category as floor, coalesce(category, min_category) as suggested
      from portfolio_snapshot_rows where snapshot_id = (select max(id) from portfolio_snapshots where as_of = ${asOf})${only}`.execute(
        db,
      )
    ).rows
  }
  const out = new Map<number, Category>()
  for (const r of base) {
    const d = decided.get(r.loan_id)
    out.set(r.loan_id, d === undefined ? (r.suggested as Category) : worseCategory(d, r.floor as Category))
  }
  for (const [id, c] of decided) if (!out.has(id)) out.set(id, c)
  if (loanIds) for (const id of loanIds) if (!out.has(id)) out.set(id, 'normal')
  return out
}

const NPL = ['substandard', 'doubtful', 'loss']

/** NPL candidates from the stored evaluation (floor, suggestion or decision non-performing), with DPD and balance. */
export async function storedLoanStates(db: Db, scopeOfficerId: number | null) {
  let q = db
    .selectFrom('risk_loan_state as s')
    .innerJoin('loans as l', 'l.id', 's.loan_id')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .leftJoin('users as u', 'u.id', 'l.officer_id')
    .select([
      's.loan_id',
      's.as_of',
      's.dpd',
      's.outstanding_principal',
      's.floor',
      's.suggested',
      'l.contract_no',
      'b.name',
      'u.display_name',
      'l.borrower_id',
    ])
    .where('l.status', '=', 'active')
    .where((eb) => eb.or([eb('s.floor', 'in', NPL), eb('s.suggested', 'in', NPL), eb('l.category', 'in', NPL)]))
  if (scopeOfficerId !== null) q = q.where('l.officer_id', '=', scopeOfficerId)
  return q.orderBy('s.dpd', 'desc').orderBy('s.loan_id').execute()
}
