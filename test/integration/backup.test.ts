// Issue 12 (data safety): backup, restore, the drill, retention, daily and pre-migration copies.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { afterEach, describe, expect, it } from 'vitest'
import { createBackend, DatabaseOpenError, restoreLatestAtStartup } from '../../electron/backend'
import { type TestBackend, loginAs, makeBackend, setupAdmin, tempDir } from '../helpers/backend'
import { insertLoan, userId } from '../helpers/loans'
import { dumpTables, fileHash, forgetLastMigration } from '../helpers/safety'

let t: TestBackend | undefined
const cleanups: (() => void)[] = []
afterEach(async () => {
  await t?.close()
  t = undefined
  cleanups.splice(0).forEach((c) => c())
})

/** Admin + officer and one 12,000.00 元 loan with a plan; returns tokens and the loan id. */
async function world() {
  t = await makeBackend()
  const admin = await setupAdmin(t)
  const officer = await loginAs(t, admin, 'officer', 'officer1')
  const l = insertLoan(t, {
    officerId: userId(t, 'officer1'),
    principal: 1_200_000,
    annualRate: '6',
    termMonths: 12,
    method: 'equal_principal',
  })
  await t.call('servicing.createPlan', { loanId: l.loanId }, officer)
  return { t, admin, officer, loanId: l.loanId }
}

const pay = (w: Awaited<ReturnType<typeof world>>, amount: number) =>
  w.t.call('servicing.postRepayment', { loanId: w.loanId, paidDate: '2025-02-10', amount, channel: 'cash' }, w.officer)

describe('backup.create / backup.list', () => {
  it('writes a verified copy with a SHA-256 manifest, the scans, and lists it with date, size and result', async () => {
    const w = await world()
    const scan = join(w.t.dir, 'scans', 'ab', 'ab'.padEnd(64, '0'))
    mkdirSync(join(w.t.dir, 'scans', 'ab'), { recursive: true })
    writeFileSync(scan, 'scan bytes')
    const b = await w.t.call('backup.create', {}, w.admin)
    expect(b.verified).toBe(true)
    expect(b.file).toBe(join(w.t.dir, 'backups', b.id, 'daihou.sqlite'))
    const manifest = JSON.parse(readFileSync(join(w.t.dir, 'backups', b.id, 'manifest.json'), 'utf8'))
    expect(manifest.files.map((f: { path: string }) => f.path).sort()).toEqual([
      'daihou.sqlite',
      `scans/ab/${'ab'.padEnd(64, '0')}`,
    ])
    const dbEntry = manifest.files.find((f: { path: string }) => f.path === 'daihou.sqlite')
    expect(dbEntry.sha256).toBe(fileHash(b.file))
    expect(manifest.counts.loans).toBe(1)
    // The audit chain head of the copy is in the manifest (issue 14.4), matching the live chain there.
    const row = w.t.backend.env.sqlite
      .prepare('select hash from audit_log where id = ?')
      .get(manifest.auditAnchor.count) as { hash: string }
    expect(manifest.auditAnchor.count).toBeGreaterThan(0)
    expect(manifest.auditAnchor.hash).toBe(row.hash)
    expect(manifest.counts.users).toBe(2)
    const list = await w.t.call('backup.list', {}, w.admin)
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({ id: b.id, kind: 'manual', verified: true, file: b.file })
    expect(list[0]!.sizeBytes).toBe(manifest.files.reduce((s: number, f: { size: number }) => s + f.size, 0))
    expect(
      w.t.backend.env.sqlite.prepare("select summary from audit_log where method = 'backup.create'").pluck().get(),
    ).toContain('校验通过')
  })

  it('backs up to a chosen folder (USB stick) with the scans copied, not linked', async () => {
    const w = await world()
    const usb = tempDir('daihou-usb-')
    cleanups.push(usb.cleanup)
    const b = await w.t.call('backup.create', { folder: usb.dir }, w.admin)
    expect(b.verified).toBe(true)
    expect(b.file.startsWith(usb.dir)).toBe(true)
    const info = await w.t.call('backup.inspect', { path: join(usb.dir, b.id) }, w.admin)
    expect(info).toMatchObject({ verified: true, kind: 'manual', problem: null })
    expect(info.counts.loans).toBe(1)
  })

  it('keeps only N generations (setting) and never the officer', async () => {
    const w = await world()
    expect((await w.t.fail('backup.list', {}, w.officer)).code).toBe('FORBIDDEN')
    await w.t.call('backup.setGenerations', { generations: 2 }, w.admin)
    const ids: string[] = []
    for (let i = 0; i < 4; i++) {
      w.t.clock.now = new Date(w.t.clock.now.getTime() + 60_000)
      ids.push((await w.t.call('backup.create', {}, w.admin)).id)
    }
    expect((await w.t.call('backup.list', {}, w.admin)).map((b) => b.id)).toEqual([ids[3], ids[2]])
  })

  it('does not block posting: repayments posted while a backup runs all succeed', async () => {
    const w = await world()
    const backup = w.t.call('backup.create', {}, w.admin)
    const posts = await Promise.all([pay(w, 1000), pay(w, 2000), pay(w, 3000)])
    expect(posts).toHaveLength(3)
    expect((await backup).verified).toBe(true)
  })
})

