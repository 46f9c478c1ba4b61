// The evaluation as a background job with progress, polled by the UI (risk.job). It reads outside
// any transaction, yielding between steps so polls are answered, then stores in one write
// transaction with its audit entry — the same steps `risk.evaluate` runs inside a call.
import type { JobView } from '../../../shared/api'
import { appendAudit } from '../audit/chain'
import type { BackendEnv, Ctx } from '../context'
import { inWriteTransaction } from '../db/transaction'
import { allocationOrder } from '../servicing/core'
import { hasActiveLoans } from './inputs-repo'
import { lastRunOn } from './risk-repo'
import { computeRun, storeRun } from './run'

const jobs = new WeakMap<BackendEnv, JobView>()
let nextId = 1

/** The current (or last) job of this backend. */
export function currentJob(env: BackendEnv): JobView | null {
  return jobs.get(env) ?? null
}

/** zh-CN audit summary of a stored run. */
export function runSummary(
  r: { asOf: string; loans: number; warningsOpened: number; warningsResolved: number },
  classChanges: number,
): string {
  return `风险评估：截至 ${r.asOf}，评估 ${r.loans} 笔贷款，新开预警 ${r.warningsOpened} 条，自动解除 ${r.warningsResolved} 条，客户分类变化 ${classChanges} 户`
}

/**
 * Starts a run unless one is running (that one is returned). With `onlyIfNotRunToday`, returns
 * null when today's run is already stored (the once-a-day run on first start).
 */
export async function startJob(
  ctx: Ctx,
  i: { asOf: string; store: boolean; onlyIfNotRunToday: boolean },
): Promise<JobView | null> {
  const env = ctx.env
  const running = jobs.get(env)
  if (running?.state === 'running') return running
  // The once-a-day run: nothing to do when today's run is stored or there is no active loan yet.
  if (i.onlyIfNotRunToday && ((await lastRunOn(ctx.db)) === i.asOf || !(await hasActiveLoans(ctx.db)))) return null
  const job: JobView = {
    id: nextId++,
    asOf: i.asOf,
    state: 'running',
    step: 0,
    steps: 1,
    phase: 'start',
    result: null,
    error: null,
  }
  jobs.set(env, job)
  const order = allocationOrder(ctx)
  const caller = ctx.caller
  const nowIso = ctx.nowIso
  setImmediate(() => {
    void (async () => {
      try {
        const computed = await computeRun(env.db, env.sqlite, i.asOf, order, async (phase, step, steps) => {
          Object.assign(job, { phase, step, steps })
          await new Promise((r) => setImmediate(r))
        })
        job.phase = 'store'
        const out = await inWriteTransaction(env.db, async (trx) => {
          const r = await storeRun(trx, env.sqlite, computed, {
            write: i.store,
            by: caller?.userId ?? null,
            now: nowIso(),
          })
          if (i.store) {
            await appendAudit(trx, {
              at: nowIso(),
              userId: caller?.userId ?? null,
              username: caller?.username ?? null,
              method: 'risk.evaluate',
              entity: 'risk_run',
              entityId: i.asOf,
              summary: runSummary(r, r.classChanges),
            })
          }
          return r
        })
        job.result = {
          asOf: out.asOf,
          loans: out.loans,
          warningsOpened: out.warningsOpened,
          warningsResolved: out.warningsResolved,
          stored: i.store,
          ms: computed.ms,
        }
        job.step = job.steps
        job.state = 'done'
      } catch (e) {
        job.state = 'failed'
        job.error = e instanceof Error ? e.message : String(e)
      }
    })()
  })
  return job
}
