// The locked start (issue 12): an encrypted database waits for its passphrase (or the recovery
// key) before anything opens it. Until then the transports get a gate that answers health, the
// lock status and the unlock call only; a wrong passphrase is counted like login guessing.
import { AppError, type CallResult, contract } from '../../../shared/api'
import { SessionStore } from '../auth/sessions'
import { auditMaintenance } from '../backup/service'
import { DatabaseOpenError, SCHEMA_VERSION } from '../db/connection'
import { acquireDataDirLock } from '../db/lock'
import { restoreLatestAtStartup } from '../backup/startup'
import { readKeyFile, unwrapWithRecovery } from '../db/keyfile'
import type { CallRequest } from '../dispatcher'
import { type Backend, type BackendOptions, createBackend } from '../index'

/** Wrong tries allowed before the unlock screen makes the user wait (then 30 s, doubling). */
export const FREE_UNLOCK_ATTEMPTS = 5

/** What the transports serve: the open backend, or the gate in front of a locked one. */
export interface AppBackend {
  dispatch(req: CallRequest): Promise<CallResult<unknown>>
  readonly env: Pick<Backend['env'], 'sessions'>
  /** The open backend, null while the database is locked. */
  readonly opened: Backend | null
  close(): Promise<void>
}

const fail = (e: AppError): CallResult<unknown> => ({ ok: false, error: e.toData() })

/**
 * Opens the backend; when the database is encrypted and no key was given, returns the locked
 * gate instead. The data folder lock is held from the start (a second instance is refused
 * while the first waits at the unlock screen).
 */
