import { type Kysely, sql } from 'kysely'

/**
 * Replay checkpoints (a cache, never the truth): as of `as_of`, plan version `version_id` had its
 * first `rows_settled` installments settled in full, later ones untouched and no credit. The
 * portfolio scan replays from there; any repayment, reversal or new version of the loan deletes
 * the row, so a replay from the checkpoint always equals the full replay.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table replay_checkpoints (
    loan_id integer primary key references loans(id),
    version_id integer not null,
    as_of text not null,
    rows_settled integer not null
  )`.execute(db)
}
