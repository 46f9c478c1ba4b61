// The portfolio scan (hot path, SQLite-specific raw statements): three cursors ordered by loan id
// — loans, plan rows of the versions in force, posted payments — merged in one pass so every
// installment and payment row is read exactly once. `bareScan` reads the same rows and does
// nothing else: the bench compares the evaluation against it.
import type Database from 'better-sqlite3'
import type { PaymentEvent, PlanRow } from '../../../shared/servicing'
import { stmt } from './servicing'

/** One loan's replay inputs from the scan. */
export interface ScanLoan {
  id: number
  officerId: number
  annualRate: string
  markup: string
  startDate: string
  restructuredOn: string | null
  rows: PlanRow[]
  payments: PaymentEvent[]
}

/** Which loans the scan covers: active on `asOf`, optionally one officer's. */
export interface ScanFilter {
  asOf: string
  officerId: number | null
}

/** Loans active on the date: today's active ones, plus those closed (结清/核销) after it. */
function loanWhere(sqlite: Database.Database, f: ScanFilter): { where: string; params: unknown[] } {
  const closedLater = (stmt(sqlite, 'select count(*) from loan_closures where closed_date > ?').raw().get(f.asOf) as [number])[0] > 0
  let where = closedLater
    ? `(l.status = 'active' or l.id in (select loan_id from loan_closures where closed_date > ?)) and l.disbursement_date <= ?`
    : `l.status = 'active' and l.disbursement_date <= ?`
  const params: unknown[] = closedLater ? [f.asOf, f.asOf] : [f.asOf]
  if (f.officerId !== null) {
    where += ' and l.officer_id = ?'
    params.push(f.officerId)
  }
  return { where, params }
}

function queries(sqlite: Database.Database, f: ScanFilter) {
  const { where, params } = loanWhere(sqlite, f)
  return {
    loans: stmt(sqlite, `select l.id, l.officer_id, l.penalty_markup, l.misuse_markup, l.misused, l.disbursement_date
      from loans l where ${where} order by l.id`).raw().iterate(...params) as IterableIterator<unknown[]>,
    versions: stmt(sqlite, `select v.loan_id, v.id, v.annual_rate, v.reason, v.effective_date from loans l
      join loan_plan_versions v on v.loan_id = l.id where ${where} and v.status = 'active' and v.effective_date <= ?
      order by l.id, v.version`).raw().iterate(...params, f.asOf) as IterableIterator<unknown[]>,
    rows: stmt(sqlite, `select v.loan_id, v.id, i.seq, i.due_date, i.principal, i.interest from loans l
      join loan_plan_versions v on v.loan_id = l.id join plan_installments i on i.plan_version_id = v.id
      where ${where} and v.status = 'active' and v.effective_date <= ? order by l.id, v.version, i.seq`).raw().iterate(...params, f.asOf) as IterableIterator<unknown[]>,
    payments: stmt(sqlite, `select r.loan_id, r.id, r.paid_date, r.amount from loans l
      join repayments r on r.loan_id = l.id where ${where} and r.status = 'posted' and r.paid_date <= ?
      order by l.id, r.paid_date, r.id`).raw().iterate(...params, f.asOf) as IterableIterator<unknown[]>,
  }
}

/** A cursor that can look at its next row without taking it. */
class Peek {
  private head: unknown[] | undefined
  constructor(private readonly it: IterableIterator<unknown[]>) {
    this.head = it.next().value as unknown[] | undefined
  }
  /** Loan id of the next row, or +∞ at the end. */
  loanId(): number {
    return this.head === undefined ? Infinity : (this.head[0] as number)
  }
  take(): unknown[] {
    const h = this.head!
    this.head = this.it.next().value as unknown[] | undefined
    return h
  }
}

/** Visits every loan of the filter with its version-in-force rows and posted payments up to the date. */
export function scanPortfolio(sqlite: Database.Database, f: ScanFilter, visit: (l: ScanLoan) => void): void {
  const q = queries(sqlite, f)
  const versions = new Peek(q.versions), rows = new Peek(q.rows), pays = new Peek(q.payments)
  for (const l of q.loans) {
    const id = l[0] as number
    // Versions arrive in version order: the last one effective by the date is in force.
    let versionId = -1, rate = '', restructured: string | null = null
    while (versions.loanId() < id) versions.take()
    while (versions.loanId() === id) {
      const v = versions.take()
      versionId = v[1] as number
      rate = v[2] as string
      if (v[3] === 'restructure' && restructured === null) restructured = v[4] as string
    }
    const planRows: PlanRow[] = []
    while (rows.loanId() < id) rows.take()
    while (rows.loanId() === id) {
      const r = rows.take()
      if (r[1] === versionId) planRows.push({ seq: r[2] as number, dueDate: r[3] as string, principal: r[4] as number, interest: r[5] as number })
    }
    const payments: PaymentEvent[] = []
    while (pays.loanId() < id) pays.take()
    while (pays.loanId() === id) {
      const p = pays.take()
      payments.push({ id: p[1] as number, date: p[2] as string, amount: p[3] as number })
    }
    if (versionId < 0) continue
    visit({
      id, officerId: l[1] as number, annualRate: rate, markup: (l[4] === 1 ? l[3] : l[2]) as string, startDate: l[5] as string,
      restructuredOn: restructured, rows: planRows, payments,
    })
  }
}

/** Reads exactly the rows scanPortfolio reads and only counts them (the bench's baseline). */
export function bareScan(sqlite: Database.Database, f: ScanFilter): { loans: number; rows: number; payments: number } {
  const q = queries(sqlite, f)
  let loans = 0, rows = 0, payments = 0
  for (const _ of q.loans) loans++
  for (const _ of q.versions) loans += 0
  for (const _ of q.rows) rows++
  for (const _ of q.payments) payments++
  return { loans, rows, payments }
}
