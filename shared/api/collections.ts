import { z } from 'zod'
import { BUCKETS } from '../domain/delinquency'
import { PROMISE_STATUSES, STEPS, STRATEGY_CLASSES } from '../collections'
import { method } from './contract'
import { fen, isoDate, ok } from './common'

const loanId = z.number().int().positive()
const reason = (label: string) =>
  z.string().trim().min(2, `请填写${label}（至少 2 个字）`).max(200, `${label}最多 200 个字`)

/** Contact channels: 电话/短信/上门/信函/通知书. */
export const CONTACT_CHANNELS = ['phone', 'sms', 'visit', 'letter', 'notice'] as const
/** Who was contacted; anyone else (`other`) needs a reason and is flagged (DOMAIN §12). */
export const CONTACT_PARTIES = ['borrower', 'co_borrower', 'guarantor', 'other'] as const
/** Outcome codes of a contact. */
export const CONTACT_OUTCOMES = [
  'promised',
  'paid',
  'refused',
  'no_answer',
  'unreachable',
  'dispute',
  'hardship',
  'other',
] as const

/** One entry of the collections contact log. */
export const collectionContactView = z.object({
  id: z.number().int(),
  loanId: z.number().int(),
  contactAt: z.string(),
  contactDate: isoDate,
  channel: z.enum(CONTACT_CHANNELS),
  party: z.enum(CONTACT_PARTIES),
  partyName: z.string().nullable(),
  reason: z.string().nullable(),
  flagged: z.boolean(),
  outcome: z.enum(CONTACT_OUTCOMES),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
})
export type CollectionContactView = z.infer<typeof collectionContactView>

/** A promise to pay with its derived status. */
export const promiseView = z.object({
  id: z.number().int(),
  promisedOn: isoDate,
  amount: fen,
  status: z.enum(PROMISE_STATUSES),
  madeOn: isoDate,
})
export type PromiseView = z.infer<typeof promiseView>

const amounts = z.object({ principal: fen, interest: fen, penaltyInterest: fen, compoundInterest: fen, total: fen })

/** One row of the collections worklist. */
export const worklistRow = z.object({
  loanId: z.number().int(),
  contractNo: z.string(),
  borrowerName: z.string(),
  village: z.string().nullable(),
  officerId: z.number().int(),
  officerName: z.string(),
  customerClass: z.string().nullable(),
  dpd: z.number().int(),
  bucket: z.enum(BUCKETS),
  nextDueDate: isoDate.nullable(),
  amounts,
  step: z.enum(STEPS),
  lastContactOn: isoDate.nullable(),
  daysSinceContact: z.number().int().nullable(),
  promiseDue: z.object({ promisedOn: isoDate, amount: fen }).nullable(),
  brokenPromise: z.boolean(),
  litigationOn: isoDate.nullable(),
  acceleratedOn: isoDate.nullable(),
})
export type WorklistRow = z.infer<typeof worklistRow>

const strategyRow = z.object(
  Object.fromEntries(BUCKETS.map((b) => [b, z.enum(STEPS)])) as Record<
    (typeof BUCKETS)[number],
    z.ZodEnum<{ [K in (typeof STEPS)[number]]: K }>
  >,
)
/** Editable collections settings. */
export const collectionSettings = z.object({
  contactHours: z.string().regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, '时段格式应为 08:00-21:00'),
  dueSoonDays: z.number().int().min(0).max(60),
  strategy: z.object(
    Object.fromEntries(STRATEGY_CLASSES.map((c) => [c, strategyRow])) as Record<
      (typeof STRATEGY_CLASSES)[number],
      typeof strategyRow
    >,
  ),
  scripts: z.object(
    Object.fromEntries(STEPS.map((s) => [s, z.string().max(1000)])) as Record<(typeof STEPS)[number], z.ZodString>,
  ),
  /** A CJK font file to use for notices instead of the ones found on the PC. */
  fontPath: z.string().max(500),
})
export type CollectionSettings = z.infer<typeof collectionSettings>

