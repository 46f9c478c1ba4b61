/**
 * Loan list (贷后管理) and reminder figures for `npm run bench`, on the bench database after the
 * servicing demo: first page p95 per filter as the manager (whole county) and as an officer, and
 * the due-soon first page (30 days, whole county). The day's refresh of every loan's state
 * (loan_state) runs in a worker thread: its duration, the rows it wrote (the same day again, the
 * next day, and back) and the slowest list call answered while it ran are reported on their own.
 */
import { createBackend } from '../electron/backend'
import { addDays } from '../shared/domain'
import type { BenchResult } from './bench'
import { DEMO_PASSWORD } from './demo/generate'

const AS_OF = '2026-11-01' // the servicing bench's date: plans and payments exist up to it

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] as number
}

/** Runs the loan-list benchmarks on the bench database in `dir`. */
export async function benchLoanList(dir: string, log: (s: string) => void): Promise<BenchResult[]> {
  let day = AS_OF
  const backend = await createBackend({
    dataDir: dir,
    now: () => new Date(`${day}T02:00:00.000Z`),
    backgroundRefresh: true,
  })
  const out: BenchResult[] = []
  try {
    const token = async (username: string) => {
      const r = await backend.dispatch({ method: 'auth.login', input: { username, password: DEMO_PASSWORD } })
      if (!r.ok) throw new Error(r.error.message)
      return (r.value as { token: string }).token
    }
    let manager = await token('manager'),
      officer = await token('officer1')
    const call = async (method: string, input: unknown, tok: string) => {
      const t0 = performance.now()
      const r = await backend.dispatch({ method, input, token: tok })
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
      return { ms: performance.now() - t0, value: r.value as { total: number } }
    }
    const refresher = backend.stateRefresh!
    const mark = (d: string) =>
      backend.env.sqlite.prepare(`update settings set value = ? where key = 'servicing.loanStateAsOf'`).run(d)
    // One background refresh for `d`, started by a list call as the first user of the day starts it,
    // with list calls (manager, officer, due soon) made one after another until it has finished.
    const refreshRun = async (label: string, d: string) => {
      day = d
      manager = await token('manager')
      officer = await token('officer1')
      const first = await call('servicing.loanList', { limit: 100 }, manager)
      const running = refresher.running
      if (!running) throw new Error('the background refresh did not start')
      const during: number[] = []
      let done = false
      void running.finally(() => (done = true))
      for (let k = 0; !done; k++) {
        const [method, input, tok] =
          k % 3 === 0
            ? ['servicing.loanList', { limit: 100 }, manager]
            : k % 3 === 1
              ? ['servicing.loanList', { status: 'overdue', limit: 100 }, officer]
              : ['servicing.dueSoon', { asOf: d, days: 30, overdue: false, limit: 100 }, manager]
        during.push((await call(method as string, input, tok as string)).ms)
        await new Promise((r) => setTimeout(r, 20))
      }
      const run = await running
      if (!run) throw new Error('the background refresh failed')
      const max = Math.max(first.ms, ...during)
      log(
        `  background refresh ${label} (${d}): worker ${(run.computeMs / 1000).toFixed(1)} s, total ${(run.totalMs / 1000).toFixed(1)} s, ` +
          `${run.changed} rows changed, ${run.written} written; ${during.length + 1} list calls meanwhile, first ${first.ms.toFixed(0)} ms, ` +
          `p95 ${p95([first.ms, ...during]).toFixed(0)} ms, max ${max.toFixed(0)} ms`,
      )
      out.push({
        name: `loan state refresh ${label}: duration (worker thread)`,
        value: Math.round(run.totalMs),
        unit: 'ms',
      })
      out.push({ name: `loan state refresh ${label}: slowest list call meanwhile`, value: Math.round(max), unit: 'ms' })
    }
    // The bench database's state is for AS_OF: the same day again writes (almost) nothing, the next
    // day rewrites what accrues (payoff interest, penalties, due dates passed), and back restores AS_OF.
    mark('2000-01-01')
    await refreshRun('same day again', AS_OF)
    mark(AS_OF)
    await refreshRun('next day', addDays(AS_OF, 1))
    await refreshRun('back to the bench day', AS_OF)
    day = AS_OF
    manager = await token('manager')
    officer = await token('officer1')
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
