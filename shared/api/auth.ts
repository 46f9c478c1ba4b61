import { z } from 'zod'
import { method } from './contract'
import { empty, ok, password, userView } from './common'
import { PERMISSIONS } from './permissions'

export const sessionView = z.object({
  user: userView,
  permissions: z.array(z.enum(PERMISSIONS)),
  idleLockMinutes: z.number().int(),
})
export type SessionView = z.infer<typeof sessionView>

/** Login, logout, the current session and password changes. */
export const authMethods = {
  'auth.login': method({
    input: z.object({
      username: z.string().trim().min(1, '请输入用户名').max(64, '用户名过长'),
      password: z.string().min(1, '请输入密码').max(128, '密码最多 128 位'),
    }),
    output: sessionView.extend({ token: z.string() }),
    access: 'public',
    write: true,
    summary: '登录',
  }),
  'auth.logout': method({ input: empty, output: ok, access: 'session', write: true, summary: '退出登录' }),
  'auth.me': method({ input: empty, output: sessionView, access: 'session', write: false, summary: '当前用户' }),
  'auth.lock': method({ input: empty, output: ok, access: 'session', write: false, summary: '锁定屏幕' }),
  'auth.unlock': method({
    input: z.object({ password: z.string().min(1, '请输入密码').max(128, '密码最多 128 位') }),
    output: ok,
    access: 'session',
    write: false,
    summary: '解除锁屏',
  }),
  'auth.changePassword': method({
    input: z.object({
      oldPassword: z.string().min(1, '请输入原密码').max(128, '密码最多 128 位'),
      newPassword: password,
    }),
    output: ok,
    access: 'session',
    write: true,
    summary: '修改密码',
  }),
}
