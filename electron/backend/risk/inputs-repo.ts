// What the warning rules and clocks read besides the portfolio scan: clock inputs, guarantees,
// collateral values, guarantee links, extensions and their consents, households. The readers the
// evaluation runs over every active loan use cached raw statements (hot path, one pass each).
import type {} from '../db/schema-risk'
import type {} from '../db/schema-servicing'
import type { Db } from '../db/types'
import { addDays } from '../../../shared/domain'
import { loadSettings as loadInspectionSettings } from '../inspections/schedule-repo'
import { bareScan } from '../servicing/scan-repo'
import { stmt } from '../servicing/servicing-repo'
import { decisionsInForce } from './classification-repo'
import { RISK_SCAN } from './evaluation'

/** 诉讼时效 inputs of a loan as of a date: last due date in force, last posted payment, last interrupting event. */
export interface LimitationInput {
  loanId: number
  lastDue: string | null
  lastPaid: string | null
  lastEvent: string | null
}

/**
 * Clock inputs of every active or written-off loan (核销 debts still run), or of one loan, or (with
 * `status`) of every loan in that status. Due dates rise with seq: the last row is the last due.
 */
export async function limitationInputs(
  db: Db,
  asOf: string,
  loanId?: number,
  status?: 'active' | 'written_off',
): Promise<LimitationInput[]> {
  const where =
    loanId !== undefined
      ? 'l.id = @loanId'
      : status !== undefined
        ? 'l.status = @status'
        : `l.status in ('active', 'written_off')`
  const rows = stmt(
    db,
    `select l.id,
      (select i.due_date from plan_installments i where i.plan_version_id = (select v.id from loan_plan_versions v
        where v.loan_id = l.id and v.status = 'active' and v.effective_date <= @asOf order by v.version desc limit 1)
        order by i.seq desc limit 1),
      (select max(r.paid_date) from repayments r where r.loan_id = l.id and r.status = 'posted' and r.paid_date <= @asOf),
      (select max(e.occurred_on) from limitation_events e where e.loan_id = l.id and e.guarantor_id is null
        and e.kind in ('demand_signed', 'acknowledgement', 'public_notice') and e.occurred_on <= @asOf)
    from loans l where ${where}`,
  )
    .raw()
    .all({ asOf, ...(loanId !== undefined ? { loanId } : status !== undefined ? { status } : {}) }) as [
    number,
    string | null,
    string | null,
    string | null,
  ][]
  return rows.map(([id, lastDue, lastPaid, lastEvent]) => ({ loanId: id, lastDue, lastPaid, lastEvent }))
}

/** Each restart of one loan's clock: posted payments and recorded events, with evidence. */
export async function limitationRestarts(db: Db, loanId: number, asOf: string) {
  const pays = await db
    .selectFrom('repayments')
    .select(['paid_date', 'amount', 'channel', 'receipt_no'])
    .where('loan_id', '=', loanId)
    .where('status', '=', 'posted')
    .where('paid_date', '<=', asOf)
    .orderBy('paid_date')
    .execute()
  const events = await db
    .selectFrom('limitation_events')
    .select(['occurred_on', 'kind', 'evidence', 'guarantor_id'])
    .where('loan_id', '=', loanId)
    .where('occurred_on', '<=', asOf)
    .orderBy('occurred_on')
    .execute()
  return { pays, events }
}

/** A guarantee of an active loan with what its 保证期间 depends on. */
export interface GuaranteeInput {
  guarantorId: number
  loanId: number
  borrowerId: number | null
  name: string
  mode: string
  periodEnd: string
  /** Last due date of the first plan version: the principal debt's due date as agreed. */
  originalDue: string | null
  /** The loan's maturity now (moved by an extension). */
  maturityDate: string
  /** The guarantor consented in writing to an extension (民法典 695): the new maturity binds them. */
  consentedToExtension: boolean
  demandedOn: string | null
}

