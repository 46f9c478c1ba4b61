import { createHash } from 'node:crypto'
import type { Db } from '../db/types'

const GENESIS = '0'.repeat(64)

export interface AuditRecord {
  at: string
  userId: number | null
  username: string | null
  method: string
  entity: string
  entityId: string | null
  summary: string
}

/** The hash of one row, chaining it to the previous one. */
export function auditHash(id: number, r: AuditRecord, prevHash: string): string {
  const canonical = JSON.stringify([id, r.at, r.userId, r.username, r.method, r.entity, r.entityId, r.summary, prevHash])
  return createHash('sha256').update(canonical).digest('hex')
}

/** Appends one entry in the caller's transaction. */
export async function appendAudit(db: Db, r: AuditRecord): Promise<void> {
  const last = await db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst()
  const id = (last?.id ?? 0) + 1
  const prevHash = last?.hash ?? GENESIS
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
      hash: auditHash(id, r, prevHash),
    })
    .execute()
}

/** Walks the chain; returns the first row whose link or content does not match. */
export async function verifyAudit(
  db: Db,
): Promise<{ ok: boolean; checked: number; firstBrokenId: number | null; reason: string | null }> {
  let prevHash = GENESIS
  let expectedId = 1
  let checked = 0
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
      if (row.id !== expectedId) return { ok: false, checked, firstBrokenId: expectedId, reason: `缺少第 ${expectedId} 条记录（已被删除）` }
      if (row.prev_hash !== prevHash) return { ok: false, checked, firstBrokenId: row.id, reason: '与上一条记录的链接不符' }
      const rec: AuditRecord = {
        at: row.at,
        userId: row.user_id,
        username: row.username,
        method: row.method,
        entity: row.entity,
        entityId: row.entity_id,
        summary: row.summary,
      }
      if (auditHash(row.id, rec, prevHash) !== row.hash) return { ok: false, checked, firstBrokenId: row.id, reason: '记录内容已被修改' }
      prevHash = row.hash
      expectedId++
      checked++
    }
    if (rows.length < batch) return { ok: true, checked, firstBrokenId: null, reason: null }
  }
}
