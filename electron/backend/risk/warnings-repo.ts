// 预警 warnings and their actions: opened, re-levelled, closed by a person or auto-resolved (never deleted).
import { sql } from 'kysely'
import { type RuleCode, type WarningLevel, levelRank } from '../../../shared/risk'
import type {} from '../db/schema-risk'
import type { Db } from '../db/types'
import { stmt } from '../servicing/servicing-repo'

/** A warning as the board shows it. */
export interface Warning {
  id: number
  loanId: number
  rule: RuleCode
  level: WarningLevel
  status: 'open' | 'closed'
  openedOn: string
  detail: string
  contractNo: string
  borrowerName: string
  officerId: number
  officerName: string | null
  closedOn: string | null
  closeKind: 'manual' | 'auto' | null
  closeReason: string | null
  actions: number
}

/** Board filters; `scopeOfficerId` limits to one officer's loans. `asOf` = warnings open on that day. */
export interface WarningFilter {
  asOf?: string | undefined
  level?: WarningLevel | undefined
  status?: 'open' | 'closed' | undefined
  rule?: RuleCode | undefined
  loanId?: number | undefined
  officerId?: number | undefined
  scopeOfficerId: number | null
}

function base(db: Db, f: WarningFilter) {
  let q = db.selectFrom('risk_warnings as w').innerJoin('loans as l', 'l.id', 'w.loan_id')
  if (f.level) q = q.where('w.level', '=', f.level)
  if (f.status) q = q.where('w.status', '=', f.status)
  if (f.rule) q = q.where('w.rule', '=', f.rule)
  if (f.loanId) q = q.where('w.loan_id', '=', f.loanId)
  if (f.officerId) q = q.where('l.officer_id', '=', f.officerId)
  if (f.scopeOfficerId !== null) q = q.where('l.officer_id', '=', f.scopeOfficerId)
  if (f.asOf) {
    const d = f.asOf
    q = q.where('w.opened_on', '<=', d).where((eb) => eb.or([eb('w.closed_on', 'is', null), eb('w.closed_on', '>', d)]))
  }
  return q
}

/** One page of the board, most severe and oldest first, with the total. */
export async function listWarnings(
  db: Db,
  f: WarningFilter,
  page: { offset: number; limit: number },
): Promise<{ total: number; items: Warning[] }> {
  const total = await countWarnings(db, f)
  if (f.status) return { total, items: await pageOf(db, f, page) }
  // Open before closed: each part walks the board index (status, severity, opened_on, id) in
  // order, instead of sorting every warning of the county for the first page.
  const open = total === 0 ? 0 : await countWarnings(db, { ...f, status: 'open' })
  const items = page.offset < open ? await pageOf(db, { ...f, status: 'open' }, page) : []
  const rest = page.limit - items.length
  if (rest > 0 && total > open)
    items.push(
      ...(await pageOf(db, { ...f, status: 'closed' }, { offset: Math.max(0, page.offset - open), limit: rest })),
    )
  return { total, items }
}

