import { type Kysely, sql } from 'kysely'

/**
 * The 预警表 at county size (issue 10): its total comes from a counts summary per (rule, level,
 * status) kept exact by triggers on every insert, update and delete of a warning — a board
 * filtered by status, level or rule no longer counts hundreds of thousands of index entries — and
 * a page filtered by rule walks its own index in board order (status, severity, opened_on, id).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table risk_warning_counts (
    rule text not null,
    level text not null,
    status text not null,
    n integer not null check (n >= 0),
    primary key (rule, level, status)
  ) without rowid`.execute(db)
  await sql`insert into risk_warning_counts (rule, level, status, n)
    select rule, level, status, count(*) from risk_warnings group by rule, level, status`.execute(db)
  const add = (row: 'new' | 'old', d: 1 | -1) =>
    `insert into risk_warning_counts (rule, level, status, n) values (${row}.rule, ${row}.level, ${row}.status, ${d === 1 ? 1 : 0})
      on conflict (rule, level, status) do update set n = n + (${d});`
  await sql
    .raw(`create trigger risk_warning_counts_insert after insert on risk_warnings begin ${add('new', 1)} end`)
    .execute(db)
  await sql
    .raw(`create trigger risk_warning_counts_delete after delete on risk_warnings begin ${add('old', -1)} end`)
    .execute(db)
  await sql
    .raw(
      `create trigger risk_warning_counts_update after update of rule, level, status on risk_warnings
      when old.rule is not new.rule or old.level is not new.level or old.status is not new.status
      begin ${add('old', -1)} ${add('new', 1)} end`,
    )
    .execute(db)
  await sql`create index risk_warnings_rule on risk_warnings(rule, status, severity, opened_on, id)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index risk_warnings_rule`.execute(db)
  for (const t of ['insert', 'delete', 'update']) await sql.raw(`drop trigger risk_warning_counts_${t}`).execute(db)
  await sql`drop table risk_warning_counts`.execute(db)
}
