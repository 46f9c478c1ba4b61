// Per-loan servicing state (table loan_state, migration 0009): what the loan list, the overdue
// figures and the reminders read instead of replaying every loan per request. Refreshed for one
// loan by every write that changes it, and for all loans once a day (first read or start of the
// day) with the portfolio scan. DPD needs no refresh: it is today − oldest_unpaid_due.
import type Database from 'better-sqlite3-multiple-ciphers'
import { DEFAULT_ALLOCATION_ORDER, PRINCIPAL_FIRST_ORDER, type Component } from '../../../shared/domain'
import { type LoanEvaluation, evaluateLoan } from '../../../shared/servicing'
import { NO_UNPAID_DUE } from '../db/schema-loan-state'
import { rawOf } from '../db/raw'
import type { Db } from '../db/types'
import { scanPortfolio } from './scan-repo'
import { findLoanHead, postedPayments, restructuredOn, stmt, versionIdForDate, versionRows } from './servicing-repo'

/** Settings key holding the day of the last all-loans refresh. */
const MARK = 'servicing.loanStateAsOf'

export type StateRow = [
  loanId: number,
  oldest: string | null,
  next: string | null,
  outstanding: number,
  overdueP: number,
  overdueI: number,
  penalty: number,
  payoff: number,
  credit: number,
  asOf: string,
]

function order(sqlite: Database.Database): readonly Component[] {
  const r = stmt(sqlite, "select value from settings where key = 'servicing.allocationOrder'").raw().get() as
    [string] | undefined
  return r?.[0] === 'principal_first' ? PRINCIPAL_FIRST_ORDER : DEFAULT_ALLOCATION_ORDER
}

/**
 * Earliest installment not paid in full, and the first one due on or after `today` still to pay.
 * Credit (挂账) pays future installments on their due dates, so one the credit already covers
 * counts as paid (needs a detailed evaluation).
 */
function dueDates(e: LoanEvaluation, today: string): { oldest: string | null; next: string | null } {
  let credit = e.credit,
    oldest: string | null = null
  for (const r of e.installments) {
    let open = r.principal + r.interest - r.paidPrincipal - r.paidInterest
    if (open === 0) continue
    if (r.dueDate > today && credit > 0) {
      const used = Math.min(credit, open)
      credit -= used
      open -= used
      if (open === 0) continue
    }
    oldest ??= r.dueDate
    if (r.dueDate >= today) return { oldest, next: r.dueDate }
  }
  return { oldest, next: null }
}

function rowOf(
  loanId: number,
  e: LoanEvaluation,
  d: { oldest: string | null; next: string | null },
  today: string,
): StateRow {
  return [
    loanId,
    d.oldest,
    d.next,
    e.outstandingPrincipal,
    e.overduePrincipal,
    e.overdueInterest,
    e.penaltyInterest + e.compoundInterest,
    e.payoff,
    e.credit,
    today,
  ]
}

function upsert(sqlite: Database.Database, r: StateRow): void {
  r[1] ??= NO_UNPAID_DUE
  r[2] ??= NO_UNPAID_DUE
  stmt(
    sqlite,
    `insert into loan_state (loan_id, oldest_unpaid_due, next_due_date, outstanding_principal, overdue_principal, overdue_interest,
      penalty_interest, payoff, credit, state_as_of) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    on conflict (loan_id) do update set oldest_unpaid_due = excluded.oldest_unpaid_due, next_due_date = excluded.next_due_date,
      outstanding_principal = excluded.outstanding_principal,
      overdue_principal = excluded.overdue_principal, overdue_interest = excluded.overdue_interest, penalty_interest = excluded.penalty_interest,
      payoff = excluded.payoff, credit = excluded.credit, state_as_of = excluded.state_as_of`,
  ).run(...r)
}

function computeOne(sqlite: Database.Database, loanId: number, today: string): StateRow | null {
  const head = findLoanHead(sqlite, loanId)
  if (!head) return null
  const v = versionIdForDate(sqlite, loanId, today)
  if (!v)
    return [
      loanId,
      null,
      null,
      head.status === 'active' ? head.principal : 0,
      0,
      0,
      0,
      head.status === 'active' ? head.principal : 0,
      0,
      today,
    ]
  const e = evaluateLoan({
    rows: versionRows(sqlite, v.id),
    payments: postedPayments(sqlite, loanId),
    annualRate: v.annualRate,
    markupPercent: head.misused ? head.misuseMarkup : head.penaltyMarkup,
    startDate: head.disbursementDate,
    asOf: today,
    order: order(sqlite),
    restructuredOn: restructuredOn(sqlite, loanId),
    detail: true,
  })
  // A closed loan (结清/核销/撤销) is never overdue: its state shows through loans.status.
  return rowOf(loanId, e, head.status === 'active' ? dueDates(e, today) : { oldest: null, next: null }, today)
}

