// The portfolio evaluation behind risk.evaluate (one scan that also reads heads and clock inputs,
// rule inputs through raw statements) must give every loan exactly what the straightforward
// single-loan path gives (servicing.asOf's replay of the whole plan and every payment, the
// per-loan 诉讼时效 query): checked loan by loan on a seeded demo portfolio, with month-end replay
// checkpoints present (they used to cut the payment history short and change customer classes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Backend, createBackend } from '../../electron/backend'
import type { Ctx } from '../../electron/backend/context'
import { decisionsInForce } from '../../electron/backend/risk/classification-repo'
import { expiryOf } from '../../electron/backend/risk/clocks'
import { limitationInputs } from '../../electron/backend/risk/inputs-repo'
import { computeRun } from '../../electron/backend/risk/run'
import { evaluateAll, refreshCheckpoints } from '../../electron/backend/servicing/portfolio'
import { evaluate, loadContext } from '../../electron/backend/servicing/core'
import { findLoanHead } from '../../electron/backend/servicing/servicing-repo'
import { type Category, DEFAULT_ALLOCATION_ORDER, type OverdueEpisode, customerClass } from '../../shared/domain'
import { paymentHistory, suggestionFor } from '../../shared/risk'
import { generateDemo } from '../../scripts/demo/generate'
import { tempDir } from '../helpers/backend'

const TODAY = '2026-11-01' // the demo's today
let t: ReturnType<typeof tempDir>
let b: Backend
let ctx: Ctx

beforeAll(async () => {
  t = tempDir('daihou-risk-identity-')
  await generateDemo({ dataDir: t.dir, seed: 7, borrowers: 160 })
  b = await createBackend({ dataDir: t.dir, now: () => new Date(`${TODAY}T02:00:00.000Z`) })
  ctx = { env: b.env, db: b.env.db } as unknown as Ctx
  // Month-end checkpoints, as a snapshot on 09-30 leaves them.
  expect(refreshCheckpoints(ctx, '2026-09-30')).toBeGreaterThan(50)
}, 240_000)
afterAll(async () => {
  await b?.close()
  t?.cleanup()
})

/** The straightforward path for one loan: full plan in force, every posted payment, one query per clock. */
async function oneByOne(asOf: string) {
  const ids = (
    b.env.sqlite
      .prepare(
        `select l.id from loans l where l.status = 'active' and exists (select 1 from loan_plan_versions v
        where v.loan_id = l.id and v.status = 'active' and v.effective_date <= ?) order by l.id`,
      )
      .raw()
      .all(asOf) as [number][]
  ).map(([id]) => id)
  const decided = await decisionsInForce(b.env.db, asOf)
  const loans = new Map<number, Record<string, unknown>>()
  const episodes = new Map<number, OverdueEpisode[]>()
  for (const id of ids) {
    const head = findLoanHead(b.env.db, id)!
    const lc = loadContext(ctx, head, asOf)
    const e = evaluate(ctx, lc, asOf)
    const h = paymentHistory({
      rows: lc.rows,
      payments: lc.payments.filter((p) => p.date <= asOf),
      startDate: head.disbursementDate,
      asOf,
    })
    const d = decided.get(id)
    const s = suggestionFor({
      current: d ?? (head.category as Category),
      dpd: e.dpd,
      asOf,
      restructuredOn: lc.restructuredOn,
      history: h,
    })
    const lim = (await limitationInputs(b.env.db, asOf, id))[0]!
    loans.set(id, {
      dpd: e.dpd,
      outstandingPrincipal: e.outstandingPrincipal,
      overduePrincipal: e.overduePrincipal,
      overdueInterest: e.overdueInterest,
      penaltyInterest: e.penaltyInterest,
      compoundInterest: e.compoundInterest,
      payoff: e.payoff,
      floor: e.minCategory,
      suggested: s.suggested,
      maturityDate: head.maturityDate,
      limitation: expiryOf(lim),
    })
    const borrowerId = (b.env.sqlite.prepare('select borrower_id from loans where id = ?').pluck().get(id) as number)!
    episodes.set(borrowerId, [...(episodes.get(borrowerId) ?? []), ...h.episodes])
  }
  const classes = new Map([...episodes].map(([bid, eps]) => [bid, customerClass({ episodes: eps })]))
  return { loans, classes }
}

describe('risk evaluation: the one-scan path equals the loan-by-loan path', () => {
  for (const asOf of [TODAY, '2026-10-15']) {
    it(`every active loan's figures, suggestion, 诉讼时效 and every borrower's class agree (as of ${asOf})`, async () => {
      const run = await computeRun(b.env.db, b.env.sqlite, asOf, DEFAULT_ALLOCATION_ORDER)
      const ref = await oneByOne(asOf)
      expect(ref.loans.size).toBeGreaterThan(150)
      expect([...run.pe.loans.keys()]).toEqual([...ref.loans.keys()])
      for (const [id, want] of ref.loans) {
        const l = run.pe.loans.get(id)!
        const got = {
          dpd: l.dpd,
          outstandingPrincipal: l.outstandingPrincipal,
          overduePrincipal: l.overduePrincipal,
          overdueInterest: l.overdueInterest,
          penaltyInterest: l.penaltyInterest,
          compoundInterest: l.compoundInterest,
          payoff: l.payoff,
          floor: l.floor,
          suggested: l.suggested,
          maturityDate: l.maturityDate,
          limitation: run.limitation.get(id) ?? null,
        }
        expect(got, `loan ${id}`).toEqual(want)
      }
      expect(new Map([...run.pe.classes].map(([bid, c]) => [bid, c.cls]))).toEqual(ref.classes)
      // The mix is a real one: overdue loans, B/C classes, late payers' histories.
      expect([...ref.loans.values()].filter((x) => (x.dpd as number) > 0).length).toBeGreaterThan(3)
      expect([...ref.classes.values()].filter((c) => c !== 'A').length).toBeGreaterThan(3)
    }, 120_000)
  }

  it('the servicing portfolio evaluation from the checkpoints gives the same totals as the full replay', async () => {
    const ref = await oneByOne(TODAY)
    let n = 0
    evaluateAll(ctx, { asOf: TODAY, officerId: null }, (id, e) => {
      const want = ref.loans.get(id)
      if (!want) return // closed loans are not in the reference set
      n++
      expect(
        [e.dpd, e.outstandingPrincipal, e.overduePrincipal, e.penaltyInterest, e.compoundInterest, e.payoff],
        `loan ${id}`,
      ).toEqual([
        want.dpd,
        want.outstandingPrincipal,
        want.overduePrincipal,
        want.penaltyInterest,
        want.compoundInterest,
        want.payoff,
      ])
    })
    expect(n).toBe(ref.loans.size)
  }, 120_000)
})
