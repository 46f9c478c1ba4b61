import type {
  AppErrorData,
  CallResult,
  ErrorCode,
  ErrorDetails,
  FieldError,
  Input,
  MethodName,
  Output,
} from '@shared/api'

/** A failed call, re-thrown on the renderer side with the server's code and zh-CN message. */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly fields: FieldError[]
  /** Structured facts (e.g. `existingBorrowerId`); never parse `message` for them. */
  readonly data: ErrorDetails
  readonly method: string
  constructor(method: string, data: AppErrorData) {
    super(data.message)
    this.name = 'ApiError'
    this.method = method
    this.code = data.code
    this.fields = data.fields ?? []
    this.data = data.data ?? {}
  }
}

/** Carries `{method, input}` to the backend and returns its `CallResult`. */
export interface Transport {
  readonly kind: 'electron' | 'http'
  send(method: string, input: unknown): Promise<CallResult<unknown>>
  /** Called after login/logout so HTTP can keep the bearer token; Electron keeps it in main. */
  setToken(token: string | null): void
  hasToken(): boolean
}

const TOKEN_KEY = 'daihou.token'

function electronTransport(bridge: DaihouBridge): Transport {
  return {
    kind: 'electron',
    send: async (method, input) => (await bridge.call(method, input)) as CallResult<unknown>,
    setToken: () => undefined,
    hasToken: () => true,
  }
}

/** Browser mode: POST /api/call; the token lives in sessionStorage (survives reload, not a new browser). */
function httpTransport(): Transport {
  const read = (): string | null => {
    try {
      return sessionStorage.getItem(TOKEN_KEY)
    } catch {
      return null
    }
  }
  return {
    kind: 'http',
    async send(method, input) {
      const headers: Record<string, string> = { 'content-type': 'application/json' }
      const token = read()
      if (token) headers.authorization = `Bearer ${token}`
      let res: Response
      try {
        res = await fetch('/api/call', { method: 'POST', headers, body: JSON.stringify({ method, input }) })
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: '无法连接到贷后管家服务，请确认程序仍在运行' } }
      }
      try {
        return (await res.json()) as CallResult<unknown>
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: `服务返回了无效的响应（HTTP ${res.status}）` } }
      }
    },
    setToken(token) {
      if (token) sessionStorage.setItem(TOKEN_KEY, token)
      else sessionStorage.removeItem(TOKEN_KEY)
    },
    hasToken: () => read() !== null,
  }
}

/** Session-level failures the app shell reacts to (go to login, show lock screen). */
export type SessionEvent = 'unauthenticated' | 'locked'

/** Methods whose UNAUTHENTICATED/LOCKED errors are answers to the form, not session events. */
const FORM_AUTH_METHODS = new Set<string>(['auth.login', 'auth.unlock', 'system.setup'])

/** The typed API client every feature hook goes through. */
export function createApiClient(transport: Transport) {
  const listeners = new Set<(e: SessionEvent, err: ApiError) => void>()

  async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
    const result = await transport.send(method, input)
    if (result.ok) {
      const value = result.value as Output<M>
      if (method === 'auth.login') transport.setToken((value as Output<'auth.login'>).token)
      if (method === 'auth.logout') transport.setToken(null)
      return value
    }
    const err = new ApiError(method, result.error)
    if (!FORM_AUTH_METHODS.has(method)) {
      if (err.code === 'UNAUTHENTICATED') {
        transport.setToken(null)
        listeners.forEach((l) => l('unauthenticated', err))
      } else if (err.code === 'LOCKED') listeners.forEach((l) => l('locked', err))
    }
    throw err
  }

  return {
    call,
    transport,
    /** Subscribe to session events; returns the unsubscribe function. */
    onSessionEvent(fn: (e: SessionEvent, err: ApiError) => void): () => void {
      listeners.add(fn)
      return () => listeners.delete(fn)
    },
    /** Forget the token locally (e.g. when logout fails because the session is already gone). */
    forgetToken: () => transport.setToken(null),
  }
}

export type ApiClient = ReturnType<typeof createApiClient>

/** The app's client: Electron IPC when the preload bridge exists, loopback HTTP otherwise. */
export const api: ApiClient = createApiClient(
  typeof window !== 'undefined' && window.daihou ? electronTransport(window.daihou) : httpTransport(),
)
