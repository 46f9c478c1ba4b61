import { z } from 'zod'
import {
  AppError,
  type CallResult,
  contract,
  hasPermission,
  type MethodDef,
  type MethodName,
  PERMISSION_LABELS,
  type Role,
  fieldLabel,
  installZhErrors,
} from '../../shared/api'
import { DomainError } from '../../shared/domain/errors'
import { appendAudit, type AuditRecord } from './audit/chain'
import type { Session } from './auth/sessions'
import type { BackendEnv, Caller, Ctx, Handlers } from './context'
import { localDate } from './clock'
import { inWriteTransaction } from './db/transaction'
import type { Db } from './db/types'

/** Methods a locked (idle) session may still call. */
const ALLOWED_WHEN_LOCKED = new Set<string>([
  'auth.unlock',
  'auth.logout',
  'auth.me',
  'auth.lock',
  'system.health',
  'system.setupStatus',
])
/** Methods a user who must first change the initial password may call. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set<string>([...ALLOWED_WHEN_LOCKED, 'auth.changePassword'])
/** Input keys never written to the audit log. */
const SECRET_KEYS = /password|passphrase|secret|token/i

export interface CallRequest {
  /** Checked here: anything but a known method name is refused (transports pass what they got). */
  method: unknown
  input: unknown
  token?: string | null
}

/** Registers handlers; fails on a missing or extra method so the contract and services agree. */
export function checkHandlers(handlers: Record<string, unknown>): void {
  const missing = Object.keys(contract).filter((m) => !(m in handlers))
  const extra = Object.keys(handlers).filter((m) => !(m in contract))
  if (missing.length || extra.length) {
    throw new Error(`handlers do not match the contract; missing: ${missing.join(', ')}; extra: ${extra.join(', ')}`)
  }
}

installZhErrors()

/** A schema's own message, prefixed with the field's zh-CN name unless it already names it. */
function namedMessage(path: readonly PropertyKey[], message: string): string {
  const label = fieldLabel(path)
  return !label || message.includes(label) ? message : `${label}：${message}`
}

function fieldErrors(error: z.ZodError): AppError {
  const fields = error.issues.map((i) => ({ path: i.path.join('.'), message: namedMessage(i.path, i.message) }))
  const first = fields[0]
  if (!first) return new AppError('VALIDATION', '输入有误')
  const more = fields.length > 1 ? `（另有 ${fields.length - 1} 处需修改）` : ''
  return new AppError('VALIDATION', `输入有误：${first.message}${more}`, fields)
}

/** The envelope itself: a method name and an input object (or nothing). */
function checkEnvelope(req: CallRequest): { name: string; input: object } {
  if (typeof req.method !== 'string' || req.method === '') {
    throw new AppError('VALIDATION', '请求格式有误：缺少接口方法名', [{ path: 'method', message: '应为接口方法名' }])
  }
  const input = req.input ?? {}
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new AppError('VALIDATION', '请求格式有误：参数应为对象', [{ path: 'input', message: '应为对象' }])
  }
  return { name: req.method, input }
}

function redact(input: unknown): unknown {
  if (Array.isArray(input)) return input.length > 20 ? `[${input.length} 项]` : input.map(redact)
  if (input && typeof input === 'object') {
    return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '***' : redact(v)]))
  }
  return input
}

