import { randomBytes } from 'node:crypto'

/** A logged-in session, kept in memory only (a restart logs everyone out). */
export interface Session {
  token: string
  userId: number
  createdAt: number
  lastSeenAt: number
  locked: boolean
}

/** In-memory session store with idle lock and absolute expiry. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>()
  constructor(
    private readonly idleLockMs: () => number,
    private readonly maxAgeMs = 12 * 60 * 60 * 1000,
  ) {}

  create(userId: number, now: number): Session {
    const session: Session = {
      token: randomBytes(32).toString('base64url'),
      userId,
      createdAt: now,
      lastSeenAt: now,
      locked: false,
    }
    this.sessions.set(session.token, session)
    return session
  }

  /** Finds a live session; marks it locked when it sat idle too long. */
  touch(token: string, now: number): Session | null {
    const s = this.sessions.get(token)
    if (!s) return null
    if (now - s.createdAt > this.maxAgeMs) {
      this.sessions.delete(token)
      return null
    }
    if (now - s.lastSeenAt > this.idleLockMs()) s.locked = true
    if (!s.locked) s.lastSeenAt = now
    return s
  }

  /** True when `token` names a stored session (no idle bookkeeping; for request-size limits). */
  has(token: string): boolean {
    return this.sessions.has(token)
  }

  lock(s: Session): void {
    s.locked = true
  }

  unlock(s: Session, now: number): void {
    s.locked = false
    s.lastSeenAt = now
  }

  delete(token: string): void {
    this.sessions.delete(token)
  }

  /** Ends every session of a user (disabled, role changed, password reset). */
  deleteUser(userId: number): void {
    for (const [token, s] of this.sessions) if (s.userId === userId) this.sessions.delete(token)
  }
}
