// The monthly 贷后管理报告: quality at this and last month-end, the migration between them, the
// month's business, warnings, inspections and collection work, loans of concern and the manager's commentary.
import type { MonthlyView, ReportRow, ReportSection } from '../../../shared/api/reports'
import { type Category, addDays, addMonths, categoryRank } from '../../../shared/domain'
import type { Ctx } from '../context'
import { scopeOfficer } from '../scope'
import { type Period, closedIn, collectedIn, contactsIn, disbursedIn, findCommentary, loanLabels } from './monthly-repo'
import { collectionFigures, inspectionFigures, warningFigures } from './activity-repo'
import { decisionsInForce } from '../risk/classification-repo'
import {
  type ReportLoan,
  categoryInForce,
  migrationBetween,
  migrationOf,
  qualityOf,
  qualityReport,
  reportLoans,
} from './quality'
import { snapshotAt } from './reports-repo'
import { type SnapshotRow, decidedSnapshotRows, worstSnapshotRows } from './snapshot-aggregates-repo'

/** First and last day of a month: monthRange('2024-02') = ['2024-02-01', '2024-02-29']. */
export function monthRange(month: string): [string, string] {
  const first = `${month}-01`
  return [first, addDays(addMonths(first, 1), -1)]
}

const fen = (label: string, value: number): ReportRow => ({ label, value, unit: 'fen' })
const count = (label: string, value: number): ReportRow => ({ label, value, unit: 'count' })

async function activity(ctx: Ctx, p: Period): Promise<ReportSection> {
  const [out, paid, recovered, settled, writtenOff] = await Promise.all([
    disbursedIn(ctx.db, p),
    collectedIn(ctx.db, p, 'repayment'),
    collectedIn(ctx.db, p, 'recovery'),
    closedIn(ctx.db, p, 'settled'),
    closedIn(ctx.db, p, 'written_off'),
  ])
  return {
    key: 'activity',
    title: '本月业务',
    rows: [
      count('新发放贷款（笔）', out.count),
      fen('新发放贷款金额', out.amount),
      count('收回还款（笔）', paid.count),
      fen('收回还款金额', paid.amount),
      count('结清贷款（笔）', settled.count),
      count('核销贷款（笔）', writtenOff.count),
      fen('核销本金', writtenOff.amount),
      count('核销后收回（笔）', recovered.count),
      fen('核销后收回金额', recovered.amount),
    ],
  }
}

async function contacts(ctx: Ctx, p: Period, overdueLoans: number): Promise<ReportSection> {
  const c = await contactsIn(ctx.db, p)
  return {
    key: 'contacts',
    title: '催收与联系',
    rows: [
      count('月末逾期贷款（笔）', overdueLoans),
      count('联系记录（次）', c.contacts),
      count('联系涉及贷款（笔）', c.loans),
    ],
  }
}

async function monitoring(ctx: Ctx, p: Period): Promise<ReportSection[]> {
  const [w, i, c] = [
    await warningFigures(ctx.db, p),
    await inspectionFigures(ctx.db, p),
    await collectionFigures(ctx.db, p),
  ]
  return [
    {
      key: 'warnings',
      title: '风险预警',
      rows: [
        count('新增预警（条）', w.opened),
        count('人工处置关闭（条）', w.closedByHand),
        count('条件消除自动解除（条）', w.resolved),
        count('月末未关闭红色预警（条）', w.redOpenAtEnd),
      ],
    },
    {
      key: 'inspections',
      title: '贷后检查',
      rows: [count('完成检查（次）', i.done), count('主管已复核（次）', i.reviewed)],
    },
    {
      key: 'collections',
      title: '催收通知与承诺',
      rows: [
        count('还款承诺（笔）', c.promises),
        count('出具催收通知书（份）', c.notices),
        count('通知书送达（份）', c.served),
        count('回执收回（份）', c.returned),
      ],
    },
  ]
}

/** Worst first: category, then DPD, then balance, then the older loan. */
const worstFirst = (a: ReportLoan, b: ReportLoan) =>
  categoryRank(b.category) - categoryRank(a.category) || b.dpd - a.dpd || b.balance - a.balance || a.loanId - b.loanId

