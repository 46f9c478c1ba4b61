// Issue 12, encryption at rest and recovery: a damaged encrypted database gets the start-up
// recovery offer after the right passphrase (as a plain one does), and a backup made before a
// passphrase change is verified, drilled and restored with that backup's own passphrase.
import { closeSync, existsSync, openSync, readFileSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../shared/api'
import { type AppBackend, startBackend } from '../../electron/backend'
import { type TestBackend, ADMIN, loginAs, makeBackend, setupAdmin, TEST_PASSWORD_COST } from '../helpers/backend'
import { insertLoan, userId } from '../helpers/loans'
import { dumpTables, fileHash } from '../helpers/safety'

const PASS = '青山县信用社-2026-库口令'
const NEXT = '新的数据库口令-2027'

let t: TestBackend | undefined
const gates: AppBackend[] = []
afterEach(async () => {
  for (const g of gates.splice(0)) await g.close()
  await t?.close()
  t = undefined
})

/** Admin, officer, a loan with a plan and one repayment, encrypted with PASS. */
async function world() {
  t = await makeBackend()
  const admin = await setupAdmin(t)
  const officer = await loginAs(t, admin, 'officer', 'officer1')
  const loanId = insertLoan(t, { officerId: userId(t, 'officer1'), principal: 1_000_000 }).loanId
  await t.call('servicing.createPlan', { loanId }, officer)
  await t.call('servicing.postRepayment', { loanId, paidDate: '2025-02-10', amount: 50_000, channel: 'cash' }, officer)
  await t.call('backup.enableEncryption', { passphrase: PASS }, admin)
  return { t, admin, officer, loanId, file: join(t.dir, 'daihou.sqlite') }
}

async function call(g: AppBackend, method: string, input: unknown, token: string | null = null) {
  const r = await g.dispatch({ method, input, token })
  if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.fields, r.error.data)
  return r.value
}
async function failOf(g: AppBackend, method: string, input: unknown, token: string | null = null) {
  try {
    await call(g, method, input, token)
  } catch (e) {
    return e as AppError
  }
  throw new Error(`${method} should have failed`)
}

/**
 * Overwrites 64 bytes in the middle of every page from the 3rd on (page 1 holds the SQLCipher
 * salt and the schema; it stays intact, so the right key is still recognised).
 */
function corruptPages(file: string): void {
  const pages = statSync(file).size / 4096
  const fd = openSync(file, 'r+')
  try {
    for (let p = 2; p < pages; p++) writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, p * 4096 + 1024)
  } finally {
    closeSync(fd)
  }
}

