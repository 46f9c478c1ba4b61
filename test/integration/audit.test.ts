import Database from 'better-sqlite3-multiple-ciphers'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { makeBackend, setupAdmin, type TestBackend } from '../helpers/backend'

let t: TestBackend
afterEach(() => t?.close())

describe('audit log', () => {
  it('records who, method, entity and summary for every write, in order', async () => {
    t = await makeBackend()
    const admin = await setupAdmin(t)
    await t.call(
      'users.create',
      { username: 'li.officer', displayName: '李信贷', role: 'officer', password: 'Abcdefg1' },
      admin,
    )
    const { entries } = await t.call('audit.list', {}, admin)
    const methods = entries.map((e) => e.method).reverse()
    expect(methods).toEqual(['system.setup', 'system.setup', 'auth.login', 'users.create'])
    const create = entries[0]!
    expect(create.username).toBe('admin')
    expect(create.entity).toBe('user')
    expect(create.summary).toContain('li.officer')
    expect(create.summary).not.toMatch(/Abcdefg1/)
  })

  it('logins are attributed to the user who logged in', async () => {
    t = await makeBackend()
    const admin = await setupAdmin(t)
    const { entries } = await t.call('audit.list', { method: 'auth.login' }, admin)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ username: 'admin', entity: 'user' })
    expect(entries[0]!.userId).toBeTypeOf('number')
  })

  it('filters by local calendar day (the PC time zone), not by UTC date', async () => {
    t = await makeBackend()
    // 20:00 UTC is already the next morning in China (tests run with TZ=Asia/Shanghai).
    t.clock.now = new Date('2026-03-01T20:00:00.000Z')
    const admin = await setupAdmin(t)
    const local = t.clock.now
    const day = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`
    expect((await t.call('audit.list', { from: day, to: day }, admin)).entries.length).toBe(3) // setup ×2, login
    const next = new Date(local.getFullYear(), local.getMonth(), local.getDate() + 1)
    const nextDay = `${next.getFullYear()}-${String(next.getMonth() + 1).padStart(2, '0')}-${String(next.getDate()).padStart(2, '0')}`
    expect((await t.call('audit.list', { from: nextDay }, admin)).entries.length).toBe(0)
  })

  it('a failed write leaves no audit entry and no data', async () => {
    t = await makeBackend()
    const admin = await setupAdmin(t)
    const before = (await t.call('audit.list', {}, admin)).entries.length
    const err = await t.fail(
      'users.create',
      { username: 'admin', displayName: '重复', role: 'officer', password: 'Abcdefg1' },
      admin,
    )
    expect(err.code).toBe('CONFLICT')
    expect((await t.call('audit.list', {}, admin)).entries.length).toBe(before)
  })

  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    t = await makeBackend()
    await setupAdmin(t)
    expect(() => t.backend.env.sqlite.prepare("update audit_log set summary = 'x' where id = 1").run()).toThrow(
      /append-only/,
    )
    expect(() => t.backend.env.sqlite.prepare('delete from audit_log where id = 1').run()).toThrow(/append-only/)
  })

  it('verify finds the first edited row when someone bypasses the triggers', async () => {
    t = await makeBackend()
    const admin = await setupAdmin(t)
    for (let i = 0; i < 5; i++) {
      await t.call(
        'users.create',
        { username: `user${i}`, displayName: `用户${i}`, role: 'officer', password: 'Abcdefg1' },
        admin,
      )
    }
    expect(await t.call('audit.verify', {}, admin)).toMatchObject({ ok: true, firstBrokenId: null })
    const total = (await t.call('audit.verify', {}, admin)).checked
    expect(total).toBeGreaterThanOrEqual(8)

    // An attacker with the file drops the trigger and rewrites row 5's summary.
    const raw = new Database(join(t.dir, 'daihou.sqlite'))
    raw.exec('drop trigger audit_log_no_update')
    raw.prepare("update audit_log set summary = '新建用户 nobody' where id = 5").run()
    raw.close()
    const r = await t.call('audit.verify', {}, admin)
    expect(r.ok).toBe(false)
    expect(r.firstBrokenId).toBe(5)
    expect(r.reason).toContain('修改')
  })

  it('verify finds a deleted row', async () => {
    t = await makeBackend()
    const admin = await setupAdmin(t)
    await t.call('users.create', { username: 'x1', displayName: 'x1', role: 'officer', password: 'Abcdefg1' }, admin)
    await t.call('users.create', { username: 'x2', displayName: 'x2', role: 'officer', password: 'Abcdefg1' }, admin)
    const raw = new Database(join(t.dir, 'daihou.sqlite'))
    raw.exec('drop trigger audit_log_no_delete')
    raw.prepare('delete from audit_log where id = 2').run()
    raw.close()
    const r = await t.call('audit.verify', {}, admin)
    expect(r).toMatchObject({ ok: false, firstBrokenId: 2 })
  })
})
