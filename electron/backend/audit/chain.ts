import { createHash } from 'node:crypto'
import type { Db } from '../db/types'
import type {} from '../db/schema-audit'
import { drainSeal, readRows, rowHash, type SealedRow } from './seal'

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
  const seal = r.reseal ? null : await drainSeal(db)
  const rowsDigest = r.reseal ? RESEAL : (seal?.digest ?? null)
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
      rows_ref: seal?.ref ?? null,
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

/** Walks the chain; returns the first row whose link or content does not match, and each row's last seal. */
export async function verifyChain(db: Db): Promise<{ chain: ChainResult; seals: SealMap }> {
  let prevHash = GENESIS
  let expectedId = 1
  let checked = 0
  const seals: SealMap = new Map()
  const broken = (id: number, reason: string) => ({
    chain: { ok: false, checked, firstBrokenId: id, reason, headHash: null },
    seals,
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
      if (row.rows_digest === RESEAL) seals.clear()
      else if (row.rows_digest !== null) {
        if (!row.rows_ref || createHash('sha256').update(row.rows_ref).digest('hex') !== row.rows_digest)
          return broken(row.id, '记录所列数据行的摘要不符')
        for (const [table, rid, columns, hash] of JSON.parse(row.rows_ref) as SealedRow[])
          seals.set(`${table}:${rid}`, [columns, hash, row.id])
      }
      prevHash = row.hash
      expectedId++
      checked++
    }
    if (rows.length < batch)
      return {
        chain: { ok: true, checked, firstBrokenId: null, reason: null, headHash: checked ? prevHash : null },
        seals,
      }
  }
}

/** A business row that no longer matches the audit entry that last wrote it. */
export interface RowProblem {
  table: string
  rowId: number
  auditId: number
  kind: 'changed' | 'deleted'
}

/** Compares every sealed row with the database now; lists rows changed or deleted outside the app. */
export async function verifyRows(db: Db, seals: SealMap): Promise<{ checked: number; problems: RowProblem[] }> {
  const byTable = new Map<string, number[]>()
  for (const key of seals.keys()) {
    const i = key.lastIndexOf(':')
    const table = key.slice(0, i)
    byTable.set(table, [...(byTable.get(table) ?? []), Number(key.slice(i + 1))])
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
