// The loan list (贷后管理) and the due-soon / overdue reminders, with their Excel exports. Reads
// loan_state (made current first by ensureLoanStates): no replay per loan per request.
import { AppError } from '../../../shared/api'
import type { LoanListRow, ReminderRow } from '../../../shared/api/servicing'
import { maskPhone } from '../../../shared/archives'
import { addDays, displayStatusOf } from '../../../shared/domain'
import { overdueReminderText, reminderText } from '../../../shared/servicing'
import type { Ctx, Handlers } from '../context'
import { scopeOfficer, seesPii } from '../scope'
import { type ListQuery, type ListRecord, countLoans, listLoanPage, overdueTotals } from './list-repo'
import { type ReminderQuery, type ReminderRecord, countReminders, listReminders, orgNameOf } from './reminders-repo'
import { ensureLoanStates } from './state-repo'
import { writeExport } from './xlsx-export'

const STATUS_ZH: Record<string, string> = {
  active: '正常',
  overdue: '逾期',
  settled: '已结清',
  written_off: '已核销',
  cancelled: '已撤销',
}
const CATEGORY_ZH: Record<string, string> = {
  normal: '正常',
  special_mention: '关注',
  substandard: '次级',
  doubtful: '可疑',
  loss: '损失',
}
/** Up to this many matching loans, sorting them is cheaper than walking the sort index to the page. */
const FEW_LOANS = 5000
const CHANNEL_ZH: Record<string, string> = { phone: '电话', sms: '短信', visit: '上门', other: '其他' }

function toRow(r: ListRecord, today: string): LoanListRow {
  const d = displayStatusOf(r.status, r.oldest_unpaid_due, today)
  return {
    id: r.id,
    contractNo: r.contract_no,
    iouNo: r.iou_no,
    borrowerId: r.borrower_id,
    borrowerName: r.borrower_name,
    village: r.village,
    product: r.product,
    principal: r.principal,
    maturityDate: r.maturity_date,
    officerId: r.officer_id,
    officerName: r.officer_name,
    status: r.status,
    displayStatus: d.displayStatus,
    dpd: d.dpd,
    bucket: d.bucket,
    category: r.category,
    oldestUnpaidDue: r.oldest_unpaid_due,
    outstandingPrincipal: r.outstanding_principal,
    overdueAmount: d.dpd > 0 ? r.overdue_principal + r.overdue_interest : 0,
    payoff: r.payoff,
    customerClass: (r.customer_class as 'A' | 'B' | 'C' | null) ?? null,
  }
}

/** The filters with the caller's scope; an officer asking for another officer's loans is refused. */
function listQuery(ctx: Ctx, f: Omit<ListQuery, 'scopeOfficerId' | 'today'>): ListQuery {
  const scope = scopeOfficer(ctx)
  if (scope !== null && f.officerId !== undefined && f.officerId !== scope)
    throw new AppError('FORBIDDEN', '只能查看本人管户的贷款')
  ensureLoanStates(ctx.db, ctx.today())
  return { ...f, scopeOfficerId: scope, today: ctx.today() }
}

function reminderQuery(
  ctx: Ctx,
  i: { asOf: string; days: number; overdue: boolean; officerId?: number | undefined; village?: string | undefined },
): ReminderQuery {
  const scope = scopeOfficer(ctx)
  if (scope !== null && i.officerId !== undefined && i.officerId !== scope)
    throw new AppError('FORBIDDEN', '只能查看本人管户的到期提醒')
  ensureLoanStates(ctx.db, ctx.today())
  return {
    from: i.asOf,
    until: addDays(i.asOf, i.days),
    overdue: i.overdue,
    scopeOfficerId: scope,
    officerId: i.officerId,
    village: i.village,
  }
}

/** A reminder: arrears (as of today) plus the installment falling due in the window, less credit. */
function toReminder(r: ReminderRecord, f: ReminderQuery, today: string, org: string, pii: boolean): ReminderRow {
  const d = displayStatusOf('active', r.oldest_unpaid_due, today)
  const arrears = d.dpd > 0 ? r.overdue_principal + r.overdue_interest + r.penalty_interest : 0
  const inWindow = r.next_due_date >= f.from && r.next_due_date <= f.until
  const amount = Math.max(0, arrears + (inWindow ? (r.next_amount ?? 0) : 0) - r.credit)
  const dueDate = inWindow ? r.next_due_date : r.oldest_unpaid_due
  const text = inWindow
    ? reminderText({ borrowerName: r.borrower_name, dueDate, amount, orgName: org, contractNo: r.contract_no })
    : overdueReminderText({
        borrowerName: r.borrower_name,
        oldestDueDate: r.oldest_unpaid_due,
        amount,
        orgName: org,
        contractNo: r.contract_no,
      })
  return {
    loanId: r.loan_id,
    contractNo: r.contract_no,
    borrowerName: r.borrower_name,
    phone: r.phone === null || pii ? r.phone : maskPhone(r.phone),
    village: r.village,
    officerId: r.officer_id,
    officerName: r.officer_name,
    seq: r.next_seq ?? 0,
    dueDate,
    amount,
    dpd: d.dpd,
    reminder: text,
    lastContact: r.last_contact,
    lastContactChannel: r.last_channel,
    lastContactOutcome: r.last_outcome,
  }
}

