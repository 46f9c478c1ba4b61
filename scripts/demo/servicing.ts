// Demo servicing data: a plan (version 1) for every loan without one, and a payment history up
// to the demo date — most borrowers pay on time, some pay late, some stopped paying (overdue
// in every bucket), loans past maturity and fully paid are settled, a few long-overdue ones written off.
import type Database from 'better-sqlite3-multiple-ciphers'
import { addDays, addMonths, overdueCharges } from '../../shared/domain'
import { type PlanMethod, initialRows } from '../../shared/servicing'
import { createRandom } from './random'

export interface ServicingDemoOptions {
  seed: number
  /** Payments are generated up to (not including) this date. */
  asOf: string
  onProgress?: (done: number, total: number) => void
}

/**
 * Keeps most of the portfolio running (a county has ~200k active loans, ~5M installment rows at
 * 200k borrowers): 65 % of the loans that would have matured by `asOf` are moved forward by whole
 * years so they mature after it (guarantee periods move with them); the rest keep their dates and settle.
 */
const KEEP_ACTIVE = 0.65

function keepMostActive(sqlite: Database.Database, o: ServicingDemoOptions): number {
  const r = createRandom(o.seed ^ 0x3ac7)
  const old = sqlite
    .prepare(
      `select id, disbursement_date, maturity_date from loans l where status = 'active' and maturity_date <= ?
    and not exists (select 1 from loan_plan_versions v where v.loan_id = l.id) order by id`,
    )
    .raw()
    .all(o.asOf) as [number, string, string][]
  const upLoan = sqlite.prepare('update loans set disbursement_date = ?, maturity_date = ? where id = ?')
  const upG = sqlite.prepare('update guarantors set period_start = ?, period_end = ? where loan_id = ?')
  let moved = 0
  sqlite.transaction(() => {
    for (const [id, disb, maturity] of old) {
      if (r.next() >= KEEP_ACTIVE) continue
      let years = 1
      while (addMonths(maturity, 12 * years) <= o.asOf) years++
      const d = addMonths(disb, 12 * years)
      if (d >= o.asOf) continue
      const m = addMonths(maturity, 12 * years)
      upLoan.run(d, m, id)
      upG.run(d, addMonths(m, 36), id)
      moved++
    }
  })()
  return moved
}

/** Adds plans and payment histories to every loan that has no plan yet; returns counts. */
export function addServicingDemo(
  sqlite: Database.Database,
  o: ServicingDemoOptions,
): { loans: number; installments: number; payments: number } {
  const r = createRandom(o.seed ^ 0x5e41)
  keepMostActive(sqlite, o)
  const loans = sqlite
    .prepare(
      `select id, principal, annual_rate, term_months, method, due_day, disbursement_date, created_at from loans l
    where status = 'active' and not exists (select 1 from loan_plan_versions v where v.loan_id = l.id) order by id`,
    )
    .raw()
    .all() as unknown[][]
  const insVersion =
    sqlite.prepare(`insert into loan_plan_versions (loan_id, version, reason, method, annual_rate, effective_date, status, created_at)
    values (?, 1, 'initial', ?, ?, ?, 'active', ?)`)
  const insRow = sqlite.prepare(
    'insert into plan_installments (plan_version_id, seq, due_date, principal, interest, kind) values (?, ?, ?, ?, ?, ?)',
  )
  const insPay =
    sqlite.prepare(`insert into repayments (loan_id, paid_date, amount, channel, receipt_no, kind, credit_handling, status, created_at)
    values (?, ?, ?, ?, ?, 'repayment', 'none', 'posted', ?)`)
  const settle = sqlite.prepare(`update loans set status = 'settled', settled_date = ? where id = ?`)
  const writeOff = sqlite.prepare(`update loans set status = 'written_off' where id = ?`)
  const closure = sqlite.prepare(
    `insert into loan_closures (loan_id, kind, closed_date, certificate_no, principal, reason, created_at) values (?, ?, ?, ?, ?, ?, ?)`,
  )
  let installments = 0,
    payments = 0,
    receipt = 0
  const channels = ['cash', 'cash', 'transfer', 'payroll'] as const
  const batch = 5_000
  for (let start = 0; start < loans.length; start += batch) {
    sqlite.transaction(() => {
      for (const l of loans.slice(start, start + batch)) {
        const [id, principal, rate, term, method, dueDay, startDate, createdAt] = l as [
          number,
          number,
          string,
          number,
          PlanMethod,
          number | null,
          string,
          string,
        ]
        const rows = initialRows({
          principal,
          annualRate: rate,
          termMonths: term,
          method: method === 'custom' ? 'equal_principal' : method,
          startDate,
          dueDay,
        }).map((x) => ({ ...x, kind: 'regular' as const }))
        const vid = Number(insVersion.run(id, method, rate, startDate, createdAt).lastInsertRowid)
        for (const x of rows) insRow.run(vid, x.seq, x.dueDate, x.principal, x.interest, x.kind)
        installments += rows.length
        // Behaviour: 86 % on time, 6 % a few days late, 8 % stop paying at some point.
        const u = r.next()
        const stopAt = u < 0.08 ? r.int(0, rows.length) : rows.length + 1
        const lateDays = u >= 0.08 && u < 0.14 ? r.int(1, 12) : 0
        let paidAll = true
        for (const x of rows) {
          const date = lateDays ? addDays(x.dueDate, lateDays) : x.dueDate
          if (date >= o.asOf || x.seq > stopAt) {
            paidAll = false
            break
          }
          // A late payer also pays the 罚息/复利 of those days (earlier rows are settled, so one segment).
          const c = lateDays
            ? overdueCharges({
                overduePrincipal: x.principal,
                overdueInterest: x.interest,
                annualRate: rate,
                markupPercent: '50',
                from: x.dueDate,
                to: date,
              })
            : null
          const extra = c ? c.penaltyInterest + c.compoundInterest : 0
          insPay.run(id, date, x.principal + x.interest + extra, r.pick(channels), `SK-D-${++receipt}`, createdAt)
          payments++
        }
        const last = rows[rows.length - 1]!
        if (paidAll) {
          const d = lateDays ? addDays(last.dueDate, lateDays) : last.dueDate
          settle.run(d, id)
          closure.run(id, 'settled', d, `JQ-D-${id}`, 0, null, createdAt)
        } else if (stopAt <= 2 && last.dueDate < addDays(o.asOf, -400) && r.chance(0.5)) {
          writeOff.run(id)
          closure.run(
            id,
            'written_off',
            addDays(o.asOf, -30),
            null,
            principal,
            '逾期超过一年，追索无果（演示）',
            createdAt,
          )
        }
      }
    })()
    o.onProgress?.(Math.min(loans.length, start + batch), loans.length)
  }
  return { loans: loans.length, installments, payments }
}
