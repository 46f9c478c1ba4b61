import { AppError } from '../../shared/api'
import type { OpenedDatabase, OpenOptions } from './db/connection'
import { openDatabase } from './db/connection'

/**
 * Owns the open database of a running backend: counts calls in flight, lets one caller run
 * alone (restore), and swaps the file underneath and reopens it while the transports keep
 * their dispatcher. `env.db` / `env.sqlite` are repointed after a swap.
 */
export interface DatabaseHost {
  /** Runs `fn` when no other call is in flight; calls arriving meanwhile wait. */
  exclusive<T>(fn: () => Promise<T>, opts?: { fromCall?: boolean }): Promise<T>
  /** Runs maintenance (backups, restore) one at a time. */
  serial<T>(fn: () => Promise<T>): Promise<T>
  /** Closes the database, runs `swap`, reopens; when reopening fails runs `undo` and reopens again. */
  reopen(swap: () => void | Promise<void>, undo: () => void | Promise<void>): Promise<void>
  appVersion: string
  /** The passphrase the open database is encrypted with (null: plain). Backups use it. */
  readonly key: string | null
  /** How the running database was unlocked (a recovery unlock may set a new passphrase without the old one). */
  readonly unlockedWith: 'passphrase' | 'recovery' | null
  /** Records a new key after encrypting or rekeying the open database. */
  setKey(key: string | null, how?: 'passphrase' | 'recovery'): void
}

export interface HostTarget {
  db: OpenedDatabase['db']
  sqlite: OpenedDatabase['sqlite']
}

export function createHost(
  first: OpenedDatabase,
  dataDir: string,
  target: () => HostTarget,
  opts: OpenOptions & {
    appVersion: string
    onReopen?: (o: OpenedDatabase) => void
    unlockedWith?: 'passphrase' | 'recovery' | null
  },
) {
  let opened = first
  let key = opts.key ?? null
  let unlockedWith = key === null ? null : (opts.unlockedWith ?? 'passphrase')
  let active = 0
  let gate: Promise<void> | null = null
  let chain: Promise<unknown> = Promise.resolve()
  const waiters: (() => void)[] = []
  const settle = () => waiters.splice(0).forEach((w) => w())
  const idle = async (allowed: number) => {
    while (active > allowed) await new Promise<void>((ok) => waiters.push(ok))
  }

  const point = (o: OpenedDatabase) => {
    opened = o
    const t = target()
    t.db = o.db
    t.sqlite = o.sqlite
    opts.onReopen?.(o)
  }

  const host: DatabaseHost = {
    appVersion: opts.appVersion,
    get key() {
      return key
    },
    get unlockedWith() {
      return unlockedWith
    },
    setKey(k, how = 'passphrase') {
      key = k
      unlockedWith = k === null ? null : how
    },
    async exclusive(fn, o = {}) {
      if (gate) throw new AppError('CONFLICT', '正在进行数据库维护（恢复），请稍后再试')
      let open!: () => void
      gate = new Promise<void>((ok) => (open = ok))
      try {
        await idle(o.fromCall ? 1 : 0)
        return await fn()
      } finally {
        gate = null
        open()
      }
    },
    serial(fn) {
      const run = chain.then(fn, fn)
      chain = run.catch(() => undefined)
      return run
    },
    async reopen(swap, undo) {
      await opened.close()
      try {
        await swap()
        point(await openDatabase(dataDir, { ...opts, key }))
      } catch (e) {
        await undo()
        point(await openDatabase(dataDir, { ...opts, key }))
        throw e
      }
    },
  }

  return {
    host,
    /** Wraps one call: waits while a restore runs, counts it in flight. */
    async track<T>(fn: () => Promise<T>): Promise<T> {
      while (gate) await gate
      active++
      try {
        return await fn()
      } finally {
        active--
        settle()
      }
    },
    /** Clean shutdown: waits for calls in flight (the last write) and maintenance, then checkpoints and closes. */
    async close(beforeClose?: () => Promise<void>): Promise<void> {
      while (gate) await gate
      await chain.catch(() => undefined)
      await idle(0)
      await beforeClose?.()
      await opened.close()
    },
  }
}
