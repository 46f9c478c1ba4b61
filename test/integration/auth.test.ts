import { afterEach, describe, expect, it } from 'vitest'
import { ADMIN, makeBackend, setupAdmin, type TestBackend } from '../helpers/backend'

let t: TestBackend
afterEach(() => t?.close())

describe('first-run setup', () => {
  it('reports needsSetup until the organization and admin exist, then refuses a second setup', async () => {
    t = await makeBackend()
    expect(await t.call('system.setupStatus', {})).toEqual({ needsSetup: true, org: null })
    await setupAdmin(t)
    expect(await t.call('system.setupStatus', {})).toEqual({
      needsSetup: false,
      org: { name: '青山县农村信用合作联社', branchCode: '3301' },
    })
    const err = await t.fail('system.setup', {
      orgName: '另一家',
      branchCode: '9999',
      adminUsername: 'evil',
      adminDisplayName: '坏人',
      adminPassword: 'Evil12345',
    })
    expect(err.code).toBe('CONFLICT')
  })

  it('validates input with zh-CN field messages and writes nothing', async () => {
    t = await makeBackend()
    const err = await t.fail('system.setup', {
      orgName: 'x',
      branchCode: '!',
      adminUsername: 'a',
      adminDisplayName: '',
      adminPassword: 'short',
    })
    expect(err.code).toBe('VALIDATION')
    const paths = err.fields!.map((f) => f.path)
    expect(paths).toEqual(
      expect.arrayContaining(['orgName', 'branchCode', 'adminUsername', 'adminDisplayName', 'adminPassword']),
    )
    expect(err.fields!.find((f) => f.path === 'adminPassword')!.message).toMatch(/密码至少 8 位/)
    expect((await t.call('system.setupStatus', {})).needsSetup).toBe(true)
  })
})

describe('login, lockout and sessions', () => {
  it('stores scrypt hashes, never the password', async () => {
    t = await makeBackend()
    await setupAdmin(t)
    const row = t.backend.env.sqlite.prepare('select password_hash from users where username = ?').get('admin') as {
      password_hash: string
    }
    // Tests hash at TEST_PASSWORD_COST (N=2^10); the production default is checked in auth-hardening.
    expect(row.password_hash).toMatch(/^scrypt\$1024\$8\$1\$/)
    expect(row.password_hash).not.toContain(ADMIN.password)
  })

  it('locks the account after 5 wrong passwords for 15 minutes, even for the right password', async () => {
    t = await makeBackend()
    await setupAdmin(t)
    for (let i = 1; i <= 4; i++) {
      const e = await t.fail('auth.login', { username: 'admin', password: 'wrong' })
      expect(e.code).toBe('UNAUTHENTICATED')
      // One message for a wrong password and an unknown user: no remaining-attempts count (issue 14.3).
      expect(e.message).toBe('用户名或密码错误')
    }
    expect((await t.fail('auth.login', { username: 'admin', password: 'wrong' })).code).toBe('LOCKED')
    expect((await t.fail('auth.login', ADMIN)).code).toBe('LOCKED')
    t.clock.now = new Date(t.clock.now.getTime() + 14 * 60_000)
    expect((await t.fail('auth.login', ADMIN)).code).toBe('LOCKED')
    t.clock.now = new Date(t.clock.now.getTime() + 2 * 60_000)
    expect((await t.call('auth.login', ADMIN)).user.username).toBe('admin')
  })

  it('an unknown user and a wrong password get the same message', async () => {
    t = await makeBackend()
    await setupAdmin(t)
    const a = await t.fail('auth.login', { username: 'nobody', password: 'x' })
    const b = await t.fail('auth.login', { username: 'admin', password: 'x' })
    expect(a.message.slice(0, 8)).toBe(b.message.slice(0, 8))
  })

  it('locks an idle session; only unlock with the right password resumes it', async () => {
    t = await makeBackend()
    const token = await setupAdmin(t)
    expect((await t.call('users.list', {}, token)).length).toBe(1)
    t.clock.now = new Date(t.clock.now.getTime() + 11 * 60_000) // idle lock default 10 min
    expect((await t.fail('users.list', {}, token)).code).toBe('LOCKED')
    expect((await t.fail('auth.unlock', { password: 'nope' }, token)).code).toBe('UNAUTHENTICATED')
    await t.call('auth.unlock', { password: ADMIN.password }, token)
    expect((await t.call('users.list', {}, token)).length).toBe(1)
  })

  it('auth.lock locks the session on the server at once (Ctrl+L), not only in the UI', async () => {
    t = await makeBackend()
    const token = await setupAdmin(t)
    await t.call('auth.lock', {}, token)
    expect((await t.fail('users.list', {}, token)).code).toBe('LOCKED')
    await t.call('auth.unlock', { password: ADMIN.password }, token)
    expect((await t.call('users.list', {}, token)).length).toBe(1)
  })

  it('a user with an initial password may do nothing but change it (enforced in the backend)', async () => {
    t = await makeBackend()
    const admin = await setupAdmin(t)
    await t.call(
      'users.create',
      { username: 'qian', displayName: '钱八', role: 'auditor', password: 'Start123' },
      admin,
    )
    const token = (await t.call('auth.login', { username: 'qian', password: 'Start123' })).token
    const e = await t.fail('audit.list', {}, token)
    expect(e.code).toBe('FORBIDDEN')
    expect(e.message).toContain('修改初始密码')
    expect((await t.call('auth.me', {}, token)).user.mustChangePassword).toBe(true)
    await t.call('auth.changePassword', { oldPassword: 'Start123', newPassword: 'Mine4567' }, token)
    expect((await t.call('audit.list', {}, token)).entries.length).toBeGreaterThan(0)
  })

  it('the dashboard shows the previous login, not the current one', async () => {
    t = await makeBackend()
    const first = await setupAdmin(t)
    expect((await t.call('dashboard.summary', {}, first)).previousLoginAt).toBeNull()
    const firstAt = t.clock.now.toISOString()
    t.clock.now = new Date(t.clock.now.getTime() + 3600_000)
    const second = (await t.call('auth.login', ADMIN)).token
    expect((await t.call('dashboard.summary', {}, second)).previousLoginAt).toBe(firstAt)
  })

  it('logout ends the session', async () => {
    t = await makeBackend()
    const token = await setupAdmin(t)
    await t.call('auth.logout', {}, token)
    expect((await t.fail('auth.me', {}, token)).code).toBe('UNAUTHENTICATED')
  })
})

