import { type Kysely, sql } from 'kysely'
import { pinyin } from 'pinyin-pro'

// Search keys and document numbering (issue 9):
// - borrowers.name_pinyin: full toneless pinyin of the name (王静 → 'wangjing'), surname-aware like
//   name_initials; indexed for equality and prefix, so `wangjing` and `wang` are index range scans.
//   Backfilled here with pinyin-pro (a library, frozen in time like this file; no app code).
// - borrower_phone_fts: FTS5 trigram index over borrowers.phone (external content, kept in step
//   by triggers) so any 4+ consecutive digits of a phone find the borrower without a table scan.
// - number_sequences: the last serial handed out per kind and year for 合同号/借据号 patterns;
//   bumped with one UPDATE … RETURNING inside the caller's transaction, so numbers have no gaps
//   and no duplicates under concurrent requests.

function fullPinyin(name: string): string {
  return pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table borrowers add column name_pinyin text`.execute(db)
  const rows = await sql<{ id: number; name: string }>`select id, name from borrowers`.execute(db)
  for (const r of rows.rows)
    await sql`update borrowers set name_pinyin = ${fullPinyin(r.name)} where id = ${r.id}`.execute(db)
  await sql`create index borrowers_pinyin on borrowers(name_pinyin, id)`.execute(db)

  await sql`create virtual table borrower_phone_fts using fts5(phone, content='borrowers', content_rowid='id', tokenize='trigram')`.execute(
    db,
  )
  await sql`insert into borrower_phone_fts(borrower_phone_fts) values ('rebuild')`.execute(db)
  await sql`create trigger borrowers_phone_ai after insert on borrowers begin
    insert into borrower_phone_fts(rowid, phone) values (new.id, new.phone); end`.execute(db)
  await sql`create trigger borrowers_phone_ad after delete on borrowers begin
    insert into borrower_phone_fts(borrower_phone_fts, rowid, phone) values ('delete', old.id, old.phone); end`.execute(
    db,
  )
  await sql`create trigger borrowers_phone_au after update of phone on borrowers begin
    insert into borrower_phone_fts(borrower_phone_fts, rowid, phone) values ('delete', old.id, old.phone);
    insert into borrower_phone_fts(rowid, phone) values (new.id, new.phone); end`.execute(db)

  await sql`create table number_sequences (
    kind text not null check (kind in ('contract', 'iou')),
    year integer not null,
    last integer not null,
    primary key (kind, year)
  ) strict`.execute(db)
}
