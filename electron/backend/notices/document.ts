// Builds what a notice prints (preview and PDF share it) and checks notices are visible.
import { AppError, type NoticeDocument, type NoticeView } from '../../../shared/api'
import { maskIdNumber } from '../../../shared/archives'
import { amountInWords, localDate } from '../../../shared/domain'
import type { Ctx } from '../context'
import { assertInPortfolio, seesPii } from '../scope'
import { loadLoan, orgName } from '../servicing/core'
import { flagOf } from '../collections/collections-repo'
import { findGuarantor, findNotice, findNotices, loanPrintFacts } from './notices-repo'

/** The notice if it exists and its loan is in the caller's portfolio. */
export async function visibleNotice(ctx: Ctx, id: number): Promise<NoticeView> {
  const n = await findNotice(ctx.db, id)
  if (!n) throw new AppError('NOT_FOUND', `催收通知书 #${id} 不存在`)
  assertInPortfolio(ctx, n.officerId, `催收通知书 #${id} `)
  const { officerId: _o, ...view } = n
  return view
}

/** Full printable content of the notices, in the order asked. */
export async function noticeDocuments(ctx: Ctx, ids: readonly number[]): Promise<NoticeDocument[]> {
  const found = await findNotices(ctx.db, ids)
  if (found.length !== new Set(ids).size) {
    const have = new Set(found.map((n) => n.id))
    throw new AppError('NOT_FOUND', `催收通知书 #${ids.find((i) => !have.has(i))} 不存在`)
  }
  const lender = orgName(ctx)
  const pii = seesPii(ctx)
  const out: NoticeDocument[] = []
  for (const n of found) {
    assertInPortfolio(ctx, n.officerId, `催收通知书 ${n.noticeNo} `)
    const head = loadLoan(ctx, n.loanId)
    const facts = await loanPrintFacts(ctx.db, n.loanId)
    const g = n.guarantorId ? await findGuarantor(ctx.db, n.guarantorId) : undefined
    const rawId = n.addressee === 'guarantor' ? (g?.idNumber ?? null) : (facts.idNumber ?? facts.creditCode)
    const flags = await flagOf(ctx.db, n.loanId)
    const { officerId: _o, ...view } = n
    out.push({
      ...view,
      lender,
      idNumber: rawId && !pii ? maskIdNumber(rawId) : rawId,
      contractNo: head.contractNo,
      iouNo: head.iouNo,
      borrowerName: head.borrowerName,
      loanPrincipal: head.principal,
      loanPrincipalWords: amountInWords(head.principal),
      totalWords: amountInWords(n.amounts.total),
      disbursementDate: head.disbursementDate,
      maturityDate: head.maturityDate,
      litigationOn: flags.litigationOn,
      issuedOn: localDate(new Date(n.createdAt)),
    })
  }
  return out
}