describe('backup.restore', () => {
  it('round trip: restore gives back the backed-up database table by table; the current one is kept as pre-restore', async () => {
    const w = await world()
    await pay(w, 50_000)
    const b = await w.t.call('backup.create', {}, w.admin)
    const atBackup = dumpTables(b.file)
    const later = await pay(w, 30_000)
    const r = await w.t.call('backup.restore', { id: b.id }, w.admin)
    expect(r.restoredFrom).toBe(b.id)
    const list = await w.t.call('backup.list', {}, w.admin) // the same session keeps working
    const kept = list.find((x) => x.id === r.keptAs)
    expect(kept?.kind).toBe('pre-restore')
    expect(kept?.verified).toBe(true)
    const live = join(w.t.dir, 'daihou.sqlite')
    w.t.backend.env.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const now = dumpTables(live)
    const { audit_log: auditNow, ...restNow } = now
    const { audit_log: auditThen, ...restThen } = atBackup
    expect(restNow).toEqual(restThen)
    // The audit log is the backup's plus the one restore entry.
    expect(auditNow!.slice(0, auditThen!.length)).toEqual(auditThen)
    expect(auditNow!.length).toBe(auditThen!.length + 1)
    const receipts = (await w.t.call('servicing.listRepayments', { loanId: w.loanId }, w.officer)).map(
      (x) => x.receiptNo,
    )
    expect(receipts).not.toContain(later.repayment.receiptNo)
    // Posting works again on the restored database, through the same dispatcher.
    await pay(w, 20_000)
    // The pre-restore copy holds the payment that the restore took away.
    const keptRepayments = dumpTables(kept!.file).repayments as { receipt_no: string }[]
    expect(keptRepayments.map((x) => x.receipt_no)).toContain(later.repayment.receiptNo)
  })

  it('refuses a backup whose file was altered, with the reason, and changes nothing', async () => {
    const w = await world()
    const b = await w.t.call('backup.create', {}, w.admin)
    const bytes = readFileSync(b.file)
    bytes[bytes.length - 100] = (bytes[bytes.length - 100]! + 1) % 256
    writeFileSync(b.file, bytes)
    const before = (await w.t.call('backup.list', {}, w.admin)).length
    const err = await w.t.fail('backup.restore', { id: b.id }, w.admin)
    expect(err.code).toBe('VALIDATION')
    expect(err.message).toContain('校验值不符')
    expect((await w.t.call('backup.list', {}, w.admin)).length).toBe(before) // no pre-restore made
  })

  it('refuses a database file from a newer version', async () => {
    const w = await world()
    const b = await w.t.call('backup.create', {}, w.admin)
    const newer = join(w.t.dir, 'newer.sqlite')
    writeFileSync(newer, readFileSync(b.file))
    const raw = new Database(newer)
    raw.prepare("insert into kysely_migration(name, timestamp) values ('9999_future', 'x')").run()
    raw.close()
    const err = await w.t.fail('backup.restore', { path: newer }, w.admin)
    expect(err.message).toContain('更新版本')
  })

  it('the drill restores into a scratch folder, opens it read-only and removes it; the live database is untouched', async () => {
    const w = await world()
    const b = await w.t.call('backup.create', {}, w.admin)
    const live = join(w.t.dir, 'daihou.sqlite')
    const users = w.t.backend.env.sqlite.prepare('select count(*) from users').pluck().get()
    const d = await w.t.call('backup.drill', { id: b.id }, w.admin)
    expect(d.ok).toBe(true)
    expect(d.counts.loans).toBe(1)
    expect(existsSync(d.scratchDir)).toBe(false)
    expect(existsSync(live)).toBe(true)
    expect(w.t.backend.env.sqlite.prepare('select count(*) from users').pluck().get()).toBe(users)
  })
})

