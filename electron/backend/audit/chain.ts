import { createHash } from 'node:crypto'
import type { Db } from '../db/types'
import type {} from '../db/schema-audit'
import { baselineRanges, drainSeal, RANGE, readRows, refDigest, rowHash, type SealedRow } from './seal'

const GENESIS = '0'.repeat(64)
/** rows_digest of the entry written when a schema upgrade rewrote rows: older seals no longer apply. */
export const RESEAL = 'RESEAL'

export interface AuditRecord {
  at: string
  userId: number | null
  username: string | null
  method: string
  entity: string
  entityId: string | null
  summary: string
  /** Set on the schema-upgrade entry (see RESEAL). */
  reseal?: boolean
  /** Bulk writers (demo generator): list the written rows as rowid runs, not one hash per row. */
  ranges?: boolean
}

/** The rows_digest of a RESEAL entry carrying a baseline (`RESEAL:<sha256 of rows_ref>`). */
function resealDigest(ref: string): string {
  return `${RESEAL}:${refDigest(ref)}`
}

/** The hash of one row, chaining it to the previous one; entries since 0008 also cover their sealed rows. */
export function auditHash(id: number, r: AuditRecord, prevHash: string, rowsDigest: string | null = null): string {
  const fields: unknown[] = [id, r.at, r.userId, r.username, r.method, r.entity, r.entityId, r.summary, prevHash]
  if (rowsDigest !== null) fields.push(rowsDigest)
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex')
}

/** Appends one entry in the caller's transaction, sealing the business rows written before it. */
export async function appendAudit(db: Db, r: AuditRecord): Promise<void> {
  const last = await db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst()
  const id = (last?.id ?? 0) + 1
  const prevHash = last?.hash ?? GENESIS
  // The chain's first entry and an upgrade's RESEAL also record what rows existed then (baseline).
  const baseline = r.reseal || !last ? await baselineRanges(db) : []
  const sealed = r.reseal ? null : await drainSeal(db, { ranges: r.ranges })
  // Baseline first: verify applies a run by dropping older seals inside it, then this entry's own seals.
  const rows = [...baseline, ...(sealed ?? [])]
  const ref = rows.length ? JSON.stringify(rows) : null
  const rowsRef = r.reseal ? (ref ?? '[]') : ref
  const rowsDigest = r.reseal ? resealDigest(rowsRef!) : rowsRef === null ? null : refDigest(rowsRef)
  await db
    .insertInto('audit_log')
    .values({
      id,
      at: r.at,
      user_id: r.userId,
      username: r.username,
      method: r.method,
      entity: r.entity,
      entity_id: r.entityId,
      summary: r.summary,
      prev_hash: prevHash,
      hash: auditHash(id, r, prevHash, rowsDigest),
      rows_ref: rowsRef,
      rows_digest: rowsDigest,
    })
    .execute()
}

export interface ChainResult {
  ok: boolean
  checked: number
  firstBrokenId: number | null
  reason: string | null
  /** Hash of the last entry checked (the chain head when ok). */
  headHash: string | null
}

/** Last seal per row: `table:rowid` → [columns, hash, auditId]. */
export type SealMap = Map<string, [number, string, number]>
/** Rowid runs bulk writers and baselines recorded, per table: rows there were written by the app. */
export type RangeMap = Map<string, [number, number][]>

/** What the chain says about business rows: each row's last seal, the bulk runs, whether a baseline exists. */
export interface ChainRows {
  seals: SealMap
  ranges: RangeMap
  /** False after a RESEAL written before baselines existed: inserted rows cannot be told apart then. */
  baseline: boolean
}

/**
 * Records a bulk run; rows of it sealed one by one earlier were rewritten by the bulk writer, so their
 * old seals no longer apply (walks the smaller of the run and the seal map).
 */
function addRange(seals: SealMap, ranges: RangeMap, table: string, lo: number, hi: number): void {
  if (ranges.has(table)) ranges.get(table)!.push([lo, hi])
  else ranges.set(table, [[lo, hi]])
  if (hi - lo + 1 <= seals.size) {
    for (let rid = lo; rid <= hi; rid++) seals.delete(`${table}:${rid}`)
    return
  }
  const prefix = `${table}:`
  for (const key of seals.keys()) {
    if (!key.startsWith(prefix)) continue
    const rid = Number(key.slice(prefix.length))
    if (rid >= lo && rid <= hi) seals.delete(key)
  }
}

