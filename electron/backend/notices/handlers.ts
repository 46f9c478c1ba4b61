// 催收通知书 handlers: create (single and batch), list, document, PDF, void, service, receipt.
import { AppError } from '../../../shared/api'
import { guaranteePeriodEnd, localDate } from '../../../shared/domain'
import type { Handlers } from '../context'
import { caller } from '../scope'
import { loadLoan, mustDate, yuan } from '../servicing/core'
import { loadSettings } from '../collections/settings'
import { RELATION_LABELS, SERVICE_LABELS } from '../collections/labels'
import { createNotice } from './create'
import { noticeDocuments, visibleNotice } from './document'
import { findCjkFont } from './fonts'
import {
  findGuarantor,
  guarantorsOf,
  insertLimitationEvent,
  listNotices,
  markPrinted,
  markReturned,
  markServed,
  markVoided,
} from './notices-repo'
import { renderNoticesPdf } from './pdf'
import { saveReceiptScan } from './receipt-scan'

export const noticeHandlers = {
  'notices.create': async (ctx, input) => createNotice(ctx, input),

  'notices.createBatch': async (ctx, input) => {
    const notices: { id: number; noticeNo: string; loanId: number }[] = []
    const skipped: { loanId: number; reason: string }[] = []
    for (const loanId of [...new Set(input.loanIds)]) {
      const targets: Array<{ addressee: 'borrower' | 'guarantor'; guarantorId?: number }> = [{ addressee: 'borrower' }]
      if (input.guarantors) {
        for (const g of await guarantorsOf(ctx.db, loanId)) targets.push({ addressee: 'guarantor', guarantorId: g.id })
      }
      for (const t of targets) {
        try {
          const n = await createNotice(ctx, { loanId, ...t, asOf: input.asOf, deadline: input.deadline })
          notices.push({ id: n.id, noticeNo: n.noticeNo, loanId })
        } catch (e) {
          // Skips are reported; anything else (database errors) aborts the whole batch.
          if (!(e instanceof AppError) || e.code === 'INTERNAL') throw e
          skipped.push({ loanId, reason: e.message })
        }
      }
    }
    return { notices, skipped }
  },

  'notices.list': async (ctx, input) => listNotices(ctx.db, loadLoan(ctx, input.loanId).id),

  'notices.get': async (ctx, input) => (await noticeDocuments(ctx, [input.noticeId]))[0]!,

  'notices.pdf': async (ctx, input) => {
    const ids = [...new Set(input.noticeIds)]
    const docs = await noticeDocuments(ctx, ids)
    const voided = docs.find((d) => d.status === 'voided')
    if (voided)
      throw new AppError('CONFLICT', `催收通知书 ${voided.noticeNo} 已作废（${voided.voidReason ?? ''}），不能打印`)
    const font = findCjkFont((await loadSettings(ctx.db)).fontPath)
    const pdf = await renderNoticesPdf(docs, font)
    await markPrinted(ctx.db, ids, ctx.nowIso())
    const nos = docs.length <= 3 ? docs.map((d) => d.noticeNo).join('、') : `${docs[0]!.noticeNo} 等`
    ctx.audit({
      entity: 'collection_notice',
      entityId: ids.length === 1 ? ids[0]! : null,
      summary: `打印催收通知书 ${docs.length} 份（${nos}）`,
    })
    return { fileName: `催收通知书_${ctx.today()}_${docs.length}份.pdf`, contentBase64: pdf.toString('base64') }
  },

  'notices.void': async (ctx, input) => {
    const n = await visibleNotice(ctx, input.noticeId)
    if (n.status === 'voided') throw new AppError('CONFLICT', `催收通知书 ${n.noticeNo} 已作废`)
    if (n.status === 'returned') throw new AppError('CONFLICT', `催收通知书 ${n.noticeNo} 的回执已收回，不能作废`)
    await markVoided(ctx.db, n.id, input.reason)
    ctx.audit({
      entity: 'collection_notice',
      entityId: n.id,
      summary: `作废催收通知书 ${n.noticeNo}（致 ${n.addresseeName}），编号保留；原因：${input.reason}`,
    })
    return visibleNotice(ctx, n.id)
  },

  'notices.recordService': async (ctx, input) => {
    const n = await visibleNotice(ctx, input.noticeId)
    if (n.status === 'voided' || n.status === 'returned')
      throw new AppError(
        'CONFLICT',
        `催收通知书 ${n.noticeNo} ${n.status === 'voided' ? '已作废' : '回执已收回'}，不能再登记送达`,
      )
    mustDate(input.servedOn >= localDate(new Date(n.createdAt)), 'servedOn', '送达日期不能早于通知书出具日期')
    mustDate(input.servedOn <= ctx.today(), 'servedOn', '送达日期不能晚于今天')
    if ((input.method === 'ems' || input.method === 'mail') && !input.trackingNo) {
      throw new AppError('VALIDATION', '邮寄或 EMS 送达须填写邮件单号（保留妥投证明）', [
        { path: 'trackingNo', message: '请填写邮件单号' },
      ])
    }
    await markServed(ctx.db, n.id, {
      servedOn: input.servedOn,
      method: input.method,
      trackingNo: input.trackingNo ?? null,
    })
    ctx.audit({
      entity: 'collection_notice',
      entityId: n.id,
      summary: `催收通知书 ${n.noticeNo} 于 ${input.servedOn} ${SERVICE_LABELS[input.method]}给 ${n.addresseeName}${input.trackingNo ? `，单号 ${input.trackingNo}` : ''}`,
    })
    return visibleNotice(ctx, n.id)
  },

  'notices.recordReceipt': async (ctx, input) => {
    const n = await visibleNotice(ctx, input.noticeId)
    if (n.status !== 'served') {
      const why =
        n.status === 'voided' ? '已作废' : n.status === 'returned' ? '回执已登记' : '尚未登记送达，请先登记送达'
      throw new AppError('CONFLICT', `催收通知书 ${n.noticeNo} ${why}`)
    }
    mustDate(input.returnedOn >= (n.servedOn ?? n.asOf), 'returnedOn', '回执签收日期不能早于送达日期')
    mustDate(input.returnedOn <= ctx.today(), 'returnedOn', '回执签收日期不能晚于今天')
    await markReturned(ctx.db, n.id, input)
    const scanNote = input.scan ? `；${await saveReceiptScan(ctx, n, input.scan)}` : ''
    const evidence = `催收通知书 ${n.noticeNo} 回执，签收人 ${input.signer}（${RELATION_LABELS[input.relation]}），签收日期 ${input.returnedOn}`
    const base = {
      loanId: n.loanId,
      noticeId: n.id,
      occurredOn: input.returnedOn,
      evidence,
      createdBy: caller(ctx).userId,
      createdAt: ctx.nowIso(),
    }
    let effect: string
    if (n.addressee === 'borrower') {
      // A demand the debtor signed for interrupts the 诉讼时效 (民法典 195; 诉讼时效规定 第8条).
      await insertLimitationEvent(ctx.db, { ...base, guarantorId: null, kind: 'demand_signed' })
      effect = `诉讼时效自 ${input.returnedOn} 重新计算`
    } else {
      const head = loadLoan(ctx, n.loanId)
      const g = await findGuarantor(ctx.db, n.guarantorId!)
      const end = guaranteePeriodEnd({ principalDueDate: head.maturityDate, agreedEnd: g?.periodEnd ?? null })
      if (input.returnedOn <= end) {
        // A demand within the 保证期间 starts the guarantor's own 3-year limitation (民法典 694).
        await insertLimitationEvent(ctx.db, { ...base, guarantorId: n.guarantorId, kind: 'guarantor_demand' })
        effect = `在保证期间（至 ${end}）内向保证人主张权利，保证债务诉讼时效自 ${input.returnedOn} 起算`
      } else {
        effect = `签收日已过保证期间（至 ${end}），不产生保证责任`
      }
    }
    ctx.audit({
      entity: 'collection_notice',
      entityId: n.id,
      summary: `登记回执：${evidence}，欠款 ${yuan(n.amounts.total)}；${effect}${scanNote}`,
    })
    return visibleNotice(ctx, n.id)
  },
} satisfies Partial<Handlers>
