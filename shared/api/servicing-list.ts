import { z } from 'zod'
import { BUCKETS, CATEGORIES, DISPLAY_STATUSES } from '../domain'
import { method } from './contract'
import { isoDate } from './common'

const int = z.number().int()
const id = z.number().int().positive()

/** Customer classes (客户分类, DOMAIN §5). */
export const CUSTOMER_CLASSES = ['A', 'B', 'C'] as const

/** Sort keys of the loan list: most overdue first, balance, next due date, newest. */
export const LOAN_LIST_SORTS = ['dpd', 'balance', 'dueDate', 'maturityDate', 'id'] as const

/** Filters of the loan list (贷后管理) and its Excel export; every one optional. */
export const loanListFilter = z.object({
  /** Contract/IOU number (prefix), borrower name (prefix, 2+ characters), pinyin initials, ID tail (6). */
  q: z.string().trim().max(40).optional(),
  /** Stored status, or 'overdue' (active with an unpaid installment past due). */
  status: z.enum(DISPLAY_STATUSES).optional(),
  /** Delinquency bucket (M0 = not overdue). */
  bucket: z.enum(BUCKETS).optional(),
  dpdMin: z.number().int().min(0).max(100_000).optional(),
  dpdMax: z.number().int().min(0).max(100_000).optional(),
  /** Decided five-category (loans.category). */
  category: z.enum(CATEGORIES).optional(),
  officerId: id.optional(),
  village: z.string().trim().min(1).max(40).optional(),
  product: z.string().trim().min(1).max(60).optional(),
  maturityFrom: isoDate.optional(),
  maturityTo: isoDate.optional(),
  /** Borrower's customer class A/B/C (DOMAIN §5) as of the last stored risk evaluation. */
  customerClass: z.enum(CUSTOMER_CLASSES).optional(),
})
export type LoanListFilter = z.infer<typeof loanListFilter>

/** One row of the loan list: the loan with its display status (逾期 with DPD) and balances. */
export const loanListRow = z.object({
  id: int,
  contractNo: z.string(),
  iouNo: z.string(),
  borrowerId: int,
  borrowerName: z.string(),
  village: z.string().nullable(),
  product: z.string(),
  principal: int,
  maturityDate: z.string(),
  officerId: int,
  officerName: z.string().nullable(),
  status: z.string(),
  displayStatus: z.enum(DISPLAY_STATUSES),
  dpd: int,
  bucket: z.enum(BUCKETS),
  category: z.string(),
  /** Earliest installment not paid in full (past or next); null when none. */
  oldestUnpaidDue: z.string().nullable(),
  outstandingPrincipal: int,
  overdueAmount: int,
  payoff: int,
  /** Borrower's customer class A/B/C from the last stored evaluation; null before the first one. */
  customerClass: z.enum(CUSTOMER_CLASSES).nullable().optional(),
})
export type LoanListRow = z.infer<typeof loanListRow>

/** Overdue loans and amounts (principal + interest past due) among the filtered loans. */
export const overdueSummary = z.object({ loans: int, amount: int, overduePrincipal: int, outstandingPrincipal: int })

/** Due soon / overdue reminder: one row per loan with the next amount to pay and the last contact. */
export const reminderRow = z.object({
  loanId: int,
  contractNo: z.string(),
  borrowerName: z.string(),
  phone: z.string().nullable(),
  village: z.string().nullable(),
  officerId: int,
  officerName: z.string().nullable(),
  seq: int,
  dueDate: z.string(),
  amount: int,
  dpd: int,
  reminder: z.string(),
  lastContact: z.string().nullable(),
  lastContactChannel: z.string().nullable(),
  lastContactOutcome: z.string().nullable(),
})
export type ReminderRow = z.infer<typeof reminderRow>

const reminderFilter = z.object({
  asOf: isoDate,
  days: z.number().int().min(0).max(90).default(7),
  officerId: id.optional(),
  village: z.string().trim().min(1).max(40).optional(),
  /** Also list loans already overdue (arrears to collect), before those falling due. */
  overdue: z.boolean().default(false),
})
const file = z.object({ filename: z.string(), contentBase64: z.string(), rows: int })

/** The loan list, reminders and their exports (read side of servicing). */
export const servicingListMethods = {
  'servicing.loanList': method({
    input: loanListFilter.extend({
      sort: z.enum(LOAN_LIST_SORTS).default('dpd'),
      dir: z.enum(['asc', 'desc']).default('desc'),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    output: z.object({ rows: z.array(loanListRow), total: int, overdue: overdueSummary, asOf: z.string() }),
    access: 'loans.read',
    write: false,
    summary: '贷后管理：贷款列表（筛选、排序、分页）',
  }),
  'servicing.exportLoanList': method({
    input: loanListFilter.extend({
      sort: z.enum(LOAN_LIST_SORTS).default('dpd'),
      dir: z.enum(['asc', 'desc']).default('desc'),
    }),
    output: file,
    access: 'loans.read',
    write: false,
    summary: '导出贷款列表（Excel）',
  }),
  'servicing.dueSoon': method({
    input: reminderFilter.extend({
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    output: z.object({ rows: z.array(reminderRow), total: int }),
    access: 'loans.read',
    write: false,
    summary: '近期到期和逾期提醒',
  }),
  'servicing.exportDueSoon': method({
    input: reminderFilter,
    output: file,
    access: 'loans.read',
    write: false,
    summary: '导出到期提醒（短信用 Excel）',
  }),
}
