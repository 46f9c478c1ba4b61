// Reads for the officer KPIs (考核): the events each figure counts, one row per event, attributed
// to the loan's officer of record. Aggregation and the rules (on time, handled, …) live in kpis.ts.
import type {} from '../db/schema-collections'
import type {} from '../db/schema-inspections'
import type {} from '../db/schema-risk'
import type {} from '../db/schema-servicing'
import { sql } from 'kysely'
import type { Db } from '../db/types'
import type { Period } from './monthly-repo'

/** Statuses of a check that was carried out (a draft was not). */
const DONE = ['submitted', 'confirmed', 'reviewed']

/** Officer of every loan (in scope), for attributing report loans. */
export async function loanOfficers(db: Db, officerId: number | null): Promise<Map<number, number>> {
  let q = db.selectFrom('loans').select(['id', 'officer_id'])
  if (officerId !== null) q = q.where('officer_id', '=', officerId)
  return new Map((await q.execute()).map((r) => [r.id, r.officer_id]))
}

/** Officers to rank: everyone holding loans plus active users with the officer role (in scope). */
export async function officerNames(db: Db, officerId: number | null): Promise<Map<number, string>> {
  let q = db
    .selectFrom('users as u')
    .select(['u.id', 'u.display_name'])
    .where((eb) =>
      eb.or([
        eb.and([eb('u.role', '=', 'officer'), eb('u.disabled', '=', 0)]),
        eb.exists(eb.selectFrom('loans as l').select('l.id').whereRef('l.officer_id', '=', 'u.id')),
      ]),
    )
  if (officerId !== null) q = q.where('u.id', '=', officerId)
  return new Map((await q.orderBy('u.id').execute()).map((r) => [r.id, r.display_name]))
}

/** A check planned (`next_date` of a completed check) in the period and the first check done after it. */
export interface PlannedCheck {
  loanId: number
  officerId: number
  planned: string
  /** The earliest completed check after the one that planned it, or null. */
  doneOn: string | null
}

/** Planned routine checks falling in the period (corrections of a record are not separate checks). */
export async function plannedChecks(db: Db, p: Period): Promise<PlannedCheck[]> {
  let q = db
    .selectFrom('inspections as i')
    .innerJoin('loans as l', 'l.id', 'i.loan_id')
    .select((eb) => [
      'i.loan_id',
      'l.officer_id',
      'i.next_date',
      eb
        .selectFrom('inspections as n')
        .select((e) => e.fn.min('n.inspected_on').as('d'))
        .whereRef('n.loan_id', '=', 'i.loan_id')
        .whereRef('n.inspected_on', '>', 'i.inspected_on')
        .where('n.status', 'in', DONE)
        .where('n.corrects_id', 'is', null)
        .as('done_on'),
    ])
    .where('i.status', 'in', DONE)
    .where('i.corrects_id', 'is', null)
    .where('i.next_date', '>=', p.from)
    .where('i.next_date', '<=', p.to)
  if (p.officerId !== null) q = q.where('l.officer_id', '=', p.officerId)
  const rows = await q.execute()
  return rows.map((r) => ({
    loanId: r.loan_id,
    officerId: r.officer_id,
    planned: r.next_date!,
    doneOn: (r.done_on as string | null) ?? null,
  }))
}

/** A loan disbursed in a window with its first completed 首次检查 (null when none). */
export interface FirstCheck {
  loanId: number
  officerId: number
  disbursed: string
  checkedOn: string | null
}

