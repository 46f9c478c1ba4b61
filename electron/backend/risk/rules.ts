// 预警 rule registry. A rule finds the loans for which its condition holds on `asOf`; level and
// thresholds come from settings. Rules of other areas have the plain shape (db, asOf) and plug in
// here at merge (broken_promise from collections, first_check / inspection_overdue from inspections).
import { addDays, daysBetween, formatFen } from '../../../shared/domain'
import { type RuleCode, type WarningLevel, expiryLevel, guaranteeGroups, overdueLevel } from '../../../shared/risk'
import type { Db } from '../db/types'
import { brokenPromiseRule } from '../collections/promises'
import { firstCheckMissingRule, inspectionOverdueRule } from '../inspections/rules'
import { expiryOf, guaranteeClock } from './clocks'
import type { PortfolioEval } from './evaluation'
import {
  borrowerNames,
  collateralValues,
  extensionsWithoutConsent,
  guaranteeInputs,
  guaranteeLinks,
  householdOf,
  limitationInputs,
} from './inputs-repo'

/** One loan for which a rule holds; `level` overrides the rule's level (banded rules). */
export interface RuleHit {
  loanId: number
  detail: string
  level?: WarningLevel
}

/** A rule: built-ins also read the evaluated portfolio and their thresholds. */
export type RiskRule = (db: Db, asOf: string, pe: PortfolioEval, params: Record<string, number>) => Promise<RuleHit[]>

const yuan = (f: number) => `${formatFen(f)} 元`

const overdue: RiskRule = async (_db, _asOf, pe, p) => {
  const out: RuleHit[] = []
  for (const l of pe.loans.values()) {
    const level = overdueLevel(l.dpd, p)
    if (level) out.push({ loanId: l.id, level, detail: `逾期 ${l.dpd} 天，逾期本金 ${yuan(l.overduePrincipal)}` })
  }
  return out
}

const limitation: RiskRule = async (db, asOf, pe, p) => {
  const out: RuleHit[] = []
  const expiries = pe.limitation ?? new Map((await limitationInputs(db, asOf)).map((i) => [i.loanId, expiryOf(i)]))
  for (const [loanId, expiry] of expiries) {
    const l = pe.loans.get(loanId)
    if (l && l.outstandingPrincipal === 0 && l.payoff === 0) continue
    if (!expiry) continue
    const left = daysBetween(asOf, expiry)
    const level = expiryLevel(left, p.days ?? 90)
    if (level)
      out.push({
        loanId,
        level,
        detail: left < 0 ? `诉讼时效已于 ${expiry} 届满` : `诉讼时效 ${expiry} 届满，剩余 ${left} 天`,
      })
  }
  return out
}

const guaranteePeriod: RiskRule = async (db, asOf, pe, p) => {
  const worst = new Map<number, RuleHit & { left: number }>()
  for (const g of await guaranteeInputs(db)) {
    const l = pe.loans.get(g.loanId)
    if (!l || l.outstandingPrincipal + l.payoff === 0) continue
    const c = guaranteeClock(g)
    if (c.demandInTime && g.demandedOn! <= asOf) continue // claimed in time: the period no longer runs out
    const left = daysBetween(asOf, c.periodEnd)
    const level = expiryLevel(left, p.days ?? 90)
    if (!level) continue
    const prev = worst.get(g.loanId)
    if (prev && prev.left <= left) continue
    worst.set(g.loanId, {
      loanId: g.loanId,
      level,
      left,
      detail:
        left < 0
          ? `保证人 ${g.name} 的保证期间已于 ${c.periodEnd} 届满（未在期间内主张）`
          : `保证人 ${g.name} 的保证期间 ${c.periodEnd} 届满，剩余 ${left} 天`,
    })
  }
  return [...worst.values()].map(({ left: _l, ...h }) => h)
}

const collateralCoverage: RiskRule = async (db, asOf, pe, p) => {
  const out: RuleHit[] = []
  const min = p.minRatioPercent ?? 100
  for (const [loanId, value] of await collateralValues(db, asOf)) {
    const l = pe.loans.get(loanId)
    if (!l || l.outstandingPrincipal === 0) continue
    // Integer arithmetic: value × 100 < min × outstanding ⇔ value ÷ outstanding < min %.
    if (value * 100 < min * l.outstandingPrincipal) {
      out.push({
        loanId,
        detail: `抵质押物现值 ${yuan(value)}，本金余额 ${yuan(l.outstandingPrincipal)}，覆盖率 ${Math.floor((value * 100) / l.outstandingPrincipal)}%（低于 ${min}%）`,
      })
    }
  }
  return out
}

const maturity: RiskRule = async (_db, asOf, pe, p) => {
  const until = addDays(asOf, p.days ?? 30)
  const out: RuleHit[] = []
  for (const l of pe.loans.values()) {
    if (l.maturityDate >= asOf && l.maturityDate <= until && l.outstandingPrincipal > 0) {
      out.push({
        loanId: l.id,
        detail: `${l.maturityDate} 到期，剩余 ${daysBetween(asOf, l.maturityDate)} 天，本金余额 ${yuan(l.outstandingPrincipal)}`,
      })
    }
  }
  return out
}

/** Worst DPD of each borrower's active loans (computed once per run: two rules use it). */
const dpdCache = new WeakMap<PortfolioEval, Map<number, number>>()
function dpdByBorrower(pe: PortfolioEval): Map<number, number> {
  let m = dpdCache.get(pe)
  if (m) return m
  dpdCache.set(pe, (m = new Map<number, number>()))
  for (const l of pe.loans.values()) {
    const d = m.get(l.borrowerId)
    if (d === undefined || l.dpd > d) m.set(l.borrowerId, l.dpd)
  }
  return m
}

