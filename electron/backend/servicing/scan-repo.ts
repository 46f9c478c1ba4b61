// The portfolio scan (hot path, SQLite-specific raw statements): three cursors ordered by loan id
// — loans, plan versions with their rows, posted payments — merged in one pass so every
// installment and payment row is read exactly once. `bareScan` reads the same rows and does
// nothing else: the bench compares the evaluation against it.
import type { PaymentEvent, PlanRow } from '../../../shared/servicing'
import { type Conn, stmt } from './servicing-repo'

/** One loan's replay inputs from the scan. */
export interface ScanLoan {
  id: number
  officerId: number
  annualRate: string
  markup: string
  startDate: string
  restructuredOn: string | null
  /** Plan version in force and the installments a checkpoint already settled (0 = none). */
  versionId: number
  settledRows: number
  rows: PlanRow[]
  payments: PaymentEvent[]
  /** With `ScanFilter.heads`: the loan's head and 诉讼时效 clock inputs (else undefined). */
  head?: ScanHead
}

/** What the risk evaluation reads with the scan: the loan's head and its clock inputs as of the date. */
export interface ScanHead {
  borrowerId: number
  category: string
  maturityDate: string
  /** Status today: a loan closed after the date is scanned (it was active then) but is not active now. */
  status: string
  /** Last due date of the plan version in force (due dates rise with seq). */
  lastDue: string | null
  /** Last posted payment by the date (an auto-debit interrupts the limitation too). */
  lastPaid: string | null
  /** Last interrupting event by the date (signed demand, acknowledgement, public notice). */
  lastEvent: string | null
}

/** Which loans the scan covers: active on `asOf`, optionally one officer's. */
export interface ScanFilter {
  asOf: string
  officerId: number | null
  /** Also read each loan's head and clock inputs (the risk evaluation). */
  heads?: boolean
  /**
   * Start from the replay checkpoints (default). Totals are the same either way; the payment
   * history before a checkpoint (late payments, 罚息 paid) is not, so the risk evaluation, whose
   * customer class and upgrade rule read that history, scans without them.
   */
  checkpoints?: boolean
}

/** Loans active on the date: today's active ones, plus those closed (结清/核销) after it. Named params @asOf, @officer. */
function loanWhere(sqlite: Conn, f: ScanFilter): string {
  const closedLater =
    (stmt(sqlite, 'select count(*) from loan_closures where closed_date > ?').raw().get(f.asOf) as [number])[0] > 0
  // Loans disbursed after the date drop out by themselves: no plan version is effective yet.
  const where = closedLater
    ? `(l.status = 'active' or l.id in (select loan_id from loan_closures where closed_date > @asOf))`
    : `l.status = 'active'`
  return f.officerId === null ? where : `${where} and l.officer_id = @officer`
}

/**
 * Three cursors in loan order. SQLite-specific on purpose (hot path): each plan version's rows due
 * by the date come as one group_concat string ('YYYY-MM-DD<principal>,<interest>;…'), the rows not
 * yet due as their principal sum plus the earliest one's date and interest (a replay up to the date
 * never touches them), and each loan's posted payments as one string ('YYYY-MM-DD<amount>;…').
 * One row per loan crosses into JS instead of one per installment and payment. The strings follow
 * the index order the joins visit (installments by (version, seq), payments by (loan, date, id));
 * the parsers verify that order and sort if it ever differs.
 */
// Head and clock columns (an index lookup per loan on limitation_events_loan). The last posted
// payment comes from the loan's payments when the scan reads the whole history (no checkpoints),
// else from a lookup on repayments_posted.
const HEAD_COLUMNS = (lastPaid: boolean) => `, l.borrower_id, l.category, l.maturity_date, l.status,
  (select max(e.occurred_on) from limitation_events e where e.loan_id = l.id and e.guarantor_id is null
    and e.kind in ('demand_signed', 'acknowledgement', 'public_notice') and e.occurred_on <= @asOf)${
      lastPaid
        ? `, (select max(r.paid_date) from repayments r where r.loan_id = l.id and r.status = 'posted' and r.paid_date <= @asOf)`
        : ''
    }`

