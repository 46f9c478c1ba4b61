import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import type { Permission, SessionView } from '@shared/api'
import { api, type ApiError } from '../api/client'
import { toApiError } from '../api/hooks'

/** Why the login page is shown, as an i18n-able notice. */
export type LoginNotice = 'sessionExpired' | 'loggedOut' | 'setupDone'

export type Phase =
  | { kind: 'booting' }
  | { kind: 'bootError'; error: ApiError }
  | { kind: 'setup' }
  /** The database is encrypted and waits for its passphrase (before login). */
  | { kind: 'dbLocked' }
  | { kind: 'login'; notice?: LoginNotice }
  | { kind: 'ready'; session: SessionView }

export interface Org {
  name: string
  branchCode: string
}

interface SessionApi {
  phase: Phase
  org: Org | null
  /** The screen is locked (idle, Ctrl+L, or the server answered LOCKED). */
  locked: boolean
  login(username: string, password: string): Promise<SessionView>
  logout(): Promise<void>
  /** Reloads the session (after a password change). */
  refresh(): Promise<void>
  lock(): void
  unlock(password: string): Promise<void>
  /** Re-reads setup status (after first-run setup). */
  reboot(notice?: LoginNotice): Promise<void>
}

const SessionContext = createContext<SessionApi | null>(null)
const LOCK_KEY = 'daihou.locked'

function readLocked(): boolean {
  try {
    return sessionStorage.getItem(LOCK_KEY) === '1'
  } catch {
    return false
  }
}
function writeLocked(v: boolean): void {
  try {
    if (v) sessionStorage.setItem(LOCK_KEY, '1')
    else sessionStorage.removeItem(LOCK_KEY)
  } catch {
    // storage unavailable: the lock still holds for this page
  }
}

/** Holds who is logged in, the org, and the lock state; reacts to UNAUTHENTICATED/LOCKED errors. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'booting' })
  const [org, setOrg] = useState<Org | null>(null)
  const [locked, setLockedState] = useState(readLocked)

  const setLocked = useCallback((v: boolean) => {
    writeLocked(v)
    setLockedState(v)
  }, [])

  const boot = useCallback(async (notice?: LoginNotice) => {
    try {
      if ((await api.call('system.lockStatus', {})).dbLocked) return setPhase({ kind: 'dbLocked' })
      const status = await api.call('system.setupStatus', {})
      setOrg(status.org)
      if (status.needsSetup) return setPhase({ kind: 'setup' })
      if (!api.transport.hasToken()) return setPhase({ kind: 'login', notice })
      try {
        const session = await api.call('auth.me', {})
        setPhase({ kind: 'ready', session })
      } catch (e) {
        if (toApiError(e).code === 'UNAUTHENTICATED') setPhase({ kind: 'login', notice })
        else throw e
      }
    } catch (e) {
      setPhase({ kind: 'bootError', error: toApiError(e) })
    }
  }, [])

  useEffect(() => {
    void boot()
    return api.onSessionEvent((event) => {
      if (event === 'locked') return setLocked(true)
      setLocked(false)
      setPhase((p) => (p.kind === 'ready' ? { kind: 'login', notice: 'sessionExpired' } : p))
    })
  }, [boot, setLocked])

  const value = useMemo<SessionApi>(
    () => ({
      phase,
      org,
      locked: locked && phase.kind === 'ready',
      async login(username, password) {
        const { token: _token, ...session } = await api.call('auth.login', { username, password })
        setLocked(false)
        setPhase({ kind: 'ready', session })
        return session
      },
      async logout() {
        try {
          await api.call('auth.logout', {})
        } catch {
          api.forgetToken() // the session is gone either way
        }
        setLocked(false)
        setPhase({ kind: 'login', notice: 'loggedOut' })
      },
      async refresh() {
        const session = await api.call('auth.me', {})
        setPhase({ kind: 'ready', session })
      },
      lock: () => {
        setLocked(true)
        // The server locks the session too, so the API refuses calls until unlock.
        api.call('auth.lock', {}).catch(() => undefined)
      },
      async unlock(password) {
        await api.call('auth.unlock', { password })
        setLocked(false)
      },
      reboot: (notice) => boot(notice),
    }),
    [phase, org, locked, setLocked, boot],
  )

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

/** The session API; only inside SessionProvider. */
export function useSession(): SessionApi {
  const ctx = useContext(SessionContext)
  if (!ctx) throw new Error('useSession outside SessionProvider')
  return ctx
}

/** The logged-in session; only inside the app shell. */
export function useCurrentSession(): SessionView {
  const { phase } = useSession()
  if (phase.kind !== 'ready') throw new Error('useCurrentSession without a session')
  return phase.session
}

/** True when the logged-in user holds the permission (the backend checks again). */
export function useCan(): (p: Permission) => boolean {
  const session = useCurrentSession()
  return useCallback((p: Permission) => session.permissions.includes(p), [session])
}