/** Guarantees of active loans (or of one loan, whatever its status). Due dates rise with seq: the last row is the last due. */
export async function guaranteeInputs(db: Db, loanId?: number): Promise<GuaranteeInput[]> {
  const where = loanId === undefined ? `l.status = 'active'` : 'l.id = @loanId'
  const rows = stmt(
    db,
    `select g.id, g.loan_id, g.borrower_id, g.name, g.mode, g.period_end, l.maturity_date,
      (select i.due_date from plan_installments i where i.plan_version_id = (select v.id from loan_plan_versions v
        where v.loan_id = l.id and v.status = 'active' order by v.version limit 1) order by i.seq desc limit 1) as original_due,
      exists (select 1 from extension_consents c join loan_plan_versions v on v.id = c.plan_version_id
        where v.loan_id = l.id and c.guarantor_id = g.id and c.consented = 1) as consent,
      (select min(e.occurred_on) from limitation_events e where e.loan_id = l.id and e.guarantor_id = g.id and e.kind = 'guarantor_demand') as demanded
    from guarantors g join loans l on l.id = g.loan_id where ${where} order by g.loan_id, g.id`,
  )
    .raw()
    .all(loanId === undefined ? {} : { loanId }) as [
    number,
    number,
    number | null,
    string,
    string,
    string,
    string,
    string | null,
    number,
    string | null,
  ][]
  return rows.map((x) => ({
    guarantorId: x[0],
    loanId: x[1],
    borrowerId: x[2],
    name: x[3],
    mode: x[4],
    periodEnd: x[5],
    originalDue: x[7],
    maturityDate: x[6],
    consentedToExtension: x[8] === 1,
    demandedOn: x[9],
  }))
}

/** Collateral value per active loan on `asOf`: the latest valuation by then, else the appraisal (if appraised by then). */
export async function collateralValues(db: Db, asOf: string): Promise<Map<number, number>> {
  const rows = stmt(
    db,
    `select c.loan_id, sum(coalesce((select v.value from collateral_valuations v where v.collateral_id = c.id and v.valued_on <= @asOf
      order by v.valued_on desc, v.id desc limit 1), case when c.appraised_on <= @asOf then c.appraised_value else 0 end)) as value
    from collaterals c join loans l on l.id = c.loan_id where l.status = 'active' group by c.loan_id`,
  )
    .raw()
    .all({ asOf }) as [number, number][]
  return new Map(rows)
}

/** One guarantee link: the loan's borrower ← a guarantor who is a borrower too. */
export interface GuaranteeLinkRow {
  borrowerId: number
  guarantorBorrowerId: number
  loanId: number
  name: string
}

/** Guarantee links between borrowers on active loans: the loan's borrower ← a guarantor who is a borrower. */
export async function guaranteeLinks(db: Db): Promise<GuaranteeLinkRow[]> {
  const rows = stmt(
    db,
    `select l.borrower_id, g.borrower_id, g.loan_id, g.name from guarantors g join loans l on l.id = g.loan_id
    where l.status = 'active' and g.borrower_id is not null`,
  )
    .raw()
    .all() as [number, number, number, string][]
  return rows.map(([borrowerId, guarantorBorrowerId, loanId, name]) => ({
    borrowerId,
    guarantorBorrowerId,
    loanId,
    name,
  }))
}