describe('user management', () => {
  it('creates users who must change their password first; duplicates are refused', async () => {
    t = await makeBackend()
    const admin = await setupAdmin(t)
    const u = await t.call(
      'users.create',
      { username: 'wang', displayName: '王芳', role: 'officer', password: 'Start123' },
      admin,
    )
    expect(u).toMatchObject({ username: 'wang', role: 'officer', mustChangePassword: true, disabled: false })
    const dup = await t.fail(
      'users.create',
      { username: 'wang', displayName: '王芳2', role: 'officer', password: 'Start123' },
      admin,
    )
    expect(dup.code).toBe('CONFLICT')
    expect(dup.fields?.[0]?.path).toBe('username')
    const token = (await t.call('auth.login', { username: 'wang', password: 'Start123' })).token
    await t.call('auth.changePassword', { oldPassword: 'Start123', newPassword: 'Better456' }, token)
    expect((await t.call('auth.me', {}, token)).user.mustChangePassword).toBe(false)
    expect((await t.fail('auth.login', { username: 'wang', password: 'Start123' })).code).toBe('UNAUTHENTICATED')
  })

  it('disabling a user ends their sessions and blocks login; role changes apply to permissions at once', async () => {
    t = await makeBackend()
    const admin = await setupAdmin(t)
    const u = await t.call(
      'users.create',
      { username: 'zhao', displayName: '赵六', role: 'auditor', password: 'Start123' },
      admin,
    )
    const token = (await t.call('auth.login', { username: 'zhao', password: 'Start123' })).token
    await t.call('auth.changePassword', { oldPassword: 'Start123', newPassword: 'Mine4567' }, token)
    expect((await t.call('audit.list', {}, token)).entries.length).toBeGreaterThan(0)
    await t.call('users.update', { id: u.id, role: 'officer' }, admin)
    expect((await t.fail('audit.list', {}, token)).code).toBe('UNAUTHENTICATED') // session ended on role change
    const token2 = (await t.call('auth.login', { username: 'zhao', password: 'Mine4567' })).token
    expect((await t.fail('audit.list', {}, token2)).code).toBe('FORBIDDEN')
    await t.call('users.update', { id: u.id, disabled: true }, admin)
    expect((await t.fail('auth.me', {}, token2)).code).toBe('UNAUTHENTICATED')
    expect((await t.fail('auth.login', { username: 'zhao', password: 'Mine4567' })).code).toBe('FORBIDDEN')
  })

  it('the last active admin cannot be disabled or demoted', async () => {
    t = await makeBackend()
    const admin = await setupAdmin(t)
    const me = (await t.call('auth.me', {}, admin)).user
    expect((await t.fail('users.update', { id: me.id, role: 'officer' }, admin)).code).toBe('CONFLICT')
    expect((await t.fail('users.update', { id: me.id, disabled: true }, admin)).code).toBe('CONFLICT')
  })

  it('reset password clears a lockout', async () => {
    t = await makeBackend()
    const admin = await setupAdmin(t)
    const u = await t.call(
      'users.create',
      { username: 'sun', displayName: '孙七', role: 'archivist', password: 'Start123' },
      admin,
    )
    for (let i = 0; i < 5; i++) await t.fail('auth.login', { username: 'sun', password: 'bad' })
    expect((await t.fail('auth.login', { username: 'sun', password: 'Start123' })).code).toBe('LOCKED')
    await t.call('users.resetPassword', { id: u.id, password: 'Fresh789' }, admin)
    expect((await t.call('auth.login', { username: 'sun', password: 'Fresh789' })).user.mustChangePassword).toBe(true)
  })
})
