// Issue 12, "Must show": disk full, corruption, start-up messages, second instance.
import { execFileSync, spawn } from 'node:child_process'
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createBackend, DatabaseOpenError, restoreLatestAtStartup } from '../../electron/backend'
import { classifyOpenError } from '../../electron/backend/db/open-errors'
import { makeWorld, makeId } from '../helpers/archives'
import { makeBackend, tempDir } from '../helpers/backend'
import { insertLoan, userId } from '../helpers/loans'
import { dumpTables, fileHash } from '../helpers/safety'
import { BORROWER_HEADERS, xlsxBase64 } from '../helpers/xlsx'

const isRoot = process.getuid?.() === 0
const cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

function tmp(): string {
  const t = tempDir()
  cleanups.push(t.cleanup)
  return t.dir
}

/** A tmpfs of `size` mounted on a fresh folder (root only), unmounted afterwards. */
function tmpfs(size: string): string {
  const dir = tmp()
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir])
  cleanups.push(() => void execFileSync('umount', ['-l', dir]))
  return dir
}

/** Writes a filler file until the disk is full; returns a function that frees the space again. */
function fillDisk(dir: string): () => void {
  const file = join(dir, 'filler.bin')
  const fd = openSync(file, 'w')
  const chunk = Buffer.alloc(16 * 1024, 1)
  try {
    for (;;) writeSync(fd, chunk)
  } catch (e) {
    if ((e as { code?: string }).code !== 'ENOSPC') throw e
  }
  try {
    for (;;) writeSync(fd, chunk.subarray(0, 512))
  } catch {
    // full to the last block
  }
  closeSync(fd)
  return () => rmSync(file)
}