/** Loans disbursed between the dates (inclusive) and their earliest completed first check. */
export async function firstChecks(
  db: Db,
  w: { from: string; to: string; officerId: number | null },
): Promise<FirstCheck[]> {
  let q = db
    .selectFrom('loans as l')
    .select((eb) => [
      'l.id',
      'l.officer_id',
      'l.disbursement_date',
      eb
        .selectFrom('inspections as i')
        .select((e) => e.fn.min('i.inspected_on').as('d'))
        .whereRef('i.loan_id', '=', 'l.id')
        .where('i.type', '=', 'first')
        .where('i.status', 'in', DONE)
        .as('checked_on'),
    ])
    .where('l.disbursement_date', '>=', w.from)
    .where('l.disbursement_date', '<=', w.to)
  if (w.officerId !== null) q = q.where('l.officer_id', '=', w.officerId)
  const rows = await q.execute()
  return rows.map((r) => ({
    loanId: r.id,
    officerId: r.officer_id,
    disbursed: r.disbursement_date,
    checkedOn: (r.checked_on as string | null) ?? null,
  }))
}

/** A warning opened in the period, how it was closed and its first action. */
export interface OpenedWarning {
  id: number
  loanId: number
  officerId: number
  level: string
  detail: string
  openedOn: string
  closedOn: string | null
  closeKind: 'manual' | 'auto' | null
  firstActionOn: string | null
}

export async function warningsOpened(db: Db, p: Period): Promise<OpenedWarning[]> {
  let q = db
    .selectFrom('risk_warnings as w')
    .innerJoin('loans as l', 'l.id', 'w.loan_id')
    .select((eb) => [
      'w.id',
      'w.loan_id',
      'l.officer_id',
      'w.level',
      'w.detail',
      'w.opened_on',
      'w.closed_on',
      'w.close_kind',
      eb
        .selectFrom('risk_warning_actions as a')
        .select((e) => e.fn.min('a.acted_on').as('d'))
        .whereRef('a.warning_id', '=', 'w.id')
        .as('first_action'),
    ])
    .where('w.opened_on', '>=', p.from)
    .where('w.opened_on', '<=', p.to)
  if (p.officerId !== null) q = q.where('l.officer_id', '=', p.officerId)
  const rows = await q.execute()
  return rows.map((r) => ({
    id: r.id,
    loanId: r.loan_id,
    officerId: r.officer_id,
    level: r.level,
    detail: r.detail,
    openedOn: r.opened_on,
    closedOn: r.closed_on,
    closeKind: r.close_kind,
    firstActionOn: (r.first_action as string | null) ?? null,
  }))
}

/**
 * Contacts logged in the period per loan with its officer: the collections log and the servicing
 * reminder log both count (a call is a call, whichever screen recorded it).
 */
export async function contactsPerLoan(db: Db, p: Period): Promise<Map<number, { officerId: number; n: number }>> {
  const out = new Map<number, { officerId: number; n: number }>()
  for (const table of ['collection_contacts', 'contact_log'] as const) {
    let q = db
      .selectFrom(`${table} as c` as 'contact_log as c')
      .innerJoin('loans as l', 'l.id', 'c.loan_id')
      .select((eb) => ['c.loan_id', 'l.officer_id', eb.fn.countAll<number>().as('n')])
      .where('c.contact_date', '>=', p.from)
      .where('c.contact_date', '<=', p.to)
      .groupBy('c.loan_id')
    if (p.officerId !== null) q = q.where('l.officer_id', '=', p.officerId)
    for (const r of await q.execute()) {
      const c = out.get(r.loan_id) ?? { officerId: r.officer_id, n: 0 }
      c.n += Number(r.n)
      out.set(r.loan_id, c)
    }
  }
  return out
}

/** 核销后收回 posted (not reversed) in the period, per officer. */
export async function recoveriesByOfficer(db: Db, p: Period): Promise<Map<number, number>> {
  let q = db
    .selectFrom('repayments as r')
    .innerJoin('loans as l', 'l.id', 'r.loan_id')
    .select((eb) => ['l.officer_id', eb.fn.sum<number>('r.amount').as('amount')])
    .where('r.kind', '=', 'recovery')
    .where('r.status', '=', 'posted')
    .where('r.paid_date', '>=', p.from)
    .where('r.paid_date', '<=', p.to)
    .groupBy('l.officer_id')
  if (p.officerId !== null) q = q.where('l.officer_id', '=', p.officerId)
  return new Map((await q.execute()).map((r) => [r.officer_id, Number(r.amount)]))
}

