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
import { type SnapshotFilter, decidedSnapshotRows, migrationGroups, snapshotGroups } from './snapshot-aggregates-repo'

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

/** Running counts and balances by category and bucket (every category and bucket listed, zeros too). */
export function qualityTally() {
  const byCategory = CATEGORIES.map((category) => ({ category, count: 0, balance: 0 }))
  const byBucket = BUCKETS.map((bucket) => ({ bucket, count: 0, balance: 0 }))
  const total = { count: 0, balance: 0 }
  return {
    /** Adds `count` loans of one category and bucket holding `balance` 分 between them. */
    add(category: Category, bucket: Bucket, count: number, balance: number): void {
      const c = byCategory[categoryRank(category)]!
      c.count += count
      c.balance += balance
      const b = byBucket[BUCKETS.indexOf(bucket)]!
      b.count += count
      b.balance += balance
      total.count += count
      total.balance += balance
    },
    view(asOf: string): QualityView {
      const npl = byCategory.filter((c) => isNonPerforming(c.category)).reduce((s, c) => s + c.balance, 0)
      return { asOf, total, byCategory, byBucket, nplRatio: ratio(npl, total.balance) }
    },
  }
}

/** Counts and balances by category and bucket, every category and bucket listed (zeros too). */
export function qualityOf(asOf: string, loans: readonly ReportLoan[]): QualityView {
  const t = qualityTally()
  for (const l of loans) t.add(l.category, l.bucket, 1, l.balance)
  return t.view(asOf)
}

/**
 * The quality report of the caller's scope and the slice on `asOf`: from the month-end snapshot of
 * that date when there is one (grouped in SQL), else by evaluating the portfolio as of the date.
 */
export async function qualityReport(
  ctx: Ctx,
  asOf: string,
  slice: Slice & { officerId?: number },
): Promise<QualityView> {
  const snapshotId = await snapshotAt(ctx.db, asOf)
  if (snapshotId === null) return qualityOf(asOf, await reportLoans(ctx, asOf, slice))
  const officerId = scopeOfficer(ctx) ?? slice.officerId ?? null
  return snapshotQuality(ctx, asOf, { ...sliceOf(slice), snapshotId, officerId })
}

/** Only the slice's own fields (a handler input carries more). */
function sliceOf(s: Slice): Slice {
  return {
    ...(s.village === undefined ? {} : { village: s.village }),
    ...(s.product === undefined ? {} : { product: s.product }),
  }
}

/** Quality from a snapshot: groups of undecided loans from SQL, loans with a decision one by one. */
async function snapshotQuality(ctx: Ctx, asOf: string, f: SnapshotFilter): Promise<QualityView> {
  const t = qualityTally()
  for (const g of await snapshotGroups(ctx.db, f, asOf)) {
    t.add(categoryInForce(g.floor, g.category ?? undefined), g.bucket, g.count, g.balance)
  }
  const decided = await decisionsInForce(ctx.db, asOf)
  for (const r of await decidedSnapshotRows(ctx.db, f, asOf)) {
    t.add(categoryInForce(r.floor, decided.get(r.loanId)), r.bucket, 1, r.balance)
  }
  return t.view(asOf)
}

type MigrationRow = MigrationView['rows'][number]

/** Migration cells keyed by from>to, sorted new → categories → closed on both axes. */
function migrationCells() {
  const cells = new Map<string, MigrationRow>()
  const order: string[] = [...MIGRATION_STATES]
  return {
    add(f: MigrationRow['from'], t: MigrationRow['to'], count: number, balance: number): void {
      const key = `${f}>${t}`
      const cell = cells.get(key) ?? { from: f, to: t, count: 0, balance: 0 }
      cell.count += count
      cell.balance += balance
      cells.set(key, cell)
    },
    view(): MigrationView {
      const rows = [...cells.values()].sort(
        (a, b) => order.indexOf(a.from) - order.indexOf(b.from) || order.indexOf(a.to) - order.indexOf(b.to),
      )
      return { rows }
    },
  }
}

