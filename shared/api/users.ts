import { z } from 'zod'
import { method } from './contract'
import { displayName, password, role, username, userView } from './common'

/** Admin's user management. */
export const userMethods = {
  'users.list': method({
    input: z.object({ includeDisabled: z.boolean().default(true) }),
    output: z.array(userView),
    access: 'users.manage',
    write: false,
    summary: '用户列表',
  }),
  'users.create': method({
    input: z.object({ username, displayName, role, password }),
    output: userView,
    access: 'users.manage',
    write: true,
    summary: '新建用户',
  }),
  'users.update': method({
    input: z
      .object({
        id: z.number().int().positive(),
        displayName: displayName.optional(),
        role: role.optional(),
        disabled: z.boolean().optional(),
      })
      .strict(),
    output: userView,
    access: 'users.manage',
    write: true,
    summary: '修改用户（姓名、角色、停用）',
  }),
  'users.resetPassword': method({
    input: z.object({ id: z.number().int().positive(), password }),
    output: userView,
    access: 'users.manage',
    write: true,
    summary: '重置密码',
  }),
}
