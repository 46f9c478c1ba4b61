// SQL of the inspection schedule: what the rules need per loan, the stored next-due table the
// calendar reads (indexed on due_date), the schedule settings and the signals.
import { sql } from 'kysely'
import type { DueRowView } from '../../../shared/api'
import {
  DEFAULT_INSPECTION_SETTINGS,
  type InspectionSettings,
  type InspectionSignal,
  type InspectionScheduleInput,
} from '../../../shared/domain'
import type { Db } from '../db/types'
import type {} from '../db/schema-inspections'

const SETTINGS_KEY = 'inspections.schedule'
const STAMP_KEY = 'inspections.stamp'

/** Schedule settings (defaults from DOMAIN §8 for anything not stored). */
export async function loadSettings(db: Db): Promise<InspectionSettings> {
  const r = await db.selectFrom('settings').select('value').where('key', '=', SETTINGS_KEY).executeTakeFirst()
  const stored = r ? (JSON.parse(r.value) as Partial<InspectionSettings>) : {}
  return { ...DEFAULT_INSPECTION_SETTINGS, ...stored }
}

export async function saveSettings(db: Db, s: InspectionSettings): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: SETTINGS_KEY, value: JSON.stringify(s) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(s) }))
    .execute()
}

/**
 * What the due table has seen of other areas' writes: loans, collateral valuations and 责任移交 by
 * highest id, closures (结清/核销) by count.
 */
export interface DueStamp {
  loanId: number
  valuationId: number
  transferId: number
  closures: number
}

export async function loadStamp(db: Db): Promise<DueStamp> {
  const r = await db.selectFrom('settings').select('value').where('key', '=', STAMP_KEY).executeTakeFirst()
  return {
    loanId: 0,
    valuationId: 0,
    transferId: 0,
    closures: 0,
    ...(r ? (JSON.parse(r.value) as Partial<DueStamp>) : {}),
  }
}

export async function saveStamp(db: Db, s: DueStamp): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: STAMP_KEY, value: JSON.stringify(s) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(s) }))
    .execute()
}

/** Current marks (max of a rowid is O(1); the closure count reads one small index). */
export async function currentStamp(db: Db): Promise<DueStamp> {
  const r = await sql<{
    l: number | null
    v: number | null
    t: number | null
    c: number
  }>`select (select max(id) from loans) as l,
    (select max(id) from collateral_valuations) as v, (select max(id) from officer_transfers) as t, (select count(*) from loan_closures) as c`.execute(
    db,
  )
  const x = r.rows[0]
  return { loanId: x?.l ?? 0, valuationId: x?.v ?? 0, transferId: x?.t ?? 0, closures: x?.c ?? 0 }
}

/** Loans handed over (责任移交) in transfers newer than `afterId`. */
export async function loansTransferredSince(db: Db, afterId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('officer_transfer_loans')
    .select('loan_id')
    .distinct()
    .where('transfer_id', '>', afterId)
    .execute()
  return rows.map((r) => r.loan_id)
}

/** Drops the rows of loans no longer active (settled, written off, cancelled). */
export async function dropInactiveDue(db: Db): Promise<void> {
  await db
    .deleteFrom('inspection_due')
    .where('loan_id', 'in', db.selectFrom('loans').select('id').where('status', '<>', 'active'))
    .execute()
}

/** Loans with a collateral valuation newer than `afterId`. */
export async function loansRevaluedSince(db: Db, afterId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('collateral_valuations as v')
    .innerJoin('collaterals as c', 'c.id', 'v.collateral_id')
    .select('c.loan_id')
    .distinct()
    .where('v.id', '>', afterId)
    .execute()
  return rows.map((r) => r.loan_id)
}

/** Active loan ids above `afterId`. */
export async function activeLoansSince(db: Db, afterId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('loans')
    .select('id')
    .where('id', '>', afterId)
    .where('status', '=', 'active')
    .execute()
  return rows.map((r) => r.id)
}

interface InputRow {
  id: number
  officer_id: number
  disbursement_date: string
  guarantee_type: string
  principal: number
  category: string
  borrower_kind: string
  first_on: string | null
  last_on: string | null
  next_date: string | null
  last_val: string | null
  sig: string | null
  val_fell: string | null
}