/**
 * Each loan's category on `from` and on `to`: a loan not yet outstanding on `from` comes from
 * 'new', one no longer outstanding on `to` (结清/核销) goes to 'closed'; balances are those on `to`.
 * From the two month-end snapshots when both were taken (one grouped join), else evaluated.
 */
export async function migrationOf(ctx: Ctx, from: string, to: string): Promise<MigrationView> {
  const [a, b] = [await snapshotAt(ctx.db, from), await snapshotAt(ctx.db, to)]
  if (a === null || b === null) {
    return migrationBetween(await reportLoans(ctx, from, {}), await reportLoans(ctx, to, {}))
  }
  return snapshotMigration(ctx, { from, to, fromId: a, toId: b })
}

async function snapshotMigration(
  ctx: Ctx,
  d: { from: string; to: string; fromId: number; toId: number },
): Promise<MigrationView> {
  const officerId = scopeOfficer(ctx)
  const cells = migrationCells()
  const state = (floor: Category | null, category: Category | null | undefined) =>
    floor === null ? null : categoryInForce(floor, category ?? undefined)
  // Loans still outstanding on `to`; those of the `from` snapshot not among them were closed.
  const stillOut = new Map<Category, number>()
  for (const g of await migrationGroups(ctx.db, { from: d.fromId, to: d.toId, officerId }, d.to)) {
    const was = state(g.fromFloor, g.fromCategory)
    if (was !== null) stillOut.set(was, (stillOut.get(was) ?? 0) + g.count)
    cells.add(was ?? 'new', categoryInForce(g.toFloor, g.toCategory ?? undefined), g.count, g.balance)
  }
  const outOnFrom = new Map<Category, number>()
  for (const g of await snapshotGroups(ctx.db, { snapshotId: d.fromId, officerId }, d.to)) {
    const was = categoryInForce(g.floor, g.category ?? undefined)
    outOnFrom.set(was, (outOnFrom.get(was) ?? 0) + g.count)
  }
  for (const [was, n] of outOnFrom) {
    const closed = n - (stillOut.get(was) ?? 0)
    if (closed > 0) cells.add(was, 'closed', closed, 0)
  }
  // Loans with a decision by `to` (every decision in force on `from` is one of them): one by one.
  const [decidedFrom, decidedTo] = [await decisionsInForce(ctx.db, d.from), await decisionsInForce(ctx.db, d.to)]
  const before = await decidedSnapshotRows(ctx.db, { snapshotId: d.fromId, officerId }, d.to)
  const after = await decidedSnapshotRows(ctx.db, { snapshotId: d.toId, officerId }, d.to)
  const was = new Map(before.map((r) => [r.loanId, r]))
  for (const r of after) {
    const f = was.get(r.loanId)
    was.delete(r.loanId)
    const fromState = f ? categoryInForce(f.floor, decidedFrom.get(f.loanId) ?? f.category ?? undefined) : 'new'
    cells.add(fromState, categoryInForce(r.floor, decidedTo.get(r.loanId) ?? r.category ?? undefined), 1, r.balance)
  }
  for (const f of was.values()) {
    cells.add(categoryInForce(f.floor, decidedFrom.get(f.loanId) ?? f.category ?? undefined), 'closed', 1, 0)
  }
  return cells.view()
}

/** The migration matrix of two dates' loans (see migrationOf). */
export function migrationBetween(fromLoans: readonly ReportLoan[], toLoans: readonly ReportLoan[]): MigrationView {
  const before = new Map(fromLoans.map((l) => [l.loanId, l.category]))
  const cells = migrationCells()
  for (const l of toLoans) {
    cells.add(before.get(l.loanId) ?? 'new', l.category, 1, l.balance)
    before.delete(l.loanId)
  }
  for (const category of before.values()) cells.add(category, 'closed', 1, 0)
  return cells.view()
}
