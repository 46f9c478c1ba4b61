import { sql } from 'kysely'
import type { BorrowerView } from '../../../shared/api'
import { maskIdNumber, maskPhone } from '../../../shared/archives'
import type { BorrowersTable } from '../db/schema'
import type { Db } from '../db/types'

type Row = Omit<BorrowersTable, 'id' | 'status'> & { id: number; status: string; officer_name: string | null }

/** Row → API view; masks ID number, phone and birth date unless `pii`. */
export function toBorrowerView(r: Row, pii: boolean): BorrowerView {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    nameInitials: r.name_initials,
    idNumber: r.id_number && (pii ? r.id_number : maskIdNumber(r.id_number)),
    creditCode: r.credit_code,
    birthDate: pii ? r.birth_date : null,
    sex: (r.sex as 'M' | 'F' | null) ?? null,
    phone: r.phone && (pii ? r.phone : maskPhone(r.phone)),
    masked: !pii,
    village: r.village,
    villageGroup: r.village_group,
    address: r.address,
    occupation: r.occupation,
    householdIncome: r.household_income,
    creditRating: r.credit_rating,
    legalRep: r.legal_rep,
    businessScope: r.business_scope,
    officerId: r.officer_id,
    officerName: r.officer_name,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    customerClass: (r.customer_class as 'A' | 'B' | 'C' | null | undefined) ?? null,
  }
}

/** Select with the officer's display name. */
export function selectBorrowers(db: Db) {
  return db
    .selectFrom('borrowers as b')
    .leftJoin('users as o', 'o.id', 'b.officer_id')
    .selectAll('b')
    .select('o.display_name as officer_name')
}

export async function findBorrower(db: Db, id: number): Promise<Row | undefined> {
  return selectBorrowers(db).where('b.id', '=', id).executeTakeFirst()
}

export async function findByIdNumber(db: Db, idNumber: string) {
  return db
    .selectFrom('borrowers')
    .select(['id', 'name', 'village'])
    .where('id_number', '=', idNumber)
    .executeTakeFirst()
}

export async function findByCreditCode(db: Db, code: string) {
  return db.selectFrom('borrowers').select(['id', 'name', 'village']).where('credit_code', '=', code).executeTakeFirst()
}

/** True when an officer may see the borrower: they manage it or one of its loans. */
export async function borrowerInPortfolio(db: Db, borrowerId: number, officerId: number): Promise<boolean> {
  const r = await sql<{ ok: number }>`select 1 as ok from borrowers b where b.id = ${borrowerId}
    and (b.officer_id = ${officerId} or exists (select 1 from loans l where l.borrower_id = b.id and l.officer_id = ${officerId}))`.execute(
    db,
  )
  return r.rows.length > 0
}

export interface BorrowerFilter {
  village?: string | undefined
  officerId?: number | undefined
  creditRating?: string | undefined
  status?: string | undefined
  kind?: string | undefined
  customerClass?: string | undefined
  /** Officer scope: only borrowers this officer manages (管户). */
  scopeOfficerId: number | null
}

const SORT_COLUMNS = {
  id: 'b.id',
  name: 'b.name',
  village: 'b.village',
  creditRating: 'b.credit_rating',
  updatedAt: 'b.updated_at',
} as const

/** One page of borrowers; sorts use the (column, id) indexes so the first page is an index walk. */
export async function listBorrowers(
  db: Db,
  f: BorrowerFilter,
  page: { sort: keyof typeof SORT_COLUMNS; dir: 'asc' | 'desc'; limit: number; offset: number },
): Promise<{ rows: Row[]; total: number }> {
  let q = selectBorrowers(db)
  if (f.village) q = q.where('b.village', '=', f.village)
  if (f.officerId) q = q.where('b.officer_id', '=', f.officerId)
  if (f.creditRating) q = q.where('b.credit_rating', '=', f.creditRating)
  if (f.status) q = q.where('b.status', '=', f.status)
  if (f.kind) q = q.where('b.kind', '=', f.kind as 'individual' | 'enterprise')
  if (f.customerClass) q = q.where('b.customer_class', '=', f.customerClass)
  // An officer's list is the borrowers they manage (管户, borrowers.officer_id, kept in step with
  // their loans by loans.create and 责任移交): one index range, fast at county size. A borrower
  // reached through one of the officer's loans is still visible in search and detail.
  if (f.scopeOfficerId !== null) q = q.where('b.officer_id', '=', f.scopeOfficerId)
  const col = SORT_COLUMNS[page.sort]
  const rows = await q.orderBy(col, page.dir).orderBy('b.id', page.dir).limit(page.limit).offset(page.offset).execute()
  const count = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return { rows, total: Number(count.n) }
}