/** Guarantee links, read once per run (two rules use them). */
const linkCache = new WeakMap<PortfolioEval, ReturnType<typeof guaranteeLinks>>()
function linksOf(db: Db, pe: PortfolioEval): ReturnType<typeof guaranteeLinks> {
  let l = linkCache.get(pe)
  if (!l) linkCache.set(pe, (l = guaranteeLinks(db)))
  return l
}

const guarantorOverdue: RiskRule = async (db, _asOf, pe, p) => {
  const dpd = dpdByBorrower(pe)
  const out = new Map<number, RuleHit>()
  for (const link of await linksOf(db, pe)) {
    const d = dpd.get(link.guarantorBorrowerId!) ?? 0
    if (d >= (p.minDpd ?? 1) && pe.loans.has(link.loanId) && !out.has(link.loanId)) {
      out.set(link.loanId, { loanId: link.loanId, detail: `保证人 ${link.name} 本人贷款逾期 ${d} 天` })
    }
  }
  return [...out.values()]
}

const guaranteeCircle: RiskRule = async (db, _asOf, pe, p) => {
  const links = await linksOf(db, pe)
  const dpd = dpdByBorrower(pe)
  const loansOf = new Map<number, number[]>()
  for (const l of pe.loans.values()) {
    const xs = loansOf.get(l.borrowerId)
    if (xs) xs.push(l.id)
    else loansOf.set(l.borrowerId, [l.id])
  }
  const out: RuleHit[] = []
  const groups = guaranteeGroups(
    links.map((l) => ({ borrowerId: l.borrowerId, guarantorBorrowerId: l.guarantorBorrowerId! })),
  )
  const circles = groups.filter((g) => g.cycles.length > 0 || g.members.length >= 3)
  const overdueIds = circles.flatMap((g) => g.members.filter((b) => (dpd.get(b) ?? 0) >= (p.minDpd ?? 1)))
  const names = await borrowerNames(db, overdueIds)
  for (const g of circles) {
    const late = g.members.filter((b) => (dpd.get(b) ?? 0) >= (p.minDpd ?? 1))
    if (late.length === 0) continue
    const who =
      late
        .slice(0, 3)
        .map((b) => names.get(b) ?? `#${b}`)
        .join('、') + (late.length > 3 ? ` 等 ${late.length} 户` : '')
    for (const b of g.members) {
      if (late.includes(b)) continue
      for (const loanId of loansOf.get(b) ?? [])
        out.push({
          loanId,
          detail: `担保圈（${g.members.length} 户${g.cycles.length ? '，含互保' : ''}）成员 ${who} 逾期`,
        })
    }
  }
  return out
}

const concentration: RiskRule = async (db, _asOf, pe, p) => {
  if (pe.loans.size < (p.minLoans ?? 50) || pe.totalOutstanding === 0) return []
  const share = p.sharePercent ?? 5
  const byBorrower = new Map<number, number>(),
    byHousehold = new Map<number, number>()
  const household = await householdOf(db)
  for (const l of pe.loans.values()) {
    byBorrower.set(l.borrowerId, (byBorrower.get(l.borrowerId) ?? 0) + l.outstandingPrincipal)
    const h = household.get(l.borrowerId)
    if (h !== undefined) byHousehold.set(h, (byHousehold.get(h) ?? 0) + l.outstandingPrincipal)
  }
  const over = (v: number) => v * 100 > share * pe.totalOutstanding
  const out: RuleHit[] = []
  for (const l of pe.loans.values()) {
    const b = byBorrower.get(l.borrowerId)!,
      h = household.get(l.borrowerId)
    const hv = h === undefined ? 0 : byHousehold.get(h)!
    if (over(b))
      out.push({
        loanId: l.id,
        detail: `借款人贷款余额 ${yuan(b)}，占全部余额 ${((b * 100) / pe.totalOutstanding).toFixed(1)}%（超过 ${share}%）`,
      })
    else if (over(hv))
      out.push({
        loanId: l.id,
        detail: `户贷款余额 ${yuan(hv)}，占全部余额 ${((hv * 100) / pe.totalOutstanding).toFixed(1)}%（超过 ${share}%）`,
      })
  }
  return out
}

const extensionConsent: RiskRule = async (db, asOf, pe) => {
  const out = new Map<number, RuleHit>()
  for (const x of await extensionsWithoutConsent(db, asOf)) {
    if (!pe.loans.has(x.loanId) || out.has(x.loanId)) continue
    out.set(x.loanId, {
      loanId: x.loanId,
      detail: `${x.effectiveDate} 展期（第 ${x.version} 版计划）未登记保证人 ${x.name} 的书面同意（民法典 695）`,
    })
  }
  return [...out.values()]
}

/** Keeps only hits on loans of this evaluation (active on the date, in the run's scope). */
function fromArea(rule: (db: Db, asOf: string) => Promise<RuleHit[]>): RiskRule {
  return async (db, asOf, pe) => (await rule(db, asOf)).filter((h) => pe.loans.has(h.loanId))
}

/** Every rule by code; the collections and inspections areas supply their rules' data. */
export const RISK_RULES: Record<RuleCode, RiskRule | null> = {
  overdue,
  limitation,
  guarantee_period: guaranteePeriod,
  collateral_coverage: collateralCoverage,
  maturity,
  guarantor_overdue: guarantorOverdue,
  guarantee_circle: guaranteeCircle,
  concentration,
  extension_consent: extensionConsent,
  broken_promise: fromArea(brokenPromiseRule),
  first_check: fromArea(firstCheckMissingRule),
  inspection_overdue: fromArea(inspectionOverdueRule),
}
