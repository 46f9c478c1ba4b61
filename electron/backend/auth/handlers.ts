import { AppError, ROLE_PERMISSIONS, type Role } from '../../../shared/api'
import { burnPasswordCheck, hashPassword, needsRehash, verifyPassword } from './passwords'
import { auditUnknownUser, BAD_CREDENTIALS, countWrongPassword } from './guessing'
import type { Ctx, Handlers } from '../context'
import {
  findUserAuthById,
  findUserAuthByUsername,
  findUserById,
  recordLogin,
  setFailedAttempts,
  setPasswordHash,
} from '../users/users-repo'
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

/** Login with lockout, logout, idle unlock, password change. */
export const authHandlers = {
  'auth.login': async (ctx, input) => {
    const now = ctx.env.now()
    const user = await findUserAuthByUsername(ctx.db, input.username)
    if (!user) {
      burnPasswordCheck(input.password, ctx.env.passwordCost) // same time as a wrong password
      auditUnknownUser(ctx, input.username)
      throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS)
    }
    const passwordOk = verifyPassword(input.password, user.password_hash)
    if (user.locked_until && user.locked_until > now.toISOString()) {
      const until = new Date(user.locked_until).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' })
      throw new AppError('LOCKED', `密码错误次数过多，账户已锁定，请于 ${until} 后再试或联系管理员`)
    }
    if (!passwordOk) throw await countWrongPassword(ctx, user, 'auth.login')
    // Disabled is said only to someone who knows the password; others get BAD_CREDENTIALS above.
    if (user.disabled) throw new AppError('FORBIDDEN', '该账户已停用，请联系管理员')
    await recordLogin(ctx.db, user.id, now.toISOString())
    if (needsRehash(user.password_hash, ctx.env.passwordCost)) {
      await setPasswordHash(ctx.db, user.id, hashPassword(input.password, ctx.env.passwordCost), {
        at: now.toISOString(),
      })
    }
    const session = ctx.env.sessions.create(user.id, now.getTime())
    ctx.audit({
      entity: 'user',
      entityId: user.id,
      summary: `${user.username} 登录`,
      actor: { userId: user.id, username: user.username },
    })
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
    if (!user) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录')
    if (!verifyPassword(input.password, user.password_hash)) throw await countWrongPassword(ctx, user, 'auth.unlock')
    ctx.env.sessions.unlock(session, ctx.env.now().getTime())
    return { ok: true as const }
  },

  'auth.changePassword': async (ctx, input) => {
    const { caller } = requireCaller(ctx)
    const user = await findUserAuthById(ctx.db, caller.userId)
    if (!user) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录')
    if (!verifyPassword(input.oldPassword, user.password_hash))
      throw await countWrongPassword(ctx, user, 'auth.changePassword')
    if (input.oldPassword === input.newPassword) {
      throw new AppError('VALIDATION', '新密码不能与原密码相同', [
        { path: 'newPassword', message: '新密码不能与原密码相同' },
      ])
    }
    await setPasswordHash(ctx.db, caller.userId, hashPassword(input.newPassword, ctx.env.passwordCost), {
      mustChange: false,
      at: ctx.nowIso(),
    })
    await setFailedAttempts(ctx.db, caller.userId, 0, null)
    ctx.audit({ entity: 'user', entityId: caller.userId, summary: `${caller.username} 修改了自己的密码` })
    return { ok: true as const }
  },
} satisfies Partial<Handlers>
