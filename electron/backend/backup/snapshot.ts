import { createHash } from 'node:crypto'
import {
  copyFileSync,
  createReadStream,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { copyFile } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import type Database from 'better-sqlite3-multiple-ciphers'
import { MIGRATIONS } from '../../../migrations'
import { looksEncrypted, openSqlite } from '../db/cipher'
import { KEY_FILE_NAME } from '../db/keyfile'
import { checkInWorker, type RawCheck, vacuumInWorker } from './check-worker'

/** Marks our database files (`PRAGMA application_id`): "DHGJ" in ASCII. */
export const APPLICATION_ID = 0x4448474a
export const BACKUP_DB_NAME = 'daihou.sqlite'
export const MANIFEST_NAME = 'manifest.json'
export const BACKUP_KINDS = ['manual', 'daily', 'pre-migration', 'pre-restore'] as const
export type BackupKind = (typeof BACKUP_KINDS)[number]

/** What a backup folder holds, written last (a folder without it is not a backup). */
export interface Manifest {
  format: 1
  app: 'daihou'
  kind: BackupKind
  createdAt: string
  appVersion: string
  schemaVersion: number
  counts: Record<string, number>
  files: { path: string; size: number; sha256: string }[]
  verified: boolean
  problem: string | null
  /** The audit chain head in this copy (issue 14.4): write it down to detect a later cut-off tail. */
  auditAnchor?: { count: number; hash: string | null }
  /** The copy is encrypted with the database passphrase of its time (SQLCipher v4); absent in older manifests = plain. */
  encrypted?: boolean
}

/** Result of checking a backup folder or a bare database file. */
export interface Verification {
  ok: boolean
  problem: string | null
  schemaVersion: number
  counts: Record<string, number>
  /** The file is encrypted and the key given does not open it (a backup made under another passphrase). */
  keyMismatch?: boolean
}

export async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256')
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer)
  return h.digest('hex')
}

/** Row count of every user table, by name. */
export function tableCounts(db: Database.Database): Record<string, number> {
  const names = db
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .pluck()
    .all() as string[]
  return Object.fromEntries(
    names.map((n) => [
      n,
      db
        .prepare(`select count(*) from "${n.replaceAll('"', '""')}"`)
        .pluck()
        .get() as number,
    ]),
  )
}

function rawCheck(file: string, key: string | null): RawCheck {
  const db = openSqlite(file, key, { readonly: true, fileMustExist: true })
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }))
    const appId = db.pragma('application_id', { simple: true }) as number
    const hasMigrations = db
      .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get()
    const applied = hasMigrations ? (db.prepare('select name from kysely_migration').pluck().all() as string[]) : null
    return { integrity, appId, applied, counts: integrity === 'ok' ? tableCounts(db) : {} }
  } finally {
    db.close()
  }
}

/**
 * Opens a database file read-only and checks it is a sound Daihou database this build can open
 * (full integrity_check, our mark, no migration from a newer version) and counts its rows. Runs
 * in a worker thread when possible so a big file does not stop the app meanwhile.
 */
export async function checkDatabaseFile(file: string, key: string | null = null): Promise<Verification> {
  const bad = (problem: string): Verification => ({ ok: false, problem, schemaVersion: 0, counts: {} })
  if (!existsSync(file)) return bad('备份中没有数据库文件')
  let raw: RawCheck
  try {
    raw = (await checkInWorker(file, key)) ?? rawCheck(file, key)
  } catch (e) {
    if ((e as { code?: unknown }).code === 'SQLITE_NOTADB' && looksEncrypted(file))
      return {
        ...bad(
          key === null
            ? '备份已加密，需要数据库口令'
            : '备份用另一个数据库口令加密（例如修改口令之前的备份），当前口令无法打开',
        ),
        keyMismatch: true,
      }
    return bad(`无法读取数据库：${(e as Error).message}`)
  }
  if (raw.integrity !== 'ok') return bad(`完整性检查未通过：${raw.integrity.slice(0, 200)}`)
  if (!raw.applied || (raw.appId !== APPLICATION_ID && raw.appId !== 0)) return bad('不是贷后管家的数据库')
  if (raw.applied.some((n) => !(n in MIGRATIONS))) {
    return bad(
      `来自更新版本的贷后管家（数据库版本 ${raw.applied.length}，本程序支持 ${Object.keys(MIGRATIONS).length}），请先升级程序`,
    )
  }
  return { ok: true, problem: null, schemaVersion: raw.applied.length, counts: raw.counts }
}

function listFiles(root: string, under = root): string[] {
  if (!existsSync(under)) return []
  return readdirSync(under, { withFileTypes: true }).flatMap((e) => {
    const p = join(under, e.name)
    return e.isDirectory() ? listFiles(root, p) : e.isFile() ? [relative(root, p).split(sep).join('/')] : []
  })
}

/** The audit chain head of a database file (none when it predates the audit log). */
function chainHeadOf(db: Database.Database): Manifest['auditAnchor'] {
  try {
    const head = db.prepare('select id, hash from audit_log order by id desc limit 1').get() as
      { id: number; hash: string } | undefined
    return { count: head?.id ?? 0, hash: head?.hash ?? null }
  } catch {
    return undefined
  }
}

