// Plan versions (DOMAIN §2–§3): every change to a plan is a new version whose rows repeat the
// installments already due (history stays replayable) and replace the rest. 展期 extension,
// 重组 restructure, re-amortisation after a partial prepayment and 结清 settlement.
import {
  type CustomRowInput,
  type InterestBasis,
  type Method,
  type ReamortizeMode,
  type ScheduleRow,
  accrueInterest,
  addMonths,
  buildCustomSchedule,
  buildSchedule,
  invalid,
  parseYmd,
  reamortize,
} from '../domain'
import type { LoanEvaluation } from './evaluate'

/** Kinds of installment rows: scheduled, a prepaid principal slice, the settlement row. */
export type RowKind = 'regular' | 'prepayment' | 'settlement'

/** An installment row of a version as stored. */
export interface VersionRow {
  seq: number
  dueDate: string
  principal: number
  interest: number
  kind: RowKind
}

/** Plan methods of a loan: the domain's standard methods plus officer-entered custom rows. */
export type PlanMethod = Method | 'custom'

/** The first plan of a loan from its terms (custom rows for 'custom'). */
export function initialRows(i: {
  readonly principal: number
  readonly annualRate: string
  readonly termMonths: number
  readonly method: PlanMethod
  readonly startDate: string
  readonly dueDay?: number | null
  readonly interestBasis?: InterestBasis
  readonly customRows?: readonly CustomRowInput[]
}): VersionRow[] {
  const basis = i.interestBasis ? { interestBasis: i.interestBasis } : {}
  const s =
    i.method === 'custom'
      ? buildCustomSchedule({
          principal: i.principal,
          annualRate: i.annualRate,
          startDate: i.startDate,
          rows: i.customRows ?? [],
          ...basis,
        })
      : buildSchedule({
          principal: i.principal,
          annualRate: i.annualRate,
          termMonths: i.termMonths,
          method: i.method,
          startDate: i.startDate,
          ...(i.dueDay ? { dueDay: i.dueDay } : {}),
          ...basis,
        })
  return toVersionRows(s.rows, 1)
}

function toVersionRows(rows: readonly ScheduleRow[], firstSeq: number, kind: RowKind = 'regular'): VersionRow[] {
  return rows.map((r, k) => ({
    seq: firstSeq + k,
    dueDate: r.dueDate,
    principal: r.principal,
    interest: r.interest,
    kind,
  }))
}

/** Rows due on or before `date` (kept as-is), the last such due date, and the later regular rows. */
export function splitAt(rows: readonly VersionRow[], date: string, startDate: string) {
  const kept = rows.filter((r) => r.dueDate <= date)
  const later = rows.filter((r) => r.dueDate > date)
  const lastDue = kept.length > 0 ? kept[kept.length - 1]!.dueDate : startDate
  return { kept, later, lastDue }
}

/** Whole months from `from` to `to` by calendar (at least 1). */
export function monthsBetween(from: string, to: string): number {
  const a = parseYmd(from),
    b = parseYmd(to)
  if (!a || !b) return invalid('date', '日期无效')
  let m = (b[0] - a[0]) * 12 + (b[1] - a[1])
  if (addMonths(from, m) > to) m -= 1
  return Math.max(1, m)
}

/**
 * Partial prepayment on `date` of `principalPaid` (提前还本): rows due by then stay, a prepayment row
 * carries the principal plus its interest since the last due date, and the rest is re-amortised
 * (shorten term or lower payment). The new rows' principal sums to the outstanding after the prepayment.
 */
export function prepaymentRows(i: {
  readonly rows: readonly VersionRow[]
  readonly date: string
  readonly startDate: string
  readonly principalPaid: number
  readonly annualRate: string
  readonly method: PlanMethod
  readonly mode: ReamortizeMode
  readonly dueDay?: number | null
}): VersionRow[] {
  if (i.method !== 'annuity' && i.method !== 'equal_principal') {
    invalid('mode', '仅等额本息、等额本金贷款可部分提前还款并重算计划；其他还款方式请选择挂账或全部结清')
  }
  const { kept, later, lastDue } = splitAt(i.rows, i.date, i.startDate)
  const future = later.reduce((s, r) => s + r.principal, 0)
  if (i.principalPaid <= 0 || i.principalPaid >= future)
    invalid('amount', '提前还本金额须大于零且小于剩余本金（全部还清请办理结清）')
  const first = later[0]!
  const interest = accrueInterest({
    principal: i.principalPaid,
    annualRate: i.annualRate,
    from: lastDue,
    to: i.date,
  }).interest
  const slice: VersionRow = {
    seq: kept.length + 1,
    dueDate: i.date,
    principal: i.principalPaid,
    interest,
    kind: 'prepayment',
  }
  const current = i.method === 'annuity' ? first.principal + first.interest : first.principal
  const rest = reamortize({
    balance: future - i.principalPaid,
    annualRate: i.annualRate,
    method: i.method,
    mode: i.mode,
    fromDate: lastDue,
    remainingTerm: later.length,
    currentInstallment: current,
    ...(i.dueDay ? { dueDay: i.dueDay } : {}),
  })
  return [...kept, slice, ...toVersionRows(rest.rows, kept.length + 2)]
}

/** Interest on `principal` from the last due date to `date`, for prepayment and settlement rows. */
export function interestSince(
  rows: readonly VersionRow[],
  date: string,
  startDate: string,
  principal: number,
  annualRate: string,
): number {
  const { lastDue } = splitAt(rows, date, startDate)
  if (principal <= 0 || date <= lastDue) return 0
  return accrueInterest({ principal, annualRate, from: lastDue, to: date }).interest
}

/** 结清 settlement on `date`: rows due by then stay; one row takes all remaining principal + accrued interest. */
export function settlementRows(
  rows: readonly VersionRow[],
  ev: LoanEvaluation,
  date: string,
  startDate: string,
): VersionRow[] {
  const { kept, later } = splitAt(rows, date, startDate)
  const future = later.reduce((s, r) => s + r.principal, 0)
  if (future === 0) return [...kept]
  return [
    ...kept,
    { seq: kept.length + 1, dueDate: date, principal: future, interest: ev.accruedInterest, kind: 'settlement' },
  ]
}

/**
 * 展期 extension / 重组 restructure: rows due by `date` stay; `principal` (the future principal,
 * plus capitalised arrears for a restructure) is rescheduled from the last due date to the new maturity.
 */
export function rescheduleRows(i: {
  readonly rows: readonly VersionRow[]
  readonly date: string
  readonly startDate: string
  readonly principal: number
  readonly annualRate: string
  readonly method: PlanMethod
  readonly termMonths: number
  readonly dueDay?: number | null
  readonly customRows?: readonly CustomRowInput[]
}): VersionRow[] {
  const { kept, lastDue } = splitAt(i.rows, i.date, i.startDate)
  if (i.principal <= 0) invalid('principal', '没有需要重新安排的本金')
  const fresh = initialRows({
    principal: i.principal,
    annualRate: i.annualRate,
    termMonths: i.termMonths,
    method: i.method,
    startDate: lastDue,
    ...(i.dueDay ? { dueDay: i.dueDay } : {}),
    ...(i.customRows ? { customRows: i.customRows } : {}),
  })
  return [...kept, ...fresh.map((r, k) => ({ ...r, seq: kept.length + 1 + k }))]
}