/** Recomputes one loan's state as of `today`; call it after every write that changes the loan. */
export function refreshLoanState(db: Db, loanId: number, today: string): void {
  const sqlite = rawOf(db)
  const r = computeOne(sqlite, loanId, today)
  if (r) upsert(sqlite, r)
}

/** Marks a loan's state for refresh (its payments or plan changed); the next read recomputes it. */
export function markStateStale(sqlite: Database.Database, loanId: number): void {
  stmt(sqlite, `update loan_state set state_as_of = '' where loan_id = ?`).run(loanId)
}

/** A loan's state to write: the new row, and the row it replaces as read (null: none yet). */
export type StateChange = [next: StateRow, prev: StateRow | null]

const COLS = `loan_id, oldest_unpaid_due, next_due_date, outstanding_principal, overdue_principal, overdue_interest,
  penalty_interest, payoff, credit, state_as_of`

/** Same state: every column but the day it was computed for (a row marked stale ('') always differs). */
function sameState(a: StateRow, b: StateRow): boolean {
  if (b[9] === '') return false
  for (let k = 1; k < 9; k++) if (a[k] !== b[k]) return false
  return true
}

/**
 * Every loan's state as of `today` (the portfolio scan; the detailed replay for loans with credit
 * and for loans the scan does not visit), compared with the stored rows: only the rows that differ
 * are returned, with the row they replace. Reads only, so it runs on a worker's own read-only
 * connection inside one read transaction (one consistent snapshot) as well as on the app's.
 */
export function computeStateChanges(sqlite: Database.Database, today: string): StateChange[] {
  const stored = new Map<number, StateRow>()
  for (const r of stmt(sqlite, `select ${COLS} from loan_state`).raw().iterate() as IterableIterator<StateRow>)
    stored.set(r[0], r)
  const out: StateChange[] = []
  const put = (r: StateRow) => {
    r[1] ??= NO_UNPAID_DUE
    r[2] ??= NO_UNPAID_DUE
    const prev = stored.get(r[0]) ?? null
    if (prev === null || !sameState(r, prev)) out.push([r, prev])
  }
  const visited = new Set<number>()
  const single: number[] = []
  const o = order(sqlite)
  scanPortfolio(sqlite, { asOf: today, officerId: null }, (l) => {
    visited.add(l.id)
    const e = evaluateLoan({
      rows: l.rows,
      payments: l.payments,
      annualRate: l.annualRate,
      markupPercent: l.markup,
      startDate: l.startDate,
      asOf: today,
      restructuredOn: l.restructuredOn,
      order: o,
    })
    // The scan folds future rows into one: with credit (it pays them on their dates) the detailed replay decides.
    if (e.credit > 0) single.push(l.id)
    else
      put(
        rowOf(
          l.id,
          e,
          {
            oldest: e.earliestUnpaidDueDate,
            next: e.dueToday > 0 ? today : (l.rows.find((r) => r.dueDate > today)?.dueDate ?? null),
          },
          today,
        ),
      )
  })
  // After the scan (its cursors closed): loans it did not visit — never computed, marked stale,
  // active without a plan in force yet. Closed loans keep the state of their last change.
  const rest = stmt(
    sqlite,
    `select l.id from loans l left join loan_state s on s.loan_id = l.id
    where s.loan_id is null or s.state_as_of = '' or l.status = 'active'`,
  )
    .raw()
    .all() as [number][]
  for (const [id] of rest) if (!visited.has(id)) single.push(id)
  for (const id of single) {
    const r = computeOne(sqlite, id, today)
    if (r) put(r)
  }
  return out
}

const SET_MARK = `insert into settings (key, value) values (?, ?) on conflict (key) do update set value = excluded.value`

/**
 * Writes computed changes, each only if the stored row is still the one they were computed
 * against: a loan refreshed meanwhile by a write (a repayment posted during a background refresh
 * recomputes it from the new payments) or marked stale keeps that newer state. `concurrent`: computed on
 * another connection's snapshot, so a row that was stale there is left to the per-read stale pass
 * (a second write to the loan after the snapshot marks it stale again: the row would look unchanged).
 * Returns rows written.
 */
