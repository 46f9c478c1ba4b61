/**
 * Loan list (贷后管理) and reminder figures for `npm run bench`, on the bench database after the
 * servicing demo: first page p95 per filter as the manager (whole county) and as an officer, and
 * the due-soon first page (30 days, whole county). The first call of the day refreshes every
 * loan's state (loan_state); that one-off cost is reported on its own.
 */
import { createBackend } from '../electron/backend'
import type { BenchResult } from './bench'
import { DEMO_PASSWORD } from './demo/generate'

const AS_OF = '2026-11-01' // the servicing bench's date: plans and payments exist up to it

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] as number
}

/** Runs the loan-list benchmarks on the bench database in `dir`. */
export async function benchLoanList(dir: string, log: (s: string) => void): Promise<BenchResult[]> {
  const backend = await createBackend({ dataDir: dir, now: () => new Date(`${AS_OF}T02:00:00.000Z`) })
  const out: BenchResult[] = []
  try {
    const token = async (username: string) => {
      const r = await backend.dispatch({ method: 'auth.login', input: { username, password: DEMO_PASSWORD } })
      if (!r.ok) throw new Error(r.error.message)
      return (r.value as { token: string }).token
    }
    const manager = await token('manager'),
      officer = await token('officer1')
    const call = async (method: string, input: unknown, tok: string) => {
      const t0 = performance.now()
      const r = await backend.dispatch({ method, input, token: tok })
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
      return { ms: performance.now() - t0, value: r.value as { total: number } }
    }
    // Forget the day's refresh so the first call pays it, as the first user of the day does.
    backend.env.sqlite.prepare(`delete from settings where key = 'servicing.loanStateAsOf'`).run()
    const first = await call('servicing.loanList', { limit: 100 }, manager)
    out.push({ name: 'loan list: first call of the day (refresh every loan state)', value: first.ms, unit: 'ms' })
    const village = (
      backend.env.sqlite
        .prepare(
          'select village from borrowers where village is not null group by village order by count(*) desc limit 1',
        )
        .raw()
        .get() as [string]
    )[0]
    const filters: [string, Record<string, unknown>][] = [
      ['default (most overdue first)', {}],
      ['overdue', { status: 'overdue' }],
      ['bucket M2', { bucket: 'M2' }],
      ['bucket M3+', { bucket: 'M3+' }],
      ['village', { village }],
      ['overdue + village', { status: 'overdue', village }],
      ['category', { category: 'normal' }],
      // Classes are stored by the risk evaluation; on a demo never evaluated these match nothing.
      ['customer class C', { customerClass: 'C' }],
      ['overdue + customer class B', { status: 'overdue', customerClass: 'B' }],
      ['product', { product: '农户小额信用贷款' }],
      ['maturity window', { maturityFrom: '2027-01-01', maturityTo: '2027-03-31' }],
      ['sort by balance', { sort: 'balance' }],
      ['search name 2 chars', { q: '王芳' }],
      ['search initials', { q: 'wf' }],
    ]
    for (const [label, f] of filters) {
      for (const [who, tok] of [
        ['manager', manager],
        ['officer', officer],
      ] as const) {
        const times: number[] = []
        let total = 0
        for (let k = 0; k < 15; k++) {
          const r = await call('servicing.loanList', { ...f, limit: 100 }, tok)
          times.push(r.ms)
          total = r.value.total
        }
        log(`  loan list ${label} (${who}): ${total} loans, p95 ${p95(times).toFixed(1)} ms`)
        out.push({
          name: `loan list first page p95: ${label} (${who})`,
          value: Math.round(p95(times) * 10) / 10,
          unit: 'ms',
        })
      }
    }
    for (const overdue of [false, true]) {
      const times: number[] = []
      let total = 0
      for (let k = 0; k < 15; k++) {
        const r = await call('servicing.dueSoon', { asOf: AS_OF, days: 30, overdue, limit: 100 }, manager)
        times.push(r.ms)
        total = r.value.total
      }
      log(`  due soon 30 days${overdue ? ' + overdue' : ''}: ${total} loans, p95 ${p95(times).toFixed(1)} ms`)
      out.push({
        name: `due soon 30 days${overdue ? ' + overdue' : ''}, whole county, first page p95`,
        value: Math.round(p95(times) * 10) / 10,
        unit: 'ms',
      })
    }
  } finally {
    await backend.close()
  }
  return out
}
