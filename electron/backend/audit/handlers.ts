import type { Handlers } from '../context'
import { verifyChain, verifyRows } from './chain'
import { findInserted } from './inserted'
import { ANCHOR_FILE, anchorMismatch, chainHead, readAnchor } from './anchor'
import { localDayStartUtc } from '../clock'

/** Rows listed in a verify answer; the counts cover all. */
const MAX_LISTED = 100

/** Browsing and verifying the audit log (admin, auditor). */
export const auditHandlers = {
  'audit.list': async (ctx, input) => {
    let q = ctx.db
      .selectFrom('audit_log as a')
      .leftJoin('users as u', 'u.id', 'a.user_id')
      .select([
        'a.id',
        'a.at',
        'a.user_id',
        'a.username',
        'u.display_name',
        'a.method',
        'a.entity',
        'a.entity_id',
        'a.summary',
      ])
    if (input.username) q = q.where('a.username', '=', input.username)
    if (input.method) q = q.where('a.method', 'like', `${input.method}%`)
    if (input.entity) q = q.where('a.entity', '=', input.entity)
    // Dates are the user's local calendar days; `at` is stored as a UTC timestamp.
    if (input.from) q = q.where('a.at', '>=', localDayStartUtc(input.from))
    if (input.to) q = q.where('a.at', '<', localDayStartUtc(input.to, 1))
    if (input.beforeId) q = q.where('a.id', '<', input.beforeId)
    const rows = await q
      .orderBy('a.id', 'desc')
      .limit(input.limit + 1)
      .execute()
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

  'audit.verify': async (ctx) => {
    await ctx.env.anchor.flush()
    const { chain, ...known } = await verifyChain(ctx.db)
    const rows = chain.ok ? await verifyRows(ctx.db, known.seals) : { checked: 0, problems: [] }
    const inserted = chain.ok ? await findInserted(ctx.db, known, MAX_LISTED) : { count: 0, problems: [] }
    const file = readAnchor(ctx.env.dataDir)
    const anchorReason = ctx.env.anchor.broken() ?? (file ? await anchorMismatch(ctx.db, file) : null)
    const anchor = file ? { ...file, ok: anchorReason === null, reason: anchorReason } : null
    const count = (kind: 'changed' | 'deleted') => rows.problems.filter((p) => p.kind === kind).length
    const altered = rows.problems.length
    const rowReasons = [
      altered ? `${altered} 行业务数据在本程序之外被修改或删除` : null,
      inserted.count ? `${inserted.count} 行业务数据在本程序之外被插入（没有任何审计记录写入过）` : null,
    ].filter((x) => x !== null)
    return {
      ok: chain.ok && altered === 0 && inserted.count === 0 && (anchor?.ok ?? true),
      checked: chain.checked,
      firstBrokenId: chain.firstBrokenId,
      reason: chain.reason ?? anchorReason ?? (rowReasons.length ? rowReasons.join('；') : null),
      rows: {
        checked: rows.checked,
        changed: count('changed'),
        deleted: count('deleted'),
        inserted: inserted.count,
        problems: [...rows.problems.slice(0, MAX_LISTED), ...inserted.problems].slice(0, MAX_LISTED),
      },
      anchor,
    }
  },

  'audit.anchor': async (ctx) => {
    await ctx.env.anchor.flush()
    return { current: await chainHead(ctx.db, ctx.nowIso()), file: readAnchor(ctx.env.dataDir), fileName: ANCHOR_FILE }
  },
} satisfies Partial<Handlers>
