// Risk settings, evaluation runs, the per-loan state of the last stored run, customer classes and
// month-end snapshot rows. Bulk writes (one row per active loan) use prepared statements on the
// same connection in the caller's transaction: 200k rows must not go through the query builder.
import type Database from 'better-sqlite3-multiple-ciphers'
import { type RuleCode, type RuleSetting, mergeRuleSettings } from '../../../shared/risk'
import type {} from '../db/schema-risk'
import type { Db } from '../db/types'
import { stmt } from '../servicing/servicing-repo'

const RULES_KEY = 'risk.rules'

/** Rule settings merged over the defaults. */
export async function loadRuleSettings(db: Db): Promise<Record<RuleCode, RuleSetting>> {
  const r = await db.selectFrom('settings').select('value').where('key', '=', RULES_KEY).executeTakeFirst()
  let stored: Record<string, Partial<RuleSetting>> | null = null
  try {
    stored = r ? (JSON.parse(r.value) as Record<string, Partial<RuleSetting>>) : null
  } catch {
    stored = null
  }
  return mergeRuleSettings(stored)
}

/** Stores the rule settings. */
export async function saveRuleSettings(db: Db, s: Record<RuleCode, RuleSetting>): Promise<void> {
  const value = JSON.stringify(s)
  await db
    .insertInto('settings')
    .values({ key: RULES_KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute()
}

/** The latest date a run was stored for, or null. */
export async function lastRunOn(db: Db): Promise<string | null> {
  const r = await db.selectFrom('risk_runs').select('as_of').orderBy('as_of', 'desc').limit(1).executeTakeFirst()
  return r?.as_of ?? null
}

/** Records a stored run (one per date; a re-run replaces it). */
export async function saveRun(
  db: Db,
  r: { asOf: string; loans: number; opened: number; resolved: number; ms: number; by: number | null; now: string },
): Promise<void> {
  const v = {
    as_of: r.asOf,
    loans: r.loans,
    opened: r.opened,
    resolved: r.resolved,
    ms: Math.round(r.ms),
    created_by: r.by,
    created_at: r.now,
  }
  await db
    .insertInto('risk_runs')
    .values(v)
    .onConflict((oc) => oc.column('as_of').doUpdateSet(v))
    .execute()
}

/** One loan's state as of a stored run. */
export interface LoanStateRow {
  loanId: number
  dpd: number
  outstandingPrincipal: number
  overduePrincipal: number
  floor: string
  suggested: string
  limitationExpiry: string | null
}

/** Replaces the per-loan state with this run's. */
export function replaceLoanState(sqlite: Database.Database, asOf: string, rows: Iterable<LoanStateRow>): void {
  stmt(sqlite, 'delete from risk_loan_state').run()
  const ins = stmt(
    sqlite,
    `insert into risk_loan_state (loan_id, as_of, dpd, outstanding_principal, overdue_principal, floor, suggested, limitation_expiry)
    values (?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  for (const r of rows)
    ins.run(r.loanId, asOf, r.dpd, r.outstandingPrincipal, r.overduePrincipal, r.floor, r.suggested, r.limitationExpiry)
}

/** Stored customer class of every borrower that has one. */
export async function storedClasses(db: Db): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('borrowers')
    .select(['id', 'customer_class'])
    .where('customer_class', 'is not', null)
    .execute()
  return new Map(rows.map((r) => [r.id, r.customer_class!]))
}

/** Sets a borrower's class and records the change. */
export function changeClass(
  sqlite: Database.Database,
  c: { borrowerId: number; from: string | null; to: string; asOf: string; detail: string; now: string },
): void {
  stmt(sqlite, 'update borrowers set customer_class = ? where id = ?').run(c.to, c.borrowerId)
  stmt(
    sqlite,
    'insert into customer_class_history (borrower_id, from_class, to_class, as_of, detail, created_at) values (?, ?, ?, ?, ?, ?)',
  ).run(c.borrowerId, c.from, c.to, c.asOf, c.detail, c.now)
}

/** Class changes of a borrower, newest first. */
export async function classHistory(db: Db, borrowerId: number) {
  const rows = await db
    .selectFrom('customer_class_history')
    .select(['from_class', 'to_class', 'as_of', 'detail'])
    .where('borrower_id', '=', borrowerId)
    .orderBy('id', 'desc')
    .execute()
  return rows.map((r) => ({
    fromClass: r.from_class as 'A' | 'B' | 'C' | null,
    toClass: r.to_class as 'A' | 'B' | 'C',
    asOf: r.as_of,
    detail: r.detail,
  }))
}

/** One month-end snapshot row. */
export interface SnapshotRow {
  loanId: number
  dpd: number
  bucket: string
  minCategory: string
  category: string
  customerClass: string | null
  outstandingPrincipal: number
  overduePrincipal: number
  overdueInterest: number
  penaltyInterest: number
  compoundInterest: number
  payoff: number
}

/** Writes a month-end snapshot (head + rows with category and class); returns its id. */
export function insertSnapshot(
  sqlite: Database.Database,
  asOf: string,
  rows: SnapshotRow[],
  by: number | null,
  now: string,
): number {
  let outstanding = 0,
    overdue = 0
  for (const r of rows) {
    outstanding += r.outstandingPrincipal
    overdue += r.overduePrincipal
  }
  const head = stmt(
    sqlite,
    `insert into portfolio_snapshots (as_of, loans, outstanding_principal, overdue_principal, created_by, created_at) values (?, ?, ?, ?, ?, ?)`,
  ).run(asOf, rows.length, outstanding, overdue, by, now)
  const id = Number(head.lastInsertRowid)
  const ins = stmt(
    sqlite,
    `insert into portfolio_snapshot_rows (snapshot_id, loan_id, dpd, bucket, min_category, outstanding_principal, overdue_principal,
    overdue_interest, penalty_interest, compound_interest, payoff, category, customer_class) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  for (const r of rows) {
    ins.run(
      id,
      r.loanId,
      r.dpd,
      r.bucket,
      r.minCategory,
      r.outstandingPrincipal,
      r.overduePrincipal,
      r.overdueInterest,
      r.penaltyInterest,
      r.compoundInterest,
      r.payoff,
      r.category,
      r.customerClass,
    )
  }
  return id
}

/** Per-loan category and balance of the latest snapshot on a date (category falls back to the DPD floor for plain snapshots). */
export async function snapshotCategories(
  db: Db,
  asOf: string,
): Promise<Map<number, { category: string; outstandingPrincipal: number }> | null> {
  const s = await db
    .selectFrom('portfolio_snapshots')
    .select('id')
    .where('as_of', '=', asOf)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!s) return null
  const rows = await db
    .selectFrom('portfolio_snapshot_rows')
    .select(['loan_id', 'category', 'min_category', 'outstanding_principal'])
    .where('snapshot_id', '=', s.id)
    .execute()
  return new Map(
    rows.map((r) => [
      r.loan_id,
      { category: r.category ?? r.min_category, outstandingPrincipal: r.outstanding_principal },
    ]),
  )
}
