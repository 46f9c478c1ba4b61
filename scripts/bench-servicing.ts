/**
 * Servicing figures for `npm run bench`: as-of evaluation of every active loan vs a bare scan of
 * the same installment and payment rows (same run, same queries), and posting 10k payments as one
 * collection sheet. Adds plans and payment histories to the bench database once if it has none.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import os, { tmpdir } from 'node:os'
import { join } from 'node:path'
import type Database from 'better-sqlite3-multiple-ciphers'
import { createBackend } from '../electron/backend'
import { bareScan } from '../electron/backend/servicing/scan-repo'
import { evaluateAll, refreshCheckpoints } from '../electron/backend/servicing/portfolio'
import type { Ctx } from '../electron/backend/context'
import type { BenchResult } from './bench'
import { DEMO_PASSWORD } from './demo/generate'
import { createRandom } from './demo/random'
import { addServicingDemo } from './demo/servicing'

const AS_OF = '2026-11-01'

/** Bench-only fallback while the demo generator has no loans: one loan per borrower, 12–36 months. */
function insertBenchLoans(sqlite: Database.Database): number {
  const r = createRandom(7)
  const borrowers = sqlite.prepare('select id, officer_id from borrowers order by id').raw().all() as [number, number][]
  const ins =
    sqlite.prepare(`insert into loans (borrower_id, contract_no, iou_no, product, principal, annual_rate, term_months, method, due_day,
    disbursement_date, maturity_date, purpose, guarantee_type, officer_id, created_at, updated_at)
    values (?, ?, ?, '农户小额信用贷款', ?, ?, ?, ?, null, ?, ?, '种植养殖', 'credit', ?, ?, ?)`)
  const methods = ['annuity', 'equal_principal', 'annuity', 'quarterly_interest'] as const
  sqlite.transaction(() => {
    for (const [id, officer] of borrowers) {
      const term = r.pick([12, 24, 24, 36, 36])
      const start = new Date(Date.UTC(2023, 10, 1) + r.int(0, 1080) * 86_400_000).toISOString().slice(0, 10)
      const y = Number(start.slice(0, 4)) + Math.floor((Number(start.slice(5, 7)) - 1 + term) / 12)
      const m = ((Number(start.slice(5, 7)) - 1 + term) % 12) + 1
      const maturity = `${y}-${String(m).padStart(2, '0')}-${start.slice(8)}`
      ins.run(
        id,
        `HT-B-${id}`,
        `JJ-B-${id}`,
        r.int(20, 500) * 100_00,
        r.pick(['4.35', '5.6', '6.5', '7.2']),
        term,
        r.pick(methods),
        start,
        maturity,
        officer ?? 1,
        start,
        start,
      )
    }
  })()
  return borrowers.length
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] as number
}

