import { sql } from 'kysely'
import type { Db } from '../db/types'
import { type Conn, rawOf } from '../db/raw'

/** Display names of all users by id (for officer columns in an import's change list). */
export async function userDisplayNames(db: Db): Promise<Map<number, string>> {
  const rows = await db.selectFrom('users').select(['id', 'display_name']).execute()
  return new Map(rows.map((r) => [r.id, r.display_name]))
}

/** Names of the given borrowers by id. */
export async function borrowerNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('borrowers')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}

/** Tables an Excel import reads by key. */
export type KeyedTable = 'borrowers' | 'loans'

/** Rows of `table` whose `col` is one of `keys` (the caller chunks the keys). */
export async function rowsByKeys(
  db: Db,
  table: KeyedTable,
  col: string,
  keys: readonly string[],
): Promise<Record<string, unknown>[]> {
  if (keys.length === 0) return []
  const r = await sql<
    Record<string, unknown>
  >`select * from ${sql.table(table)} where ${sql.ref(col)} in (${sql.join([...keys])})`.execute(db)
  return r.rows
}

/** Every user with what the officer column of an import needs. */
export async function importUsers(db: Db): Promise<{ id: number; username: string; role: string; disabled: number }[]> {
  return db.selectFrom('users').select(['id', 'username', 'role', 'disabled']).execute()
}

/** The stored guarantor of a loan with this ID number, if any. */
export async function findGuarantorRow(
  db: Db,
  loanId: number,
  idNumber: string,
): Promise<Record<string, unknown> | undefined> {
  return (
    await sql<
      Record<string, unknown>
    >`select * from guarantors where loan_id = ${loanId} and id_number = ${idNumber}`.execute(db)
  ).rows[0]
}

/** The stored collateral of a loan with this certificate number, if any. */
export async function findCollateralRow(
  db: Db,
  loanId: number,
  certNo: unknown,
): Promise<Record<string, unknown> | undefined> {
  return (
    await sql<
      Record<string, unknown>
    >`select * from collaterals where loan_id = ${loanId} and cert_no = ${certNo as string}`.execute(db)
  ).rows[0]
}

/** One planned write: insert `values`, or update row `id` with them. */
export interface RowWrite {
  id?: number
  values: Record<string, unknown>
}

/**
 * Bulk insert/update with one prepared statement each (a 100k-row import stays fast), on the
 * connection that holds the dispatcher's write transaction. Collateral inserts also record the
 * imported appraisal as the first valuation.
 */
export function writeImportRows(
  db: Conn,
  o: { table: string; cols: string[]; rows: RowWrite[]; now: string; userId: number },
): void {
  const sqlite = rawOf(db)
  const stamped = o.table !== 'guarantors'
  const insert =
    sqlite.prepare(`insert into ${o.table} (${o.cols.join(', ')}, created_at${stamped ? ', updated_at' : ''})
    values (${o.cols.map((c) => `@${c}`).join(', ')}, @now${stamped ? ', @now' : ''})`)
  const update = sqlite.prepare(
    `update ${o.table} set ${o.cols.map((c) => `${c} = @${c}`).join(', ')}${stamped ? ', updated_at = @now' : ''} where id = @id`,
  )
  const valuation =
    o.table === 'collaterals'
      ? sqlite.prepare(
          `insert into collateral_valuations (collateral_id, value, valued_on, valuer, created_by, created_at) values (?, ?, ?, '导入', ?, ?)`,
        )
      : null
  for (const a of o.rows) {
    const params = Object.fromEntries(o.cols.map((c) => [c, a.values[c] ?? null]))
    if (a.id === undefined) {
      const r = insert.run({ ...params, now: o.now })
      valuation?.run(Number(r.lastInsertRowid), a.values.appraised_value, a.values.appraised_on, o.userId, o.now)
    } else update.run({ ...params, now: o.now, id: a.id })
  }
}