/** The 10 worst overdue loans on the month-end, with their labels. */
async function concerns(ctx: Ctx, loans: readonly ReportLoan[]): Promise<MonthlyView['concerns']> {
  const worst = loans
    .filter((l) => l.dpd > 0)
    .sort(worstFirst)
    .slice(0, 10)
  const labels = await loanLabels(
    ctx.db,
    worst.map((l) => l.loanId),
  )
  return worst.map((l) => ({
    loanId: l.loanId,
    dpd: l.dpd,
    category: l.category,
    balance: l.balance,
    ...labels.get(l.loanId)!,
  }))
}

/**
 * The worst overdue loans of a snapshot: the 10 worst undecided ones (sorted in SQL) and every
 * decided one (category = the decision, never below the floor) are the only candidates.
 */
async function snapshotConcerns(ctx: Ctx, asOf: string, snapshotId: number): Promise<ReportLoan[]> {
  const f = { snapshotId, officerId: scopeOfficer(ctx) }
  const decided = await decisionsInForce(ctx.db, asOf)
  const loan = (r: SnapshotRow, category: Category): ReportLoan => ({
    loanId: r.loanId,
    category,
    bucket: r.bucket,
    dpd: r.dpd,
    balance: r.balance,
  })
  return [
    ...(await worstSnapshotRows(ctx.db, f, asOf, 10)).map((r) =>
      loan(r, categoryInForce(r.floor, r.category ?? undefined)),
    ),
    ...(await decidedSnapshotRows(ctx.db, f, asOf))
      .filter((r) => r.dpd > 0)
      .map((r) => loan(r, categoryInForce(r.floor, decided.get(r.loanId)))),
  ]
}

/** Quality of both month-ends, the migration between them and the candidates for loans of concern. */
async function monthEnds(ctx: Ctx, asOf: string, previousAsOf: string) {
  const [a, b] = [await snapshotAt(ctx.db, previousAsOf), await snapshotAt(ctx.db, asOf)]
  if (a !== null && b !== null) {
    // Both month-ends were snapshotted (the month-end run): grouped in SQL, never 200k rows in JS.
    const quality = await qualityReport(ctx, asOf, {})
    return {
      quality,
      previous: await qualityReport(ctx, previousAsOf, {}),
      migration: await migrationOf(ctx, previousAsOf, asOf),
      // The bucket is bucketOf(DPD): every bucket but M0 is overdue.
      overdue: quality.byBucket.reduce((n, x) => n + (x.bucket === 'M0' ? 0 : x.count), 0),
      candidates: await snapshotConcerns(ctx, asOf, b),
    }
  }
  const [now, before] = [await reportLoans(ctx, asOf, {}), await reportLoans(ctx, previousAsOf, {})]
  return {
    quality: qualityOf(asOf, now),
    previous: qualityOf(previousAsOf, before),
    migration: migrationBetween(before, now),
    overdue: now.filter((l) => l.dpd > 0).length,
    candidates: now,
  }
}

/** Compiles the month's report in the caller's scope. */
export async function monthlyReport(ctx: Ctx, month: string): Promise<MonthlyView> {
  const [from, asOf] = monthRange(month)
  const previousAsOf = addDays(from, -1)
  const period: Period = { from, to: asOf, officerId: scopeOfficer(ctx) }
  const ends = await monthEnds(ctx, asOf, previousAsOf)
  const sections = [
    await activity(ctx, period),
    await contacts(ctx, period, ends.overdue),
    ...(await monitoring(ctx, period)),
  ]
  const note = await findCommentary(ctx.db, month)
  return {
    month,
    asOf,
    previousAsOf,
    quality: ends.quality,
    previous: ends.previous,
    migration: ends.migration,
    sections,
    concerns: await concerns(ctx, ends.candidates),
    commentary: note ? { text: note.commentary, updatedBy: note.display_name, updatedAt: note.updated_at } : null,
  }
}
