import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Db } from '../db/types'

/** The chain head kept outside the database, beside it, so a cut-off tail or a rewritten chain shows. */
export const ANCHOR_FILE = 'audit-anchor.json'

/** Number of audit entries and the hash of the last one. */
export interface ChainHead {
  count: number
  hash: string | null
  at: string
}

/** The head of the audit chain in the database now. */
export async function chainHead(db: Db, at: string): Promise<ChainHead> {
  const last = await db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst()
  return { count: last?.id ?? 0, hash: last?.hash ?? null, at }
}

/** The anchor file, or null when missing or unreadable. */
export function readAnchor(dataDir: string): ChainHead | null {
  const file = join(dataDir, ANCHOR_FILE)
  if (!existsSync(file)) return null
  try {
    const a = JSON.parse(readFileSync(file, 'utf8')) as Partial<ChainHead>
    if (typeof a.count !== 'number' || (a.hash !== null && typeof a.hash !== 'string') || typeof a.at !== 'string')
      return null
    return { count: a.count, hash: a.hash ?? null, at: a.at }
  } catch {
    return null
  }
}

/** zh-CN reason when the database no longer extends the anchored head; null when it does. */
export async function anchorMismatch(db: Db, anchor: ChainHead): Promise<string | null> {
  if (anchor.count === 0) return null
  const row = await db.selectFrom('audit_log').select('hash').where('id', '=', anchor.count).executeTakeFirst()
  if (!row) return `审计日志被截断：锚点记录有 ${anchor.count} 条，数据库中不足此数`
  if (row.hash !== anchor.hash) return `审计日志第 ${anchor.count} 条的哈希与锚点不符（日志被改写后重算了哈希）`
  return null
}

/**
 * Keeps `audit-anchor.json` at the chain head after each write, at most every `delayMs` (a crash
 * leaves it a little behind, which is still a valid prefix). It refuses to move the anchor once the
 * database stopped extending it, so the evidence of truncation is kept for `audit.verify`.
 */
export function createAnchorKeeper(opts: { dataDir: string; db: Db; now: () => Date; delayMs?: number }) {
  let timer: NodeJS.Timeout | null = null
  let broken: string | null = null
  let pending: Promise<void> = Promise.resolve()

  /** Writes the current chain head to the anchor file (atomically: temp file, then rename). */
  async function writeHead(): Promise<void> {
    const head = await chainHead(opts.db, opts.now().toISOString())
    const file = join(opts.dataDir, ANCHOR_FILE)
    writeFileSync(`${file}.tmp`, `${JSON.stringify(head, null, 2)}\n`)
    renameSync(`${file}.tmp`, file)
  }

  async function write(): Promise<void> {
    timer = null
    const previous = readAnchor(opts.dataDir)
    if (previous) broken ??= await anchorMismatch(opts.db, previous)
    if (broken) return
    await writeHead()
  }

  return {
    /** After a committed write: schedule an anchor update. */
    touch(): void {
      if (timer) return
      timer = setTimeout(() => {
        pending = write().catch((e: unknown) => console.error('[daihou] audit anchor not written:', e))
      }, opts.delayMs ?? 200)
      timer.unref()
    },
    /** Anchors the chain of a database just put in place (a restore): its head becomes the reference. */
    rebase(): void {
      if (timer) clearTimeout(timer)
      timer = null
      broken = null
      pending = writeHead().catch((e: unknown) => console.error('[daihou] audit anchor not written:', e))
    },
    /** Writes a pending update now (before verify, on close). */
    async flush(): Promise<void> {
      if (timer) {
        clearTimeout(timer)
        pending = write()
      }
      await pending
    },
    /** Why the anchor is no longer moved, or null. */
    broken: () => broken,
  }
}
export type AnchorKeeper = ReturnType<typeof createAnchorKeeper>
