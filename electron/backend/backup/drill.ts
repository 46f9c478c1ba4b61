import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqlite } from '../db/cipher'
import { BACKUP_DB_NAME, tableCounts } from './snapshot'
import { type Source, verifySource } from './service'

/**
 * Restore drill: copies the backup into a scratch folder, checks the copy (hashes, integrity,
 * counts) and opens it read-only as the app would, then removes the scratch folder. The live
 * database is not touched.
 */
export async function drillRestore(
  src: Source,
  key: string | null = null,
): Promise<{ ok: boolean; problem: string | null; scratchDir: string; counts: Record<string, number>; ms: number }> {
  const t0 = performance.now()
  const scratch = mkdtempSync(join(tmpdir(), 'daihou-drill-'))
  try {
    const dir = join(scratch, 'restored')
    if (src.dir) cpSync(src.dir, dir, { recursive: true })
    else cpSync(src.dbFile, join(dir, BACKUP_DB_NAME), { recursive: true })
    const v = await verifySource({ ...src, dir: src.dir ? dir : null, dbFile: join(dir, BACKUP_DB_NAME) }, key)
    if (!v.ok) return { ok: false, problem: v.problem, scratchDir: scratch, counts: {}, ms: performance.now() - t0 }
    const ro = openSqlite(join(dir, BACKUP_DB_NAME), key, { readonly: true, fileMustExist: true })
    try {
      const counts = tableCounts(ro)
      ro.prepare('select * from users limit 1').all() // the app's first read after login
      return { ok: true, problem: null, scratchDir: scratch, counts, ms: performance.now() - t0 }
    } finally {
      ro.close()
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}