function queries(sqlite: Conn, f: ScanFilter) {
  const where = loanWhere(sqlite, f)
  const params = f.officerId === null ? { asOf: f.asOf } : { asOf: f.asOf, officer: f.officerId }
  const loans = stmt(
    sqlite,
    `select l.id, l.officer_id, l.penalty_markup, l.misuse_markup, l.misused, l.disbursement_date${f.heads ? HEAD_COLUMNS(f.checkpoints !== false) : ''}
      from loans l where ${where} order by l.id`,
  )
    .raw()
    .iterate(params) as IterableIterator<unknown[]>
  if (f.checkpoints === false) {
    // The whole history: no checkpoint join, so each installment row costs only its own case
    // expressions (about a third less than the checkpoint-aware statement below).
    return {
      loans,
      versions: stmt(
        sqlite,
        `select v.loan_id, v.id, v.annual_rate, v.reason, v.effective_date,
          group_concat(case when i.due_date <= @asOf then i.due_date || i.principal || ',' || i.interest end, ';'),
          min(case when i.due_date > @asOf then i.due_date || i.interest end),
          sum(case when i.due_date > @asOf then i.principal else 0 end),
          0, null${f.heads ? ', max(i.due_date)' : ''}
        from loans l join loan_plan_versions v on v.loan_id = l.id join plan_installments i on i.plan_version_id = v.id
        where ${where} and v.status = 'active' and v.effective_date <= @asOf
        group by l.id, v.version order by l.id, v.version`,
      )
        .raw()
        .iterate(params) as IterableIterator<unknown[]>,
      payments: stmt(
        sqlite,
        `select r.loan_id, group_concat(r.paid_date || r.amount, ';')
        from loans l join repayments r on r.loan_id = l.id
        where ${where} and r.status = 'posted' and r.paid_date <= @asOf
        group by l.id order by l.id`,
      )
        .raw()
        .iterate(params) as IterableIterator<unknown[]>,
    }
  }
  const checkpoints = `replay_checkpoints c on c.loan_id = l.id and c.as_of <= @asOf`
  return {
    loans,
    versions: stmt(
      sqlite,
      `select v.loan_id, v.id, v.annual_rate, v.reason, v.effective_date,
        group_concat(case when i.due_date <= @asOf and i.seq > (case when c.version_id = v.id then c.rows_settled else 0 end)
          then i.due_date || i.principal || ',' || i.interest end, ';'),
        min(case when i.due_date > @asOf then i.due_date || i.interest end),
        sum(case when i.due_date > @asOf then i.principal else 0 end),
        case when c.version_id = v.id then c.rows_settled else 0 end,
        max(case when c.version_id = v.id and i.seq = c.rows_settled then i.due_date end)${f.heads ? ', max(i.due_date)' : ''}
      from loans l left join ${checkpoints}
        join loan_plan_versions v on v.loan_id = l.id join plan_installments i on i.plan_version_id = v.id
      where ${where} and v.status = 'active' and v.effective_date <= @asOf
        and i.seq >= (case when c.version_id = v.id then c.rows_settled else 0 end)
      group by l.id, v.version order by l.id, v.version`,
    )
      .raw()
      .iterate(params) as IterableIterator<unknown[]>,
    payments: stmt(
      sqlite,
      `select r.loan_id, group_concat(r.paid_date || r.amount, ';')
      from loans l left join ${checkpoints} join repayments r on r.loan_id = l.id
      where ${where} and r.status = 'posted' and r.paid_date <= @asOf and r.paid_date > coalesce(c.as_of, '0000-00-00')
      group by l.id order by l.id`,
    )
      .raw()
      .iterate(params) as IterableIterator<unknown[]>,
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

function parseRows(gc: string | null, future: string | null, futurePrincipal: number, settled: number): PlanRow[] {
  const rows: PlanRow[] = []
  if (gc) {
    let seq = settled // rows after a checkpoint are consecutive: due dates rise with seq
    for (const part of gc.split(';')) {
      const c = part.indexOf(',', 10)
      rows.push({
        seq: ++seq,
        dueDate: part.slice(0, 10),
        principal: Number(part.slice(10, c)),
        interest: Number(part.slice(c + 1)),
      })
    }
  }
  for (let k = 1; k < rows.length; k++) {
    if (rows[k]!.dueDate < rows[k - 1]!.dueDate) {
      rows.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.seq - b.seq))
      break
    }
  }
  if (future)
    rows.push({
      seq: Number.MAX_SAFE_INTEGER,
      dueDate: future.slice(0, 10),
      principal: futurePrincipal,
      interest: Number(future.slice(10)),
    })
  return rows
}

