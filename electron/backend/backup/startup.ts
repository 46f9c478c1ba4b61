import { copyFileSync, existsSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { DB_FILE_NAME } from '../db/connection'
import { readManifest, verifyBackupDir } from './snapshot'
import { backupsDir, listBackups } from './store'

/**
 * Start-up recovery chosen by the user: sets the damaged (or missing) database aside as
 * `daihou.sqlite.damaged-<time>` (never overwritten, never deleted) and puts the newest backup
 * that still verifies in its place. Returns what was done, for the message.
 */
export async function restoreLatestAtStartup(
  dataDir: string,
  now = new Date(),
  key: string | null = null,
): Promise<{ restoredFrom: string; keptDamagedAs: string | null }> {
  const file = join(dataDir, DB_FILE_NAME)
  for (const b of listBackups(backupsDir(dataDir))) {
    const manifest = b.verified ? readManifest(b.dir) : null
    if (!manifest || !(await verifyBackupDir(b.dir, manifest, undefined, key)).ok) continue
    let kept: string | null = null
    if (existsSync(file)) {
      kept = `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`
      renameSync(file, kept)
      for (const ext of ['-wal', '-shm']) if (existsSync(file + ext)) renameSync(file + ext, kept + ext)
    }
    copyFileSync(b.file, `${file}.restoring`)
    renameSync(`${file}.restoring`, file)
    return { restoredFrom: b.id, keptDamagedAs: kept }
  }
  throw new Error('没有可用的已验证备份')
}