/** Active extensions effective by the date on loans with guarantors who have not consented in writing. */
export async function extensionsWithoutConsent(
  db: Db,
  asOf: string,
): Promise<{ loanId: number; version: number; effectiveDate: string; name: string }[]> {
  const rows = stmt(
    db,
    `select v.loan_id, v.version, v.effective_date, g.name from loan_plan_versions v
      join loans l on l.id = v.loan_id join guarantors g on g.loan_id = l.id
    where l.status = 'active' and v.status = 'active' and v.reason = 'extension' and v.effective_date <= ?
      and not exists (select c.id from extension_consents c where c.plan_version_id = v.id and c.guarantor_id = g.id and c.consented = 1)
    order by v.loan_id`,
  )
    .raw()
    .all(asOf) as [number, number, string, string][]
  return rows.map(([loanId, version, effectiveDate, name]) => ({ loanId, version, effectiveDate, name }))
}
/** The latest active extension version of a loan, if any. */
export async function latestExtension(db: Db, loanId: number) {
  return db
    .selectFrom('loan_plan_versions')
    .select(['id', 'version'])
    .where('loan_id', '=', loanId)
    .where('status', '=', 'active')
    .where('reason', '=', 'extension')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** Records a guarantor's consent (or refusal) to an extension. */
export async function insertConsent(
  db: Db,
  c: {
    versionId: number
    guarantorId: number
    consented: boolean
    on: string
    evidence: string
    by: number
    now: string
  },
): Promise<void> {
  const v = {
    consented: c.consented ? 1 : 0,
    recorded_on: c.on,
    evidence: c.evidence,
    created_by: c.by,
    created_at: c.now,
  }
  await db
    .insertInto('extension_consents')
    .values({ plan_version_id: c.versionId, guarantor_id: c.guarantorId, ...v })
    .onConflict((oc) => oc.columns(['plan_version_id', 'guarantor_id']).doUpdateSet(v))
    .execute()
}

/** Household of each borrower in one. */
export async function householdOf(db: Db): Promise<Map<number, number>> {
  return new Map(stmt(db, 'select borrower_id, household_id from household_members').raw().all() as [number, number][])
}

/** Names of borrowers by id. */
export async function borrowerNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>()
  for (let k = 0; k < ids.length; k += 500) {
    const rows = await db
      .selectFrom('borrowers')
      .select(['id', 'name'])
      .where('id', 'in', ids.slice(k, k + 500))
      .execute()
    for (const r of rows) out.set(r.id, r.name)
  }
  return out
}

/** Records an event that restarts the 诉讼时效 or demands payment from a guarantor. */
export async function insertLimitationEvent(
  db: Db,
  e: {
    loanId: number
    guarantorId: number | null
    kind: 'acknowledgement' | 'demand_signed' | 'guarantor_demand'
    on: string
    evidence: string
    by: number
    now: string
  },
): Promise<void> {
  await db
    .insertInto('limitation_events')
    .values({
      loan_id: e.loanId,
      guarantor_id: e.guarantorId,
      kind: e.kind,
      occurred_on: e.on,
      evidence: e.evidence,
      notice_id: null,
      created_by: e.by,
      created_at: e.now,
    })
    .execute()
}

/** Stored customer class and decided category of a loan's borrower / loan. */
export async function loanClassAndCategory(db: Db, loanId: number) {
  return db
    .selectFrom('loans as l')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .select(['b.customer_class', 'l.category', 'l.borrower_id'])
    .where('l.id', '=', loanId)
    .executeTakeFirst()
}

/** True when at least one loan is active. */
export async function hasActiveLoans(db: Db): Promise<boolean> {
  return (
    (await db.selectFrom('loans').select('id').where('status', '=', 'active').limit(1).executeTakeFirst()) !== undefined
  )
}

/**
 * The risk bench's baseline: every row the full evaluation reads — the portfolio scan with heads
 * and clock inputs, each rule's inputs, and the rows the inspections area's two rules read —
 * decoded into JS values, with no evaluation at all.
 */
export async function bareRiskScan(db: Db, asOf: string): Promise<number> {
  const s = bareScan(db, RISK_SCAN(asOf))
  let n = s.loans + s.rows + s.payments
  n += (await limitationInputs(db, asOf, undefined, 'written_off')).length
  n += (await decisionsInForce(db, asOf)).size
  n += (await guaranteeInputs(db)).length
  n += (await collateralValues(db, asOf)).size
  n += (await guaranteeLinks(db)).length
  n += (await householdOf(db)).size
  n += (await extensionsWithoutConsent(db, asOf)).length
  // The inspections area's rules read these rows (first check missing; routine checks overdue).
  const cutoff = addDays(asOf, -(await loadInspectionSettings(db)).firstCheckMaxDays)
  n += stmt(
    db,
    `select l.id, l.disbursement_date from loans l where l.status = 'active' and l.disbursement_date < ?
      and not exists (select 1 from inspections i where i.loan_id = l.id and i.type = 'first'
        and i.status in ('confirmed','reviewed') and i.inspected_on <= ?) order by l.id`,
  )
    .raw()
    .all(cutoff, asOf).length
  n += stmt(
    db,
    `select d.loan_id, d.due_date, d.kind from inspection_due d join loans l on l.id = d.loan_id
      where l.status = 'active' and d.due_date < ? and d.kind <> 'first' order by d.loan_id`,
  )
    .raw()
    .all(asOf).length
  return n
}