/** Collections state of one loan: flags, step, script filled with its figures, promises. */
export const loanCollectionView = z.object({
  loanId: z.number().int(),
  asOf: isoDate,
  dpd: z.number().int(),
  bucket: z.enum(BUCKETS),
  amounts,
  step: z.enum(STEPS),
  script: z.string(),
  brokenPromise: z.boolean(),
  acceleratedOn: isoDate.nullable(),
  acceleratedReason: z.string().nullable(),
  litigationOn: isoDate.nullable(),
  litigationReason: z.string().nullable(),
  parties: z.array(z.object({ party: z.enum(CONTACT_PARTIES), name: z.string() })),
})
export type LoanCollectionView = z.infer<typeof loanCollectionView>

/** Which loans the worklist covers: the caller's scope, optionally one officer and one village, as of a day (default today). */
const worklistFilter = z.object({
  officerId: z.number().int().positive().optional(),
  village: z.string().trim().max(60).optional(),
  asOf: isoDate.optional(),
})

/** Collections (催收): worklist, contact log, promises to pay, acceleration and litigation flags. */
export const collectionMethods = {
  'collections.worklist': method({
    input: worklistFilter.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ asOf: isoDate, total: z.number().int(), rows: z.array(worklistRow) }),
    access: 'loans.read',
    write: false,
    summary: '催收工作清单（分页，逾期天数多的在前）',
  }),
  'collections.worklistIds': method({
    input: worklistFilter,
    output: z.object({ loanIds: z.array(z.number().int()) }),
    access: 'loans.read',
    write: false,
    summary: '催收工作清单的全部贷款（全选用）',
  }),
  'collections.loan': method({
    input: z.object({ loanId, asOf: isoDate.optional() }),
    output: loanCollectionView,
    access: 'loans.read',
    write: false,
    summary: '贷款催收情况',
  }),
  'collections.logContact': method({
    input: z.object({
      loanId,
      channel: z.enum(CONTACT_CHANNELS, '请选择联系方式'),
      party: z.enum(CONTACT_PARTIES, '请选择联系对象'),
      partyName: z.string().trim().max(40).optional(),
      reason: z.string().trim().max(200).optional(),
      outcome: z.enum(CONTACT_OUTCOMES, '请选择联系结果'),
      note: z.string().trim().max(500).optional(),
    }),
    output: collectionContactView,
    access: 'loans.write',
    write: true,
    summary: '登记催收联系',
  }),
  'collections.contacts': method({
    input: z.object({ loanId }),
    output: z.array(collectionContactView),
    access: 'loans.read',
    write: false,
    summary: '催收联系记录',
  }),
  'collections.promise': method({
    input: z.object({
      loanId,
      promisedOn: isoDate,
      amount: fen.positive('承诺金额须大于零'),
      madeOn: isoDate.optional(),
    }),
    output: z.object({ id: z.number().int() }),
    access: 'loans.write',
    write: true,
    summary: '登记还款承诺',
  }),
  'collections.promises': method({
    /** `asOf` (default today): the user's calendar day, decides open/kept/broken. */
    input: z.object({ loanId, asOf: isoDate.optional() }),
    output: z.array(promiseView),
    access: 'loans.read',
    write: false,
    summary: '还款承诺',
  }),
  'collections.declareDue': method({
    input: z.object({ loanId, date: isoDate, reason: reason('宣布提前到期的原因') }),
    output: ok,
    access: 'loans.approve',
    write: true,
    summary: '宣布贷款提前到期',
  }),
  'collections.referLitigation': method({
    input: z.object({ loanId, date: isoDate, reason: reason('移交诉讼的原因') }),
    output: ok,
    access: 'loans.approve',
    write: true,
    summary: '移交诉讼',
  }),
  'collections.settings': method({
    input: z.object({}),
    output: collectionSettings,
    access: 'loans.read',
    write: false,
    summary: '催收设置',
  }),
  'collections.saveSettings': method({
    input: collectionSettings,
    output: collectionSettings,
    access: 'org.manage',
    write: true,
    summary: '修改催收设置（时段、策略、话术、字体）',
  }),
}
