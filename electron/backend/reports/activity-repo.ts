// The month's monitoring work for the 贷后管理报告: warnings (risk), inspections, collections.
import type {} from '../db/schema-collections'
import type {} from '../db/schema-inspections'
import type {} from '../db/schema-risk'
import type { Db } from '../db/types'
import type { Period } from './monthly-repo'

type Counted = Promise<number>

/** Counts rows of `table` (joined to loans for the officer scope) where `dateCol` lies in the period. */
async function countIn(
  db: Db,
  p: Period,
  table: 'risk_warnings' | 'inspections' | 'collection_promises' | 'collection_notices',
  dateCol: string,
  extra?: { col: string; op: '=' | 'in'; value: unknown },
): Counted {
  let q = db
    .selectFrom(`${table} as t` as 'risk_warnings as t')
    .innerJoin('loans as l', 'l.id', 't.loan_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(`t.${dateCol}` as 't.opened_on', '>=', p.from)
    .where(`t.${dateCol}` as 't.opened_on', '<=', p.to)
  if (extra) q = q.where(`t.${extra.col}` as 't.status', extra.op, extra.value as never)
  if (p.officerId !== null) q = q.where('l.officer_id', '=', p.officerId)
  return Number((await q.executeTakeFirstOrThrow()).n)
}

/** Warnings opened and closed in the period, and red warnings still open at its end. */
export async function warningFigures(db: Db, p: Period) {
  let red = db
    .selectFrom('risk_warnings as w')
    .innerJoin('loans as l', 'l.id', 'w.loan_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('w.level', '=', 'red')
    .where('w.opened_on', '<=', p.to)
    .where((eb) => eb.or([eb('w.closed_on', 'is', null), eb('w.closed_on', '>', p.to)]))
  if (p.officerId !== null) red = red.where('l.officer_id', '=', p.officerId)
  return {
    opened: await countIn(db, p, 'risk_warnings', 'opened_on'),
    closedByHand: await countIn(db, p, 'risk_warnings', 'closed_on', { col: 'close_kind', op: '=', value: 'manual' }),
    resolved: await countIn(db, p, 'risk_warnings', 'closed_on', { col: 'close_kind', op: '=', value: 'auto' }),
    redOpenAtEnd: Number((await red.executeTakeFirstOrThrow()).n),
  }
}

/** Inspections carried out in the period (submitted or further) and those reviewed by a manager. */
export async function inspectionFigures(db: Db, p: Period) {
  return {
    done: await countIn(db, p, 'inspections', 'inspected_on', {
      col: 'status',
      op: 'in',
      value: ['submitted', 'confirmed', 'reviewed'],
    }),
    reviewed: await countIn(db, p, 'inspections', 'inspected_on', { col: 'status', op: '=', value: 'reviewed' }),
  }
}

/** Promises made, notices issued, served and with the 回执 returned in the period. */
export async function collectionFigures(db: Db, p: Period) {
  return {
    promises: await countIn(db, p, 'collection_promises', 'made_on'),
    notices: await countIn(db, p, 'collection_notices', 'as_of'),
    served: await countIn(db, p, 'collection_notices', 'served_on'),
    returned: await countIn(db, p, 'collection_notices', 'returned_on'),
  }
}
