import { type Kysely, sql } from 'kysely'

/**
 * 冲正 reversal requests: an officer's reversal of a receipt issued before today waits for a
 * manager's decision (approved → the repayment is reversed; rejected → it stays). The proposer
 * never decides their own request. At most one pending request per repayment.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table reversal_requests (
    id integer primary key,
    repayment_id integer not null references repayments(id),
    reason text not null,
    status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
    requested_by integer not null references users(id),
    requested_at text not null,
    decided_by integer references users(id),
    decided_at text,
    decision_note text,
    check (decided_by is null or decided_by <> requested_by)
  )`.execute(db)
  await sql`create unique index reversal_requests_pending on reversal_requests(repayment_id) where status = 'pending'`.execute(
    db,
  )
  await sql`create index reversal_requests_status on reversal_requests(status, id)`.execute(db)
}