/** Walks the chain; returns the first row whose link or content does not match, and each row's last seal. */
export async function verifyChain(db: Db): Promise<{ chain: ChainResult } & ChainRows> {
  let prevHash = GENESIS
  let expectedId = 1
  let checked = 0
  const seals: SealMap = new Map()
  const ranges: RangeMap = new Map()
  let baseline = true
  const broken = (id: number, reason: string) => ({
    chain: { ok: false, checked, firstBrokenId: id, reason, headHash: null },
    seals,
    ranges,
    baseline,
  })
  const batch = 5000
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>=', expectedId)
      .orderBy('id')
      .limit(batch)
      .execute()
    for (const row of rows) {
      if (row.id !== expectedId) return broken(expectedId, `缺少第 ${expectedId} 条记录（已被删除）`)
      if (row.prev_hash !== prevHash) return broken(row.id, '与上一条记录的链接不符')
      const rec: AuditRecord = {
        at: row.at,
        userId: row.user_id,
        username: row.username,
        method: row.method,
        entity: row.entity,
        entityId: row.entity_id,
        summary: row.summary,
      }
      if (auditHash(row.id, rec, prevHash, row.rows_digest) !== row.hash) return broken(row.id, '记录内容已被修改')
      const digest = row.rows_digest
      const reseal = digest === RESEAL || (digest?.startsWith(`${RESEAL}:`) ?? false)
      if (reseal) {
        seals.clear()
        ranges.clear()
        baseline = digest !== RESEAL
      }
      if (digest !== null && digest !== RESEAL) {
        const expected = reseal ? resealDigest(row.rows_ref ?? '') : refDigest(row.rows_ref ?? '')
        if (!row.rows_ref || expected !== digest) return broken(row.id, '记录所列数据行的摘要不符')
        for (const [table, a, b, hash] of JSON.parse(row.rows_ref) as SealedRow[]) {
          if (hash !== RANGE) seals.set(`${table}:${a}`, [b, hash, row.id])
          else addRange(seals, ranges, table, a, b)
        }
      }
      prevHash = row.hash
      expectedId++
      checked++
    }
    if (rows.length < batch)
      return {
        chain: { ok: true, checked, firstBrokenId: null, reason: null, headHash: checked ? prevHash : null },
        seals,
        ranges,
        baseline,
      }
  }
}

/** A business row that no longer matches the audit entry that last wrote it. */
export interface RowProblem {
  table: string
  rowId: number
  auditId: number
  kind: 'changed' | 'deleted' | 'inserted'
}

/** Compares every sealed row with the database now; lists rows changed or deleted outside the app. */
export async function verifyRows(db: Db, seals: SealMap): Promise<{ checked: number; problems: RowProblem[] }> {
  const byTable = new Map<string, number[]>()
  for (const key of seals.keys()) {
    const i = key.lastIndexOf(':')
    const table = key.slice(0, i)
    const rid = Number(key.slice(i + 1))
    if (byTable.has(table)) byTable.get(table)!.push(rid)
    else byTable.set(table, [rid])
  }
  const problems: RowProblem[] = []
  let checked = 0
  for (const [table, rids] of byTable) {
    // A dropped table reads as every sealed row deleted.
    const now = await readRows(db, table, rids).catch(() => new Map<number, unknown[]>())
    for (const rid of rids) {
      const [columns, hash, auditId] = seals.get(`${table}:${rid}`)!
      checked++
      const current = now.get(rid)
      if (hash === 'deleted') {
        if (current) problems.push({ table, rowId: rid, auditId, kind: 'changed' })
      } else if (!current) problems.push({ table, rowId: rid, auditId, kind: 'deleted' })
      // Only the columns that existed when sealed: a later ADD COLUMN is not an edit.
      else if (current.length < columns || rowHash(current.slice(0, columns)) !== hash)
        problems.push({ table, rowId: rid, auditId, kind: 'changed' })
    }
  }
  return { checked, problems }
}