/** Runs the servicing benchmarks on the bench database in `dir`. */
export async function benchServicing(dir: string, log: (s: string) => void): Promise<BenchResult[]> {
  const backend = await createBackend({ dataDir: dir, now: () => new Date(`${AS_OF}T02:00:00.000Z`) })
  const out: BenchResult[] = []
  try {
    const sqlite = backend.env.sqlite
    const count = (sql: string) => (sqlite.prepare(sql).raw().get() as [number])[0]
    if (count('select count(*) from loan_plan_versions') === 0) {
      if (count('select count(*) from loans') === 0)
        log(`  (no demo loans yet: inserted ${insertBenchLoans(sqlite)} bench loans)`)
      const t0 = performance.now()
      const s = addServicingDemo(sqlite, { seed: 1, asOf: AS_OF })
      log(
        `  servicing demo: ${s.loans} plans, ${s.installments} installments, ${s.payments} payments in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      )
      sqlite.pragma('optimize')
    }
    const ctx = { env: backend.env, db: backend.env.db } as unknown as Ctx
    if (count('select count(*) from replay_checkpoints') === 0) {
      // As a month-end snapshot would: checkpoints as of the previous month's end.
      const t0 = performance.now()
      log(
        `  replay checkpoints as of 2026-10-31: ${refreshCheckpoints(ctx, '2026-10-31')} loans in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      )
    }
    const filter = { asOf: AS_OF, officerId: null }
    const bare: number[] = [],
      evals: number[] = [],
      cpuBare: number[] = [],
      cpuEval: number[] = []
    const cpu = () => {
      const u = process.cpuUsage()
      return (u.user + u.system) / 1000
    }
    let evaluated = 0
    const active = `from loans l join loan_plan_versions v on v.loan_id = l.id and v.status = 'active' join plan_installments i on i.plan_version_id = v.id where l.status = 'active'`
    const instRows = count(`select count(*) ${active}`)
    const payRows = count(
      `select count(*) from loans l join repayments r on r.loan_id = l.id where l.status = 'active' and r.status = 'posted' and r.paid_date <= '${AS_OF}'`,
    )
    for (let i = 0; i < 3; i++) {
      let t0 = performance.now(),
        c0 = cpu()
      bareScan(sqlite, filter)
      bare.push(performance.now() - t0)
      cpuBare.push(cpu() - c0)
      t0 = performance.now()
      c0 = cpu()
      evaluated = 0
      evaluateAll(ctx, filter, () => evaluated++)
      evals.push(performance.now() - t0)
      cpuEval.push(cpu() - c0)
    }
    const b = median(bare),
      e = median(evals)
    log(
      `  portfolio: ${evaluated} active loans, ${instRows} installment rows, ${payRows} payment rows; evaluation ${(e / 1000).toFixed(2)} s = ${(e / b).toFixed(2)} × bare scan ${(b / 1000).toFixed(2)} s (CPU ${(median(cpuEval) / 1000).toFixed(2)} s vs ${(median(cpuBare) / 1000).toFixed(2)} s; load ${os.loadavg()[0]!.toFixed(1)})`,
    )
    out.push({ name: 'servicing: bare scan of installments + payments', value: b, unit: 'ms' })
    out.push({ name: 'servicing: as-of evaluation of all active loans', value: e, unit: 'ms' })
    out.push({ name: 'servicing: evaluation / bare scan', value: Math.round((e / b) * 100) / 100, unit: 'ratio' })
  } finally {
    await backend.close()
  }
  out.push(await benchPosting(dir))
  return out
}

/** 10k payments as one collection sheet (validated, then committed in one transaction), on a copy. */
async function benchPosting(dir: string): Promise<BenchResult> {
  const copy = mkdtempSync(join(tmpdir(), 'daihou-bench-post-'))
  try {
    cpSync(join(dir, 'daihou.sqlite'), join(copy, 'daihou.sqlite'))
    // Each loan pays its next installment on its due date, up to seven months after the demo date.
    const backend = await createBackend({ dataDir: copy, now: () => new Date('2027-06-01T02:00:00.000Z') })
    try {
      const login = await backend.dispatch({
        method: 'auth.login',
        input: { username: 'admin', password: DEMO_PASSWORD },
      })
      if (!login.ok) throw new Error(login.error.message)
      const token = (login.value as { token: string }).token
      // Loans current as of the date with an installment due in the coming month: pay it today (no overpayment).
      const due = backend.env.sqlite
        .prepare(
          `select l.iou_no, i.due_date, i.principal + i.interest from loans l
        join loan_plan_versions v on v.loan_id = l.id and v.version = 1 join plan_installments i on i.plan_version_id = v.id
        where l.status = 'active' and i.due_date = (select min(due_date) from plan_installments x where x.plan_version_id = v.id and x.due_date >= ?)
          and i.due_date < '2027-06-01'
        order by l.id limit 10000`,
        )
        .raw()
        .all(AS_OF) as [string, string, number][]
      const rows = due.map(([iouNo, paidDate, amount]) => ({ iouNo, paidDate, amount, channel: 'payroll' as const }))
      const t0 = performance.now()
      const r = await backend.dispatch({ method: 'servicing.bulkPost', input: { dryRun: false, rows }, token })
      const ms = performance.now() - t0
      if (!r.ok) throw new Error(`bulkPost: ${r.error.message} ${JSON.stringify(r.error.fields?.slice(0, 3))}`)
      return { name: `servicing: post ${rows.length} payments (collection sheet)`, value: ms, unit: 'ms' }
    } finally {
      await backend.close()
    }
  } finally {
    rmSync(copy, { recursive: true, force: true })
  }
}
