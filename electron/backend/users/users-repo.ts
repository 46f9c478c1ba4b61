import type { Role, UserView } from '../../../shared/api'
import type { Db } from '../db/types'

const COLUMNS = [
  'id',
  'username',
  'display_name',
  'role',
  'disabled',
  'must_change_password',
  'last_login_at',
  'created_at',
] as const

type UserRow = {
  id: number
  username: string
  display_name: string
  role: string
  disabled: number
  must_change_password: number
  last_login_at: string | null
  created_at: string
}

/** Row → API view. */
export function toUserView(r: UserRow): UserView {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role as Role,
    disabled: r.disabled === 1,
    mustChangePassword: r.must_change_password === 1,
    lastLoginAt: r.last_login_at,
    createdAt: r.created_at,
  }
}

export async function listUsers(db: Db, includeDisabled: boolean): Promise<UserView[]> {
  let q = db.selectFrom('users').select(COLUMNS).orderBy('id')
  if (!includeDisabled) q = q.where('disabled', '=', 0)
  return (await q.execute()).map(toUserView)
}

export async function findUserById(db: Db, id: number): Promise<UserView | undefined> {
  const r = await db.selectFrom('users').select(COLUMNS).where('id', '=', id).executeTakeFirst()
  return r && toUserView(r)
}

export async function findUserAuthByUsername(db: Db, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst()
}

export async function findUserAuthById(db: Db, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertUser(
  db: Db,
  u: {
    username: string
    displayName: string
    role: Role
    passwordHash: string
    mustChangePassword: boolean
    now: string
  },
): Promise<number> {
  const r = await db
    .insertInto('users')
    .values({
      username: u.username,
      display_name: u.displayName,
      role: u.role,
      password_hash: u.passwordHash,
      must_change_password: u.mustChangePassword ? 1 : 0,
      created_at: u.now,
      updated_at: u.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return r.id
}

/** Active admins other than `exceptId`: the last admin may not be removed. */
export async function countOtherActiveAdmins(db: Db, exceptId: number): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .where('id', '!=', exceptId)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** Stores the failed-password count and the lockout end (null = not locked). */
export async function setFailedAttempts(db: Db, id: number, failed: number, lockedUntil: string | null): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_attempts: failed, locked_until: lockedUntil })
    .where('id', '=', id)
    .execute()
}

/** A successful login: clears the failure count and stamps the login time. */
export async function recordLogin(db: Db, id: number, at: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_attempts: 0, locked_until: null, last_login_at: at })
    .where('id', '=', id)
    .execute()
}

/** Replaces the stored hash (password change, or a rehash at a higher cost). */
export async function setPasswordHash(
  db: Db,
  id: number,
  hash: string,
  opts: { mustChange?: boolean; at: string },
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      password_hash: hash,
      updated_at: opts.at,
      ...(opts.mustChange !== undefined && { must_change_password: opts.mustChange ? 1 : 0 }),
    })
    .where('id', '=', id)
    .execute()
}
