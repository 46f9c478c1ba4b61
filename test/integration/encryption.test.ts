// Issue 12, encryption at rest: SQLCipher v4 pages, the locked start, passphrase change, the
// recovery key, encrypt-existing without losing a row, and encrypted backups that restore.
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../shared/api'
import { type AppBackend, startBackend } from '../../electron/backend'
import { readKeyFile } from '../../electron/backend/db/keyfile'
import { type TestBackend, ADMIN, loginAs, makeBackend, setupAdmin, TEST_PASSWORD_COST } from '../helpers/backend'
import { insertLoan, userId } from '../helpers/loans'
import { dumpTables } from '../helpers/safety'

const PASS = '青山县信用社-2026-库口令'
const NAME = '欧阳明华'
const ID_NO = '11010519491231002X'
const LATER_NAME = '司马光耀'
const LATER_ID = '330102198001010011'

let t: TestBackend | undefined
const gates: AppBackend[] = []
afterEach(async () => {
  for (const g of gates.splice(0)) await g.close()
  await t?.close()
  t = undefined
})

function addBorrower(tb: TestBackend, officerId: number, name: string, idNumber: string): number {
  const l = insertLoan(tb, { officerId, principal: 1_000_000, borrowerName: name })
  tb.backend.env.sqlite
    .prepare('update borrowers set id_number = ? where id = (select borrower_id from loans where id = ?)')
    .run(idNumber, l.loanId)
  return l.loanId
}

/** Admin, officer, one borrower with a name and an ID number, a plan and one repayment. */
async function world() {
  t = await makeBackend()
  const admin = await setupAdmin(t)
  const officer = await loginAs(t, admin, 'officer', 'officer1')
  const loanId = addBorrower(t, userId(t, 'officer1'), NAME, ID_NO)
  await t.call('servicing.createPlan', { loanId }, officer)
  await t.call('servicing.postRepayment', { loanId, paidDate: '2025-02-10', amount: 50_000, channel: 'cash' }, officer)
  return { t, admin, officer, loanId, file: join(t.dir, 'daihou.sqlite') }
}

const contains = (file: string, text: string) => existsSync(file) && readFileSync(file).includes(Buffer.from(text))

/** Closes the running backend and starts the app again on the same data folder (browser mode's entry). */
async function restart(tb: TestBackend): Promise<AppBackend> {
  await tb.backend.close()
  const g = await startBackend({ dataDir: tb.dir, passwordCost: TEST_PASSWORD_COST, lock: true })
  gates.push(g)
  return g
}

async function call(g: AppBackend, method: string, input: unknown, token: string | null = null) {
  const r = await g.dispatch({ method, input, token })
  if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.fields, r.error.data)
  return r.value
}
async function failOf(g: AppBackend, method: string, input: unknown): Promise<AppError> {
  try {
    await call(g, method, input)
  } catch (e) {
    return e as AppError
  }
  throw new Error(`${method} should have failed`)
}