export async function startBackend(opts: BackendOptions): Promise<AppBackend> {
  const lock = opts.lock ? acquireDataDirLock(opts.dataDir) : null
  const inner: BackendOptions = { ...opts, lock: false }
  let opened: Backend | null = null
  try {
    opened = await createBackend(inner)
  } catch (e) {
    if (!(e instanceof DatabaseOpenError && e.reason === 'encrypted')) {
      lock?.release()
      throw e
    }
  }
  const now = opts.now ?? (() => new Date())
  const lockedSessions = new SessionStore(() => 0)
  let failures = 0
  let waitUntil = 0
  let unlocking: Promise<CallResult<unknown>> | null = null

  /**
   * Tries each candidate passphrase; the first that opens the database wins. A candidate whose
   * first page decrypts (SQLCipher checks its HMAC) but whose other pages fail the quick check
   * means the key is right and the file is damaged: `damaged` carries the open error, with the
   * backup it offers. (A damaged first page reads as a wrong key: without a verifier beside the
   * file the two cannot be told apart — the recovery key then gets the same answer.)
   */
  async function tryOpen(
    candidates: string[],
    how: 'passphrase' | 'recovery',
  ): Promise<{ opened: boolean; damaged: { key: string; error: DatabaseOpenError } | null }> {
    let damaged: { key: string; error: DatabaseOpenError } | null = null
    for (const key of candidates) {
      try {
        opened = await createBackend({ ...inner, key, unlockedWith: how })
        return { opened: true, damaged: null }
      } catch (e) {
        if (!(e instanceof DatabaseOpenError)) throw e
        if (e.reason === 'corrupt') damaged ??= { key, error: e }
        else if (e.reason !== 'wrong_key') throw e
      }
    }
    return { opened: false, damaged }
  }

  /** Candidate keys of an unlock input, or an error result (bad input, waiting, no key file). */
  function candidatesOf(input: unknown): { kind: 'passphrase' | 'recovery'; keys: string[] } | CallResult<unknown> {
    const parsed = contract['system.unlockDatabase'].input.safeParse(input)
    if (!parsed.success) return fail(new AppError('VALIDATION', '请输入数据库口令或恢复密钥'))
    const wait = Math.ceil((waitUntil - now().getTime()) / 1000)
    if (wait > 0) return fail(new AppError('RATE_LIMITED', `口令错误次数过多，请 ${wait} 秒后再试`))
    const { kind, secret } = parsed.data
    if (kind === 'passphrase') return { kind, keys: [secret] }
    const kf = readKeyFile(inner.dataDir)
    if (!kf) return fail(new AppError('NOT_FOUND', '数据目录中没有密钥文件（daihou.key.json），无法使用恢复密钥'))
    return { kind, keys: unwrapWithRecovery(kf, secret) }
  }

  /** A wrong passphrase / recovery key: counted, then waits that double. */
  function wrongTry(kind: 'passphrase' | 'recovery'): CallResult<unknown> {
    failures++
    if (failures >= FREE_UNLOCK_ATTEMPTS) waitUntil = now().getTime() + 30_000 * 2 ** (failures - FREE_UNLOCK_ATTEMPTS)
    const what = kind === 'recovery' ? '恢复密钥不正确' : '数据库口令不正确'
    const then =
      failures >= FREE_UNLOCK_ATTEMPTS
        ? `，请 ${Math.ceil((waitUntil - now().getTime()) / 1000)} 秒后再试`
        : `，还可再试 ${FREE_UNLOCK_ATTEMPTS - failures} 次`
    return fail(
      new AppError('VALIDATION', `${what}（已错 ${failures} 次${then}）`, [{ path: 'secret', message: what }]),
    )
  }

  /** The right key, a damaged file: the start-up recovery offer, as for a plain file. */
  function damagedResult(error: DatabaseOpenError): CallResult<unknown> {
    return fail(
      new AppError('STORAGE', error.message, undefined, {
        damaged: true,
        offerId: error.offer?.id ?? null,
        offerCreatedAt: error.offer?.createdAt ?? null,
      }),
    )
  }

  async function unlock(input: unknown): Promise<CallResult<unknown>> {
    const c = candidatesOf(input)
    if ('ok' in c) return c
    try {
      const r = c.keys.length ? await tryOpen(c.keys, c.kind) : { opened: false, damaged: null }
      if (r.opened) {
        const before = failures
        failures = 0
        if (opened)
          await auditMaintenance(
            opened.env,
            null,
            'system.unlockDatabase',
            'database',
            `以${c.kind === 'recovery' ? '恢复密钥' : '数据库口令'}解锁数据库${before ? `（此前输错 ${before} 次）` : ''}`,
          )
        return { ok: true, value: { ok: true } }
      }
      if (r.damaged) {
        failures = 0
        return damagedResult(r.damaged.error)
      }
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e)
      return fail(new AppError('INTERNAL', `数据库无法打开：${message}`))
    }
    return wrongTry(c.kind)
  }

  /**
   * Start-up recovery of an encrypted database (the unlock screen's offer): the key is checked
   * again, the damaged file is set aside (kept, never overwritten), the latest backup that
   * verifies with this key is put in its place, and the app opens it.
   */
  async function restoreDamaged(input: unknown): Promise<CallResult<unknown>> {
    const c = candidatesOf(input)
    if ('ok' in c) return c
    try {
      const r = c.keys.length ? await tryOpen(c.keys, c.kind) : { opened: false, damaged: null }
      if (r.opened) return fail(new AppError('CONFLICT', '数据库没有损坏，已正常解锁，无需恢复'))
      if (!r.damaged) return wrongTry(c.kind)
      failures = 0
      const key = r.damaged.key
      const done = await restoreLatestAtStartup(inner.dataDir, now(), key)
      opened = await createBackend({ ...inner, key, unlockedWith: c.kind })
      await auditMaintenance(
        opened.env,
        null,
        'system.restoreDamagedDatabase',
        'database',
        `启动时数据库损坏（${r.damaged.error.message.slice(0, 80)}），从备份 ${done.restoredFrom} 恢复${done.keptDamagedAs ? `；损坏的文件保留为 ${done.keptDamagedAs}` : ''}`,
      )
      return { ok: true, value: done }
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e)
      return fail(new AppError('INTERNAL', `无法从备份恢复：${message}`))
    }
  }

  async function lockedDispatch(req: CallRequest): Promise<CallResult<unknown>> {
    switch (req.method) {
      case 'system.health':
        return { ok: true, value: { ok: true, schemaVersion: SCHEMA_VERSION, version: opts.version ?? '0.1.0' } }
      case 'system.lockStatus':
        return { ok: true, value: { dbLocked: true } }
      case 'system.unlockDatabase':
      case 'system.restoreDamagedDatabase': {
        // One try at a time: two screens unlocking together must not open the database twice.
        while (unlocking) await unlocking.catch(() => undefined)
        if (opened) return opened.dispatch(req)
        unlocking = req.method === 'system.unlockDatabase' ? unlock(req.input) : restoreDamaged(req.input)
        try {
          return await unlocking
        } finally {
          unlocking = null
        }
      }
      default:
        return fail(
          new AppError('FORBIDDEN', '数据库已加密，尚未解锁：请先输入数据库口令', undefined, { dbLocked: true }),
        )
    }
  }

  return {
    dispatch: (req) => (opened ? opened.dispatch(req) : lockedDispatch(req)),
    get env() {
      return opened ? opened.env : { sessions: lockedSessions }
    },
    get opened() {
      return opened
    },
    close: async () => {
      try {
        await opened?.close()
      } finally {
        lock?.release()
      }
    },
  }
}
