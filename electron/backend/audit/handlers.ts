import type { Handlers } from '../context'
import { verifyAudit } from './chain'
import { localDayStartUtc } from '../clock'

/** Browsing and verifying the audit log (admin, auditor). */
export const auditHandlers = {
  'audit.list': async (ctx, input) => {
    let q = ctx.db.selectFrom('audit_log as a').leftJoin('users as u', 'u.id', 'a.user_id')
      .select(['a.id', 'a.at', 'a.user_id', 'a.username', 'u.display_name', 'a.method', 'a.entity', 'a.entity_id', 'a.summary'])
    if (input.username) q = q.where('a.username', '=', input.username)
    if (input.method) q = q.where('a.method', 'like', `${input.method}%`)
    if (input.entity) q = q.where('a.entity', '=', input.entity)
    // Dates are the user's local calendar days; `at` is stored as a UTC timestamp.
    if (input.from) q = q.where('a.at', '>=', localDayStartUtc(input.from))
    if (input.to) q = q.where('a.at', '<', localDayStartUtc(input.to, 1))
    if (input.beforeId) q = q.where('a.id', '<', input.beforeId)
    const rows = await q.orderBy('a.id', 'desc').limit(input.limit + 1).execute()
    return {
      hasMore: rows.length > input.limit,
      entries: rows.slice(0, input.limit).map((r) => ({
        id: r.id,
        at: r.at,
        userId: r.user_id,
        username: r.username,
        displayName: r.display_name ?? null,
        method: r.method,
        entity: r.entity,
        entityId: r.entity_id,
        summary: r.summary,
      })),
    }
  },
  'audit.verify': async (ctx) => verifyAudit(ctx.db),
} satisfies Partial<Handlers>
