// Creating a 催收通知书: amounts frozen from the as-of evaluation, guarantor period check, number.
import { AppError } from '../../../shared/api'
import { type DemandAmounts, demandAmounts } from '../../../shared/collections'
import { addDays, guaranteePeriodEnd } from '../../../shared/domain'
import type { Ctx } from '../context'
import { caller } from '../scope'
import { evaluate, loadContext, loadLoan, mustDate, yuan } from '../servicing/core'
import { flagOf } from '../collections/collections-repo'
import { findGuarantor, insertNotice, nextNoticeNo } from './notices-repo'

/** Days to pay after the notice's date when no deadline is given. */
export const DEFAULT_DEADLINE_DAYS = 15

export interface CreateNotice {
  loanId: number
  addressee: 'borrower' | 'guarantor'
  guarantorId?: number | undefined
  asOf: string
  deadline?: string | undefined
}

/** Creates one notice; throws AppError with the reason when it cannot be issued. */
export async function createNotice(
  ctx: Ctx,
  input: CreateNotice,
): Promise<{ id: number; noticeNo: string; amounts: DemandAmounts }> {
  const head = loadLoan(ctx, input.loanId)
  if (head.status !== 'active')
    throw new AppError('CONFLICT', `贷款 ${head.contractNo} 不在贷（已结清、核销或撤销），不能发催收通知书`)
  mustDate(input.asOf >= head.disbursementDate, 'asOf', '截止日期不能早于放款日')
  const deadline = input.deadline ?? addDays(input.asOf, DEFAULT_DEADLINE_DAYS)
  mustDate(deadline >= input.asOf, 'deadline', '还款期限不能早于欠款截止日期')
  let guarantorName = ''
  if (input.addressee === 'guarantor') {
    if (!input.guarantorId)
      throw new AppError('VALIDATION', '请选择保证人', [{ path: 'guarantorId', message: '请选择保证人' }])
    const g = await findGuarantor(ctx.db, input.guarantorId)
    if (!g || g.loanId !== head.id)
      throw new AppError('VALIDATION', '该保证人不属于这笔贷款', [
        { path: 'guarantorId', message: '保证人不属于该贷款' },
      ])
    const end = guaranteePeriodEnd({ principalDueDate: head.maturityDate, agreedEnd: g.periodEnd })
    if (input.asOf > end) {
      throw new AppError(
        'CONFLICT',
        `保证人 ${g.name} 的保证期间已于 ${end} 届满，此后不能再向其主张保证责任（民法典第 692、693 条），不能发保证人催收通知书`,
        [{ path: 'asOf', message: `保证期间至 ${end}` }],
      )
    }
    guarantorName = g.name
  }
  const flags = await flagOf(ctx.db, head.id)
  const accelerated = Boolean(flags.acceleratedOn && flags.acceleratedOn <= input.asOf)
  const amounts = demandAmounts(evaluate(ctx, loadContext(ctx, head, input.asOf), input.asOf), accelerated)
  if (amounts.total <= 0)
    throw new AppError(
      'CONFLICT',
      `贷款 ${head.contractNo}（${head.borrowerName}）截至 ${input.asOf} 没有逾期欠款，无需催收`,
    )
  const noticeNo = await nextNoticeNo(ctx.db, Number(ctx.today().slice(0, 4)))
  const id = await insertNotice(ctx.db, {
    noticeNo,
    loanId: head.id,
    addressee: input.addressee,
    guarantorId: input.addressee === 'guarantor' ? input.guarantorId! : null,
    asOf: input.asOf,
    deadline,
    accelerated,
    ...amounts,
    createdBy: caller(ctx).userId,
    createdAt: ctx.nowIso(),
  })
  const to = input.addressee === 'guarantor' ? `保证人 ${guarantorName}` : `借款人 ${head.borrowerName}`
  ctx.audit({
    entity: 'collection_notice',
    entityId: id,
    summary: `生成催收通知书 ${noticeNo}：合同 ${head.contractNo}，致${to}，截至 ${input.asOf}${accelerated ? '（已宣布提前到期，全部本息）' : '逾期'}欠款 ${yuan(amounts.total)}，限 ${deadline} 前归还`,
  })
  return { id, noticeNo, amounts }
}
