import { AppError } from '../../../shared/api'
import { appendAudit } from '../audit/chain'
import type { Ctx } from '../context'
import { getNumberSetting } from '../system/settings'
import { setFailedAttempts } from '../users/users-repo'

/** The one answer for an unknown user, a wrong password and (before the password is checked) a disabled account. */
export const BAD_CREDENTIALS = '用户名或密码错误'

type Guess = 'auth.login' | 'auth.unlock' | 'auth.changePassword'
const WHAT: Record<Guess, string> = {
  'auth.login': '登录',
  'auth.unlock': '解除锁屏',
  'auth.changePassword': '修改密码',
}

/**
 * Counts a wrong password against the account, whichever door it came through (login, unlock,
 * password change), so a stolen unlocked session cannot guess the password without limit.
 * The call itself rolls back; the count, the lockout and their audit entries are written after
 * it in their own transaction. At the limit every session of the user ends. Returns the error to throw.
 */
export async function countWrongPassword(
  ctx: Ctx,
  user: { id: number; username: string; failed_attempts: number },
  via: Guess,
): Promise<AppError> {
  const maxFailed = await getNumberSetting(ctx.db, 'maxFailedLogins')
  const lockMinutes = await getNumberSetting(ctx.db, 'lockoutMinutes')
  const now = ctx.env.now()
  const failed = user.failed_attempts + 1
  const lockNow = failed >= maxFailed
  const at = now.toISOString()
  ctx.onFailure(async (db) => {
    await setFailedAttempts(
      db,
      user.id,
      lockNow ? 0 : failed,
      lockNow ? new Date(now.getTime() + lockMinutes * 60_000).toISOString() : null,
    )
    const base = {
      at,
      userId: user.id,
      username: user.username,
      method: via,
      entity: 'user',
      entityId: String(user.id),
    }
    await appendAudit(db, { ...base, summary: `${user.username} ${WHAT[via]}时密码错误（连续第 ${failed} 次）` })
    if (lockNow)
      await appendAudit(db, {
        ...base,
        summary: `${user.username} 连续 ${maxFailed} 次密码错误，账户锁定 ${lockMinutes} 分钟，已结束其全部会话`,
      })
  })
  if (lockNow) {
    ctx.env.sessions.deleteUser(user.id)
    return new AppError(
      'LOCKED',
      `连续 ${maxFailed} 次密码错误，账户已锁定 ${lockMinutes} 分钟，请稍后重新登录或联系管理员`,
    )
  }
  if (via === 'auth.changePassword')
    return new AppError('VALIDATION', '原密码不正确', [{ path: 'oldPassword', message: '原密码不正确' }])
  return new AppError('UNAUTHENTICATED', via === 'auth.login' ? BAD_CREDENTIALS : '密码错误')
}

/** Audits a login attempt for a username that does not exist (no account to count against). */
export function auditUnknownUser(ctx: Ctx, username: string): void {
  const at = ctx.nowIso()
  const shown = username.slice(0, 32)
  ctx.onFailure((db) =>
    appendAudit(db, {
      at,
      userId: null,
      username: null,
      method: 'auth.login',
      entity: 'user',
      entityId: null,
      summary: `登录失败：用户名“${shown}”不存在`,
    }),
  )
}
