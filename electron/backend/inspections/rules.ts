// Warning rules contributed to risk's evaluation (shape agreed in "Already on main"): the loans
// for which the condition holds on `asOf`, with a zh-CN cause. The lead plugs them in.
import { sql } from 'kysely'
import { addDays, daysBetween } from '../../../shared/domain'
import type { Db } from '../db/types'
import { loadSettings } from './schedule-repo'
import type {} from '../db/schema-inspections'

/** First check (资金流向) not signed `firstCheckMaxDays` (30) days after disbursement (DOMAIN §8). */
export async function firstCheckMissingRule(db: Db, asOf: string): Promise<Array<{ loanId: number; detail: string }>> {
  const s = await loadSettings(db)
  const cutoff = addDays(asOf, -s.firstCheckMaxDays)
  const rows = await sql<{ id: number; disbursement_date: string }>`select l.id, l.disbursement_date from loans l
    where l.status = 'active' and l.disbursement_date < ${cutoff}
      and not exists (select 1 from inspections i where i.loan_id = l.id and i.type = 'first'
        and i.status in ('confirmed','reviewed') and i.inspected_on <= ${asOf})
    order by l.id`.execute(db)
  return rows.rows.map((r) => ({
    loanId: r.id,
    detail: `贷款于 ${r.disbursement_date} 发放，已 ${daysBetween(r.disbursement_date, asOf)} 天仍未完成首次检查（资金流向），应在发放后 ${s.firstCheckMaxDays} 天内完成`,
  }))
}

const KIND_LABELS: Record<string, string> = {
  first: '首次检查',
  routine: '定期检查',
  collateral: '抵质押物重估',
  special: '专项检查',
}

/**
 * A routine, collateral or special inspection due before `asOf` and not done (from the stored
 * schedule, refreshed on writes); a missing first check is `firstCheckMissingRule`'s warning.
 */
export async function inspectionOverdueRule(db: Db, asOf: string): Promise<Array<{ loanId: number; detail: string }>> {
  const rows = await db
    .selectFrom('inspection_due as d')
    .innerJoin('loans as l', 'l.id', 'd.loan_id')
    .select(['d.loan_id', 'd.due_date', 'd.kind'])
    .where('l.status', '=', 'active')
    .where('d.due_date', '<', asOf)
    .where('d.kind', '<>', 'first')
    .orderBy('d.loan_id')
    .execute()
  return rows.map((r) => ({
    loanId: r.loan_id,
    detail: `${KIND_LABELS[r.kind] ?? '贷后检查'}应于 ${r.due_date} 完成，已逾期 ${daysBetween(r.due_date, asOf)} 天`,
  }))
}
