import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DEFAULT_PASSWORD_COST,
  hashPassword,
  needsRehash,
  parseHash,
  verifyPassword,
} from '../../electron/backend/auth/passwords'
import { ADMIN, loginAs, makeBackend, setupAdmin, tempDir, type TestBackend } from '../helpers/backend'

// issue 14, item 3: password guessing through unlock / change-password, one message, scrypt cost.
let t: TestBackend
let admin: string
beforeAll(async () => {
  t = await makeBackend()
  admin = await setupAdmin(t)
})
afterAll(() => t.close())

const hashOf = (username: string) =>
  t.backend.env.sqlite
    .prepare('select password_hash, failed_attempts, locked_until from users where username = ?')
    .get(username) as {
    password_hash: string
    failed_attempts: number
    locked_until: string | null
  }

async function auditSummaries(method: string): Promise<string[]> {
  return (await t.call('audit.list', { method, limit: 500 }, admin)).entries.map((e) => e.summary)
}

describe('wrong passwords count wherever they are typed', () => {
  it('5 wrong unlocks lock the account and end the session', async () => {
    const token = await loginAs(t, admin, 'officer', 'unlock_guess')
    await t.call('auth.lock', {}, token)
    for (let i = 1; i <= 4; i++)
      expect((await t.fail('auth.unlock', { password: `guess${i}` }, token)).code).toBe('UNAUTHENTICATED')
    expect(hashOf('unlock_guess').failed_attempts).toBe(4)
    expect((await t.fail('auth.unlock', { password: 'guess5' }, token)).code).toBe('LOCKED')
    expect((await t.fail('auth.me', {}, token)).code).toBe('UNAUTHENTICATED') // session ended
    expect((await t.fail('auth.login', { username: 'unlock_guess', password: 'Passw0rd!' })).code).toBe('LOCKED')
    expect(hashOf('unlock_guess').locked_until).not.toBeNull()
  })

  it('5 wrong old passwords in change-password lock the account and end the session', async () => {
    const token = await loginAs(t, admin, 'officer', 'change_guess')
    for (let i = 1; i <= 4; i++) {
      const e = await t.fail('auth.changePassword', { oldPassword: `guess${i}`, newPassword: 'NewPassw0rd' }, token)
      expect(e.fields?.[0]?.path).toBe('oldPassword')
    }
    expect(
      (await t.fail('auth.changePassword', { oldPassword: 'guess5', newPassword: 'NewPassw0rd' }, token)).code,
    ).toBe('LOCKED')
    expect((await t.fail('auth.me', {}, token)).code).toBe('UNAUTHENTICATED')
  })

  it('login, unlock and change-password failures share one counter', async () => {
    const token = await loginAs(t, admin, 'officer', 'mixed_guess')
    await t.fail('auth.login', { username: 'mixed_guess', password: 'x1' })
    await t.fail('auth.login', { username: 'mixed_guess', password: 'x2' })
    await t.fail('auth.changePassword', { oldPassword: 'x3', newPassword: 'NewPassw0rd' }, token)
    await t.call('auth.lock', {}, token)
    await t.fail('auth.unlock', { password: 'x4' }, token)
    expect((await t.fail('auth.unlock', { password: 'x5' }, token)).code).toBe('LOCKED')
  })

  it('failed logins, unknown users and lockouts are in the audit log, and the chain still verifies', async () => {
    await t.fail('auth.login', { username: 'nobody_here', password: 'whatever1' })
    const login = await auditSummaries('auth.login')
    expect(login.some((s) => s.includes('nobody_here') && s.includes('不存在'))).toBe(true)
    expect(login.some((s) => s.includes('mixed_guess') && s.includes('密码错误'))).toBe(true)
    expect((await auditSummaries('auth.unlock')).some((s) => s.includes('unlock_guess') && s.includes('锁定'))).toBe(
      true,
    )
    expect(
      (await auditSummaries('auth.changePassword')).some((s) => s.includes('change_guess') && s.includes('锁定')),
    ).toBe(true)
    expect((await t.call('audit.verify', {}, admin)).ok).toBe(true)
  })
})