export function applyStateChanges(
  sqlite: Database.Database,
  changes: readonly StateChange[],
  o: { concurrent?: boolean } = {},
): number {
  const insert = stmt(
    sqlite,
    `insert into loan_state (${COLS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (loan_id) do nothing`,
  )
  const update = stmt(
    sqlite,
    `update loan_state set oldest_unpaid_due = ?, next_due_date = ?, outstanding_principal = ?, overdue_principal = ?,
      overdue_interest = ?, penalty_interest = ?, payoff = ?, credit = ?, state_as_of = ?
    where loan_id = ? and oldest_unpaid_due = ? and next_due_date = ? and outstanding_principal = ? and overdue_principal = ?
      and overdue_interest = ? and penalty_interest = ? and payoff = ? and credit = ? and state_as_of = ?`,
  )
  let n = 0
  for (const [r, p] of changes) {
    if (o.concurrent && p?.[9] === '') continue
    if (p === null) n += insert.run(...r).changes
    else n += update.run(...r.slice(1), r[0], ...p.slice(1)).changes
  }
  return n
}

/** Day of the last all-loans refresh (null: never). */
export function loanStatesDay(sqlite: Database.Database): string | null {
  const r = stmt(sqlite, 'select value from settings where key = ?').raw().get(MARK) as [string] | undefined
  return r?.[0] ?? null
}

/** Records that every loan's state has been refreshed for `today`. */
export function markLoanStatesDay(sqlite: Database.Database, today: string): void {
  stmt(sqlite, SET_MARK).run(MARK, today)
}

/**
 * Recomputes every loan's state as of `today` synchronously, writing only the rows that changed,
 * in one transaction; returns the rows written. The app does this in a worker instead (state-refresh.ts).
 */
export function refreshAllLoanStates(db: Db, today: string): number {
  const sqlite = rawOf(db)
  const changes = computeStateChanges(sqlite, today)
  // Written after the scan (no writes while its cursors are open), in one transaction.
  return sqlite.transaction(() => {
    const n = applyStateChanges(sqlite, changes)
    markLoanStatesDay(sqlite, today)
    return n
  })()
}

/** Background refreshers by connection (state-refresh.ts registers one when the app runs it). */
const background = new WeakMap<Database.Database, (today: string) => void>()

/** Lets `ensureLoanStates` hand the day's all-loans refresh to `start` instead of running it inline. */
export function registerBackgroundRefresh(sqlite: Database.Database, start: ((today: string) => void) | null): void {
  if (start) background.set(sqlite, start)
  else background.delete(sqlite)
}

/**
 * Makes every loan's state current for `today` before a read: the all-loans refresh once a day,
 * then the loans marked stale by writes since. With a background refresher the day's refresh runs
 * in a worker while reads are served from the previous day's rows (DPD is still counted to today:
 * it is today − oldest_unpaid_due; amounts that accrue daily lag until the worker's rows land).
 * Cheap when nothing is due (two indexed lookups).
 */
export function ensureLoanStates(db: Db, today: string): void {
  const sqlite = rawOf(db)
  const day = loanStatesDay(sqlite)
  if (day !== today) {
    const start = background.get(sqlite)
    // Never refreshed (a new or upgraded database): every row is missing, so wait for it once.
    if (!start || day === null) {
      refreshAllLoanStates(db, today)
      return
    }
    start(today)
  }
  // Marked stale by a write, or registered since (loan ids only grow) and never computed.
  const ids = stmt(
    sqlite,
    `select loan_id from loan_state where state_as_of = ''
    union all select id from loans where id > (select coalesce(max(loan_id), 0) from loan_state)`,
  )
    .raw()
    .all() as [number][]
  if (ids.length === 0) return
  sqlite.transaction(() => {
    for (const [id] of ids) {
      const r = computeOne(sqlite, id, today)
      if (r) upsert(sqlite, r)
    }
  })()
}

/** Stored state of some loans (call ensureLoanStates first): oldest unpaid due date (null = none) and balance. */
export async function loanStatesOf(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, { oldestUnpaidDue: string | null; outstandingPrincipal: number }>> {
  const out = new Map<number, { oldestUnpaidDue: string | null; outstandingPrincipal: number }>()
  for (let k = 0; k < ids.length; k += 500) {
    const rs = await db
      .selectFrom('loan_state')
      .select(['loan_id', 'oldest_unpaid_due', 'outstanding_principal'])
      .where('loan_id', 'in', ids.slice(k, k + 500))
      .execute()
    for (const r of rs)
      out.set(r.loan_id, {
        oldestUnpaidDue: r.oldest_unpaid_due === NO_UNPAID_DUE ? null : r.oldest_unpaid_due,
        outstandingPrincipal: r.outstanding_principal,
      })
  }
  return out
}