/** Re-reads a backup folder: every file's SHA-256 against the manifest, then the database itself. */
export async function verifyBackupDir(
  dir: string,
  manifest: Manifest,
  checked?: Verification,
  key: string | null = null,
): Promise<Verification> {
  for (const f of manifest.files) {
    const p = join(dir, ...f.path.split('/'))
    if (!existsSync(p)) return { ok: false, problem: `缺少文件 ${f.path}`, schemaVersion: 0, counts: {} }
    if ((await sha256File(p)) !== f.sha256)
      return { ok: false, problem: `文件 ${f.path} 校验值不符（已损坏或被改动）`, schemaVersion: 0, counts: {} }
  }
  const v = checked ?? (await checkDatabaseFile(join(dir, BACKUP_DB_NAME), key))
  if (!v.ok) return v
  const differs = Object.keys({ ...v.counts, ...manifest.counts }).filter((t) => v.counts[t] !== manifest.counts[t])
  if (differs.length) return { ...v, ok: false, problem: `行数与清单不符：${differs.join('、')}` }
  return v
}

export function readManifest(dir: string): Manifest | null {
  try {
    const m = JSON.parse(readFileSync(join(dir, MANIFEST_NAME), 'utf8')) as Manifest
    return m.format === 1 && m.app === 'daihou' ? m : null
  } catch {
    return null
  }
}

/** Copies the scans store: hard links when on the same disk (scans never change), else copies (async: big stores take a while). */
async function copyScans(scansDir: string, dest: string, link: boolean): Promise<void> {
  for (const rel of listFiles(scansDir)) {
    const to = join(dest, 'scans', ...rel.split('/'))
    mkdirSync(dirname(to), { recursive: true })
    const from = join(scansDir, ...rel.split('/'))
    try {
      if (!link) throw new Error('copy')
      linkSync(from, to)
    } catch {
      await copyFile(from, to)
    }
  }
}

export interface SnapshotOptions {
  kind: BackupKind
  createdAt: string
  appVersion: string
  /** The scans/attachments store to include, if any. */
  scansDir?: string
  /** Hard-link scans instead of copying (same disk, the data folder's own backups). */
  linkScans?: boolean
  /** The passphrase of an encrypted source: the copy is written encrypted with it (VACUUM INTO). */
  key?: string | null
  /** The key file to keep beside an encrypted copy (lets the recovery key open it later). */
  keyFile?: string
}

/** Copies the database: the online backup API in small steps, or for an encrypted source VACUUM INTO (same key). */
async function copyDatabase(source: Database.Database, dest: string, key: string | null): Promise<boolean> {
  if (key === null || !looksEncrypted(source.name)) {
    await source.backup(dest, { progress: () => 64 })
    return false
  }
  if (!(await vacuumInWorker(source.name, dest, key))) source.prepare('vacuum into ?').run(dest)
  return true
}

/**
 * Writes a consistent online copy of `source` (SQLite backup API, in small steps so other
 * calls run in between) plus the scans into `<destDir>` via a temporary folder, verifies it
 * and writes the manifest last. Nothing is left behind when it fails.
 */
export async function writeSnapshot(
  source: Database.Database,
  destDir: string,
  opts: SnapshotOptions,
): Promise<Manifest> {
  const tmp = `${destDir}.partial`
  rmSync(tmp, { recursive: true, force: true })
  mkdirSync(tmp, { recursive: true })
  try {
    const dbFile = join(tmp, BACKUP_DB_NAME)
    const encrypted = await copyDatabase(source, dbFile, opts.key ?? null)
    if (encrypted && opts.keyFile && existsSync(opts.keyFile)) copyFileSync(opts.keyFile, join(tmp, KEY_FILE_NAME))
    const copy = openSqlite(dbFile, opts.key ?? null)
    let auditAnchor: Manifest['auditAnchor']
    try {
      copy.pragma('journal_mode = DELETE') // one self-contained file
      copy.pragma(`application_id = ${APPLICATION_ID}`)
      auditAnchor = chainHeadOf(copy)
    } finally {
      copy.close()
    }
    const check = await checkDatabaseFile(dbFile, opts.key ?? null) // full integrity_check, once, off the main thread
    if (opts.scansDir) await copyScans(opts.scansDir, tmp, opts.linkScans ?? false)
    const files: Manifest['files'] = []
    for (const rel of listFiles(tmp)) {
      const p = join(tmp, ...rel.split('/'))
      files.push({ path: rel, size: statSync(p).size, sha256: await sha256File(p) })
    }
    const manifest: Manifest = {
      format: 1,
      app: 'daihou',
      kind: opts.kind,
      createdAt: opts.createdAt,
      appVersion: opts.appVersion,
      schemaVersion: check.schemaVersion,
      counts: check.counts,
      files,
      verified: false,
      problem: check.problem,
      auditAnchor,
      encrypted,
    }
    // Verified = sound database + every file re-read against its SHA-256 (+ counts as listed).
    const v = check.ok ? await verifyBackupDir(tmp, manifest, check, opts.key ?? null) : check
    manifest.verified = v.ok
    manifest.problem = v.problem
    writeFileSync(join(tmp, MANIFEST_NAME), JSON.stringify(manifest, null, 2))
    rmSync(destDir, { recursive: true, force: true })
    renameSync(tmp, destDir)
    return manifest
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true })
    throw e
  }
}