/** Loans (→ officer) with a promise to pay falling due in the period (statuses come from collections). */
export async function loansWithPromisesDue(db: Db, p: Period): Promise<Map<number, number>> {
  let q = db
    .selectFrom('collection_promises as c')
    .innerJoin('loans as l', 'l.id', 'c.loan_id')
    .select(['c.loan_id', 'l.officer_id'])
    .distinct()
    .where('c.promised_on', '>=', p.from)
    .where('c.promised_on', '<=', p.to)
  if (p.officerId !== null) q = q.where('l.officer_id', '=', p.officerId)
  return new Map((await q.execute()).map((r) => [r.loan_id, r.officer_id]))
}

/** Per-officer totals of a month-end snapshot (loans with principal outstanding). */
export interface OfficerTotals {
  officerId: number
  loans: number
  balance: number
  overdueLoans: number
  overdueBalance: number
  /** Balance whose recorded category (or, where none, the floor) is 次级/可疑/损失. */
  nplBalance: number
}

const NPL = sql`('substandard', 'doubtful', 'loss')`

/**
 * One grouped read of a snapshot per officer — the KPI table's period-end figures without loading
 * every loan. NPL uses the snapshot's category in force, never below its floor (as reports.quality
 * does); loans with a later-approved decision are corrected by the caller.
 */
export async function snapshotOfficerTotals(
  db: Db,
  snapshotId: number,
  officerId: number | null,
): Promise<OfficerTotals[]> {
  const r = await sql<{ officer_id: number; n: number; bal: number; od_n: number; od_bal: number; npl: number }>`
    select l.officer_id, count(*) as n, sum(r.outstanding_principal) as bal,
      sum(case when r.dpd > 0 then 1 else 0 end) as od_n,
      sum(case when r.dpd > 0 then r.outstanding_principal else 0 end) as od_bal,
      sum(case when coalesce(r.category, r.min_category) in ${NPL} or r.min_category in ${NPL}
          then r.outstanding_principal else 0 end) as npl
    from portfolio_snapshot_rows r join loans l on l.id = r.loan_id
    where r.snapshot_id = ${snapshotId} and r.outstanding_principal > 0
      ${officerId === null ? sql`` : sql`and l.officer_id = ${officerId}`}
    group by l.officer_id`.execute(db)
  return r.rows.map((x) => ({
    officerId: x.officer_id,
    loans: Number(x.n),
    balance: Number(x.bal),
    overdueLoans: Number(x.od_n),
    overdueBalance: Number(x.od_bal),
    nplBalance: Number(x.npl),
  }))
}

/** Snapshot rows (outstanding) of the given loans with their officer, for decision corrections. */
export async function snapshotRowsOf(
  db: Db,
  snapshotId: number,
  loanIds: readonly number[],
): Promise<Array<{ loanId: number; officerId: number; floor: string; category: string | null; balance: number }>> {
  const out = []
  for (let i = 0; i < loanIds.length; i += 500) {
    const rows = await db
      .selectFrom('portfolio_snapshot_rows as r')
      .innerJoin('loans as l', 'l.id', 'r.loan_id')
      .select(['r.loan_id', 'l.officer_id', 'r.min_category', 'r.category', 'r.outstanding_principal'])
      .where('r.snapshot_id', '=', snapshotId)
      .where('r.outstanding_principal', '>', 0)
      .where('r.loan_id', 'in', loanIds.slice(i, i + 500))
      .execute()
    for (const r of rows)
      out.push({
        loanId: r.loan_id,
        officerId: r.officer_id,
        floor: r.min_category,
        category: r.category,
        balance: r.outstanding_principal,
      })
  }
  return out
}