/** The one dispatcher both transports call: validate, authorize, run in a transaction, audit. */
export function createDispatcher(env: BackendEnv, handlers: Handlers) {
  checkHandlers(handlers)

  async function resolveCaller(
    token: string | null | undefined,
  ): Promise<{ caller: Caller; session: Session; mustChangePassword: boolean } | null> {
    if (!token) return null
    const session = env.sessions.touch(token, env.now().getTime())
    if (!session) return null
    const user = await env.db
      .selectFrom('users')
      .select(['id', 'username', 'display_name', 'role', 'disabled', 'must_change_password'])
      .where('id', '=', session.userId)
      .executeTakeFirst()
    if (!user || user.disabled) {
      env.sessions.delete(token)
      return null
    }
    return {
      caller: { userId: user.id, username: user.username, displayName: user.display_name, role: user.role as Role },
      session,
      mustChangePassword: user.must_change_password === 1,
    }
  }

  async function run(req: CallRequest): Promise<unknown> {
    const envelope = checkEnvelope(req)
    const def = Object.hasOwn(contract, envelope.name)
      ? (contract as Record<string, MethodDef>)[envelope.name]
      : undefined
    if (!def) throw new AppError('NOT_FOUND', `未知的接口方法：${envelope.name.slice(0, 60)}`)
    const name = envelope.name as MethodName

    const who = await resolveCaller(req.token)
    if (def.access !== 'public') {
      if (!who) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录')
      if (who.session.locked && !ALLOWED_WHEN_LOCKED.has(name))
        throw new AppError('LOCKED', '屏幕已锁定，请输入密码解锁')
      if (who.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(name)) {
        throw new AppError('FORBIDDEN', '请先修改初始密码，再进行其他操作')
      }
      if (def.access !== 'session' && !hasPermission(who.caller.role, def.access)) {
        throw new AppError('FORBIDDEN', `您没有权限执行此操作（需要“${PERMISSION_LABELS[def.access]}”权限）`)
      }
    }

    const parsed = def.input.safeParse(envelope.input)
    if (!parsed.success) throw fieldErrors(parsed.error)

    const nowIso = () => env.now().toISOString()
    const today = () => localDate(env.now())
    const audits: AuditRecord[] = []
    const failures: ((db: Db) => Promise<void>)[] = []
    const handler = handlers[name] as (ctx: Ctx, input: unknown) => Promise<unknown>
    const makeCtx = (db: Db): Ctx => ({
      env,
      db,
      caller: who?.caller ?? null,
      session: who?.session ?? null,
      nowIso,
      today,
      onFailure: (fn) => failures.push(fn),
      audit: (e) => {
        if (!def.write) throw new Error(`read method ${name} tried to audit`)
        const actor = e.actor ?? who?.caller
        audits.push({
          at: nowIso(),
          userId: actor?.userId ?? null,
          username: actor?.username ?? null,
          method: name,
          entity: e.entity,
          entityId: e.entityId == null ? null : String(e.entityId),
          summary: e.summary,
        })
      },
    })

    try {
      if (!def.write) return def.output.parse(await handler(makeCtx(env.db), parsed.data))
      const committed = await inWriteTransaction(env.db, async (trx) => {
        const ctx = makeCtx(trx)
        const result = def.output.parse(await handler(ctx, parsed.data))
        if (audits.length === 0)
          ctx.audit({ entity: name.split('.')[0] ?? name, summary: JSON.stringify(redact(parsed.data)) })
        for (const a of audits) await appendAudit(trx, a) // the first entry seals the rows written
        return result
      })
      env.anchor.touch()
      return committed
    } catch (e) {
      for (const fn of failures) await inWriteTransaction(env.db, fn)
      if (failures.length > 0) env.anchor.touch()
      throw e
    }
  }

  /** Runs one call; never throws — errors come back as `{ ok: false, error }`. */
  async function dispatch(req: CallRequest): Promise<CallResult<unknown>> {
    try {
      return { ok: true, value: await run(req) }
    } catch (e) {
      return { ok: false, error: toAppError(e).toData() }
    }
  }

  return { dispatch }
}

export type Dispatcher = ReturnType<typeof createDispatcher>

/** Maps anything thrown to a stable code with a zh-CN message. */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e
  // A domain rule's rejection is the caller's input: VALIDATION naming the field, mapped here once.
  if (e instanceof DomainError) {
    const message = namedMessage([e.field], e.reason)
    return new AppError('VALIDATION', message, [{ path: e.field, message }])
  }
  if (e instanceof z.ZodError) return new AppError('INTERNAL', '服务返回的数据不符合接口定义')
  const err = e as { code?: string; message?: string }
  if (typeof err?.code === 'string' && err.code.startsWith('SQLITE_CONSTRAINT')) {
    return new AppError('CONFLICT', '数据冲突：记录已存在或仍被引用')
  }
  if (err?.code === 'SQLITE_BUSY') return new AppError('CONFLICT', '数据库正忙，请稍后重试')
  const storage = storageError(err?.code)
  if (storage) return storage
  console.error('[daihou] internal error:', e)
  return new AppError('INTERNAL', '系统内部错误，请联系管理员')
}

/** Disk full / I/O / read-only: the transaction rolled back, nothing was saved; the next call works again once space is freed. */
function storageError(code: unknown): AppError | null {
  if (typeof code !== 'string') return null
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return new AppError('STORAGE', '磁盘空间不足，本次操作未保存。请清理磁盘空间后重试；已保存的数据不受影响。')
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS')
    return new AppError('STORAGE', '数据库所在的磁盘或文件夹当前只读，本次操作未保存。')
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO')
    return new AppError('STORAGE', '读写磁盘出错，本次操作未保存。请检查磁盘后重试；已保存的数据不受影响。')
  return null
}
