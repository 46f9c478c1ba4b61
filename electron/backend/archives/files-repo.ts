import { sql } from 'kysely'
import type { LendingView, LoanFileView } from '../../../shared/api'
import { isLendingOverdue, retentionDueDate } from '../../../shared/archives'
import type { Db } from '../db/types'

/** Loan files with loan, borrower, keeper, retention years and checklist counts. */
export function selectFiles(db: Db) {
  return db
    .selectFrom('loan_files as f')
    .innerJoin('loans as l', 'l.id', 'f.loan_id')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .innerJoin('archive_categories as c', 'c.code', 'f.category')
    .leftJoin('users as k', 'k.id', 'f.keeper_id')
    .selectAll('f')
    .select([
      'l.contract_no',
      'l.borrower_id',
      'l.settled_date',
      'l.officer_id',
      'b.name as borrower_name',
      'c.retention_years',
      'k.display_name as keeper_name',
      sql<number>`(select count(*) from loan_file_items i where i.file_id = f.id and i.state = 'present')`.as(
        'present',
      ),
      sql<number>`(select count(*) from loan_file_items i where i.file_id = f.id and i.state != 'na')`.as('applicable'),
    ])
}
export type FileRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectFiles>['executeTakeFirst']>>>

/** Row → API view; completeness = present / applicable items. */
export function toFileView(r: FileRow): LoanFileView {
  return {
    id: r.id,
    fileNo: r.file_no,
    loanId: r.loan_id,
    contractNo: r.contract_no,
    borrowerId: r.borrower_id,
    borrowerName: r.borrower_name,
    category: r.category,
    location: r.location,
    status: r.status as LoanFileView['status'],
    keeperName: r.keeper_name,
    legalHold: r.legal_hold === 1,
    legalHoldReason: r.legal_hold_reason,
    retentionUntil: r.settled_date ? retentionDueDate(r.settled_date, r.retention_years) : null,
    destroyedOn: r.destroyed_on,
    completeness: r.applicable ? Math.floor((r.present * 100) / r.applicable) : 100,
    createdAt: r.created_at,
  }
}

export async function findFile(db: Db, id: number): Promise<FileRow | undefined> {
  return selectFiles(db).where('f.id', '=', id).executeTakeFirst()
}

/** The borrowing register joined with names. */
export function selectLendings(db: Db) {
  return db
    .selectFrom('file_lendings as x')
    .innerJoin('loan_files as f', 'f.id', 'x.file_id')
    .innerJoin('users as a', 'a.id', 'x.approver_id')
    .innerJoin('users as k', 'k.id', 'x.keeper_id')
    .selectAll('x')
    .select(['f.file_no', 'a.display_name as approver_name', 'k.display_name as keeper_name'])
}
type LendingRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectLendings>['executeTakeFirst']>>>

/** Row → API view with the overdue flag as of `asOf`. */
export function toLendingView(r: LendingRow, asOf: string): LendingView {
  return {
    id: r.id,
    fileId: r.file_id,
    fileNo: r.file_no,
    borrowerName: r.borrower_name,
    purpose: r.purpose,
    approverName: r.approver_name,
    keeperName: r.keeper_name,
    lentOn: r.lent_on,
    dueBack: r.due_back,
    returnedOn: r.returned_on,
    condition: r.condition,
    overdue: isLendingOverdue({ returnedOn: r.returned_on, dueBack: r.due_back }, asOf),
  }
}

/**
 * Allocates the next 流水号 for (org, year, category) as the transaction's first write, so the
 * write lock is taken before anything is read: numbers are gap-free (a failed registration
 * rolls the counter back) and unique across processes sharing the database.
 */
export async function allocateSeq(db: Db, year: number, category: string): Promise<{ orgCode: string; seq: number }> {
  const r = await sql<{
    org_code: string
    last_seq: number
  }>`insert into archive_counters (org_code, year, category, last_seq)
    select coalesce((select branch_code from org where id = 1), '0000'), ${year}, ${category}, 1 where 1
    on conflict (org_code, year, category) do update set last_seq = last_seq + 1
    returning org_code, last_seq`.execute(db)
  const row = r.rows[0]
  if (!row) throw new Error('counter allocation returned nothing')
  return { orgCode: row.org_code, seq: row.last_seq }
}
