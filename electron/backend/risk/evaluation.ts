// The risk evaluation of every active loan as of a date: the portfolio scan (servicing) with each
// loan's payment history, five-category suggestion and its borrower's customer class.
import type Database from 'better-sqlite3-multiple-ciphers'
import {
  type Category,
  type Component,
  type CustomerClass,
  type OverdueEpisode,
  DEFAULT_ALLOCATION_ORDER,
  customerClass,
  worseCategory,
} from '../../../shared/domain'
import { paymentHistory, suggestionFor } from '../../../shared/risk'
import { evaluateLoan } from '../../../shared/servicing'
import { type ScanFilter, scanPortfolio } from '../servicing/scan-repo'
import { expiryOf } from './clocks'

/** One active loan as the rules see it. */
export interface LoanRisk {
  id: number
  borrowerId: number
  officerId: number
  dpd: number
  bucket: string
  outstandingPrincipal: number
  overduePrincipal: number
  overdueInterest: number
  penaltyInterest: number
  compoundInterest: number
  payoff: number
  /** DPD (and restructuring) floor, the system's suggestion, and the category in force (the last decision, never below the floor; else the suggestion). */
  floor: Category
  suggested: Category
  category: Category
  maturityDate: string
}

/** The evaluated portfolio: loans by id, classes by borrower. */
export interface PortfolioEval {
  asOf: string
  loans: Map<number, LoanRisk>
  classes: Map<number, { cls: CustomerClass; episodes: number }>
  totalOutstanding: number
  /** 诉讼时效 expiry per active or written-off loan (filled by the run before the rules). */
  limitation?: Map<number, string | null>
}

/** The risk evaluation's scan: heads and clock inputs, the whole payment history (no replay checkpoints). */
export const RISK_SCAN = (asOf: string): ScanFilter => ({ asOf, officerId: null, heads: true, checkpoints: false })

/**
 * Scans and evaluates every loan active on `asOf` (and active today: the scan also reads each
 * loan's head and 诉讼时效 inputs, so no per-rule lookups follow); `decided` = last approved
 * decision per loan by `asOf`. Fills `limitation` with the expiry of every scanned active loan.
 */
export function evaluatePortfolio(
  sqlite: Database.Database,
  i: { asOf: string; decided: Map<number, Category>; order: readonly Component[] },
): PortfolioEval {
  const asOf = i.asOf
  const loans = new Map<number, LoanRisk>()
  const limitation = new Map<number, string | null>()
  const episodes = new Map<number, OverdueEpisode[]>()
  let total = 0
  const order = i.order === DEFAULT_ALLOCATION_ORDER ? undefined : i.order
  scanPortfolio(sqlite, RISK_SCAN(asOf), (l) => {
    const head = l.head!
    if (head.status !== 'active') return // closed after asOf: active on the date but not now
    const e = evaluateLoan({
      rows: l.rows,
      payments: l.payments,
      annualRate: l.annualRate,
      markupPercent: l.markup,
      startDate: l.startDate,
      asOf,
      restructuredOn: l.restructuredOn,
      ...(order ? { order } : {}),
    })
    const history = paymentHistory({ rows: l.rows, payments: l.payments, startDate: l.startDate, asOf })
    const decided = i.decided.get(l.id)
    const s = suggestionFor({
      current: decided ?? (head.category as Category),
      dpd: e.dpd,
      asOf,
      restructuredOn: l.restructuredOn,
      history,
    })
    loans.set(l.id, {
      id: l.id,
      borrowerId: head.borrowerId,
      officerId: l.officerId,
      dpd: e.dpd,
      bucket: e.bucket,
      outstandingPrincipal: e.outstandingPrincipal,
      overduePrincipal: e.overduePrincipal,
      overdueInterest: e.overdueInterest,
      penaltyInterest: e.penaltyInterest,
      compoundInterest: e.compoundInterest,
      payoff: e.payoff,
      floor: e.minCategory,
      suggested: s.suggested,
      category: decided === undefined ? s.suggested : worseCategory(decided, e.minCategory),
      maturityDate: head.maturityDate,
    })
    limitation.set(
      l.id,
      expiryOf({ loanId: l.id, lastDue: head.lastDue, lastPaid: head.lastPaid, lastEvent: head.lastEvent }),
    )
    total += e.outstandingPrincipal
    if (history.episodes.length > 0) {
      const list = episodes.get(head.borrowerId)
      if (list) for (const ep of history.episodes) list.push(ep)
      else episodes.set(head.borrowerId, history.episodes)
    } else if (!episodes.has(head.borrowerId)) episodes.set(head.borrowerId, [])
  })
  const classes = new Map<number, { cls: CustomerClass; episodes: number }>()
  for (const [b, eps] of episodes) classes.set(b, { cls: customerClass({ episodes: eps }), episodes: eps.length })
  return { asOf, loans, classes, totalOutstanding: total, limitation }
}