function parsePayments(gc: string | null): PaymentEvent[] {
  if (!gc) return []
  const out = gc.split(';').map((p, k) => ({ id: k + 1, date: p.slice(0, 10), amount: Number(p.slice(10)) }))
  for (let k = 1; k < out.length; k++) {
    if (out[k]!.date < out[k - 1]!.date)
      return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id))
  }
  return out
}

/** Date of the last payment (payments come in date order). */
function lastPaidOf(payments: PaymentEvent[]): string | null {
  return payments.length === 0 ? null : payments[payments.length - 1]!.date
}

/**
 * Visits every loan of the filter with its version-in-force rows due by the date (plus one row
 * standing for all later ones) and posted payments up to the date. Totals equal a full replay.
 */
export function scanPortfolio(sqlite: Conn, f: ScanFilter, visit: (l: ScanLoan) => void): void {
  const q = queries(sqlite, f)
  const versions = new Peek(q.versions),
    pays = new Peek(q.payments)
  for (const l of q.loans) {
    const id = l[0] as number
    // Versions arrive in version order: the last one effective by the date is in force.
    let v: unknown[] | null = null,
      restructured: string | null = null
    while (versions.loanId() < id) versions.take()
    while (versions.loanId() === id) {
      v = versions.take()
      if (v[3] === 'restructure' && restructured === null) restructured = v[4] as string
    }
    let payments: PaymentEvent[] = []
    while (pays.loanId() < id) pays.take()
    if (pays.loanId() === id) payments = parsePayments(pays.take()[1] as string | null)
    if (v === null) continue
    // After a checkpoint the replay starts at the last settled installment's due date (its interest period ended there).
    visit({
      id,
      officerId: l[1] as number,
      annualRate: v[2] as string,
      markup: (l[4] === 1 ? l[3] : l[2]) as string,
      startDate: (v[9] as string | null) ?? (l[5] as string),
      restructuredOn: restructured,
      versionId: v[1] as number,
      settledRows: v[8] as number,
      rows: parseRows(v[5] as string | null, v[6] as string | null, v[7] as number, v[8] as number),
      payments,
      ...(f.heads
        ? {
            head: {
              borrowerId: l[6] as number,
              category: l[7] as string,
              maturityDate: l[8] as string,
              status: l[9] as string,
              lastEvent: l[10] as string | null,
              lastPaid: f.checkpoints === false ? lastPaidOf(payments) : (l[11] as string | null),
              lastDue: v[10] as string | null,
            },
          }
        : {}),
    })
  }
}

/**
 * The bench's baseline: reads exactly what scanPortfolio reads (same statements, same rows) and
 * decodes every row into JS values (the plan rows and payments as the replay gets them, the head
 * and clock columns), then drops them: no replay, no evaluation. `decode: false` only counts rows.
 */
export function bareScan(
  sqlite: Conn,
  f: ScanFilter,
  o: { decode?: boolean } = {},
): { loans: number; rows: number; payments: number; checksum: number } {
  const q = queries(sqlite, f)
  const decode = o.decode !== false
  let loans = 0,
    rows = 0,
    payments = 0,
    sink = 0
  for (const l of q.loans) {
    loans++
    if (decode) for (const x of l) sink += x === null ? 0 : typeof x === 'string' ? x.length : 1
  }
  for (const v of q.versions) {
    if (!decode) {
      rows += v[5] === null ? 0 : 1
      continue
    }
    const r = parseRows(v[5] as string | null, v[6] as string | null, v[7] as number, v[8] as number)
    rows += r.length
    sink += (v[2] as string).length + (v[4] as string).length + ((v[9] as string | null)?.length ?? 0)
  }
  for (const p of q.payments) payments += decode ? parsePayments(p[1] as string | null).length : 1
  return { loans, rows, payments, checksum: sink }
}
