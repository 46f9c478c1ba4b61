// Officer KPIs (考核, 贷后责任): per officer over a period, the process figures a manager steers by.
// Each loan counts for its officer of record (loans.officer_id). Definitions, as the tests check them:
// - inspections on time: routine checks planned (the `next_date` of a completed check) within the
//   period; on time when a later completed check was made on or before the planned day.
// - first checks: loans whose 30-day deadline (disbursement + 30 days, DOMAIN §8) falls in the period;
//   on time when a completed 首次检查 was made by the deadline.
// - warnings handled: warnings opened in the period; handled when an action was recorded or it was
//   closed by hand within N days of opening. A warning the evaluation closed by itself within N days
//   without any action (the condition cleared) needed no work and is left out.
// - contacts per overdue loan: contacts logged in the period ÷ loans overdue at the period end.
// - promises kept: promises falling due in the period, kept ÷ (kept + broken) as of the period end.
// - overdue rate and NPL ratio: of the officer's own loans at the period end (reports.quality rules).
// - recoveries: 核销后收回 posted in the period.
import type { KpiIssue, KpiRow, OfficerKpiView } from '../../../shared/api/reports'
import { AppError } from '../../../shared/api'
import { type Category, addDays, formatFen, isNonPerforming, ratio } from '../../../shared/domain'
import type { Ctx } from '../context'
import { scopeOfficer } from '../scope'
import { promisesWithStatus } from '../collections/promises'
import {
  contactsPerLoan,
  firstChecks,
  loanOfficers,
  loansWithPromisesDue,
  officerNames,
  type OfficerTotals,
  plannedChecks,
  recoveriesByOfficer,
  snapshotOfficerTotals,
  snapshotRowsOf,
  warningsOpened,
} from './kpis-repo'
import { loanLabels, type Period } from './monthly-repo'
import { categoryInForce, reportLoans, type ReportLoan } from './quality'
import { snapshotAt } from './reports-repo'
import { decisionsInForce } from '../risk/classification-repo'

/** Days after disbursement by which the first check is due (DOMAIN §8: 15–30 days). */
export const FIRST_CHECK_DAYS = 30

export interface KpiInput {
  from: string
  to: string
  warningDays: number
}

type Tally = Omit<KpiRow, 'rank' | 'officerId' | 'officerName' | `${string}Rate` | 'score' | 'nplRatio'>
type Issue = { issue: KpiIssue; loanId: number; date: string; amount: number | null; detail: string }

const zero = (): Tally => ({
  loans: 0,
  balance: 0,
  inspectionsDue: 0,
  inspectionsOnTime: 0,
  firstChecksDue: 0,
  firstChecksOnTime: 0,
  warnings: 0,
  warningsHandled: 0,
  contacts: 0,
  overdueLoans: 0,
  contactsPerOverdueLoan: null,
  promisesDue: 0,
  promisesKept: 0,
  overdueBalance: 0,
  nplBalance: 0,
  recoveries: 0,
})

const rateOf = (part: number, whole: number) => (whole === 0 ? null : ratio(part, whole))

/**
 * Per-officer period-end totals from the snapshot of `asOf`, corrected for loans whose category in
 * force comes from an approved decision (categoryInForce, as reports.quality applies it).
 */
async function totalsAt(ctx: Ctx, snapshot: number, asOf: string, officerId: number | null): Promise<OfficerTotals[]> {
  const totals = await snapshotOfficerTotals(ctx.db, snapshot, officerId)
  const decided = await decisionsInForce(ctx.db, asOf)
  if (decided.size === 0) return totals
  const byOfficer = new Map(totals.map((t) => [t.officerId, t]))
  for (const r of await snapshotRowsOf(ctx.db, snapshot, [...decided.keys()])) {
    const t = byOfficer.get(r.officerId)
    if (!t) continue
    const floor = r.floor as Category
    const recorded = categoryInForce(floor, (r.category as Category | null) ?? undefined)
    const inForce = categoryInForce(floor, decided.get(r.loanId))
    t.nplBalance += (isNonPerforming(inForce) ? r.balance : 0) - (isNonPerforming(recorded) ? r.balance : 0)
  }
  return totals
}

/**
 * Everything the KPI figures are made of, for one officer or all in scope. The period-end figures
 * come per loan (the drill-down lists them) or, for the whole table when a month-end snapshot of
 * `to` exists, as one grouped read per officer (`totals`) instead of loading every loan.
 */
