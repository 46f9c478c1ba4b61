import { z } from 'zod'
import { method } from './contract'
import { fen, isoDate } from './common'
import { SCAN_MIME_TYPES } from './archives'

const noticeId = z.number().int().positive()
/** 当面/邮寄/EMS/公证. */
export const SERVICE_METHODS = ['in_person', 'mail', 'ems', 'notary'] as const
/** Signer of a 回执: the debtor, an adult relative living with them, an authorised person. */
export const SIGNER_RELATIONS = ['self', 'family', 'agent'] as const
/** Lifecycle of a notice: created → printed → served → returned; or voided (keeps its number). */
export const NOTICE_STATUSES = ['created', 'printed', 'served', 'returned', 'voided'] as const

/** Amounts demanded by a notice (overdue as of its date, or the whole balance when declared due early). */
export const noticeAmounts = z.object({
  principal: fen,
  interest: fen,
  penaltyInterest: fen,
  compoundInterest: fen,
  total: fen,
})

/** A notice in lists. */
export const noticeView = z.object({
  id: z.number().int(),
  noticeNo: z.string(),
  loanId: z.number().int(),
  addressee: z.enum(['borrower', 'guarantor']),
  addresseeName: z.string(),
  guarantorId: z.number().int().nullable(),
  asOf: isoDate,
  deadline: isoDate,
  accelerated: z.boolean(),
  amounts: noticeAmounts,
  status: z.enum(NOTICE_STATUSES),
  voidReason: z.string().nullable(),
  servedOn: isoDate.nullable(),
  serviceMethod: z.enum(SERVICE_METHODS).nullable(),
  trackingNo: z.string().nullable(),
  returnedOn: isoDate.nullable(),
  signer: z.string().nullable(),
  signerRelation: z.enum(SIGNER_RELATIONS).nullable(),
  receiptScanSha256: z.string().nullable(),
  createdAt: z.string(),
})
export type NoticeView = z.infer<typeof noticeView>

/** Everything printed on a notice (preview and PDF share it). */
export const noticeDocument = noticeView.extend({
  lender: z.string(),
  idNumber: z.string().nullable(),
  contractNo: z.string(),
  iouNo: z.string(),
  borrowerName: z.string(),
  loanPrincipal: fen,
  loanPrincipalWords: z.string(),
  totalWords: z.string(),
  disbursementDate: isoDate,
  maturityDate: isoDate,
  litigationOn: isoDate.nullable(),
  issuedOn: isoDate,
})
export type NoticeDocument = z.infer<typeof noticeDocument>

/** 催收通知书: creation with frozen amounts, PDF, evidence of service and the returned 回执. */
export const noticeMethods = {
  'notices.create': method({
    input: z.object({
      loanId: z.number().int().positive(),
      addressee: z.enum(['borrower', 'guarantor'], '请选择通知对象'),
      guarantorId: z.number().int().positive().optional(),
      asOf: isoDate,
      deadline: isoDate.optional(),
    }),
    output: z.object({ id: z.number().int(), noticeNo: z.string(), amounts: noticeAmounts }),
    access: 'loans.write',
    write: true,
    summary: '生成催收通知书',
  }),
  'notices.createBatch': method({
    input: z.object({
      loanIds: z.array(z.number().int().positive()).min(1, '请至少选择一笔贷款').max(1000, '一次最多 1000 笔'),
      asOf: isoDate,
      deadline: isoDate.optional(),
      guarantors: z.boolean().default(false),
    }),
    output: z.object({
      notices: z.array(z.object({ id: z.number().int(), noticeNo: z.string(), loanId: z.number().int() })),
      skipped: z.array(z.object({ loanId: z.number().int(), reason: z.string() })),
    }),
    access: 'loans.write',
    write: true,
    summary: '批量生成催收通知书',
  }),
  'notices.list': method({
    input: z.object({ loanId: z.number().int().positive() }),
    output: z.array(noticeView),
    access: 'loans.read',
    write: false,
    summary: '催收通知书',
  }),
  'notices.get': method({
    input: z.object({ noticeId }),
    output: noticeDocument,
    access: 'loans.read',
    write: false,
    summary: '查看催收通知书',
  }),
  'notices.pdf': method({
    input: z.object({ noticeIds: z.array(noticeId).min(1, '请至少选择一份通知书').max(1000, '一次最多打印 1000 份') }),
    output: z.object({ fileName: z.string(), contentBase64: z.string() }),
    access: 'loans.write',
    write: true,
    summary: '打印催收通知书（PDF）',
  }),
  'notices.void': method({
    input: z.object({ noticeId, reason: z.string().trim().min(2, '请填写作废原因（至少 2 个字）').max(200) }),
    output: noticeView,
    access: 'loans.write',
    write: true,
    summary: '作废催收通知书',
  }),
  'notices.recordService': method({
    input: z.object({
      noticeId,
      servedOn: isoDate,
      method: z.enum(SERVICE_METHODS, '请选择送达方式'),
      trackingNo: z.string().trim().max(40).optional(),
    }),
    output: noticeView,
    access: 'loans.write',
    write: true,
    summary: '登记通知书送达',
  }),
  'notices.recordReceipt': method({
    input: z.object({
      noticeId,
      returnedOn: isoDate,
      signer: z.string().trim().min(1, '请填写签收人').max(40),
      relation: z.enum(SIGNER_RELATIONS, '请选择签收人关系'),
      /** The signed 回执's scan (stored in the archive's scan store, attached to the loan file's checklist). */
      scan: z
        .object({
          filename: z.string().trim().min(1).max(120),
          mime: z.enum(SCAN_MIME_TYPES, '只接受 JPEG、PNG、WebP 图片或 PDF'),
          contentBase64: z.string().min(1, '文件为空'),
        })
        .optional(),
    }),
    output: noticeView,
    access: 'loans.write',
    write: true,
    summary: '登记回执返回',
  }),
}