describe('a damaged encrypted database at start-up', () => {
  it('after the right passphrase the latest verified backup is offered; restoring keeps the damaged file aside and opens the backup data', async () => {
    const w = await world()
    const backup = await w.t.call('backup.create', {}, w.admin)
    expect(backup.verified).toBe(true)
    // Posted after the backup: gone after the restore (the backup's state comes back).
    await w.t.call(
      'servicing.postRepayment',
      { loanId: w.loanId, paidDate: '2025-03-10', amount: 30_000, channel: 'cash' },
      w.officer,
    )
    await w.t.backend.close()
    corruptPages(w.file)
    const damagedHash = fileHash(w.file)
    const g = await startBackend({ dataDir: w.t.dir, passwordCost: TEST_PASSWORD_COST, lock: true })
    gates.push(g)
    expect(g.opened).toBeNull() // encrypted: locked until the passphrase is given

    const wrong = await failOf(g, 'system.unlockDatabase', { kind: 'passphrase', secret: 'not the passphrase' })
    expect(wrong.message).toBe('数据库口令不正确（已错 1 次，还可再试 4 次）')
    const offer = await failOf(g, 'system.unlockDatabase', { kind: 'passphrase', secret: PASS })
    expect(offer.code).toBe('STORAGE')
    expect(offer.message).toContain('已损坏')
    expect(offer.message).toContain('可以从最新的已验证备份')
    expect(offer.data).toMatchObject({ damaged: true, offerId: backup.id })
    expect(fileHash(w.file)).toBe(damagedHash) // the offer touched nothing

    // The restore checks the key again: a wrong one is counted like an unlock try.
    const wrongRestore = await failOf(g, 'system.restoreDamagedDatabase', { kind: 'passphrase', secret: 'nope nope' })
    expect(wrongRestore.message).toBe('数据库口令不正确（已错 1 次，还可再试 4 次）')
    expect(fileHash(w.file)).toBe(damagedHash)

    const done = (await call(g, 'system.restoreDamagedDatabase', { kind: 'passphrase', secret: PASS })) as {
      restoredFrom: string
      keptDamagedAs: string
    }
    expect(done.restoredFrom).toBe(backup.id)
    expect(fileHash(done.keptDamagedAs)).toBe(damagedHash) // kept aside, byte for byte
    expect(g.opened).not.toBeNull()
    const token = ((await call(g, 'auth.login', ADMIN)) as { token: string }).token
    const repayments = (await call(g, 'servicing.listRepayments', { loanId: w.loanId }, token)) as unknown[]
    expect(repayments).toHaveLength(1) // the backup's one repayment; the later one went with the damaged file
    expect(g.opened!.env.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    const audit = g
      .opened!.env.sqlite.prepare("select summary from audit_log where method = 'system.restoreDamagedDatabase'")
      .pluck()
      .all() as string[]
    expect(audit).toHaveLength(1)
    expect(audit[0]).toContain(`从备份 ${backup.id} 恢复`)
    expect(readFileSync(w.file).includes(Buffer.from('SQLite format 3'))).toBe(false) // still encrypted
  }, 180_000) // every try derives a SQLCipher key (256,000 PBKDF2 rounds)

  it('without a verified backup the damage is reported plainly, with no offer', async () => {
    const w = await world()
    for (const b of await w.t.call('backup.list', {}, w.admin)) expect(b.kind).not.toBe('daily')
    await w.t.backend.close()
    // enableEncryption keeps its own encrypted backup; take the backups away.
    const { rmSync } = await import('node:fs')
    rmSync(join(w.t.dir, 'backups'), { recursive: true, force: true })
    corruptPages(w.file)
    const g = await startBackend({ dataDir: w.t.dir, passwordCost: TEST_PASSWORD_COST })
    gates.push(g)
    const e = await failOf(g, 'system.unlockDatabase', { kind: 'passphrase', secret: PASS })
    expect(e.code).toBe('STORAGE')
    expect(e.message).toContain('已损坏')
    expect(e.data).toMatchObject({ damaged: true, offerId: null })
    const r = await failOf(g, 'system.restoreDamagedDatabase', { kind: 'passphrase', secret: PASS })
    expect(r.message).toContain('没有可用的已验证备份')
    expect(existsSync(w.file)).toBe(true)
  }, 180_000)
})

describe('a backup made before a passphrase change', () => {
  it('asks for that backup’s passphrase (wrong ones counted), then verifies, drills and restores it re-keyed to the current passphrase', async () => {
    const w = await world()
    const old = await w.t.call('backup.create', {}, w.admin)
    const atBackup = dumpTables(old.file, ['audit_log'], PASS)
    await w.t.call(
      'servicing.postRepayment',
      { loanId: w.loanId, paidDate: '2025-03-10', amount: 30_000, channel: 'cash' },
      w.officer,
    )
    // A minute later (the test clock stands still; the change's own backup must not reuse the id).
    w.t.clock.now = new Date(w.t.clock.now.getTime() + 60_000)
    await w.t.call('backup.changePassphrase', { current: PASS, next: NEXT }, w.admin)

    const asked = await w.t.fail('backup.inspect', { id: old.id }, w.admin)
    expect(asked.code).toBe('VALIDATION')
    expect(asked.message).toBe('此备份用另一个数据库口令加密（例如修改口令之前的备份）：请输入该备份的数据库口令')
    expect(asked.data).toEqual({ needsBackupPassphrase: true })
    expect((await w.t.fail('backup.restore', { id: old.id }, w.admin)).data).toEqual({ needsBackupPassphrase: true })
    const wrong = await w.t.fail('backup.inspect', { id: old.id, passphrase: 'wrong passphrase' }, w.admin)
    expect(wrong.message).toBe('备份口令不正确（已错 1 次，还可再试 4 次）')
    expect(wrong.fields).toEqual([{ path: 'passphrase', message: wrong.message }])

    const inspected = await w.t.call('backup.inspect', { id: old.id, passphrase: PASS }, w.admin)
    expect(inspected.verified).toBe(true)
    expect(inspected.counts.repayments).toBe(1) // world() posted one before the backup
    const drill = await w.t.call('backup.drill', { id: old.id, passphrase: PASS }, w.admin)
    expect(drill.ok).toBe(true)

    const r = await w.t.call('backup.restore', { id: old.id, passphrase: PASS }, w.admin)
    expect(r.restoredFrom).toBe(old.id)
    w.t.backend.env.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    expect(dumpTables(w.file, ['audit_log'], NEXT)).toEqual(atBackup) // the backup's rows, under the current key
    const summary = w.t.backend.env.sqlite
      .prepare("select summary from audit_log where method = 'backup.restore'")
      .pluck()
      .get() as string
    expect(summary).toContain('恢复后已改为当前口令')

    // After a restart the current passphrase opens the restored database; the backup's does not.
    await w.t.backend.close()
    const g = await startBackend({ dataDir: w.t.dir, passwordCost: TEST_PASSWORD_COST })
    gates.push(g)
    expect((await failOf(g, 'system.unlockDatabase', { kind: 'passphrase', secret: PASS })).message).toContain(
      '数据库口令不正确',
    )
    await call(g, 'system.unlockDatabase', { kind: 'passphrase', secret: NEXT })
    expect(g.opened!.env.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(g.opened!.env.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
  }, 180_000)

  it('after 5 wrong backup passphrases the next try has to wait; only the administrator may try', async () => {
    const w = await world()
    const old = await w.t.call('backup.create', {}, w.admin)
    await w.t.call('backup.changePassphrase', { current: PASS, next: NEXT }, w.admin)
    const officerTry = await w.t.fail('backup.inspect', { id: old.id, passphrase: PASS }, w.officer)
    expect(officerTry.code).toBe('FORBIDDEN')
    for (let i = 1; i <= 5; i++) await w.t.fail('backup.restore', { id: old.id, passphrase: `wrong-${i}-x` }, w.admin)
    const waiting = await w.t.fail('backup.restore', { id: old.id, passphrase: PASS }, w.admin)
    expect(waiting.code).toBe('RATE_LIMITED')
    expect(waiting.message).toMatch(/^备份口令错误次数过多，请 (29|30) 秒后再试$/)
  }, 180_000)
})