describe('automatic copies and opening safely', () => {
  it('makes one daily backup on the first start of the day, not on the second', async () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const now = () => new Date('2026-03-02T01:00:00.000Z')
    await (await createBackend({ dataDir: dir, now })).close()
    const b1 = await createBackend({ dataDir: dir, now, dailyBackup: true })
    await b1.close() // waits for the backup running in the background
    const b2 = await createBackend({ dataDir: dir, now, dailyBackup: true })
    await b2.close()
    const b3 = await createBackend({ dataDir: dir, now, dailyBackup: true })
    const token = null
    expect((await b3.dispatch({ method: 'system.health', input: {}, token })).ok).toBe(true)
    await b3.close()
    const { listBackups } = await import('../../electron/backend/backup/store')
    const daily = listBackups(join(dir, 'backups')).filter((b) => b.kind === 'daily')
    expect(daily).toHaveLength(1)
    expect(daily[0]!.verified).toBe(true)
  })

  it('copies the file aside before migrating and rolls back when the migration fails', async () => {
    const w = await world()
    await pay(w, 50_000)
    await w.t.backend.close()
    const file = join(w.t.dir, 'daihou.sqlite')
    const name = forgetLastMigration(file)
    const before = dumpTables(file)
    const err = await createBackend({ dataDir: w.t.dir }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DatabaseOpenError)
    expect((err as DatabaseOpenError).reason).toBe('migration_failed')
    expect((err as Error).message).toContain(name)
    expect((err as Error).message).toContain('已恢复为升级前的数据库')
    expect(dumpTables(file)).toEqual(before)
    const { listBackups } = await import('../../electron/backend/backup/store')
    const pre = listBackups(join(w.t.dir, 'backups'))
    expect(pre.map((b) => b.kind)).toEqual(['pre-migration'])
    expect(pre[0]!.verified).toBe(true)
    t = undefined
    cleanups.push(() => undefined)
  })

  it("refuses another application's SQLite file untouched", async () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const file = join(dir, 'daihou.sqlite')
    const other = new Database(file)
    other.exec("create table notes(id integer primary key, body text); insert into notes(body) values ('hello')")
    other.close()
    const before = fileHash(file)
    const err = await createBackend({ dataDir: dir }).catch((e: unknown) => e)
    expect((err as DatabaseOpenError).reason).toBe('foreign')
    expect((err as Error).message).toContain('其他程序')
    expect(fileHash(file)).toBe(before)
    expect(existsSync(join(dir, 'daihou.sqlite-wal'))).toBe(false)
  })

  it('a missing database with backups is reported as missing and restored at start-up on request', async () => {
    const w = await world()
    const b = await w.t.call('backup.create', {}, w.admin)
    await w.t.backend.close()
    const { rmSync } = await import('node:fs')
    rmSync(join(w.t.dir, 'daihou.sqlite'))
    const err = (await createBackend({ dataDir: w.t.dir }).catch((e: unknown) => e)) as DatabaseOpenError
    expect(err.reason).toBe('missing')
    expect(err.offer?.id).toBe(b.id)
    const r = await restoreLatestAtStartup(w.t.dir)
    expect(r.restoredFrom).toBe(b.id)
    const again = await createBackend({ dataDir: w.t.dir })
    expect(again.env.sqlite.prepare('select count(*) from loans').pluck().get()).toBe(1)
    await again.close()
    t = undefined
  })
})
