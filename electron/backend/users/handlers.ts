import { AppError, ROLE_LABELS } from '../../../shared/api'
import { hashPassword } from '../auth/passwords'
import type { Ctx, Handlers } from '../context'
import { countOtherActiveAdmins, findUserById, insertUser, listUsers } from './users-repo'

async function mustFind(ctx: Ctx, id: number) {
  const u = await findUserById(ctx.db, id)
  if (!u) throw new AppError('NOT_FOUND', `用户 #${id} 不存在`)
  return u
}

/** Admin's user management; the last active admin can be neither demoted nor disabled. */
export const userHandlers = {
  'users.list': async (ctx, input) => listUsers(ctx.db, input.includeDisabled),

  'users.create': async (ctx, input) => {
    const exists = await ctx.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', input.username)
      .executeTakeFirst()
    if (exists)
      throw new AppError('CONFLICT', `用户名 ${input.username} 已存在`, [{ path: 'username', message: '用户名已存在' }])
    const id = await insertUser(ctx.db, {
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash: hashPassword(input.password, ctx.env.passwordCost),
      mustChangePassword: true,
      now: ctx.nowIso(),
    })
    ctx.audit({
      entity: 'user',
      entityId: id,
      summary: `新建用户 ${input.username}（${input.displayName}，${ROLE_LABELS[input.role]}）`,
    })
    return mustFind(ctx, id)
  },

  'users.update': async (ctx, input) => {
    const before = await mustFind(ctx, input.id)
    const demotes = input.role !== undefined && input.role !== 'admin' && before.role === 'admin'
    const disables = input.disabled === true && !before.disabled && before.role === 'admin'
    if ((demotes || disables) && (await countOtherActiveAdmins(ctx.db, before.id)) === 0) {
      throw new AppError('CONFLICT', '不能停用或降级最后一位系统管理员')
    }
    if (input.disabled === true && ctx.caller?.userId === before.id)
      throw new AppError('CONFLICT', '不能停用自己的账户')
    const changes: string[] = []
    const set: Record<string, unknown> = { updated_at: ctx.nowIso() }
    if (input.displayName !== undefined && input.displayName !== before.displayName) {
      set.display_name = input.displayName
      changes.push(`姓名 ${before.displayName} → ${input.displayName}`)
    }
    if (input.role !== undefined && input.role !== before.role) {
      set.role = input.role
      changes.push(`角色 ${ROLE_LABELS[before.role]} → ${ROLE_LABELS[input.role]}`)
    }
    if (input.disabled !== undefined && input.disabled !== before.disabled) {
      set.disabled = input.disabled ? 1 : 0
      changes.push(input.disabled ? '停用' : '启用')
    }
    if (changes.length === 0) return before
    await ctx.db.updateTable('users').set(set).where('id', '=', before.id).execute()
    if (set.role !== undefined || input.disabled) ctx.env.sessions.deleteUser(before.id)
    ctx.audit({ entity: 'user', entityId: before.id, summary: `用户 ${before.username}：${changes.join('；')}` })
    return mustFind(ctx, before.id)
  },

  'users.resetPassword': async (ctx, input) => {
    const before = await mustFind(ctx, input.id)
    await ctx.db
      .updateTable('users')
      .set({
        password_hash: hashPassword(input.password, ctx.env.passwordCost),
        must_change_password: 1,
        failed_attempts: 0,
        locked_until: null,
        updated_at: ctx.nowIso(),
      })
      .where('id', '=', before.id)
      .execute()
    ctx.env.sessions.deleteUser(before.id)
    ctx.audit({ entity: 'user', entityId: before.id, summary: `重置用户 ${before.username} 的密码（并解除锁定）` })
    return mustFind(ctx, before.id)
  },
} satisfies Partial<Handlers>
