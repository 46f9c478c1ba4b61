import { existsSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { BACKUP_DB_NAME, type BackupKind, type Manifest, readManifest } from './snapshot'

/** One backup in a backups folder, as listed to the user. */
export interface BackupEntry {
  id: string
  dir: string
  file: string
  createdAt: string
  sizeBytes: number
  verified: boolean
  problem: string | null
  kind: BackupKind
  schemaVersion: number
  counts: Record<string, number>
}

/** `<dataDir>/backups`: where the app keeps its own backups. */
export function backupsDir(dataDir: string): string {
  return join(dataDir, 'backups')
}

/** A sortable, filesystem-safe id from the time and kind, e.g. `20261202-083015-123-manual`. */
export function backupId(at: Date, kind: BackupKind): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0')
  const d = `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}`
  const t = `${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}-${p(at.getMilliseconds(), 3)}`
  return `${d}-${t}-${kind}`
}

export function toEntry(id: string, dir: string, m: Manifest): BackupEntry {
  return {
    id,
    dir,
    file: join(dir, BACKUP_DB_NAME),
    createdAt: m.createdAt,
    sizeBytes: m.files.reduce((s, f) => s + f.size, 0),
    verified: m.verified,
    problem: m.problem,
    kind: m.kind,
    schemaVersion: m.schemaVersion,
    counts: m.counts,
  }
}

/** Every complete backup (folders with a manifest) in `root`, newest first. */
export function listBackups(root: string): BackupEntry[] {
  if (!existsSync(root)) return []
  const out: BackupEntry[] = []
  for (const e of readdirSync(root, { withFileTypes: true })) {
    if (!e.isDirectory() || e.name.endsWith('.partial')) continue
    const m = readManifest(join(root, e.name))
    if (m) out.push(toEntry(e.name, join(root, e.name), m))
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.id.localeCompare(a.id)))
}

/** The newest backup that passed verification, offered when the database cannot be opened. */
export function latestVerified(dataDir: string): BackupEntry | null {
  return listBackups(backupsDir(dataDir)).find((b) => b.verified) ?? null
}

/**
 * Keeps the newest `keep` backups and deletes older ones; never deletes `protect` nor the
 * newest verified backup (so a run of failed backups cannot remove the last good one).
 */
export function pruneBackups(root: string, keep: number, protect: string | null): string[] {
  const all = listBackups(root)
  const newestGood = all.find((b) => b.verified)?.id
  const removed: string[] = []
  for (const b of all.slice(Math.max(1, keep))) {
    if (b.id === protect || b.id === newestGood) continue
    rmSync(b.dir, { recursive: true, force: true })
    removed.push(b.id)
  }
  return removed
}
