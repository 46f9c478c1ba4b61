import { type Kysely, sql } from 'kysely'

/**
 * Borrower archives (档案): households, guarantors, collateral with valuations, 责任移交 history,
 * loan files with checklist items, gap-free file-number counters, scans, the borrowing
 * register, destruction lists, and the extra columns short searches need.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Short-query search paths (DESIGN, Search): phone tail, full phone, ID tails of 4–5 digits.
  await sql`alter table borrowers add column phone_tail text`.execute(db)
  await sql`update borrowers set phone_tail = substr(phone, -4) where phone is not null`.execute(db)
  await sql`create index borrowers_phone_tail on borrowers(phone_tail)`.execute(db)
  await sql`create index borrowers_phone on borrowers(phone)`.execute(db)
  await sql`create index borrowers_id_tail4 on borrowers(substr(id_number, -4)) where id_number is not null`.execute(db)
  await sql`create index borrowers_id_tail5 on borrowers(substr(id_number, -5)) where id_number is not null`.execute(db)
  await sql`create index borrowers_rating on borrowers(credit_rating, id)`.execute(db)
  await sql`create index borrowers_status on borrowers(status, id)`.execute(db)
  await sql`create index audit_log_entity on audit_log(entity, entity_id)`.execute(db)

  await sql`create table households (
    id integer primary key autoincrement,
    head_borrower_id integer not null unique references borrowers(id),
    village text, village_group text, address text,
    created_at text not null, updated_at text not null)`.execute(db)
  await sql`create table household_members (
    household_id integer not null references households(id),
    borrower_id integer not null unique references borrowers(id),
    relation text not null check (relation in ('head','spouse','child','parent','sibling','other')),
    primary key (household_id, borrower_id))`.execute(db)

  await sql`create table guarantors (
    id integer primary key autoincrement,
    loan_id integer not null references loans(id),
    borrower_id integer references borrowers(id),
    kind text not null check (kind in ('borrower','person','company')),
    name text not null, id_number text, phone text,
    mode text not null check (mode in ('general','joint')),
    amount integer not null check (amount > 0),
    period_start text not null, period_end text not null,
    created_at text not null)`.execute(db)
  await sql`create index guarantors_loan on guarantors(loan_id)`.execute(db)
  await sql`create index guarantors_borrower on guarantors(borrower_id) where borrower_id is not null`.execute(db)
  await sql`create unique index guarantors_loan_party on guarantors(loan_id, coalesce(id_number, name))`.execute(db)

  await sql`create table collaterals (
    id integer primary key autoincrement,
    loan_id integer not null references loans(id),
    type text not null, description text not null, owner_name text,
    cert_no text, other_right_cert_no text, location text,
    appraised_value integer not null check (appraised_value >= 0), appraised_on text not null,
    insured integer not null default 0, insurance_policy text, insurance_expiry text,
    created_at text not null, updated_at text not null)`.execute(db)
  await sql`create index collaterals_loan on collaterals(loan_id)`.execute(db)
  await sql`create table collateral_valuations (
    id integer primary key autoincrement,
    collateral_id integer not null references collaterals(id),
    value integer not null check (value >= 0), valued_on text not null, valuer text, note text,
    created_by integer references users(id), created_at text not null)`.execute(db)
  await sql`create index collateral_valuations_c on collateral_valuations(collateral_id, valued_on)`.execute(db)

  // 责任移交: who handed which loans to whom, when and why; history is never rewritten.
  await sql`create table officer_transfers (
    id integer primary key autoincrement,
    from_officer_id integer not null references users(id),
    to_officer_id integer not null references users(id),
    reason text not null, effective_date text not null,
    by_user_id integer not null references users(id), created_at text not null)`.execute(db)
  await sql`create table officer_transfer_loans (
    transfer_id integer not null references officer_transfers(id),
    loan_id integer not null references loans(id),
    primary key (transfer_id, loan_id))`.execute(db)
  await sql`create index officer_transfer_loans_loan on officer_transfer_loans(loan_id)`.execute(db)

  // Configurable checklist template and categories (DOMAIN §11).
  await sql`create table archive_categories (
    code text primary key, name text not null, retention_years integer not null check (retention_years > 0))`.execute(
    db,
  )
  await sql`create table archive_template_items (
    id integer primary key autoincrement,
    category text not null references archive_categories(code),
    code text not null, name text not null, sort integer not null, active integer not null default 1,
    unique (category, code))`.execute(db)
  await sql`create table archive_counters (
    org_code text not null, year integer not null, category text not null, last_seq integer not null,
    primary key (org_code, year, category))`.execute(db)

  await sql`create table loan_files (
    id integer primary key autoincrement,
    loan_id integer not null references loans(id),
    file_no text not null unique,
    org_code text not null, year integer not null, category text not null references archive_categories(code), seq integer not null,
    location text, status text not null default 'in_store' check (status in ('in_store','lent','transferred','destroyed')),
    keeper_id integer references users(id),
    legal_hold integer not null default 0, legal_hold_reason text,
    destroyed_on text,
    created_at text not null, updated_at text not null,
    unique (org_code, year, category, seq))`.execute(db)
  await sql`create index loan_files_loan on loan_files(loan_id)`.execute(db)
  await sql`create index loan_files_status on loan_files(status, id)`.execute(db)
  await sql`create table loan_file_items (
    id integer primary key autoincrement,
    file_id integer not null references loan_files(id),
    code text not null, name text not null, sort integer not null,
    state text not null default 'missing' check (state in ('present','missing','na')),
    original integer, pages integer check (pages is null or pages >= 0),
    scan_sha256 text references scans(sha256),
    unique (file_id, code))`.execute(db)
  await sql`create index loan_file_items_missing on loan_file_items(file_id) where state = 'missing'`.execute(db)

  // Scans are content-addressed: one row and one file per SHA-256, however often attached.
  await sql`create table scans (
    sha256 text primary key, mime text not null, size integer not null, first_name text not null,
    created_by integer references users(id), created_at text not null)`.execute(db)
  await sql`create table file_attachments (
    id integer primary key autoincrement,
    file_id integer not null references loan_files(id),
    item_id integer references loan_file_items(id),
    scan_sha256 text not null references scans(sha256),
    filename text not null, created_by integer references users(id), created_at text not null)`.execute(db)
  await sql`create index file_attachments_file on file_attachments(file_id)`.execute(db)

  // 借阅登记 borrowing register.
  await sql`create table file_lendings (
    id integer primary key autoincrement,
    file_id integer not null references loan_files(id),
    borrower_name text not null, purpose text not null,
    approver_id integer not null references users(id), keeper_id integer not null references users(id),
    lent_on text not null, due_back text not null,
    returned_on text, condition text, returned_to integer references users(id),
    created_at text not null)`.execute(db)
  await sql`create index file_lendings_file on file_lendings(file_id, id)`.execute(db)
  await sql`create index file_lendings_open on file_lendings(due_back) where returned_on is null`.execute(db)

  // 销毁: a list, an approval and a record; the file rows stay with status destroyed.
  await sql`create table destruction_lists (
    id integer primary key autoincrement,
    status text not null check (status in ('proposed','approved','executed')),
    as_of text not null, note text,
    proposed_by integer not null references users(id), proposed_at text not null,
    approved_by integer references users(id), approved_at text,
    executed_by integer references users(id), executed_at text)`.execute(db)
  await sql`create table destruction_list_files (
    list_id integer not null references destruction_lists(id),
    file_id integer not null references loan_files(id),
    primary key (list_id, file_id))`.execute(db)

  await sql`insert into archive_categories (code, name, retention_years) values
    ('DK', '贷款档案', 5), ('SS', '诉讼及核销贷款档案', 15), ('KJ', '会计凭证', 30)`.execute(db)
  const items: [string, string][] = [
    ['application', '借款申请书'],
    ['identity', '身份证/户口簿'],
    ['credit_report', '征信授权书及征信报告'],
    ['survey', '调查报告'],
    ['approval', '审批表'],
    ['contract', '借款合同'],
    ['iou', '借据'],
    ['guarantee_contract', '保证合同/抵押合同'],
    ['other_right_cert', '他项权证'],
    ['inspection', '贷后检查报告'],
    ['collection_receipt', '催收通知书回执'],
    ['extension', '展期/重组协议'],
    ['settlement', '结清证明'],
  ]
  for (const cat of ['DK', 'SS']) {
    let sort = 0
    for (const [code, name] of items) {
      sort += 10
      await sql`insert into archive_template_items (category, code, name, sort) values (${cat}, ${code}, ${name}, ${sort})`.execute(
        db,
      )
    }
  }
}
