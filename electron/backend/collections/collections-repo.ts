// Collections repository: worklist candidates, contact log, promises, per-loan flags, settings. The only SQL of the area.
import type {} from '../db/schema-collections'
import { sql } from 'kysely'
import type {} from '../db/schema-servicing'
import type { Db } from '../db/types'
import type { CollectionContactView } from '../../../shared/api/collections'
import type { PaidEvent } from '../../../shared/collections'

export interface NewContact {
  loanId: number
  contactAt: string
  contactDate: string
  channel: string
  party: string
  partyName: string | null
  reason: string | null
  flagged: boolean
  outcome: string
  note: string | null
  createdBy: number
  createdAt: string
}

export async function insertContact(db: Db, c: NewContact): Promise<number> {
  const r = await db
    .insertInto('collection_contacts')
    .values({
      loan_id: c.loanId,
      contact_at: c.contactAt,
      contact_date: c.contactDate,
      channel: c.channel,
      party: c.party,
      party_name: c.partyName,
      reason: c.reason,
      flagged: c.flagged ? 1 : 0,
      outcome: c.outcome,
      note: c.note,
      created_by: c.createdBy,
      created_at: c.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return r.id
}

export async function listContacts(db: Db, loanId: number): Promise<CollectionContactView[]> {
  const rs = await db
    .selectFrom('collection_contacts as c')
    .leftJoin('users as u', 'u.id', 'c.created_by')
    .select([
      'c.id',
      'c.loan_id',
      'c.contact_at',
      'c.contact_date',
      'c.channel',
      'c.party',
      'c.party_name',
      'c.reason',
      'c.flagged',
      'c.outcome',
      'c.note',
      'u.display_name',
    ])
    .where('c.loan_id', '=', loanId)
    .orderBy('c.contact_at', 'desc')
    .orderBy('c.id', 'desc')
    .execute()
  return rs.map((r) => ({
    id: r.id,
    loanId: r.loan_id,
    contactAt: r.contact_at,
    contactDate: r.contact_date,
    channel: r.channel as CollectionContactView['channel'],
    party: r.party as CollectionContactView['party'],
    partyName: r.party_name,
    reason: r.reason,
    flagged: r.flagged === 1,
    outcome: r.outcome as CollectionContactView['outcome'],
    note: r.note,
    createdBy: r.display_name ?? null,
  }))
}

/** Last contact date per loan, from this log and the servicing contact log (reminders). */
export async function lastContacts(db: Db, loanIds: readonly number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>()
  if (loanIds.length === 0) return out
  const mine = await db
    .selectFrom('collection_contacts')
    .select(['loan_id', (eb) => eb.fn.max('contact_date').as('d')])
    .where('loan_id', 'in', loanIds)
    .groupBy('loan_id')
    .execute()
  const theirs = await db
    .selectFrom('contact_log')
    .select(['loan_id', (eb) => eb.fn.max('contact_date').as('d')])
    .where('loan_id', 'in', loanIds)
    .groupBy('loan_id')
    .execute()
  for (const r of [...mine, ...theirs]) {
    const d = String(r.d)
    const prev = out.get(r.loan_id)
    if (!prev || d > prev) out.set(r.loan_id, d)
  }
  return out
}

export interface PromiseRow {
  id: number
  loanId: number
  madeOn: string
  promisedOn: string
  amount: number
}

export async function insertPromise(
  db: Db,
  p: Omit<PromiseRow, 'id'> & { createdBy: number; createdAt: string },
): Promise<number> {
  const r = await db
    .insertInto('collection_promises')
    .values({
      loan_id: p.loanId,
      made_on: p.madeOn,
      promised_on: p.promisedOn,
      amount: p.amount,
      created_by: p.createdBy,
      created_at: p.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return r.id
}

/** Promises of the loans (all loans when `loanIds` is null), oldest first. */
export async function listPromises(db: Db, loanIds: readonly number[] | null): Promise<PromiseRow[]> {
  if (loanIds && loanIds.length === 0) return []
  let q = db.selectFrom('collection_promises').select(['id', 'loan_id', 'made_on', 'promised_on', 'amount'])
  if (loanIds) q = q.where('loan_id', 'in', loanIds)
  const rs = await q.orderBy('loan_id').orderBy('made_on').orderBy('id').execute()
  return rs.map((r) => ({
    id: r.id,
    loanId: r.loan_id,
    madeOn: r.made_on,
    promisedOn: r.promised_on,
    amount: r.amount,
  }))
}

/** Posted (not reversed) repayments per loan, for deciding promises. */
export async function paidEvents(db: Db, loanIds: readonly number[]): Promise<Map<number, PaidEvent[]>> {
  const out = new Map<number, PaidEvent[]>()
  if (loanIds.length === 0) return out
  const rs = await db
    .selectFrom('repayments')
    .select(['loan_id', 'paid_date', 'amount'])
    .where('loan_id', 'in', loanIds)
    .where('status', '=', 'posted')
    .where('kind', '!=', 'restructure')
    .orderBy('paid_date')
    .execute()
  for (const r of rs) {
    const list = out.get(r.loan_id) ?? []
    list.push({ date: r.paid_date, amount: r.amount })
    out.set(r.loan_id, list)
  }
  return out
}

/** Active loans' ids among `loanIds` (all active loans when null). */
export async function activeLoanIds(db: Db, loanIds: readonly number[] | null): Promise<Set<number>> {
  let q = db.selectFrom('loans').select('id').where('status', '=', 'active')
  if (loanIds) {
    if (loanIds.length === 0) return new Set()
    q = q.where('id', 'in', loanIds)
  }
  return new Set((await q.execute()).map((r) => r.id))
}

export interface Flags {
  acceleratedOn: string | null
  acceleratedReason: string | null
  litigationOn: string | null
  litigationReason: string | null
}
const NO_FLAGS: Flags = { acceleratedOn: null, acceleratedReason: null, litigationOn: null, litigationReason: null }

export async function flagsOf(db: Db, loanIds: readonly number[]): Promise<Map<number, Flags>> {
  const out = new Map<number, Flags>()
  if (loanIds.length === 0) return out
  const rs = await db.selectFrom('collection_flags').selectAll().where('loan_id', 'in', loanIds).execute()
  for (const r of rs) {
    out.set(r.loan_id, {
      acceleratedOn: r.accelerated_on,
      acceleratedReason: r.accelerated_reason,
      litigationOn: r.litigation_on,
      litigationReason: r.litigation_reason,
    })
  }
  return out
}

export async function flagOf(db: Db, loanId: number): Promise<Flags> {
  return (await flagsOf(db, [loanId])).get(loanId) ?? { ...NO_FLAGS }
}

/** Sets acceleration or litigation on a loan (upsert of its flags row). */
export async function setFlag(
  db: Db,
  loanId: number,
  kind: 'accelerated' | 'litigation',
  on: string,
  reason: string,
  by: number,
  at: string,
): Promise<void> {
  const cols =
    kind === 'accelerated'
      ? { accelerated_on: on, accelerated_reason: reason }
      : { litigation_on: on, litigation_reason: reason }
  await db
    .insertInto('collection_flags')
    .values({ loan_id: loanId, ...cols, updated_by: by, updated_at: at })
    .onConflict((oc) => oc.column('loan_id').doUpdateSet({ ...cols, updated_by: by, updated_at: at }))
    .execute()
}

/** Settings of the area, raw strings by key (prefix `collections.`). */
export async function readSettings(db: Db): Promise<Map<string, string>> {
  const rs = await db.selectFrom('settings').select(['key', 'value']).where('key', 'like', 'collections.%').execute()
  return new Map(rs.map((r) => [r.key, r.value]))
}

export async function writeSetting(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute()
}

export interface LoanParty {
  id: number
  contractNo: string
  borrowerName: string
  village: string | null
  officerId: number
  officerName: string
  customerClass: string | null
}

/** Borrower, village, officer and class of the loans. */
export async function loanParties(db: Db, loanIds: readonly number[]): Promise<Map<number, LoanParty>> {
  const out = new Map<number, LoanParty>()
  for (let i = 0; i < loanIds.length; i += 500) {
    const rs = await db
      .selectFrom('loans as l')
      .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
      .leftJoin('users as u', 'u.id', 'l.officer_id')
      .select(['l.id', 'l.contract_no', 'b.name', 'b.village', 'l.officer_id', 'u.display_name', 'b.customer_class'])
      .where('l.id', 'in', loanIds.slice(i, i + 500))
      .execute()
    for (const r of rs)
      out.set(r.id, {
        id: r.id,
        contractNo: r.contract_no,
        borrowerName: r.name,
        village: r.village,
        officerId: r.officer_id,
        officerName: r.display_name ?? '',
        customerClass: r.customer_class,
      })
  }
  return out
}

/** Guarantors of a loan (names, for the contact form). */
export async function guarantorNames(db: Db, loanId: number): Promise<string[]> {
  return (await db.selectFrom('guarantors').select('name').where('loan_id', '=', loanId).orderBy('id').execute()).map(
    (r) => r.name,
  )
}

/** Which loans the worklist covers as of today, from loan_state (made current by ensureLoanStates). */
export interface WorklistFilter {
  today: string
  /** Last day of the due-soon window: C-class loans with an installment due by then come in. */
  soon: string
  officerId: number | null
  village: string | null
}

function worklistWhere(f: WorklistFilter) {
  return sql`from loan_state s
    join loans l on l.id = s.loan_id
    join borrowers b on b.id = l.borrower_id
    where l.status = 'active'
      and (s.oldest_unpaid_due < ${f.today} or (s.oldest_unpaid_due <= ${f.soon} and b.customer_class = 'C'))
      ${f.officerId === null ? sql`` : sql`and l.officer_id = ${f.officerId}`}
      ${f.village === null ? sql`` : sql`and b.village = ${f.village}`}`
}

/**
 * Loans on today's worklist, most days overdue first (oldest unpaid due date, then loan id): the
 * total and the ids of one page. DPD = today − oldest unpaid due date, so this order is DPD descending.
 */
export async function worklistPage(
  db: Db,
  f: WorklistFilter,
  page: { offset: number; limit: number },
): Promise<{ total: number; ids: number[] }> {
  const where = worklistWhere(f)
  const total = (await sql<{ n: number }>`select count(*) as n ${where}`.execute(db)).rows[0]!.n
  const ids = (
    await sql<{ id: number }>`select s.loan_id as id ${where}
      order by s.oldest_unpaid_due, s.loan_id limit ${page.limit} offset ${page.offset}`.execute(db)
  ).rows.map((r) => r.id)
  return { total, ids }
}

/** Every loan id on today's worklist, in worklist order (for "select all"). */
export async function worklistIds(db: Db, f: WorklistFilter): Promise<number[]> {
  return (
    await sql<{
      id: number
    }>`select s.loan_id as id ${worklistWhere(f)} order by s.oldest_unpaid_due, s.loan_id`.execute(db)
  ).rows.map((r) => r.id)
}