/**
 * Schedule inputs of active loans (all, or `ids`). Signals: the earliest open stored signal, or a
 * collateral whose latest valuation fell below the one before it after the last signed inspection.
 */
export async function loadScheduleInputs(
  db: Db,
  ids: readonly number[] | null,
): Promise<Array<InspectionScheduleInput & { loanId: number; officerId: number }>> {
  if (ids && ids.length === 0) return []
  const filter = ids ? sql`and l.id in (${sql.join(ids)})` : sql``
  const signed = sql`i.status in ('confirmed','reviewed')`
  const r =
    await sql<InputRow>`select l.id, l.officer_id, l.disbursement_date, l.guarantee_type, l.principal, l.category, b.kind as borrower_kind,
      (select min(i.inspected_on) from inspections i where i.loan_id = l.id and i.type = 'first' and ${signed}) as first_on,
      (select max(i.inspected_on) from inspections i where i.loan_id = l.id and ${signed}) as last_on,
      (select i.next_date from inspections i where i.loan_id = l.id and ${signed} order by i.inspected_on desc, i.id desc limit 1) as next_date,
      (select max(v.valued_on) from collaterals c join collateral_valuations v on v.collateral_id = c.id where c.loan_id = l.id) as last_val,
      (select t.kind || '|' || t.raised_on from inspection_triggers t where t.loan_id = l.id and t.cleared_by is null order by t.raised_on, t.id limit 1) as sig,
      (select max(v.valued_on) from collaterals c join collateral_valuations v on v.collateral_id = c.id
         where c.loan_id = l.id and v.value < (select p.value from collateral_valuations p where p.collateral_id = c.id
           and (p.valued_on < v.valued_on or (p.valued_on = v.valued_on and p.id < v.id)) order by p.valued_on desc, p.id desc limit 1)) as val_fell
    from loans l join borrowers b on b.id = l.borrower_id
    where l.status = 'active' ${filter} order by l.id`.execute(db)
  return r.rows.map((x) => {
    let openSignal: InspectionScheduleInput['openSignal'] = null
    if (x.sig) {
      const [kind, raisedOn] = x.sig.split('|') as [InspectionSignal, string]
      openSignal = { kind, raisedOn }
    }
    // A fall noticed after the last signed inspection is an open signal until someone checks it.
    if (x.val_fell && (!x.last_on || x.val_fell > x.last_on) && (!openSignal || x.val_fell < openSignal.raisedOn)) {
      openSignal = { kind: 'collateral_fall', raisedOn: x.val_fell }
    }
    return {
      loanId: x.id,
      officerId: x.officer_id,
      disbursementDate: x.disbursement_date,
      guaranteeType: x.guarantee_type,
      principal: x.principal,
      category: x.category,
      borrowerKind: x.borrower_kind,
      firstCheckOn: x.first_on,
      lastInspectionOn: x.last_on,
      proposedNextDate: x.next_date,
      lastValuationOn: x.last_val,
      openSignal,
    }
  })
}

/** One loan's stored next inspection. */
export interface DueRow {
  loanId: number
  officerId: number
  dueDate: string
  kind: string
  signal: string | null
}