async function gather(ctx: Ctx, input: KpiInput, officerId: number | null, perLoan: boolean) {
  const p: Period = { from: input.from, to: input.to, officerId }
  const snapshot = perLoan ? null : await snapshotAt(ctx.db, input.to)
  const totals = snapshot === null ? null : await totalsAt(ctx, snapshot, input.to, officerId)
  const atEnd: ReportLoan[] =
    totals !== null ? [] : await reportLoans(ctx, input.to, officerId === null ? {} : { officerId })
  // Report loans carry no officer: one officer's are that officer's, otherwise look them up.
  const owners = officerId === null && atEnd.length > 0 ? await loanOfficers(ctx.db, null) : null
  const promiseLoans = await loansWithPromisesDue(ctx.db, p)
  const promises = await promisesWithStatus(ctx.db, [...promiseLoans.keys()], input.to)
  return {
    ownerOf: (loanId: number) => owners?.get(loanId) ?? officerId ?? 0,
    promiseLoans,
    atEnd,
    totals,
    planned: await plannedChecks(ctx.db, p),
    // Deadline disbursement + 30 in [from, to] ⇔ disbursed in [from − 30, to − 30].
    first: await firstChecks(ctx.db, {
      from: addDays(input.from, -FIRST_CHECK_DAYS),
      to: addDays(input.to, -FIRST_CHECK_DAYS),
      officerId,
    }),
    warnings: await warningsOpened(ctx.db, p),
    contacts: await contactsPerLoan(ctx.db, p),
    promises,
    recoveries: await recoveriesByOfficer(ctx.db, p),
  }
}

/** Tallies per officer and the issues (loans behind figures that fell short) per officer. */
function tally(input: KpiInput, g: Awaited<ReturnType<typeof gather>>) {
  const rows = new Map<number, Tally>()
  const issues = new Map<number, Issue[]>()
  const row = (officerId: number) => rows.get(officerId) ?? rows.set(officerId, zero()).get(officerId)!
  const flag = (officerId: number, i: Issue) =>
    (issues.get(officerId) ?? issues.set(officerId, []).get(officerId)!).push(i)

  for (const c of g.planned) {
    const r = row(c.officerId)
    r.inspectionsDue++
    if (c.doneOn !== null && c.doneOn <= c.planned) r.inspectionsOnTime++
    else
      flag(c.officerId, {
        issue: 'inspection_late',
        loanId: c.loanId,
        date: c.planned,
        amount: null,
        detail: c.doneOn ?? '',
      })
  }
  for (const f of g.first) {
    const deadline = addDays(f.disbursed, FIRST_CHECK_DAYS)
    const r = row(f.officerId)
    r.firstChecksDue++
    if (f.checkedOn !== null && f.checkedOn <= deadline) r.firstChecksOnTime++
    else
      flag(f.officerId, {
        issue: 'first_check_late',
        loanId: f.loanId,
        date: deadline,
        amount: null,
        detail: f.checkedOn ?? '',
      })
  }
  for (const w of g.warnings) {
    const by = addDays(w.openedOn, input.warningDays)
    const acted = w.firstActionOn !== null && w.firstActionOn <= by
    const closedByHand = w.closeKind === 'manual' && w.closedOn !== null && w.closedOn <= by
    const clearedItself = w.closeKind === 'auto' && w.closedOn !== null && w.closedOn <= by
    if (!acted && !closedByHand && clearedItself) continue
    const r = row(w.officerId)
    r.warnings++
    if (acted || closedByHand) r.warningsHandled++
    else
      flag(w.officerId, {
        issue: 'warning_unhandled',
        loanId: w.loanId,
        date: w.openedOn,
        amount: null,
        detail: w.detail,
      })
  }
  for (const t of g.totals ?? []) {
    const r = row(t.officerId)
    r.loans += t.loans
    r.balance += t.balance
    r.overdueLoans += t.overdueLoans
    r.overdueBalance += t.overdueBalance
    r.nplBalance += t.nplBalance
  }
  for (const l of g.atEnd) {
    const officerId = g.ownerOf(l.loanId)
    const r = row(officerId)
    r.loans++
    r.balance += l.balance
    if (l.dpd > 0) {
      r.overdueLoans++
      r.overdueBalance += l.balance
      if (!g.contacts.has(l.loanId)) {
        flag(officerId, {
          issue: 'overdue_uncontacted',
          loanId: l.loanId,
          date: input.to,
          amount: l.balance,
          detail: String(l.dpd),
        })
      }
    }
    if (isNonPerforming(l.category)) {
      r.nplBalance += l.balance
      flag(officerId, { issue: 'npl', loanId: l.loanId, date: input.to, amount: l.balance, detail: l.category })
    }
  }
  for (const c of g.contacts.values()) row(c.officerId).contacts += c.n
  for (const [loanId, list] of g.promises) {
    const officerId = g.promiseLoans.get(loanId)
    if (officerId === undefined) continue
    for (const pr of list) {
      if (pr.promisedOn < input.from || pr.promisedOn > input.to || pr.status === 'open') continue
      const r = row(officerId)
      r.promisesDue++
      if (pr.status === 'kept') r.promisesKept++
      else
        flag(officerId, {
          issue: 'promise_broken',
          loanId,
          date: pr.promisedOn,
          amount: pr.amount,
          detail: formatFen(pr.amount),
        })
    }
  }
  for (const [officerId, amount] of g.recoveries) row(officerId).recoveries += amount
  return { rows, issues }
}

