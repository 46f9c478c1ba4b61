import { AppError } from '../../../shared/api'
import { hashPassword } from '../auth/passwords'
import { localDayStartUtc } from '../clock'
import type { Handlers } from '../context'
import { SCHEMA_VERSION } from '../db/connection'
import type { Db } from '../db/types'
import { insertUser } from '../users/users-repo'

async function getOrg(db: Db) {
  const org = await db.selectFrom('org').select(['name', 'branch_code']).executeTakeFirst()
  return org ? { name: org.name, branchCode: org.branch_code } : null
}

/** Health, first-run setup, organization and dashboard. */
export const systemHandlers = {
  'system.health': async (ctx) => ({ ok: true as const, schemaVersion: SCHEMA_VERSION, version: ctx.env.version }),

  // The locked gate (system/locked.ts) answers these before the database is open; once open:
  'system.lockStatus': async () => ({ dbLocked: false }),
  'system.unlockDatabase': async () => {
    throw new AppError('CONFLICT', '数据库已经解锁')
  },
  'system.restoreDamagedDatabase': async () => {
    throw new AppError('CONFLICT', '数据库已经打开，无需从解锁页恢复')
  },

  'system.setupStatus': async (ctx) => {
    const org = await getOrg(ctx.db)
    return { needsSetup: org === null, org }
  },

  'system.setup': async (ctx, input) => {
    if (await getOrg(ctx.db)) throw new AppError('CONFLICT', '系统已完成首次设置，不能重复设置')
    const now = ctx.nowIso()
    await ctx.db
      .insertInto('org')
      .values({ id: 1, name: input.orgName, branch_code: input.branchCode, created_at: now })
      .execute()
    const id = await insertUser(ctx.db, {
      username: input.adminUsername,
      displayName: input.adminDisplayName,
      role: 'admin',
      passwordHash: hashPassword(input.adminPassword, ctx.env.passwordCost),
      mustChangePassword: false,
      now,
    })
    ctx.audit({
      entity: 'org',
      entityId: 1,
      summary: `首次设置：机构“${input.orgName}”（${input.branchCode}），管理员 ${input.adminUsername}`,
    })
    ctx.audit({ entity: 'user', entityId: id, summary: `创建管理员 ${input.adminUsername}` })
    return { ok: true as const }
  },

  'org.update': async (ctx, input) => {
    const before = await getOrg(ctx.db)
    if (!before) throw new AppError('NOT_FOUND', '尚未完成首次设置')
    await ctx.db.updateTable('org').set({ name: input.name }).where('id', '=', 1).execute()
    ctx.audit({ entity: 'org', entityId: 1, summary: `机构名称：${before.name} → ${input.name}` })
    return { ...before, name: input.name }
  },

  'dashboard.summary': async (ctx) => {
    const org = await getOrg(ctx.db)
    if (!org) throw new AppError('NOT_FOUND', '尚未完成首次设置')
    const roles = await ctx.db
      .selectFrom('users')
      .select(['role', (eb) => eb.fn.countAll<number>().as('n')])
      .where('disabled', '=', 0)
      .groupBy('role')
      .execute()
    const byRole = Object.fromEntries(roles.map((r) => [r.role, Number(r.n)]))
    const audits = await ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('at', '>=', localDayStartUtc(ctx.today()))
      .executeTakeFirstOrThrow()
    const borrowers = await ctx.db
      .selectFrom('borrowers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const me = ctx.caller
      ? await ctx.db.selectFrom('users').select('last_login_at').where('id', '=', ctx.caller.userId).executeTakeFirst()
      : undefined
    const logins = ctx.caller
      ? await ctx.db
          .selectFrom('audit_log')
          .select('at')
          .where('username', '=', ctx.caller.username)
          .where('method', '=', 'auth.login')
          .orderBy('id', 'desc')
          .limit(2)
          .execute()
      : []
    return {
      previousLoginAt: logins[1]?.at ?? null,
      org,
      users: { total: roles.reduce((s, r) => s + Number(r.n), 0), byRole },
      auditEntriesToday: Number(audits.n),
      borrowers: Number(borrowers.n),
      lastLoginAt: me?.last_login_at ?? null,
    }
  },
} satisfies Partial<Handlers>