describe('one answer for unknown user, wrong password and disabled account', () => {
  it('disabled is said only after the right password', async () => {
    await loginAs(t, admin, 'officer', 'gone_user')
    const id = (await t.call('users.list', {}, admin)).find((u) => u.username === 'gone_user')!.id
    await t.call('users.update', { id, disabled: true }, admin)
    const unknown = await t.fail('auth.login', { username: 'no_such_user', password: 'Passw0rd!' })
    const wrong = await t.fail('auth.login', { username: 'gone_user', password: 'Wrong1234' })
    expect(wrong.code).toBe(unknown.code)
    expect(wrong.message).toBe(unknown.message)
    const right = await t.fail('auth.login', { username: 'gone_user', password: 'Passw0rd!' })
    expect(right.code).toBe('FORBIDDEN')
    expect(right.message).toContain('停用')
  })

  it('a password over 128 characters is refused before hashing', async () => {
    const e = await t.fail('auth.login', { username: 'admin', password: 'a1'.repeat(65) })
    expect(e.code).toBe('VALIDATION')
    expect(e.message).toContain('128')
  })
})

describe('scrypt parameters', () => {
  it('a tampered hash with an absurd N is refused at once, not computed', () => {
    const good = hashPassword('Passw0rd!', { N: 1024, r: 8, p: 1 })
    const parts = good.split('$')
    const tampered = ['scrypt', 2 ** 40, 8, 1, parts[4], parts[5]].join('$')
    expect(parseHash(tampered)).toBeNull()
    const started = performance.now()
    expect(verifyPassword('Passw0rd!', tampered)).toBe(false)
    expect(performance.now() - started).toBeLessThan(50)
    expect(parseHash(['scrypt', 1024, 1000, 1, parts[4], parts[5]].join('$'))).toBeNull() // r out of bounds
    expect(parseHash(['scrypt', 1000, 8, 1, parts[4], parts[5]].join('$'))).toBeNull() // N not a power of 2
    expect(verifyPassword('Passw0rd!', good)).toBe(true)
    expect(needsRehash(good, DEFAULT_PASSWORD_COST)).toBe(true)
    expect(needsRehash(good, { N: 1024, r: 8, p: 1 })).toBe(false)
  })

  it('production default is N=2^17, r=8, p=1; a weaker stored hash is rehashed at the next login; timing does not tell users apart', async () => {
    expect(DEFAULT_PASSWORD_COST).toEqual({ N: 131072, r: 8, p: 1 })
    const tmp = tempDir()
    const weak = await makeBackend({ dir: tmp.dir })
    await setupAdmin(weak) // hashed at the test cost
    await weak.backend.close()
    const strong = await makeBackend({ dir: tmp.dir, passwordCost: DEFAULT_PASSWORD_COST })
    try {
      const stored = () =>
        (
          strong.backend.env.sqlite.prepare('select password_hash from users where username = ?').get('admin') as {
            password_hash: string
          }
        ).password_hash
      expect(stored()).toMatch(/^scrypt\$1024\$/)
      await strong.call('auth.login', ADMIN)
      expect(stored()).toMatch(/^scrypt\$131072\$8\$1\$/)
      await strong.call('auth.login', ADMIN) // the new hash verifies
      const time = async (username: string) => {
        const started = performance.now()
        await strong.fail('auth.login', { username, password: 'Wrong1234' })
        return performance.now() - started
      }
      await time('nobody') // first call builds the dummy hash
      const unknown = Math.min(await time('nobody'), await time('nobody2'))
      const wrong = Math.min(await time('admin'), await time('admin'))
      expect(unknown / wrong).toBeGreaterThan(0.5)
      expect(unknown / wrong).toBeLessThan(2)
    } finally {
      await strong.close()
      tmp.cleanup()
    }
  }, 60_000)
})