/** The finished row: rates as 4-place decimal strings, and the ranking score. */
function finish(officerId: number, officerName: string, t: Tally): KpiRow {
  const rates = {
    inspectionsOnTimeRate: rateOf(t.inspectionsOnTime, t.inspectionsDue),
    firstCheckRate: rateOf(t.firstChecksOnTime, t.firstChecksDue),
    warningsHandledRate: rateOf(t.warningsHandled, t.warnings),
    promisesKeptRate: rateOf(t.promisesKept, t.promisesDue),
  }
  // Score = mean of the process rates present, computed on the 4-place strings as integers (1 = 10000).
  const present = Object.values(rates).filter((r): r is string => r !== null)
  const sum = present.reduce((s, r) => s + Math.round(Number(r) * 10000), 0)
  return {
    rank: 0,
    officerId,
    officerName,
    ...t,
    ...rates,
    contactsPerOverdueLoan: rateOf(t.contacts, t.overdueLoans),
    overdueRate: ratio(t.overdueBalance, t.balance),
    nplRatio: ratio(t.nplBalance, t.balance),
    score: present.length === 0 ? null : ratio(sum, present.length * 10000),
  }
}

/** Best first: higher score (no score last), then lower NPL ratio, then lower overdue rate, then name. */
function rank(rows: KpiRow[]): KpiRow[] {
  const s = (r: KpiRow) => (r.score === null ? -1 : Number(r.score))
  rows.sort(
    (a, b) =>
      s(b) - s(a) ||
      Number(a.nplRatio) - Number(b.nplRatio) ||
      Number(a.overdueRate) - Number(b.overdueRate) ||
      a.officerId - b.officerId,
  )
  rows.forEach((r, i) => (r.rank = i + 1))
  return rows
}

/** The ranked KPI table in the caller's scope (an officer sees only the own row). */
export async function kpiTable(ctx: Ctx, input: KpiInput): Promise<KpiRow[]> {
  const scope = scopeOfficer(ctx)
  const names = await officerNames(ctx.db, scope)
  const { rows } = tally(input, await gather(ctx, input, scope, false))
  const ids = new Set([...names.keys(), ...rows.keys()])
  return rank([...ids].map((id) => finish(id, names.get(id) ?? `#${id}`, rows.get(id) ?? zero())))
}

const ISSUE_ORDER: readonly KpiIssue[] = [
  'npl',
  'promise_broken',
  'warning_unhandled',
  'overdue_uncontacted',
  'first_check_late',
  'inspection_late',
]

/** One officer's figures (rank among the caller's scope) and the loans behind the weak ones. */
export async function officerKpis(ctx: Ctx, input: KpiInput & { officerId: number }): Promise<OfficerKpiView> {
  const scope = scopeOfficer(ctx)
  if (scope !== null && scope !== input.officerId) throw new AppError('NOT_FOUND', '该信贷员不存在或不在您的查看范围内')
  const table = await kpiTable(ctx, input)
  const row = table.find((r) => r.officerId === input.officerId)
  if (!row) throw new AppError('NOT_FOUND', '该信贷员不存在或不在您的查看范围内')
  const { issues } = tally(input, await gather(ctx, input, input.officerId, true))
  const list = (issues.get(input.officerId) ?? []).sort(
    (a, b) =>
      ISSUE_ORDER.indexOf(a.issue) - ISSUE_ORDER.indexOf(b.issue) || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0),
  )
  const labels = await loanLabels(ctx.db, [...new Set(list.map((i) => i.loanId))])
  return {
    from: input.from,
    to: input.to,
    warningDays: input.warningDays,
    row,
    items: list.map((i) => ({
      ...i,
      contractNo: labels.get(i.loanId)?.contractNo ?? '',
      borrowerName: labels.get(i.loanId)?.borrowerName ?? '',
    })),
  }
}
