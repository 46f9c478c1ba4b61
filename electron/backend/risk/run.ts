// One evaluation run: evaluate every active loan, then every enabled rule; store the result
// (warnings opened / re-levelled / auto-resolved, customer classes, per-loan state, month-end
// snapshot) — or, for a dry run on a past date, only count what would change.
import type Database from 'better-sqlite3-multiple-ciphers'
import { type Component, addDays, bucketOf } from '../../../shared/domain'
import { RULE_CODES, type RuleCode, type RuleSetting } from '../../../shared/risk'
import type { Db } from '../db/types'
import { decisionsInForce } from './classification-repo'
import { expiryOf } from './clocks'
import { type PortfolioEval, evaluatePortfolio } from './evaluation'
import { limitationInputs } from './inputs-repo'
import { changeClass, insertSnapshot, loadRuleSettings, replaceLoanState, saveRun, storedClasses } from './risk-repo'
import { RISK_RULES, type RuleHit } from './rules'
import { closeWarning, openByRule, openWarning, updateOpenWarning } from './warnings-repo'

/** Progress callback: called before each step (awaited, so a background job can yield). */
export type Progress = (phase: string, step: number, steps: number) => Promise<void> | void

/** What a run computed. */
export interface Computed {
  pe: PortfolioEval
  hits: Map<RuleCode, RuleHit[]>
  limitation: Map<number, string | null>
  settings: Record<RuleCode, RuleSetting>
  ms: number
}

/** Rules that run: enabled and with a data source. */
export function activeRules(settings: Record<RuleCode, RuleSetting>): RuleCode[] {
  return RULE_CODES.filter((c) => settings[c].enabled && RISK_RULES[c] !== null)
}

/** Evaluates the portfolio and runs every enabled rule as of `asOf` (reads only). */
export async function computeRun(
  db: Db,
  sqlite: Database.Database,
  asOf: string,
  order: readonly Component[],
  progress?: Progress,
): Promise<Computed> {
  const t0 = performance.now()
  const settings = await loadRuleSettings(db)
  const rules = activeRules(settings)
  const steps = rules.length + 2
  await progress?.('scan', 1, steps)
  const pe = evaluatePortfolio(sqlite, { asOf, decided: await decisionsInForce(db, asOf), order })
  await progress?.('clocks', 2, steps)
  // Active loans' clocks came with the scan; written-off debts still run (核销 is not a release).
  const limitation = pe.limitation!
  for (const i of await limitationInputs(db, asOf, undefined, 'written_off')) limitation.set(i.loanId, expiryOf(i))
  const hits = new Map<RuleCode, RuleHit[]>()
  for (const [k, code] of rules.entries()) {
    await progress?.(code, k + 3, steps)
    hits.set(code, await RISK_RULES[code]!(db, asOf, pe, settings[code].params))
  }
  return { pe, hits, limitation, settings, ms: performance.now() - t0 }
}

/** Reconciles one rule's hits with its open warnings; `write` false only counts. */
async function reconcile(
  db: Db,
  code: RuleCode,
  hits: RuleHit[],
  c: { asOf: string; base: RuleSetting['level']; write: boolean; now: string },
) {
  const open = await openByRule(db, code)
  let opened = 0,
    resolved = 0
  const seen = new Set<number>()
  for (const h of hits) {
    if (seen.has(h.loanId)) continue
    seen.add(h.loanId)
    const level = h.level ?? c.base
    const o = open.get(h.loanId)
    if (!o) {
      opened++
      if (c.write)
        await openWarning(db, { loanId: h.loanId, rule: code, level, detail: h.detail, openedOn: c.asOf, now: c.now })
    } else if (c.write && (o.level !== level || o.detail !== h.detail)) {
      await updateOpenWarning(db, o.id, level, h.detail)
    }
  }
  for (const [loanId, o] of open) {
    if (seen.has(loanId)) continue
    resolved++
    if (c.write)
      await closeWarning(db, o.id, { on: c.asOf, kind: 'auto', reason: '预警条件已消除（系统自动解除）', by: null })
  }
  return { opened, resolved }
}

/** Month-end: the last day of its month. */
export function isMonthEnd(d: string): boolean {
  return addDays(d, 1).slice(8) === '01'
}

/** Stores (or with `write` false only counts) the run's outcome. */
export async function storeRun(
  db: Db,
  sqlite: Database.Database,
  r: Computed,
  o: { write: boolean; by: number | null; now: string },
) {
  const asOf = r.pe.asOf
  let opened = 0,
    resolved = 0
  for (const [code, hits] of r.hits) {
    const n = await reconcile(db, code, hits, { asOf, base: r.settings[code].level, write: o.write, now: o.now })
    opened += n.opened
    resolved += n.resolved
  }
  let classChanges = 0
  if (o.write) {
    const stored = await storedClasses(db)
    for (const [borrowerId, c] of r.pe.classes) {
      const from = stored.get(borrowerId) ?? null
      if (from === c.cls) continue
      classChanges++
      changeClass(sqlite, {
        borrowerId,
        from,
        to: c.cls,
        asOf,
        now: o.now,
        detail: c.episodes === 0 ? '近 3 个月无逾期' : `近 3 个月逾期 ${c.episodes} 期次`,
      })
    }
    replaceLoanState(
      sqlite,
      asOf,
      (function* () {
        for (const l of r.pe.loans.values()) {
          yield {
            loanId: l.id,
            dpd: l.dpd,
            outstandingPrincipal: l.outstandingPrincipal,
            overduePrincipal: l.overduePrincipal,
            floor: l.floor,
            suggested: l.suggested,
            limitationExpiry: r.limitation.get(l.id) ?? null,
          }
        }
      })(),
    )
    if (isMonthEnd(asOf)) {
      const rows = [...r.pe.loans.values()].map((l) => ({
        loanId: l.id,
        dpd: l.dpd,
        bucket: bucketOf(l.dpd),
        minCategory: l.floor,
        category: l.category,
        customerClass: r.pe.classes.get(l.borrowerId)?.cls ?? null,
        outstandingPrincipal: l.outstandingPrincipal,
        overduePrincipal: l.overduePrincipal,
        overdueInterest: l.overdueInterest,
        penaltyInterest: l.penaltyInterest,
        compoundInterest: l.compoundInterest,
        payoff: l.payoff,
      }))
      insertSnapshot(sqlite, asOf, rows, o.by, o.now)
    }
    await saveRun(db, { asOf, loans: r.pe.loans.size, opened, resolved, ms: r.ms, by: o.by, now: o.now })
  }
  return { asOf, loans: r.pe.loans.size, warningsOpened: opened, warningsResolved: resolved, classChanges }
}