/** One page of one status, most severe and oldest first. */
async function pageOf(db: Db, f: WarningFilter, page: { offset: number; limit: number }): Promise<Warning[]> {
  const rows = await selectWarnings(base(db, f))
    .orderBy('w.severity')
    .orderBy('w.opened_on')
    .orderBy('w.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute()
  return rows.map(toWarning)
}

/**
 * The board's total: on the warnings' own indexes, joining loans only for an officer filter
 * (every warning has its loan), so a county-size count does not look up 200k loans.
 */
async function countWarnings(db: Db, f: WarningFilter): Promise<number> {
  if (!f.loanId && !f.officerId && !f.scopeOfficerId && !f.asOf) return summaryCount(db, f)
  let q = db.selectFrom('risk_warnings as w')
  if (f.level) q = q.where('w.level', '=', f.level)
  if (f.status) q = q.where('w.status', '=', f.status)
  if (f.rule) q = q.where('w.rule', '=', f.rule)
  if (f.loanId) q = q.where('w.loan_id', '=', f.loanId)
  for (const officer of [f.officerId, f.scopeOfficerId]) {
    if (officer)
      q = q.where('w.loan_id', 'in', (eb) => eb.selectFrom('loans').select('id').where('officer_id', '=', officer))
  }
  if (f.asOf) {
    const d = f.asOf
    q = q.where('w.opened_on', '<=', d).where((eb) => eb.or([eb('w.closed_on', 'is', null), eb('w.closed_on', '>', d)]))
  }
  const r = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(r.n)
}

/** A total filtered by rule, level and status only: from the counts summary the triggers keep (migration 0020). */
async function summaryCount(db: Db, f: WarningFilter): Promise<number> {
  const r = await sql<{ n: number | null }>`select sum(n) as n from risk_warning_counts
    where (${f.rule ?? null} is null or rule = ${f.rule ?? null})
      and (${f.level ?? null} is null or level = ${f.level ?? null})
      and (${f.status ?? null} is null or status = ${f.status ?? null})`.execute(db)
  return Number(r.rows[0]?.n ?? 0)
}

function selectWarnings(q: ReturnType<typeof base>) {
  return q
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .leftJoin('users as u', 'u.id', 'l.officer_id')
    .select((eb) => [
      'w.id',
      'w.loan_id',
      'w.rule',
      'w.level',
      'w.status',
      'w.opened_on',
      'w.detail',
      'l.contract_no',
      'b.name',
      'l.officer_id',
      'u.display_name',
      'w.closed_on',
      'w.close_kind',
      'w.close_reason',
      eb
        .selectFrom('risk_warning_actions as a')
        .whereRef('a.warning_id', '=', 'w.id')
        .select((e) => e.fn.countAll<number>().as('c'))
        .as('actions'),
    ])
}

type Row = Awaited<ReturnType<ReturnType<typeof selectWarnings>['executeTakeFirstOrThrow']>>
function toWarning(r: Row): Warning {
  return {
    id: r.id,
    loanId: r.loan_id,
    rule: r.rule as RuleCode,
    level: r.level,
    status: r.status,
    openedOn: r.opened_on,
    detail: r.detail,
    contractNo: r.contract_no,
    borrowerName: r.name,
    officerId: r.officer_id,
    officerName: r.display_name ?? null,
    closedOn: r.closed_on,
    closeKind: r.close_kind,
    closeReason: r.close_reason,
    actions: Number(r.actions ?? 0),
  }
}

/** One warning by id within the scope, or undefined. */
export async function findWarning(db: Db, id: number, scopeOfficerId: number | null): Promise<Warning | undefined> {
  const r = await selectWarnings(base(db, { scopeOfficerId }).where('w.id', '=', id)).executeTakeFirst()
  return r ? toWarning(r) : undefined
}

/** Every warning of the filter (export), in board order. */
export async function allWarnings(db: Db, f: WarningFilter): Promise<Warning[]> {
  return (await listWarnings(db, f, { offset: 0, limit: 1_000_000 })).items
}

/** Open counts per level within the scope. */
export async function openCounts(db: Db, scopeOfficerId: number | null): Promise<Record<WarningLevel, number>> {
  if (scopeOfficerId === null) {
    const out = { red: 0, orange: 0, yellow: 0 }
    for (const level of ['red', 'orange', 'yellow'] as const)
      out[level] = await summaryCount(db, { status: 'open', level, scopeOfficerId: null })
    return out
  }
  const rows = await base(db, { status: 'open', scopeOfficerId })
    .select((eb) => ['w.level', eb.fn.countAll<number>().as('n')])
    .groupBy('w.level')
    .execute()
  const out = { red: 0, orange: 0, yellow: 0 }
  for (const r of rows) out[r.level] = Number(r.n)
  return out
}

// The evaluation opens, re-levels and resolves up to a few hundred thousand warnings in one run:
// these writes are cached prepared statements on the raw connection (hot path), in the caller's transaction.

/** Open warnings of one rule: loan id → { id, level, detail }. */
export async function openByRule(
  db: Db,
  rule: RuleCode,
): Promise<Map<number, { id: number; level: WarningLevel; detail: string }>> {
  const rows = stmt(db, `select id, loan_id, level, detail from risk_warnings where status = 'open' and rule = ?`)
    .raw()
    .all(rule) as [number, number, WarningLevel, string][]
  return new Map(rows.map(([id, loanId, level, detail]) => [loanId, { id, level, detail }]))
}

/** Opens a warning (the caller made sure none is open for this loan and rule). */
export async function openWarning(
  db: Db,
  w: { loanId: number; rule: RuleCode; level: WarningLevel; detail: string; openedOn: string; now: string },
): Promise<void> {
  stmt(
    db,
    `insert into risk_warnings (loan_id, rule, level, severity, detail, opened_on, created_at, closed_on, close_kind, close_reason, closed_by)
    values (?, ?, ?, ?, ?, ?, ?, null, null, null, null)`,
  ).run(w.loanId, w.rule, w.level, levelRank(w.level), w.detail, w.openedOn, w.now)
}

/** A still-open warning whose level or detail changed (e.g. 30 → 60 days overdue). */
export async function updateOpenWarning(db: Db, id: number, level: WarningLevel, detail: string): Promise<void> {
  stmt(db, `update risk_warnings set level = ?, severity = ?, detail = ? where id = ? and status = 'open'`).run(
    level,
    levelRank(level),
    detail,
    id,
  )
}

/** Closes a warning: by a person with a reason, or automatically when its condition cleared. */
export async function closeWarning(
  db: Db,
  id: number,
  c: { on: string; kind: 'manual' | 'auto'; reason: string; by: number | null },
): Promise<void> {
  stmt(
    db,
    `update risk_warnings set status = 'closed', closed_on = ?, close_kind = ?, close_reason = ?, closed_by = ? where id = ?`,
  ).run(c.on, c.kind, c.reason, c.by, id)
}

/** Records an action taken on a warning; returns its id. */
export async function insertAction(
  db: Db,
  a: { warningId: number; kind: string; note: string; actedOn: string; by: number; now: string },
): Promise<number> {
  const r = await db
    .insertInto('risk_warning_actions')
    .values({
      warning_id: a.warningId,
      kind: a.kind,
      note: a.note,
      acted_on: a.actedOn,
      created_by: a.by,
      created_at: a.now,
    })
    .executeTakeFirstOrThrow()
  return Number(r.insertId)
}

/** Actions of a warning, oldest first. */
export async function listActions(db: Db, warningId: number) {
  const rows = await db
    .selectFrom('risk_warning_actions as a')
    .leftJoin('users as u', 'u.id', 'a.created_by')
    .select(['a.id', 'a.kind', 'a.note', 'a.acted_on', 'u.display_name', 'a.created_at'])
    .where('a.warning_id', '=', warningId)
    .orderBy('a.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    note: r.note,
    actedOn: r.acted_on,
    createdBy: r.display_name ?? null,
    createdAt: r.created_at,
  }))
}
