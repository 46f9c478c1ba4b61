/**
 * Reports figures for `npm run bench`: the quality report, the migration matrix, the monthly report,
 * the month-end snapshot (and whether requests wait behind it), the officer KPI table
 * and the landing page (today.mine) at county size,
 * live (evaluating every loan as of the date) and from month-end snapshots (what a month-end run keeps).
 * Works on a copy: the snapshots it takes do not change the shared bench database.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBackend } from '../electron/backend'
import type { BenchResult } from './bench'
import { DEMO_PASSWORD } from './demo/generate'
import { VILLAGES } from './demo/people'

const FROM = '2026-09-30'
const TO = '2026-10-31'

/** Median and worst of `n` timed runs. */
async function timed(n: number, run: () => Promise<unknown>): Promise<{ median: number; max: number }> {
  const ms: number[] = []
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    await run()
    ms.push(performance.now() - t0)
  }
  ms.sort((a, b) => a - b)
  return { median: ms[Math.floor(ms.length / 2)]!, max: ms[ms.length - 1]! }
}

/** Runs the reports benchmarks on a copy of the bench database in `dir`. */
export async function benchReports(dir: string, log: (s: string) => void): Promise<BenchResult[]> {
  const copy = mkdtempSync(join(tmpdir(), 'daihou-bench-reports-'))
  cpSync(join(dir, 'daihou.sqlite'), join(copy, 'daihou.sqlite'))
  const backend = await createBackend({ dataDir: copy, now: () => new Date('2026-11-01T02:00:00.000Z') })
  const out: BenchResult[] = []
  try {
    const login = await backend.dispatch({
      method: 'auth.login',
      input: { username: 'admin', password: DEMO_PASSWORD },
    })
    if (!login.ok) throw new Error(login.error.message)
    const token = (login.value as { token: string }).token
    const call = async (method: string, input: unknown, as = token) => {
      const r = await backend.dispatch({ method, input, token: as })
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
      return r.value
    }
    const kpiInput = { from: '2026-10-01', to: TO, warningDays: 7 }
    const liveKpis = await timed(1, () => call('reports.kpis', kpiInput))
    const live = await timed(3, () => call('reports.quality', { asOf: TO }))
    const liveMigration = await timed(1, () => call('reports.migration', { from: FROM, to: TO }))
    // The month-end snapshot runs in the request's turn of the event loop (one synchronous scan): a
    // health check sent 50 ms after it started is answered only when it is done.
    const snapshotMs: number[] = []
    let healthWait = 0
    for (const asOf of [FROM, TO]) {
      const t0 = performance.now()
      const probe = new Promise<void>((done) =>
        setTimeout(() => {
          const sent = performance.now()
          void backend.dispatch({ method: 'system.health', input: {} }).then(() => {
            healthWait = Math.max(healthWait, performance.now() - sent)
            done()
          })
        }, 50),
      )
      await call('servicing.snapshot', { asOf })
      snapshotMs.push(performance.now() - t0)
      await probe
      log(`  month-end snapshot ${asOf}: ${((performance.now() - t0) / 1000).toFixed(1)} s`)
    }
    const snap = await timed(5, () => call('reports.quality', { asOf: TO }))
    const village = await timed(5, () => call('reports.quality', { asOf: TO, village: VILLAGES[0] }))
    const migration = await timed(5, () => call('reports.migration', { from: FROM, to: TO }))
    const kpis = await timed(5, () => call('reports.kpis', kpiInput))
    // The monthly 贷后管理报告 of October: both month-ends snapshotted, plus the month's activity.
    const monthly = await timed(5, () => call('reports.monthly', { month: TO.slice(0, 7) }))
    const k = (await call('reports.kpis', kpiInput)) as {
      rows: { officerName: string; loans: number; score: string | null }[]
    }
    log(
      `  KPIs ${kpiInput.from}…${TO}: ${k.rows.map((r) => `${r.officerName} ${r.loans} loans score ${r.score}`).join('; ')}`,
    )
    // The landing page: the manager's inbox and the busiest officer's lists (own portfolio).
    const officerLogin = await backend.dispatch({
      method: 'auth.login',
      input: { username: 'officer1', password: DEMO_PASSWORD },
    })
    if (!officerLogin.ok) throw new Error(officerLogin.error.message)
    const officer = (officerLogin.value as { token: string }).token
    // The first call of a day also brings the day's loan states and inspection calendar up to date
    // (servicing's and inspections' catch-up, once per day for everyone); timed apart from the page.
    const firstOfDay = await timed(1, () => call('today.mine', {}, officer))
    const managerToday = await timed(5, () => call('today.mine', {}))
    const officerToday = await timed(5, () => call('today.mine', {}, officer))
    const d = (await call('today.mine', {}, officer)) as {
      dueSoon: { total: number }
      overdue: { total: number }
      warnings: { total: number }
    }
    log(
      `  today (officer1): ${d.dueSoon.total} due soon, ${d.overdue.total} overdue, ${d.warnings.total} open warnings`,
    )
    const q = (await call('reports.quality', { asOf: TO })) as { total: { count: number }; nplRatio: string }
    log(`  reports: ${q.total.count} loans outstanding on ${TO}, NPL ratio ${q.nplRatio}`)
    out.push({ name: 'reports: quality, live evaluation (median)', value: live.median, unit: 'ms' })
    out.push({ name: 'reports: migration, live (two evaluations)', value: liveMigration.median, unit: 'ms' })
    out.push({ name: 'reports: quality from month-end snapshot (max of 5)', value: snap.max, unit: 'ms' })
    out.push({ name: 'reports: quality, one village, snapshot (max of 5)', value: village.max, unit: 'ms' })
    out.push({ name: 'reports: migration from snapshots (max of 5)', value: migration.max, unit: 'ms' })
    out.push({ name: 'reports: monthly report from month-end snapshots (max of 5)', value: monthly.max, unit: 'ms' })
    out.push({ name: 'reports: month-end snapshot (slower of two)', value: Math.max(...snapshotMs), unit: 'ms' })
    out.push({ name: 'reports: health check waiting behind the snapshot', value: healthWait, unit: 'ms' })
    out.push({ name: 'reports: officer KPI table, live evaluation', value: liveKpis.median, unit: 'ms' })
    out.push({ name: 'reports: officer KPI table, month-end snapshot (max of 5)', value: kpis.max, unit: 'ms' })
    out.push({
      name: "today: first call of the day (incl. the day's state catch-up)",
      value: firstOfDay.max,
      unit: 'ms',
    })
    out.push({ name: 'today: manager landing page (max of 5)', value: managerToday.max, unit: 'ms' })
    out.push({ name: 'today: officer landing page (max of 5)', value: officerToday.max, unit: 'ms' })
  } finally {
    await backend.close()
    rmSync(copy, { recursive: true, force: true })
  }
  return out
}
