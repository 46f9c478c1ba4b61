// The day's all-loans refresh of loan_state off the request path (issue 9). At start-up and at
// local midnight (and whenever a read finds the day's refresh not done) a worker thread computes
// every loan's state for the day on its own connection (state-worker.ts) and returns only the rows
// that changed; this side writes them in small transactions (CHUNK rows each, through the same
// queue as every call, so posting a repayment waits for at most one chunk), each row only if it
// is still what the worker compared against (a loan posted to meanwhile keeps its newer state),
// then records the day. Until then reads are served from the previous day's rows: the list and
// the loan page show the same loans with DPD counted to today (it is today − oldest_unpaid_due);
// amounts that accrue daily (罚息) are a day behind for the few seconds the refresh takes.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { localDate } from '../../../shared/domain'
import type { BackendEnv } from '../context'
import { rawOf } from '../db/raw'
import { inWriteTransaction } from '../db/transaction'
import {
  type StateChange,
  applyStateChanges,
  loanStatesDay,
  markLoanStatesDay,
  registerBackgroundRefresh,
} from './state-repo'
import type { StateJob } from './state-worker'

/** Rows written per transaction: a few milliseconds of writing between other calls. */
const CHUNK = 500

/** One background refresh, as measured. */
export interface RefreshRun {
  day: string
  /** Time the worker took to scan, replay and compare. */
  computeMs: number
  /** Rows the worker found changed. */
  changed: number
  /** Rows written (changed rows not refreshed by a write meanwhile). */
  written: number
  /** From start to the day recorded. */
  totalMs: number
}

export interface StateRefresher {
  /** Starts the refresh for `today` unless it is done or running (a later day waits for the running one). */
  request(today: string): void
  /** The refresh in progress (null when idle). */
  readonly running: Promise<RefreshRun | null> | null
  /** The last finished refresh. */
  readonly last: RefreshRun | null
  /** Points the refresher at a reopened connection (after a restore). */
  rebind(): void
  /** Stops the timer and any worker; waits for a chunk being written. */
  stop(): Promise<void>
}

/** The worker: the built state-worker.js next to the bundle, or the TypeScript source through tsx. */
function spawn(job: StateJob): Worker {
  if (__filename.endsWith('.ts')) {
    const entry = join(__dirname, 'state-worker.ts')
    return new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(entry)})`, {
      eval: true,
      workerData: job,
    })
  }
  for (const f of [join(__dirname, 'state-worker.js'), join(__dirname, '..', 'state-worker.js')])
    if (existsSync(f)) return new Worker(f, { workerData: job })
  throw new Error('state-worker.js not found beside the backend bundle')
}

function compute(job: StateJob, track: (w: Worker | null) => void): Promise<{ changes: StateChange[]; ms: number }> {
  return new Promise((ok, fail) => {
    const w = spawn(job)
    track(w)
    let done = false
    const changes: StateChange[] = []
    w.on('message', (m: { part?: StateChange[]; done?: boolean; ms?: number; error?: string }) => {
      if (m.part) {
        for (const c of m.part) changes.push(c)
        return
      }
      done = true
      if (m.error !== undefined || !m.done) fail(new Error(m.error ?? 'no result'))
      else ok({ changes, ms: m.ms ?? 0 })
    })
    w.once('error', (e) => {
      done = true
      fail(e)
    })
    w.once('exit', (code) => {
      track(null)
      if (!done) fail(new Error(`state worker exited (${code})`))
    })
  })
}

/** Starts the background refresher of `env`'s database: now if the day is not done, then at every local midnight. */
export function startStateRefresher(env: BackendEnv, opts: { dbFile: string }): StateRefresher {
  let running: Promise<RefreshRun | null> | null = null
  let runningDay: string | null = null
  let pending: string | null = null
  let last: RefreshRun | null = null
  let worker: Worker | null = null
  let stopped = false
  let timer: NodeJS.Timeout | null = null

  async function run(day: string): Promise<RefreshRun | null> {
    const t0 = performance.now()
    const { changes, ms } = await compute({ file: opts.dbFile, key: env.host.key, today: day }, (w) => (worker = w))
    let written = 0
    for (let i = 0; i < changes.length && !stopped; i += CHUNK) {
      const part = changes.slice(i, i + CHUNK)
      written += await inWriteTransaction(env.db, async (tx) =>
        applyStateChanges(rawOf(tx), part, { concurrent: true }),
      )
      await new Promise((r) => setImmediate(r))
    }
    if (stopped) return null
    await inWriteTransaction(env.db, async (tx) => markLoanStatesDay(rawOf(tx), day))
    return { day, computeMs: ms, changed: changes.length, written, totalMs: performance.now() - t0 }
  }

  function request(day: string): void {
    if (stopped) return
    if (running) {
      if (day !== runningDay) pending = day
      return
    }
    if (loanStatesDay(env.sqlite) === day) return
    runningDay = day
    running = run(day)
      .then((r) => {
        last = r ?? last
        return r
      })
      .catch((e: unknown) => {
        // The next read asks again; the previous day's rows keep serving meanwhile (stopping ends the worker: no error).
        if (!stopped) console.error('[daihou] 贷款状态每日更新失败：', (e as Error).message)
        return null
      })
      .finally(() => {
        running = null
        runningDay = null
        const next = pending
        pending = null
        if (next !== null) request(next)
      })
  }

  function armMidnight(): void {
    const now = new Date()
    const next = new Date(now)
    next.setHours(24, 0, 5, 0)
    timer = setTimeout(() => {
      request(localDate(env.now()))
      armMidnight()
    }, next.getTime() - now.getTime())
    timer.unref()
  }

  const rebind = () => registerBackgroundRefresh(env.sqlite, request)
  rebind()
  armMidnight()
  // At start-up; a database never refreshed waits for its first read (every row is missing).
  if (loanStatesDay(env.sqlite) !== null) request(localDate(env.now()))

  return {
    request,
    get running() {
      return running
    },
    get last() {
      return last
    },
    rebind,
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      registerBackgroundRefresh(env.sqlite, null)
      await worker?.terminate()
      await running
    },
  }
}
