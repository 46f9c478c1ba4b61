import type { Handlers } from '../context'
import { verifyAudit } from './chain'
import { localDayStartUtc } from '../clock'

/** Browsing and verifying the audit log (admin, auditor). */
export const auditHandlers = {
  'audit.list': async (ctx, input) => {
    let q = ctx.db.selectFrom('audit_log').select(['id', 'at', 'user_id', 'username', 'method', 'entity', 'entity_id', 'summary'])
    if (input.username) q = q.where('username', '=', input.username)
    if (input.method) q = q.where('method', 'like', `${input.method}%`)
    if (input.entity) q = q.where('entity', '=', input.entity)
    // Dates are the user's local calendar days; `at` is stored as a UTC timestamp.
    if (input.from) q = q.where('at', '>=', localDayStartUtc(input.from))
    if (input.to) q = q.where('at', '<', localDayStartUtc(input.to, 1))
    if (input.beforeId) q = q.where('id', '<', input.beforeId)
    const rows = await q.orderBy('id', 'desc').limit(input.limit + 1).execute()
    return {
      hasMore: rows.length > input.limit,
      entries: rows.slice(0, input.limit).map((r) => ({
        id: r.id,
        at: r.at,
        userId: r.user_id,
        username: r.username,
        method: r.method,
        entity: r.entity,
        entityId: r.entity_id,
        summary: r.summary,
      })),
    }
  },
  'audit.verify': async (ctx) => verifyAudit(ctx.db),
} satisfies Partial<Handlers>
