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
import { scanPortfolio } from '../servicing/scan-repo'

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

/** Active loan heads the scan needs beside the replay inputs. */
export type Heads = Map<number, { borrowerId: number; officerId: number; category: string; maturityDate: string }>

/** Scans and evaluates every loan active on `asOf`; `decided` = last approved decision per loan by `asOf`. */
export function evaluatePortfolio(
  sqlite: Database.Database,
  i: { asOf: string; heads: Heads; decided: Map<number, Category>; order: readonly Component[] },
): PortfolioEval {
  const asOf = i.asOf
  const loans = new Map<number, LoanRisk>()
  const episodes = new Map<number, OverdueEpisode[]>()
  let total = 0
  const o = i.order === DEFAULT_ALLOCATION_ORDER ? {} : { order: i.order }
  scanPortfolio(sqlite, { asOf, officerId: null }, (l) => {
    const head = i.heads.get(l.id)
    if (!head) return // closed later than asOf but not active now: evaluated for totals only by servicing
    const e = evaluateLoan({
      rows: l.rows,
      payments: l.payments,
      annualRate: l.annualRate,
      markupPercent: l.markup,
      startDate: l.startDate,
      asOf,
      restructuredOn: l.restructuredOn,
      ...o,
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
      officerId: head.officerId,
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
    total += e.outstandingPrincipal
    let list = episodes.get(head.borrowerId)
    if (!list) episodes.set(head.borrowerId, (list = []))
    for (const ep of history.episodes) list.push(ep)
  })
  const classes = new Map<number, { cls: CustomerClass; episodes: number }>()
  for (const [b, eps] of episodes) classes.set(b, { cls: customerClass({ episodes: eps }), episodes: eps.length })
  return { asOf, loans, classes, totalOutstanding: total }
}
