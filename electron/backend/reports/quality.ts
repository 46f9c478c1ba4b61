// Portfolio quality (资产质量) and the five-category migration matrix, from the portfolio
// evaluation as of each date: only what was known by that date counts (later payments, decisions
// and closures are replayed away).
import { MIGRATION_STATES, type MigrationView, type QualityView } from '../../../shared/api/reports'
import {
  BUCKETS,
  CATEGORIES,
  type Bucket,
  type Category,
  categoryRank,
  isNonPerforming,
  ratio,
  worseCategory,
} from '../../../shared/domain'
import type { Ctx } from '../context'
import { scopeOfficer } from '../scope'
import { evaluateAll } from '../servicing/portfolio'
import { decisionsInForce } from '../risk/classification-repo'
import { loanIdsInSlice, type Slice, snapshotAt, snapshotLoans } from './reports-repo'

/** One loan as a report sees it on a date. */
export interface ReportLoan {
  loanId: number
  category: Category
  bucket: Bucket
  dpd: number
  balance: number
}

/**
 * The category in force: the system's suggestion (the DPD and restructured floors, DOMAIN §6)
 * until a decided category is supplied, never below the floor.
 */
export function categoryInForce(floor: Category, decided?: Category): Category {
  return decided ? worseCategory(decided, floor) : floor
}

/**
 * Every loan outstanding on `asOf` in the caller's scope and the slice. A month-end snapshot of
 * that date, when one was taken, is the record (fast, and what was reported then); otherwise the
 * portfolio is evaluated as of the date.
 */
export async function reportLoans(
  ctx: Ctx,
  asOf: string,
  slice: Slice & { officerId?: number },
): Promise<ReportLoan[]> {
  const scope = scopeOfficer(ctx)
  // An officer sees only the own portfolio whatever officerId they pass (no existence leak).
  const officerId = scope ?? slice.officerId ?? null
  // Decisions approved by the date (classification workflow); later ones do not count.
  const decided = await decisionsInForce(ctx.db, asOf)
  const snapshot = await snapshotAt(ctx.db, asOf)
  if (snapshot !== null) {
    const rows = await snapshotLoans(ctx.db, snapshot, { ...slice, officerId })
    return rows.map((r) => ({
      loanId: r.loanId,
      category: categoryInForce(r.floor, decided.get(r.loanId) ?? r.category ?? undefined),
      bucket: r.bucket,
      dpd: r.dpd,
      balance: r.balance,
    }))
  }
  return evaluatedLoans(ctx, asOf, slice, officerId, decided)
}

async function evaluatedLoans(
  ctx: Ctx,
  asOf: string,
  slice: Slice,
  officerId: number | null,
  decided: Map<number, Category>,
): Promise<ReportLoan[]> {
  const ids = await loanIdsInSlice(ctx.db, slice)
  const out: ReportLoan[] = []
  evaluateAll(ctx, { asOf, officerId }, (loanId, e) => {
    if (ids && !ids.has(loanId)) return
    if (e.outstandingPrincipal <= 0) return
    out.push({
      loanId,
      category: categoryInForce(e.minCategory, decided.get(loanId)),
      bucket: e.bucket,
      dpd: e.dpd,
      balance: e.outstandingPrincipal,
    })
  })
  return out
}

/** Counts and balances by category and bucket, every category and bucket listed (zeros too). */
export function qualityOf(asOf: string, loans: readonly ReportLoan[]): QualityView {
  const byCategory = CATEGORIES.map((category) => ({ category, count: 0, balance: 0 }))
  const byBucket = BUCKETS.map((bucket) => ({ bucket, count: 0, balance: 0 }))
  const total = { count: 0, balance: 0 }
  for (const l of loans) {
    const c = byCategory[categoryRank(l.category)]!
    c.count++
    c.balance += l.balance
    const b = byBucket[BUCKETS.indexOf(l.bucket)]!
    b.count++
    b.balance += l.balance
    total.count++
    total.balance += l.balance
  }
  const npl = byCategory.filter((c) => isNonPerforming(c.category)).reduce((s, c) => s + c.balance, 0)
  return { asOf, total, byCategory, byBucket, nplRatio: ratio(npl, total.balance) }
}

/**
 * Each loan's category on `from` and on `to`: a loan not yet outstanding on `from` comes from
 * 'new', one no longer outstanding on `to` (结清/核销) goes to 'closed'; balances are those on `to`.
 */
export async function migrationOf(ctx: Ctx, from: string, to: string): Promise<MigrationView> {
  return migrationBetween(await reportLoans(ctx, from, {}), await reportLoans(ctx, to, {}))
}

/** The migration matrix of two dates' loans (see migrationOf). */
export function migrationBetween(fromLoans: readonly ReportLoan[], toLoans: readonly ReportLoan[]): MigrationView {
  type Row = MigrationView['rows'][number]
  const before = new Map(fromLoans.map((l) => [l.loanId, l.category]))
  const cells = new Map<string, Row>()
  const add = (f: Row['from'], t: Row['to'], balance: number) => {
    const key = `${f}>${t}`
    const cell = cells.get(key) ?? { from: f, to: t, count: 0, balance: 0 }
    cell.count++
    cell.balance += balance
    cells.set(key, cell)
  }
  for (const l of toLoans) {
    add(before.get(l.loanId) ?? 'new', l.category, l.balance)
    before.delete(l.loanId)
  }
  for (const category of before.values()) add(category, 'closed', 0)
  const order: string[] = [...MIGRATION_STATES]
  const rows = [...cells.values()].sort(
    (a, b) => order.indexOf(a.from) - order.indexOf(b.from) || order.indexOf(a.to) - order.indexOf(b.to),
  )
  return { rows }
}
