import { AppError, ROLE_PERMISSIONS, type Role } from '../../../shared/api'
import { hashPassword, verifyPassword } from './passwords'
import type { Ctx, Handlers } from '../context'
import { findUserAuthById, findUserAuthByUsername, findUserById } from '../users/users-repo'
import { getNumberSetting } from '../system/settings'

async function sessionView(ctx: Ctx, userId: number) {
  const user = await findUserById(ctx.db, userId)
  if (!user) throw new AppError('UNAUTHENTICATED', '用户不存在')
  return {
    user,
    permissions: [...ROLE_PERMISSIONS[user.role as Role]],
    idleLockMinutes: await getNumberSetting(ctx.db, 'idleLockMinutes'),
  }
}

function requireCaller(ctx: Ctx) {
  if (!ctx.caller || !ctx.session) throw new AppError('UNAUTHENTICATED', '请先登录')
  return { caller: ctx.caller, session: ctx.session }
}

const BAD_CREDENTIALS = '用户名或密码错误'

/** Login with lockout, logout, idle unlock, password change. */
export const authHandlers = {
  'auth.login': async (ctx, input) => {
    const now = ctx.env.now()
    const user = await findUserAuthByUsername(ctx.db, input.username)
    if (!user) throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS)
    if (user.locked_until && user.locked_until > now.toISOString()) {
      const until = new Date(user.locked_until).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' })
      throw new AppError('LOCKED', `密码错误次数过多，账户已锁定，请于 ${until} 后再试或联系管理员`)
    }
    if (user.disabled) throw new AppError('FORBIDDEN', '该账户已停用，请联系管理员')
    if (!verifyPassword(input.password, user.password_hash)) {
      const maxFailed = await getNumberSetting(ctx.db, 'maxFailedLogins')
      const lockMinutes = await getNumberSetting(ctx.db, 'lockoutMinutes')
      const failed = user.failed_attempts + 1
      const lockNow = failed >= maxFailed
      // The call fails and rolls back; the failure count is written in its own transaction.
      ctx.onFailure(async (db) => {
        await db
          .updateTable('users')
          .set({
            failed_attempts: lockNow ? 0 : failed,
            locked_until: lockNow ? new Date(now.getTime() + lockMinutes * 60_000).toISOString() : null,
          })
          .where('id', '=', user.id)
          .execute()
      })
      if (lockNow) throw new AppError('LOCKED', `连续 ${maxFailed} 次密码错误，账户已锁定 ${lockMinutes} 分钟`)
      throw new AppError('UNAUTHENTICATED', `${BAD_CREDENTIALS}（还可尝试 ${maxFailed - failed} 次）`)
    }
    await ctx.db
      .updateTable('users')
      .set({ failed_attempts: 0, locked_until: null, last_login_at: now.toISOString() })
      .where('id', '=', user.id)
      .execute()
    const session = ctx.env.sessions.create(user.id, now.getTime())
    ctx.audit({ entity: 'user', entityId: user.id, summary: `${user.username} 登录`, actor: { userId: user.id, username: user.username } })
    return { ...(await sessionView(ctx, user.id)), token: session.token }
  },

  'auth.logout': async (ctx) => {
    const { caller, session } = requireCaller(ctx)
    ctx.env.sessions.delete(session.token)
    ctx.audit({ entity: 'user', entityId: caller.userId, summary: `${caller.username} 退出登录` })
    return { ok: true as const }
  },

  'auth.me': async (ctx) => sessionView(ctx, requireCaller(ctx).caller.userId),

  'auth.lock': async (ctx) => {
    ctx.env.sessions.lock(requireCaller(ctx).session)
    return { ok: true as const }
  },

  'auth.unlock': async (ctx, input) => {
    const { caller, session } = requireCaller(ctx)
    const user = await findUserAuthById(ctx.db, caller.userId)
    if (!user || !verifyPassword(input.password, user.password_hash)) throw new AppError('UNAUTHENTICATED', '密码错误')
    ctx.env.sessions.unlock(session, ctx.env.now().getTime())
    return { ok: true as const }
  },

  'auth.changePassword': async (ctx, input) => {
    const { caller } = requireCaller(ctx)
    const user = await findUserAuthById(ctx.db, caller.userId)
    if (!user || !verifyPassword(input.oldPassword, user.password_hash)) {
      throw new AppError('VALIDATION', '原密码不正确', [{ path: 'oldPassword', message: '原密码不正确' }])
    }
    if (input.oldPassword === input.newPassword) {
      throw new AppError('VALIDATION', '新密码不能与原密码相同', [{ path: 'newPassword', message: '新密码不能与原密码相同' }])
    }
    await ctx.db
      .updateTable('users')
      .set({ password_hash: hashPassword(input.newPassword), must_change_password: 0, updated_at: ctx.nowIso() })
      .where('id', '=', caller.userId)
      .execute()
    ctx.audit({ entity: 'user', entityId: caller.userId, summary: `${caller.username} 修改了自己的密码` })
    return { ok: true as const }
  },
} satisfies Partial<Handlers>