describe('encryption at rest', () => {
  it('the encrypted database, its WAL and its backup hold no plaintext name or ID number', async () => {
    const w = await world()
    w.t.backend.env.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    // The grep can fail: the plain file holds both.
    expect(contains(w.file, NAME) && contains(w.file, ID_NO)).toBe(true)
    const on = await w.t.call('backup.enableEncryption', { passphrase: PASS }, w.admin)
    expect(on.recoveryKey).toMatch(/^([A-Z2-7]{4}-){12}[A-Z2-7]{4}$/)
    // A borrower added after encryption reaches the WAL first: the WAL is encrypted too.
    addBorrower(w.t, userId(w.t, 'officer1'), LATER_NAME, LATER_ID)
    expect(existsSync(`${w.file}-wal`)).toBe(true)
    const backup = await w.t.call('backup.create', {}, w.admin)
    const files = [w.file, `${w.file}-wal`, backup.file]
    for (const f of files)
      for (const s of [NAME, ID_NO, LATER_NAME, LATER_ID]) expect([f, s, contains(f, s)]).toEqual([f, s, false])
    expect(readFileSync(w.file).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3')
    const manifest = JSON.parse(readFileSync(join(w.t.dir, 'backups', backup.id, 'manifest.json'), 'utf8'))
    expect(manifest.encrypted).toBe(true)
    // The key file travels with the backup (the recovery key opens it later), and holds no passphrase in clear.
    expect(existsSync(join(w.t.dir, 'backups', backup.id, 'daihou.key.json'))).toBe(true)
    expect(readFileSync(join(w.t.dir, 'daihou.key.json'), 'utf8')).not.toContain(PASS)
    // Earlier plain backups in the data folder are gone (they held the same data in clear).
    for (const b of await w.t.call('backup.list', {}, w.admin)) {
      for (const s of [NAME, ID_NO]) expect(contains(b.file, s)).toBe(false)
    }
    expect((await w.t.call('backup.encryption', {}, w.admin)).encrypted).toBe(true)
  })

  it('encrypt-existing keeps every row of every table (table by table), audit log plus its own entry', async () => {
    const w = await world()
    w.t.backend.env.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const before = dumpTables(w.file)
    await w.t.call('backup.enableEncryption', { passphrase: PASS }, w.admin)
    w.t.backend.env.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const after = dumpTables(w.file, [], PASS)
    const { audit_log: auditAfter, ...restAfter } = after
    const { audit_log: auditBefore, ...restBefore } = before
    expect(restAfter).toEqual(restBefore)
    expect(auditAfter!.slice(0, auditBefore!.length)).toEqual(auditBefore)
    expect(auditAfter!.length).toBe(auditBefore!.length + 1) // backup.enableEncryption
    expect(existsSync(`${w.file}.plain-kept`)).toBe(false)
    expect(existsSync(`${w.file}.encrypting`)).toBe(false)
    // Business goes on through the same session on the encrypted file.
    const list = await w.t.call('servicing.listRepayments', { loanId: w.loanId }, w.officer)
    expect(list).toHaveLength(1)
  })

  it('only the administrator may encrypt; a short passphrase is refused in zh-CN', async () => {
    const w = await world()
    const officerTry = await w.t.fail('backup.enableEncryption', { passphrase: PASS }, w.officer)
    expect(officerTry.code).toBe('FORBIDDEN')
    const short = await w.t.fail('backup.enableEncryption', { passphrase: 'short' }, w.admin)
    expect(short.code).toBe('VALIDATION')
    expect(short.message).toContain('数据库口令至少 10 个字符')
    expect((await w.t.call('backup.encryption', {}, w.admin)).encrypted).toBe(false)
  })

  it('a restart comes up locked; a wrong passphrase is refused with the message and counted; the right one opens the data intact', async () => {
    const w = await world()
    await w.t.call('backup.enableEncryption', { passphrase: PASS }, w.admin)
    w.t.backend.env.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const rows = dumpTables(w.file, ['audit_log'], PASS)
    const g = await restart(w.t)
    expect(g.opened).toBeNull()
    expect(await call(g, 'system.lockStatus', {})).toEqual({ dbLocked: true })
    const blocked = await failOf(g, 'auth.login', ADMIN)
    expect(blocked.code).toBe('FORBIDDEN')
    expect(blocked.message).toContain('数据库已加密')
    const wrong = await failOf(g, 'system.unlockDatabase', { kind: 'passphrase', secret: 'wrong passphrase!' })
    expect(wrong.code).toBe('VALIDATION')
    expect(wrong.message).toBe('数据库口令不正确（已错 1 次，还可再试 4 次）')
    const again = await failOf(g, 'system.unlockDatabase', { kind: 'passphrase', secret: PASS.slice(0, -1) })
    expect(again.message).toContain('已错 2 次')
    expect(dumpTables(w.file, ['audit_log'], PASS)).toEqual(rows) // refused tries changed nothing
    expect(await call(g, 'system.unlockDatabase', { kind: 'passphrase', secret: PASS })).toEqual({ ok: true })
    expect(await call(g, 'system.lockStatus', {})).toEqual({ dbLocked: false })
    const token = ((await call(g, 'auth.login', ADMIN)) as { token: string }).token
    const repayments = await call(g, 'servicing.listRepayments', { loanId: w.loanId }, token)
    expect(repayments).toHaveLength(1)
    const audit = g
      .opened!.env.sqlite.prepare("select summary from audit_log where method = 'system.unlockDatabase'")
      .pluck()
      .all()
    expect(audit).toEqual(['以数据库口令解锁数据库（此前输错 2 次）'])
  })

  it('with the key file lost the passphrase still unlocks; a text file stays refused as not SQLite', async () => {
    const w = await world()
    await w.t.call('backup.enableEncryption', { passphrase: PASS }, w.admin)
    await w.t.backend.close()
    rmSync(join(w.t.dir, 'daihou.key.json'))
    const g = await startBackend({ dataDir: w.t.dir, passwordCost: TEST_PASSWORD_COST, lock: true })
    gates.push(g)
    expect(g.opened).toBeNull()
    const noFile = await failOf(g, 'system.unlockDatabase', { kind: 'recovery', secret: 'AAAA-BBBB' })
    expect(noFile.message).toContain('daihou.key.json')
    expect(await call(g, 'system.unlockDatabase', { kind: 'passphrase', secret: PASS })).toEqual({ ok: true })
    const token = ((await call(g, 'auth.login', ADMIN)) as { token: string }).token
    expect(await call(g, 'servicing.listRepayments', { loanId: w.loanId }, token)).toHaveLength(1)
  })

  it('after 5 wrong passphrases the unlock screen makes the user wait', async () => {
    const w = await world()
    await w.t.call('backup.enableEncryption', { passphrase: PASS }, w.admin)
    const g = await restart(w.t)
    for (let i = 1; i <= 5; i++)
      await failOf(g, 'system.unlockDatabase', { kind: 'passphrase', secret: `wrong-${i}-xxxxx` })
    const waiting = await failOf(g, 'system.unlockDatabase', { kind: 'passphrase', secret: PASS })
    expect(waiting.code).toBe('RATE_LIMITED')
    expect(waiting.message).toMatch(/^口令错误次数过多，请 (29|30) 秒后再试$/)
    expect(g.opened).toBeNull()
  })

  it('passphrase change: the new one opens after a restart, the old one is refused; a backup was made first', async () => {
    const w = await world()
    await w.t.call('backup.enableEncryption', { passphrase: PASS }, w.admin)
    const NEXT = '新的数据库口令-2027'
    const bad = await w.t.fail('backup.changePassphrase', { current: 'not the passphrase', next: NEXT }, w.admin)
    expect(bad.message).toBe('当前数据库口令不正确')
    const r = await w.t.call('backup.changePassphrase', { current: PASS, next: NEXT }, w.admin)
    expect((await w.t.call('backup.list', {}, w.admin)).find((b) => b.id === r.backupId)?.verified).toBe(true)
    expect(readKeyFile(w.t.dir)?.wrapped).toHaveLength(1)
    const g = await restart(w.t)
    const old = await failOf(g, 'system.unlockDatabase', { kind: 'passphrase', secret: PASS })
    expect(old.message).toContain('数据库口令不正确')
    await call(g, 'system.unlockDatabase', { kind: 'passphrase', secret: NEXT })
    expect(g.opened!.env.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(g.opened!.env.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
  })

  it('the recovery key unlocks instead of the passphrase (also after a passphrase change); a wrong one is refused', async () => {
    const w = await world()
    const { recoveryKey } = await w.t.call('backup.enableEncryption', { passphrase: PASS }, w.admin)
    await w.t.call('backup.changePassphrase', { current: PASS, next: '第二个数据库口令-abc' }, w.admin)
    const g = await restart(w.t)
    const other = 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH-2222-3333-4444-5555-6666'
    const wrong = await failOf(g, 'system.unlockDatabase', { kind: 'recovery', secret: other })
    expect(wrong.message).toContain('恢复密钥不正确')
    // Typed in lower case with spaces instead of dashes: still the key.
    await call(g, 'system.unlockDatabase', { kind: 'recovery', secret: recoveryKey.toLowerCase().replaceAll('-', ' ') })
    const token = ((await call(g, 'auth.login', ADMIN)) as { token: string }).token
    expect(await call(g, 'backup.encryption', {}, token)).toEqual({ encrypted: true, unlockedWith: 'recovery' })
    // Unlocked by the recovery key, the admin sets a new passphrase without knowing the old one.
    await call(g, 'backup.changePassphrase', { next: '忘记后重设的口令-xyz' }, token)
    await g.close()
    gates.splice(0)
    const g2 = await startBackend({ dataDir: w.t.dir, passwordCost: TEST_PASSWORD_COST })
    gates.push(g2)
    await call(g2, 'system.unlockDatabase', { kind: 'passphrase', secret: '忘记后重设的口令-xyz' })
    expect(g2.opened).not.toBeNull()
  })

  it('backup → restore round trip on an encrypted database is equal table by table; the drill opens the encrypted copy', async () => {
    const w = await world()
    await w.t.call('backup.enableEncryption', { passphrase: PASS }, w.admin)
    const b = await w.t.call('backup.create', {}, w.admin)
    expect(b.verified).toBe(true)
    const atBackup = dumpTables(b.file, [], PASS)
    const later = await w.t.call(
      'servicing.postRepayment',
      { loanId: w.loanId, paidDate: '2025-03-10', amount: 30_000, channel: 'cash' },
      w.officer,
    )
    const drill = await w.t.call('backup.drill', { id: b.id }, w.admin)
    expect(drill.ok).toBe(true)
    expect(drill.counts.borrowers).toBe(1)
    const r = await w.t.call('backup.restore', { id: b.id }, w.admin)
    w.t.backend.env.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const { audit_log: auditNow, ...restNow } = dumpTables(w.file, [], PASS)
    const { audit_log: auditThen, ...restThen } = atBackup
    expect(restNow).toEqual(restThen)
    expect(auditNow!.length).toBe(auditThen!.length + 1)
    expect(contains(w.file, NAME)).toBe(false) // still encrypted after the swap
    const kept = (await w.t.call('backup.list', {}, w.admin)).find((x) => x.id === r.keptAs)
    expect(kept?.verified).toBe(true)
    const keptRows = dumpTables(kept!.file, [], PASS).repayments as { receipt_no: string }[]
    expect(keptRows.map((x) => x.receipt_no)).toContain(later.repayment.receiptNo)
  })

  it('restoring a plain backup (from a USB folder, made before encryption) keeps the database encrypted', async () => {
    const w = await world()
    const usb = join(w.t.dir, 'usb')
    const plain = await w.t.call('backup.create', { folder: usb }, w.admin)
    expect(contains(plain.file, NAME)).toBe(true) // made before encryption: plain
    await w.t.call('backup.enableEncryption', { passphrase: PASS }, w.admin)
    const before = dumpTables(plain.file)
    await w.t.call('backup.restore', { path: join(usb, plain.id) }, w.admin)
    w.t.backend.env.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    expect(contains(w.file, NAME)).toBe(false)
    const { audit_log: _a, ...now } = dumpTables(w.file, [], PASS)
    const { audit_log: _b, ...then } = before
    expect(now).toEqual(then)
  })
})
