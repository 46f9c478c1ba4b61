import { z } from 'zod'
import { method } from './contract'
import { fen, isoDate } from './common'
import { reminderRow } from './servicing-list'
import { warningView } from './risk'
import { proposalView } from './classification'
import { dueRowView } from './inspections'
import { reversalRequestView } from './servicing-views'
import { destructionListView, lendingView } from './archives'

const int = z.number().int()
/** A list on the landing page: up to `limit` rows and how many there are in all. */
const list = <T extends z.ZodType>(row: T) => z.object({ total: int, rows: z.array(row) })

/** A promise to pay falling due soon and not yet kept. */
export const promiseDueRow = z.object({
  loanId: int,
  contractNo: z.string(),
  borrowerName: z.string(),
  promisedOn: isoDate,
  amount: fen,
})

/**
 * The caller's 今日工作 (landing page): each section present only for the roles whose work it is
 * (officer: own due-soon, overdue, promises, inspections, open warnings; manager: approvals inbox and
 * red warnings; archivist: files lent out and overdue returns). Null = not this role's section.
 */
export const todayView = z.object({
  asOf: isoDate,
  /** Days ahead counted as "due soon" (installments, promises). */
  days: int,
  dueSoon: list(reminderRow).nullable(),
  overdue: list(reminderRow).nullable(),
  promisesDue: list(promiseDueRow).nullable(),
  inspectionsDue: z.object({ overdue: int, week: int, rows: z.array(dueRowView) }).nullable(),
  warnings: list(warningView).nullable(),
  /** Only red warnings (the manager's view). */
  redWarnings: list(warningView).nullable(),
  approvals: z
    .object({
      classification: z.array(proposalView),
      reversals: z.array(reversalRequestView),
      destruction: z.array(destructionListView),
    })
    .nullable(),
  lent: z.object({ total: int, overdue: int, rows: z.array(lendingView) }).nullable(),
})
export type TodayView = z.infer<typeof todayView>

/** The landing page ("today"). */
export const todayMethods = {
  'today.mine': method({
    input: z.object({}),
    output: todayView,
    access: 'dashboard.view',
    write: false,
    summary: '今日工作（按角色）',
  }),
}
