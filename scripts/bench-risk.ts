/**
 * Risk figures for `npm run bench`: the full evaluation (every active loan + every warning rule)
 * cold (no replay checkpoints) and warm, each against a bare scan of the same rows in the same
 * run — `bareRiskScan`: the same statements, every row decoded into JS values, no evaluation (the
 * scan alone, rows only counted, is logged beside it); the 预警表's first page p95 after storing
 * the run, idle and while an evaluation runs in a second process; guarantee-circle detection.
 * Stores inside a transaction that is rolled back, so the bench database is left as it was.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import os from 'node:os'
import { sql } from 'kysely'
import { createBackend } from '../electron/backend'
import { inWriteTransaction } from '../electron/backend/db/transaction'
import type { Db } from '../electron/backend/db/types'
import { bareRiskScan, guaranteeLinks } from '../electron/backend/risk/inputs-repo'
import { RISK_SCAN } from '../electron/backend/risk/evaluation'
import { computeRun, storeRun } from '../electron/backend/risk/run'
import { listWarnings } from '../electron/backend/risk/warnings-repo'
import { bareScan } from '../electron/backend/servicing/scan-repo'
import { DEFAULT_ALLOCATION_ORDER } from '../shared/domain'
import { guaranteeGroups } from '../shared/risk'
import type { BenchResult } from './bench'

const AS_OF = '2026-11-01'
const ROLLBACK = new Error('rollback')

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] as number
}
function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] as number
}
/** CPU milliseconds (user + system) of this process so far: on a shared, loaded machine wall time includes waiting for a core. */
function cpuMs(): number {
  const c = process.cpuUsage()
  return (c.user + c.system) / 1000
}
async function time<T>(fn: () => Promise<T> | T, cpu?: number[]): Promise<[number, T]> {
  const t0 = performance.now(),
    c0 = cpuMs()
  const v = await fn()
  cpu?.push(cpuMs() - c0)
  return [performance.now() - t0, v]
}

/** Runs `fn` in a write transaction that is always rolled back. */
async function rolledBack(db: Parameters<typeof inWriteTransaction>[0], fn: (trx: Db) => Promise<void>): Promise<void> {
  await inWriteTransaction(db, async (trx) => {
    await fn(trx)
    throw ROLLBACK
  }).catch((e: unknown) => {
    if (e !== ROLLBACK) throw e
  })
}