export const listHandlers = {
  'servicing.loanList': async (ctx, input) => {
    const { sort, dir, limit, offset, ...filter } = input
    const f = listQuery(ctx, filter)
    const total = await countLoans(ctx.db, f)
    const [rows, overdue] = [
      await listLoanPage(ctx.db, f, { sort, dir, limit, offset, few: total <= FEW_LOANS }),
      await overdueTotals(ctx.db, f),
    ]
    return { rows: rows.map((r) => toRow(r, f.today)), total, overdue, asOf: f.today }
  },

  'servicing.exportLoanList': async (ctx, input) => {
    const { sort, dir, ...filter } = input
    const f = listQuery(ctx, filter)
    const rows = (await listLoanPage(ctx.db, f, { sort, dir, limit: null, offset: 0 })).map((r) => toRow(r, f.today))
    const buf = await writeExport(
      '贷款列表',
      [
        { header: '合同号', width: 20 },
        { header: '借据号', width: 20 },
        { header: '借款人' },
        { header: '村' },
        { header: '产品', width: 20 },
        { header: '贷款金额', money: true, width: 16 },
        { header: '本金余额', money: true, width: 16 },
        { header: '逾期本息', money: true, width: 16 },
        { header: '状态' },
        { header: '逾期天数' },
        { header: '最早未还日' },
        { header: '到期日' },
        { header: '五级分类' },
        { header: '客户分类' },
        { header: '责任人' },
      ],
      rows.map((r) => [
        r.contractNo,
        r.iouNo,
        r.borrowerName,
        r.village,
        r.product,
        r.principal,
        r.outstandingPrincipal,
        r.overdueAmount,
        STATUS_ZH[r.displayStatus] ?? r.displayStatus,
        r.dpd,
        r.oldestUnpaidDue,
        r.maturityDate,
        CATEGORY_ZH[r.category] ?? r.category,
        r.customerClass ?? '',
        r.officerName,
      ]),
    )
    return { filename: `贷款列表-${f.today}.xlsx`, contentBase64: buf.toString('base64'), rows: rows.length }
  },

  'servicing.dueSoon': async (ctx, input) => {
    const f = reminderQuery(ctx, input)
    const org = await orgNameOf(ctx.db),
      pii = seesPii(ctx),
      today = ctx.today()
    const rows = await listReminders(ctx.db, f, { limit: input.limit, offset: input.offset })
    return { rows: rows.map((r) => toReminder(r, f, today, org, pii)), total: await countReminders(ctx.db, f) }
  },

  'servicing.exportDueSoon': async (ctx, input) => {
    const f = reminderQuery(ctx, input)
    const org = await orgNameOf(ctx.db),
      pii = seesPii(ctx),
      today = ctx.today()
    const rows = (await listReminders(ctx.db, f, { limit: null, offset: 0 })).map((r) =>
      toReminder(r, f, today, org, pii),
    )
    const buf = await writeExport(
      '到期提醒',
      [
        { header: '姓名' },
        { header: '手机号', width: 16 },
        { header: '应还金额', money: true, width: 16 },
        { header: '应还日' },
        { header: '逾期天数' },
        { header: '合同号', width: 20 },
        { header: '村' },
        { header: '最近联系' },
        { header: '联系结果', width: 20 },
        { header: '提醒短信', width: 80 },
      ],
      rows.map((r) => [
        r.borrowerName,
        r.phone,
        r.amount,
        r.dueDate,
        r.dpd,
        r.contractNo,
        r.village,
        r.lastContact ? `${r.lastContact} ${CHANNEL_ZH[r.lastContactChannel ?? ''] ?? ''}` : null,
        r.lastContactOutcome,
        r.reminder,
      ]),
    )
    return { filename: `到期提醒-${today}.xlsx`, contentBase64: buf.toString('base64'), rows: rows.length }
  },
} satisfies Partial<Handlers>