describe.skipIf(!isRoot)('disk full (tiny tmpfs; needs root to mount)', () => {
  it('an import, a repayment and a backup fail with 磁盘空间不足 and leave the database exactly as before; freeing space recovers without a restart', async () => {
    const dir = tmpfs('6m')
    const t = await makeBackend({ dir })
    cleanups.push(() => t.backend.close())
    const w = await makeWorld(t)
    const officer = w.tokens.officer
    const loan = insertLoan(t, { officerId: userId(t, 'officer1'), principal: 1_200_000 })
    await t.call('servicing.createPlan', { loanId: loan.loanId }, officer)
    const rows = Array.from({ length: 300 }, (_, i) => [
      '个人',
      `满盘${i}`,
      makeId('19800101', 2 * i + 1),
      '',
      '13800001111',
      '青山镇前进村',
      '3组',
      '',
      '种植户',
      '85000',
      'AA',
      '',
      '',
      '',
    ])
    const xlsx = await xlsxBase64(BORROWER_HEADERS, rows)
    const file = join(dir, 'daihou.sqlite')
    t.backend.env.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const before = dumpTables(file)
    const free = fillDisk(dir)

    const imp = await t.fail('imports.commit', { kind: 'borrowers', contentBase64: xlsx }, officer)
    expect(imp.code).toBe('STORAGE')
    expect(imp.message).toContain('磁盘空间不足')
    const post = await t.fail(
      'servicing.postRepayment',
      { loanId: loan.loanId, paidDate: '2025-02-10', amount: 50_000, channel: 'cash' },
      officer,
    )
    expect(post.message).toContain('磁盘空间不足')
    const backup = await t.fail('backup.create', {}, w.tokens.admin)
    expect(backup.message).toContain('磁盘空间不足')
    expect(existsSync(join(dir, 'backups')) ? (await t.call('backup.list', {}, w.tokens.admin)).length : 0).toBe(0)
    expect(dumpTables(file)).toEqual(before)

    free()
    await t.call(
      'servicing.postRepayment',
      { loanId: loan.loanId, paidDate: '2025-02-10', amount: 50_000, channel: 'cash' },
      officer,
    )
    expect((await t.call('imports.commit', { kind: 'borrowers', contentBase64: xlsx }, officer)).created).toBe(300)
    expect((await t.call('backup.create', {}, w.tokens.admin)).verified).toBe(true)
    expect(t.backend.env.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  }, 120_000)

  it('a disk too full to create the database gets its own start-up message and leaves no half-built file', async () => {
    const dir = tmpfs('256k')
    const free = fillDisk(dir)
    const err = (await createBackend({ dataDir: dir }).catch((e: unknown) => e)) as DatabaseOpenError
    expect(err).toBeInstanceOf(DatabaseOpenError)
    expect(err.reason).toBe('disk_full')
    expect(err.message).toContain('磁盘空间不足')
    expect(existsSync(join(dir, 'daihou.sqlite'))).toBe(false)
    free()
  })

  it('a read-only folder is reported as read-only, not as damage', async () => {
    const dir = tmpfs('8m')
    await (await createBackend({ dataDir: dir })).close()
    execFileSync('mount', ['-o', 'remount,ro', dir])
    const err = (await createBackend({ dataDir: dir }).catch((e: unknown) => e)) as DatabaseOpenError
    expect(err.reason).toBe('read_only')
    expect(err.message).toContain('只读')
  })
})

describe('start-up messages that are not damage', () => {
  it('a directory where the database file should be', async () => {
    const dir = tmp()
    mkdirSync(join(dir, 'daihou.sqlite'))
    const err = (await createBackend({ dataDir: dir }).catch((e: unknown) => e)) as DatabaseOpenError
    expect(err.reason).toBe('is_directory')
    expect(err.message).toContain('文件夹')
  })

  it('no permission and full disk map to their own reasons (root ignores chmod, so the codes are fed in)', () => {
    expect(classifyOpenError(Object.assign(new Error('x'), { code: 'EACCES' }), 'f', 'd').reason).toBe('no_permission')
    expect(classifyOpenError(Object.assign(new Error('x'), { code: 'SQLITE_FULL' }), 'f', 'd').reason).toBe('disk_full')
    expect(classifyOpenError(Object.assign(new Error('x'), { code: 'EROFS' }), 'f', 'd').reason).toBe('read_only')
  })

  it('a second instance on the same data folder is refused with a message; a stale lock is taken over', async () => {
    const dir = tmp()
    const other = spawn('sleep', ['30'])
    cleanups.push(() => void other.kill('SIGKILL'))
    writeFileSync(join(dir, 'daihou.lock'), JSON.stringify({ pid: other.pid }))
    const err = (await createBackend({ dataDir: dir, lock: true }).catch((e: unknown) => e)) as DatabaseOpenError
    expect(err.reason).toBe('locked')
    expect(err.message).toContain(`进程 ${other.pid}`)
    other.kill('SIGKILL')
    await new Promise((ok) => other.on('exit', ok))
    const b = await createBackend({ dataDir: dir, lock: true })
    expect(JSON.parse(readFileSync(join(dir, 'daihou.lock'), 'utf8')).pid).toBe(process.pid)
    await b.close()
    expect(existsSync(join(dir, 'daihou.lock'))).toBe(false) // clean shutdown releases it
  })
})

describe('corruption: byte-mutated copies of a real database', () => {
  it('200 mutated files are refused (or open cleanly), never crash, and are never modified', async () => {
    const t = await makeBackend()
    cleanups.push(() => t.close())
    const w = await makeWorld(t)
    for (let i = 0; i < 15; i++) {
      const b = await w.borrower(`损坏${i}`)
      await w.loan(b.id)
    }
    const admin = w.tokens.admin
    await t.call('backup.create', {}, admin)
    t.backend.env.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const pristine = readFileSync(join(t.dir, 'daihou.sqlite'))
    let seed = 4242
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n
    const outcomes: Record<string, number> = {}
    const offerSeen: boolean[] = []
    for (let i = 0; i < 200; i++) {
      const dir = tmp()
      const bytes = Buffer.from(pristine)
      // 1–32 random bytes: a third in the header and schema page, a third in b-tree page headers, a third anywhere.
      const n = 1 + rand(32)
      const pages = Math.floor(bytes.length / 4096)
      for (let k = 0; k < n; k++) {
        const at = k % 3 === 0 ? rand(4096) : k % 3 === 1 ? rand(pages) * 4096 + rand(12) : rand(bytes.length)
        bytes[at] = rand(256)
      }
      const file = join(dir, 'daihou.sqlite')
      writeFileSync(file, bytes)
      if (i % 20 === 0) cpSync(join(t.dir, 'backups'), join(dir, 'backups'), { recursive: true }) // a backup to offer
      const hash = fileHash(file)
      let outcome: string
      try {
        const b = await createBackend({ dataDir: dir })
        // Reads only (a login would write its audit entry): the users list through the real dispatcher.
        const r = await b.dispatch({ method: 'system.setupStatus', input: {} })
        outcome = r.ok ? 'opened' : `opened, read refused (${r.error.code})`
        await b.close()
      } catch (e) {
        if (!(e instanceof DatabaseOpenError)) throw new Error(`mutation ${i}: not a clear refusal: ${String(e)}`)
        expect(e.message.length).toBeGreaterThan(10)
        outcome = e.reason
        if (i % 20 === 0 && e.reason === 'corrupt') offerSeen.push(e.offer !== null)
      }
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1
      expect(fileHash(file), `mutation ${i} (${outcome}) modified the file`).toBe(hash)
    }
    console.log('[corruption] outcomes of 200 mutated copies:', outcomes)
    expect(Object.values(outcomes).reduce((a, b) => a + b, 0)).toBe(200)
    expect(200 - (outcomes.opened ?? 0)).toBeGreaterThan(20) // the mutations did hit structure (most bytes are data a check cannot judge)
    expect(offerSeen.every(Boolean)).toBe(true)
  }, 300_000)

  it('a damaged file is kept aside (never overwritten) when the latest backup is restored at start-up', async () => {
    const t = await makeBackend()
    const w = await makeWorld(t)
    await t.call('backup.create', {}, w.tokens.admin)
    await t.backend.close()
    const file = join(t.dir, 'daihou.sqlite')
    const bytes = readFileSync(file)
    bytes.fill(0x5a, 100, 4096 * 2) // wipe the schema pages
    writeFileSync(file, bytes)
    const hash = fileHash(file)
    const err = (await createBackend({ dataDir: t.dir }).catch((e: unknown) => e)) as DatabaseOpenError
    expect(err.reason).toBe('corrupt')
    expect(err.offer).not.toBeNull()
    const r = await restoreLatestAtStartup(t.dir)
    expect(fileHash(r.keptDamagedAs!)).toBe(hash)
    const b = await createBackend({ dataDir: t.dir })
    expect((await b.dispatch({ method: 'auth.login', input: { username: 'admin', password: 'Admin1234' } })).ok).toBe(
      true,
    )
    await b.close()
    rmSync(t.dir, { recursive: true, force: true })
  })
})