/** Runs the risk benchmarks on the bench database in `dir` (after the servicing bench made its plans). */
export async function benchRisk(dir: string, log: (s: string) => void): Promise<BenchResult[]> {
  const backend = await createBackend({ dataDir: dir, now: () => new Date(`${AS_OF}T02:00:00.000Z`) })
  const out: BenchResult[] = []
  try {
    const sqlite = backend.env.sqlite
    const filter = RISK_SCAN(AS_OF)
    const order = DEFAULT_ALLOCATION_ORDER
    // Cold: no replay checkpoints (deleted inside a rolled-back transaction), bare scan in the same state.
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
    const coldBares: number[] = [],
      colds: number[] = [],
      coldCounts: number[] = [],
      coldCpu: number[] = [],
      coldBareCpu: number[] = [],
      warmCpu: number[] = [],
      warmBareCpu: number[] = []
    let loans = 0
    await rolledBack(backend.env.db, async (trx) => {
      await sql`delete from replay_checkpoints`.execute(trx)
      for (let i = 0; i < 3; i++) {
        coldCounts.push((await time(() => bareScan(sqlite, filter, { decode: false })))[0])
        coldBares.push((await time(() => bareRiskScan(trx, AS_OF), coldBareCpu))[0])
        const [ms, c] = await time(() => computeRun(trx, sqlite, AS_OF, order), coldCpu)
        colds.push(ms)
        loans = c.pe.loans.size
      }
    })
    const coldBare = median(coldBares),
      cold = median(colds)
    const warmBare: number[] = [],
      warm: number[] = [],
      warmCounts: number[] = []
    for (let i = 0; i < 3; i++) {
      warmCounts.push((await time(() => bareScan(sqlite, filter, { decode: false })))[0])
      warmBare.push((await time(() => bareRiskScan(backend.env.db, AS_OF), warmBareCpu))[0])
      warm.push((await time(() => computeRun(backend.env.db, sqlite, AS_OF, order), warmCpu))[0])
    }
    const wb = median(warmBare),
      w = median(warm)
    log(
      `  risk: ${loans} active loans; full evaluation cold ${s(cold)} = ${(cold / coldBare).toFixed(2)} × bare ${s(coldBare)} (scan rows counted only ${s(median(coldCounts))}); warm ${s(w)} = ${(w / wb).toFixed(2)} × bare ${s(wb)} (counted only ${s(median(warmCounts))}); CPU time cold ${s(median(coldCpu))} vs bare ${s(median(coldBareCpu))}, warm ${s(median(warmCpu))} vs bare ${s(median(warmBareCpu))}; load ${os.loadavg()[0]!.toFixed(1)}`,
    )
    out.push({ name: 'risk: full evaluation + all rules, cold', value: cold, unit: 'ms' })
    out.push({
      name: 'risk: cold evaluation / bare scan',
      value: Math.round((cold / coldBare) * 100) / 100,
      unit: 'ratio',
    })
    out.push({ name: 'risk: full evaluation + all rules, warm', value: w, unit: 'ms' })
    out.push({ name: 'risk: warm evaluation / bare scan', value: Math.round((w / wb) * 100) / 100, unit: 'ratio' })
    // Store the run (rolled back afterwards) and time the board's first page.
    await rolledBack(backend.env.db, async (trx) => {
      const c = await computeRun(trx, sqlite, AS_OF, order)
      const [storeMs, r] = await time(() =>
        storeRun(trx, sqlite, c, { write: true, by: null, now: `${AS_OF}T02:00:00.000Z` }),
      )
      log(
        `  risk: stored ${r.warningsOpened} warnings, ${r.classChanges} class changes in ${(storeMs / 1000).toFixed(2)} s`,
      )
      out.push({ name: 'risk: store a run (warnings, classes, state)', value: storeMs, unit: 'ms' })
      const filters = [
        { status: 'open' as const },
        { status: 'open' as const, level: 'red' as const },
        {},
        { rule: 'overdue' as const },
      ]
      const boardP95 = async () => {
        const pages: number[] = []
        for (let i = 0; i < 40; i++) {
          const f = filters[i % filters.length]!
          pages.push((await time(() => listWarnings(trx, { ...f, scopeOfficerId: null }, { offset: 0, limit: 50 })))[0])
        }
        return p95(pages)
      }
      out.push({ name: 'risk: warnings board first page p95', value: await boardP95(), unit: 'ms' })
      // Under load: a full evaluation running in a second process on the same database.
      const child = await evaluationLoad(dir)
      try {
        out.push({ name: 'risk: board first page p95 during an evaluation', value: await boardP95(), unit: 'ms' })
      } finally {
        child.kill()
      }
    })
    const circles: number[] = []
    let groups = 0
    for (let i = 0; i < 3; i++) {
      circles.push(
        (
          await time(async () => {
            groups = guaranteeGroups(
              (await guaranteeLinks(backend.env.db)).map((l) => ({
                borrowerId: l.borrowerId,
                guarantorBorrowerId: l.guarantorBorrowerId!,
              })),
            ).length
          })
        )[0],
      )
    }
    log(`  risk: ${groups} guarantee groups`)
    out.push({ name: 'risk: guarantee-circle detection', value: median(circles), unit: 'ms' })
  } finally {
    await backend.close()
  }
  return out
}

/** A second process that runs full evaluations until killed; resolves once it has started the first. */
function evaluationLoad(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...process.execArgv, __filename, '--evaluate', dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((ok, fail) => {
    child.stdout!.once('data', () => ok(child))
    child.once('exit', (code) => fail(new Error(`evaluation process exited with ${code}`)))
  })
}

async function evaluateForever(dir: string): Promise<void> {
  const backend = await createBackend({ dataDir: dir, now: () => new Date(`${AS_OF}T02:00:00.000Z`) })
  process.stdout.write('started\n')
  for (;;) await computeRun(backend.env.db, backend.env.sqlite, AS_OF, DEFAULT_ALLOCATION_ORDER)
}

if (process.argv[2] === '--evaluate') void evaluateForever(process.argv[3]!)
