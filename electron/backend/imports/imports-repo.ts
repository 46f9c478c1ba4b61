import type { Db } from '../db/types'

/** Display names of all users by id (for officer columns in an import's change list). */
export async function userDisplayNames(db: Db): Promise<Map<number, string>> {
  const rows = await db.selectFrom('users').select(['id', 'display_name']).execute()
  return new Map(rows.map((r) => [r.id, r.display_name]))
}

/** Names of the given borrowers by id. */
export async function borrowerNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db.selectFrom('borrowers').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}