/** Upserts next-due rows in chunks (one statement per 500 loans) and drops rows of loans no longer active. */
export async function writeDue(
  db: Db,
  rows: readonly DueRow[],
  now: string,
  scope: readonly number[] | null,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map((r) => ({
      loan_id: r.loanId,
      officer_id: r.officerId,
      due_date: r.dueDate,
      kind: r.kind,
      signal: r.signal,
      updated_at: now,
    }))
    await db
      .insertInto('inspection_due')
      .values(chunk)
      .onConflict((oc) =>
        oc.column('loan_id').doUpdateSet((eb) => ({
          officer_id: eb.ref('excluded.officer_id'),
          due_date: eb.ref('excluded.due_date'),
          kind: eb.ref('excluded.kind'),
          signal: eb.ref('excluded.signal'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute()
  }
  const inactive = db.selectFrom('loans').select('id').where('status', '<>', 'active')
  let del = db.deleteFrom('inspection_due').where('loan_id', 'in', inactive)
  if (scope) del = del.where('loan_id', 'in', scope.length ? [...scope] : [0])
  await del.execute()
}

/** Filter of a calendar page. */
export interface DueFilter {
  officerId: number | null
  from: string | null
  to: string | null
  limit: number
  offset: number
}

/** Rows in a range: an index range on (due_date) or (officer_id, due_date); the table holds active loans only. */
function dueQuery(db: Db, f: Pick<DueFilter, 'officerId' | 'from' | 'to'>) {
  let q = db.selectFrom('inspection_due as d')
  if (f.officerId !== null) q = q.where('d.officer_id', '=', f.officerId)
  if (f.from !== null) q = q.where('d.due_date', '>=', f.from)
  if (f.to !== null) q = q.where('d.due_date', '<=', f.to)
  return q
}

/** One page of due inspections, earliest first: the page's keys from the index, then their loans. */
export async function listDue(db: Db, f: DueFilter): Promise<Array<Omit<DueRowView, 'daysOverdue'>>> {
  const page = dueQuery(db, f)
    .select(['d.loan_id', 'd.due_date', 'd.kind', 'd.signal'])
    .orderBy('d.due_date')
    .orderBy('d.loan_id')
    .limit(f.limit)
    .offset(f.offset)
    .as('d')
  const rows = await db
    .selectFrom(page)
    .innerJoin('loans as l', 'l.id', 'd.loan_id')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .leftJoin('users as u', 'u.id', 'l.officer_id')
    .select([
      'd.loan_id',
      'd.due_date',
      'd.kind',
      'd.signal',
      'l.contract_no',
      'l.principal',
      'l.officer_id',
      'b.id as borrower_id',
      'b.name',
      'b.village',
      'u.display_name',
    ])
    .orderBy('d.due_date')
    .orderBy('d.loan_id')
    .execute()
  return rows.map((r) => ({
    loanId: r.loan_id,
    contractNo: r.contract_no,
    borrowerId: r.borrower_id,
    borrowerName: r.name,
    village: r.village,
    officerId: r.officer_id,
    officerName: r.display_name,
    principal: r.principal,
    dueDate: r.due_date,
    kind: r.kind as DueRowView['kind'],
    signal: r.signal as DueRowView['signal'],
  }))
}

/** Number of due inspections in a date range. */
export async function countDue(db: Db, f: Pick<DueFilter, 'officerId' | 'from' | 'to'>): Promise<number> {
  const r = await dueQuery(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** Stored next due of one loan, if any. */
export async function findDue(db: Db, loanId: number): Promise<DueRow | null> {
  const r = await db.selectFrom('inspection_due').selectAll().where('loan_id', '=', loanId).executeTakeFirst()
  return r ? { loanId: r.loan_id, officerId: r.officer_id, dueDate: r.due_date, kind: r.kind, signal: r.signal } : null
}

/** Records a signal that calls for a special check. */
export async function insertSignal(
  db: Db,
  s: { loanId: number; kind: InspectionSignal; raisedOn: string; detail: string; by: number | null; at: string },
): Promise<void> {
  await db
    .insertInto('inspection_triggers')
    .values({
      loan_id: s.loanId,
      kind: s.kind,
      raised_on: s.raisedOn,
      detail: s.detail,
      created_by: s.by,
      created_at: s.at,
    })
    .execute()
}

/** Overdue episodes already recorded (open or cleared), as `loanId|raisedOn`, so one episode raises one signal. */
export async function overdueEpisodes(db: Db): Promise<Set<string>> {
  const rows = await db
    .selectFrom('inspection_triggers')
    .select(['loan_id', 'raised_on'])
    .where('kind', '=', 'overdue')
    .execute()
  return new Set(rows.map((r) => `${r.loan_id}|${r.raised_on}`))
}

/** Clears the open signals of a loan raised on or before a signed inspection's date. */
export async function clearSignals(db: Db, loanId: number, inspectionId: number, inspectedOn: string): Promise<void> {
  await db
    .updateTable('inspection_triggers')
    .set({ cleared_by: inspectionId })
    .where('loan_id', '=', loanId)
    .where('cleared_by', 'is', null)
    .where('raised_on', '<=', inspectedOn)
    .execute()
}
