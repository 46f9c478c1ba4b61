/**
 * "Closed cleanly, untouched since": a small seal beside the database, written after a clean close
 * (WAL checkpointed and gone) with the file's identity (inode, size, modification and change times),
 * and consumed by the next open. When the file is exactly as this program left it, the open skips
 * the quick integrity check — a whole-file read, 15–30 s on a county database. Anything else runs
 * the check: no seal (first open, a crash, a power cut), a WAL left behind, or a file changed,
 * copied or replaced while closed. Damage that touches none of these (a failing disk) is found by the
 * daily backup, whose copy is verified with a full integrity check away from the request path.
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'

interface Seal {
  ino: number
  size: number
  mtimeMs: number
  ctimeMs: number
}

const sealPath = (file: string) => `${file}.clean`

function identity(file: string): Seal {
  const s = statSync(file)
  return { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs }
}

/** After the last connection closed: records the file's identity when no WAL was left behind. */
export function writeCleanSeal(file: string): void {
  try {
    if (existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0) return
    const tmp = `${sealPath(file)}.tmp`
    writeFileSync(tmp, JSON.stringify(identity(file)))
    renameSync(tmp, sealPath(file))
  } catch {
    // no seal (e.g. a full disk): the next open runs the integrity check
  }
}

/**
 * Before an open that may write: true when the seal matches the file as it is now. The seal is
 * removed either way, so a crash while open leaves none and the next open checks the file.
 */
export function takeCleanSeal(file: string): boolean {
  const path = sealPath(file)
  if (!existsSync(path)) return false
  try {
    const seal = JSON.parse(readFileSync(path, 'utf8')) as Seal
    const now = identity(file)
    const walLeft = existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0
    return (
      !walLeft &&
      seal.ino === now.ino &&
      seal.size === now.size &&
      seal.mtimeMs === now.mtimeMs &&
      seal.ctimeMs === now.ctimeMs
    )
  } catch {
    return false
  } finally {
    rmSync(path, { force: true })
  }
}
