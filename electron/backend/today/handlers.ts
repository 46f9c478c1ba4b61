// 今日工作: the landing page's lists for the caller's role, built by calling the areas' own read
// methods (so each list keeps its area's scoping and masking) after checking the caller holds the
// permission that method requires — a section the role may not read is simply absent.
import {
  type Input,
  type MethodName,
  type Output,
  type ParsedInput,
  contract,
  hasPermission,
} from '../../../shared/api'
import type { TodayView } from '../../../shared/api/today'
import { addDays } from '../../../shared/domain'
import type { Ctx, Handler, Handlers } from '../context'
import { caller, scopeOfficer } from '../scope'
import { destructionHandlers } from '../archives/destruction'
import { lendingHandlers } from '../archives/lending'
import { latestPromise, promisesWithStatus } from '../collections/promises'
import { inspectionHandlers } from '../inspections/handlers'
import { classificationHandlers } from '../risk/classification-handlers'
import { riskHandlers } from '../risk/handlers'
import { servicingHandlers } from '../servicing/handlers'
import { listHandlers } from '../servicing/list'
import { promisesDueBetween } from './today-repo'

/** Rows per list on the landing page; the counts say how many there are in all. */
const LIMIT = 20
/** Days ahead that count as "due soon". */
const DAYS = 7

const sources: Partial<Handlers> = {
  ...listHandlers,
  ...riskHandlers,
  ...classificationHandlers,
  ...inspectionHandlers,
  ...servicingHandlers,
  ...lendingHandlers,
  ...destructionHandlers,
}

/** Calls another area's read method as the caller, or returns null when the caller may not. */
async function read<M extends MethodName>(ctx: Ctx, m: M, input: Input<M>): Promise<Output<M> | null> {
  const access = contract[m].access
  if (access !== 'public' && access !== 'session' && !hasPermission(caller(ctx).role, access)) return null
  const h = sources[m] as Handler<M> | undefined
  if (!h) throw new Error(`today: no handler for ${m}`)
  return h(ctx, contract[m].input.parse(input) as ParsedInput<M>)
}

async function promisesDue(ctx: Ctx, today: string): Promise<TodayView['promisesDue']> {
  const due = await promisesDueBetween(ctx.db, { from: today, to: addDays(today, DAYS), officerId: scopeOfficer(ctx) })
  const status = await promisesWithStatus(ctx.db, [...new Set(due.map((p) => p.loanId))], today)
  // Only the promise that speaks for the loan (the latest) and only while not yet kept.
  const open = due.filter((p) => {
    const latest = latestPromise(status.get(p.loanId))
    return latest?.id === p.id && latest.status === 'open'
  })
  return { total: open.length, rows: open.slice(0, LIMIT).map(({ id: _id, ...r }) => r) }
}

async function officerSections(ctx: Ctx, today: string): Promise<Partial<TodayView>> {
  const dueSoon = await read(ctx, 'servicing.dueSoon', { asOf: today, days: DAYS, overdue: false, limit: LIMIT })
  // Arrears as of today: the oldest unpaid installment fell due yesterday or before.
  const overdue = await read(ctx, 'servicing.dueSoon', {
    asOf: addDays(today, -1),
    days: 0,
    overdue: true,
    limit: LIMIT,
  })
  const calendar = await read(ctx, 'inspections.calendar', { asOf: today, bucket: 'overdue', limit: LIMIT })
  const warnings = await read(ctx, 'risk.warnings', { asOf: today, status: 'open', limit: LIMIT })
  return {
    dueSoon,
    overdue,
    promisesDue: await promisesDue(ctx, today),
    inspectionsDue: calendar && { overdue: calendar.counts.overdue, week: calendar.counts.week, rows: calendar.rows },
    warnings: warnings && { total: warnings.total, rows: warnings.items },
  }
}

async function redWarnings(ctx: Ctx, today: string): Promise<TodayView['redWarnings']> {
  const red = await read(ctx, 'risk.warnings', { asOf: today, status: 'open', level: 'red', limit: LIMIT })
  return red && { total: red.total, rows: red.items }
}

async function managerSections(ctx: Ctx, today: string): Promise<Partial<TodayView>> {
  const lists = await read(ctx, 'archives.destructionLists', {})
  // A destruction list waits for a manager only while proposed, and only one who may approve it.
  const destruction = hasPermission(caller(ctx).role, 'archives.approve')
    ? (lists ?? []).filter((l) => l.status === 'proposed')
    : []
  return {
    approvals: {
      classification: (await read(ctx, 'classification.pending', {})) ?? [],
      reversals: (await read(ctx, 'servicing.listReversalRequests', { status: 'pending' })) ?? [],
      destruction,
    },
    redWarnings: await redWarnings(ctx, today),
  }
}

async function archivistSections(ctx: Ctx, today: string): Promise<Partial<TodayView>> {
  const lent = await read(ctx, 'archives.lendings', { openOnly: true, asOf: today, limit: LIMIT })
  const late = await read(ctx, 'archives.lendings', { openOnly: true, overdueOnly: true, asOf: today, limit: 1 })
  return { lent: lent && { total: lent.total, overdue: late?.total ?? 0, rows: lent.rows } }
}

export const todayHandlers = {
  'today.mine': async (ctx) => {
    const today = ctx.today()
    const role = caller(ctx).role
    const sections =
      role === 'officer'
        ? await officerSections(ctx, today)
        : role === 'manager' || role === 'admin'
          ? await managerSections(ctx, today)
          : role === 'archivist'
            ? await archivistSections(ctx, today)
            : { redWarnings: await redWarnings(ctx, today) }
    return {
      asOf: today,
      days: DAYS,
      dueSoon: null,
      overdue: null,
      promisesDue: null,
      inspectionsDue: null,
      warnings: null,
      redWarnings: null,
      approvals: null,
      lent: null,
      ...sections,
    }
  },
} satisfies Partial<Handlers>
