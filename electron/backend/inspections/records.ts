// Inspection records: drafts, two-officer sign-off, the manager's review, corrections. A record
// past its draft never changes (also enforced by database triggers); a correction is a new record.
import { AppError, hasPermission, type InspectionView, type ParsedInput, type Role } from '../../../shared/api'
import { isValidDate } from '../../../shared/domain'
import type { Ctx, Handlers } from '../context'
import { visibleLoan } from '../loans/handlers'
import { assertInPortfolio, caller } from '../scope'
import {
  advance,
  deleteDraft,
  findRecord,
  findUser,
  insertRecord,
  insertValuation,
  listRecords,
  markReportFiled,
  pendingRecords,
  recordColumns,
  securityOfLoan,
  updateDraft,
  type RecordColumns,
} from './inspections-repo'
import { proposeFromWorkflow } from '../risk/classification-handlers'
import { clearSignals } from './schedule-repo'
import { refreshLoanDue } from './schedule'

/** zh-CN names for audit summaries (UI text lives in the renderer's i18n). */
export const TYPE_LABELS: Record<InspectionView['type'], string> = {
  first: '首次检查',
  routine: '定期检查',
  special: '专项检查',
  collateral: '抵质押物检查',
  guarantor: '保证人检查',
}

function bad(path: string, message: string): never {
  throw new AppError('VALIDATION', `输入有误：${message}`, [{ path, message }])
}

/** A record the caller may see: in their portfolio, or one they wrote or were named on. */
export async function visibleRecord(ctx: Ctx, id: number): Promise<InspectionView> {
  const r = await findRecord(ctx.db, id)
  if (!r) throw new AppError('NOT_FOUND', `检查记录 #${id} 不存在`)
  const me = caller(ctx).userId
  if (r.view.officerId !== me && r.view.secondOfficerId !== me)
    assertInPortfolio(ctx, r.loanOfficerId, `检查记录 #${id} `)
  return r.view
}

type Fields = ParsedInput<'inspections.saveDraft'>

async function checkFields(
  ctx: Ctx,
  f: Fields,
  loan: { id: number; disbursement_date: string },
): Promise<RecordColumns> {
  if (!isValidDate(f.inspectedOn)) bad('inspectedOn', '检查日期不存在')
  if (f.inspectedOn > ctx.today()) bad('inspectedOn', '检查日期不能晚于今天')
  if (f.inspectedOn < loan.disbursement_date) bad('inspectedOn', '检查日期不能早于贷款发放日')
  if (f.nextDate && (!isValidDate(f.nextDate) || f.nextDate <= f.inspectedOn))
    bad('nextDate', '下次检查日期须晚于本次检查日期')
  if (f.type === 'collateral' && !f.collateralId) bad('collateralId', '抵质押物检查须选择抵质押物')
  if (f.type === 'guarantor' && !f.guarantorId) bad('guarantorId', '保证人检查须选择保证人')
  if (f.revaluedAmount != null && !f.collateralId) bad('collateralId', '重估价值须对应一项抵质押物')
  if (f.guarantorId && !(await securityOfLoan(ctx.db, loan.id, 'guarantor', f.guarantorId)))
    bad('guarantorId', '保证人不属于该笔贷款')
  if (f.collateralId && !(await securityOfLoan(ctx.db, loan.id, 'collateral', f.collateralId)))
    bad('collateralId', '抵质押物不属于该笔贷款')
  return {
    loan_id: loan.id,
    type: f.type,
    inspected_on: f.inspectedOn,
    method: f.method,
    fund_use: f.fundUse ?? null,
    fund_used_amount: f.fundUsedAmount ?? null,
    fund_evidence: f.fundEvidence ?? null,
    business_status: f.businessStatus ?? null,
    income_status: f.incomeStatus ?? null,
    repayment_source: f.repaymentSource ?? null,
    guarantor_id: f.guarantorId ?? null,
    guarantor_status: f.guarantorStatus ?? null,
    collateral_id: f.collateralId ?? null,
    collateral_status: f.collateralStatus ?? null,
    revalued_amount: f.revaluedAmount ?? null,
    conclusion: f.conclusion ?? null,
    proposed_category: f.proposedCategory ?? null,
    next_date: f.nextDate ?? null,
    signals: JSON.stringify(f.signals),
  }
}

function assertSubmittable(r: InspectionView): void {
  if (!r.conclusion) bad('conclusion', '提交前须填写检查结论')
  if (r.type === 'first' && !r.fundUse) bad('fundUse', '首次检查须填写资金流向（是否按约定用途使用）')
}

async function reload(ctx: Ctx, id: number): Promise<InspectionView> {
  return (await findRecord(ctx.db, id))!.view
}

/** Takes effect when the second officer signs: revaluation, signals checked, schedule moved. */
async function onSigned(ctx: Ctx, r: InspectionView): Promise<string> {
  if (r.collateralId && r.revaluedAmount != null) {
    await insertValuation(ctx.db, {
      collateralId: r.collateralId,
      value: r.revaluedAmount,
      valuedOn: r.inspectedOn,
      valuer: `${r.officerName}、${r.secondOfficerName ?? ''}`,
      note: `贷后检查 #${r.id}`,
      by: caller(ctx).userId,
      at: ctx.nowIso(),
    })
  }
  await clearSignals(ctx.db, r.loanId, r.id, r.inspectedOn)
  await refreshLoanDue(ctx.db, [r.loanId], ctx.nowIso())
  return proposeCategory(ctx, r)
}

/**
 * The conclusion's proposed category goes to the 五级分类 workflow (DOMAIN §6; issue 11): a proposal
 * by the inspector with the conclusion as its reason, decided by a manager like any other. Returns
 * the audit note (filed, or why not: same as the category in force, below the floor, one pending).
 */
async function proposeCategory(ctx: Ctx, r: InspectionView): Promise<string> {
  if (!r.proposedCategory) return ''
  const reason = `贷后检查 #${r.id}（${TYPE_LABELS[r.type]}，${r.inspectedOn}）结论：${r.conclusion ?? ''}`
  const filed = await proposeFromWorkflow(ctx, {
    loanId: r.loanId,
    category: r.proposedCategory,
    reason,
    proposerId: r.officerId,
  })
  return 'id' in filed ? `，建议分类已提交审批（调整 #${filed.id}）` : `，建议分类未提交审批：${filed.skipped}`
}

export const recordHandlers = {
  'inspections.list': async (ctx, input) => {
    await visibleLoan(ctx, input.loanId)
    return listRecords(ctx.db, input.loanId)
  },

  'inspections.pending': async (ctx) => {
    const c = caller(ctx)
    return pendingRecords(ctx.db, c.userId, hasPermission(c.role, 'loans.approve'))
  },

  'inspections.get': async (ctx, input) => visibleRecord(ctx, input.id),

  'inspections.saveDraft': async (ctx, input) => {
    const loan = await visibleLoan(ctx, input.loanId)
    const cols = await checkFields(ctx, input, loan)
    const me = caller(ctx).userId
    let id = input.id
    if (id) {
      const r = await visibleRecord(ctx, id)
      if (r.status !== 'draft')
        throw new AppError('CONFLICT', `检查记录 #${id} 已签字，不能修改；如需更正请新建更正记录`)
      if (r.officerId !== me) throw new AppError('FORBIDDEN', '只有填写人可以修改草稿')
      if (r.loanId !== loan.id) bad('loanId', '草稿不能改到另一笔贷款')
      await updateDraft(ctx.db, id, cols, ctx.nowIso())
    } else {
      id = await insertRecord(ctx.db, { ...cols, officer_id: me, corrects_id: null, at: ctx.nowIso() })
    }
    ctx.audit({
      entity: 'inspection',
      entityId: id,
      summary: `保存${TYPE_LABELS[input.type]}草稿（合同 ${loan.contract_no}，检查日期 ${input.inspectedOn}）`,
    })
    return reload(ctx, id)
  },

  'inspections.submit': async (ctx, input) => {
    const r = await visibleRecord(ctx, input.id)
    const me = caller(ctx)
    if (r.officerId !== me.userId) throw new AppError('FORBIDDEN', '只有填写人可以提交检查记录')
    if (r.status !== 'draft') throw new AppError('CONFLICT', `检查记录 #${r.id} 已提交`)
    if (input.secondOfficerId === me.userId) bad('secondOfficerId', '第二检查人须为另一名工作人员，不能是本人')
    const second = await findUser(ctx.db, input.secondOfficerId)
    if (!second || second.disabled || !hasPermission(second.role as Role, 'loans.write'))
      bad('secondOfficerId', '第二检查人须为在职的信贷员或主管')
    assertSubmittable(r)
    await advance(
      ctx.db,
      r.id,
      'draft',
      { status: 'submitted', second_officer_id: second.id, submitted_at: ctx.nowIso() },
      ctx.nowIso(),
    )
    ctx.audit({
      entity: 'inspection',
      entityId: r.id,
      summary: `${me.displayName} 签字提交${TYPE_LABELS[r.type]}（合同 ${r.contractNo}），请 ${second.displayName} 确认`,
    })
    return reload(ctx, r.id)
  },

  'inspections.confirm': async (ctx, input) => {
    const r = await visibleRecord(ctx, input.id)
    const me = caller(ctx)
    if (r.officerId === me.userId) throw new AppError('FORBIDDEN', '第二检查人须为另一名工作人员，填写人不能自己确认')
    if (r.status !== 'submitted') throw new AppError('CONFLICT', `检查记录 #${r.id} 不在待确认状态`)
    if (r.secondOfficerId !== me.userId)
      throw new AppError('FORBIDDEN', `该记录指定的第二检查人是 ${r.secondOfficerName ?? ''}`)
    if (!(await advance(ctx.db, r.id, 'submitted', { status: 'confirmed', confirmed_at: ctx.nowIso() }, ctx.nowIso())))
      throw new AppError('CONFLICT', '记录已被他人处理')
    const signed = await reload(ctx, r.id)
    const reval = r.revaluedAmount != null ? `，抵质押物重估为 ${r.revaluedAmount} 分` : ''
    const note = await onSigned(ctx, signed)
    ctx.audit({
      entity: 'inspection',
      entityId: r.id,
      summary: `${me.displayName} 作为第二检查人确认${TYPE_LABELS[r.type]}（合同 ${r.contractNo}）${reval}${note}`,
    })
    return reload(ctx, r.id)
  },

  'inspections.review': async (ctx, input) => {
    const r = await visibleRecord(ctx, input.id)
    const me = caller(ctx)
    if (r.status !== 'confirmed') throw new AppError('CONFLICT', `检查记录 #${r.id} 须经两名检查人签字后才能复核`)
    if (r.officerId === me.userId || r.secondOfficerId === me.userId)
      throw new AppError('FORBIDDEN', '检查人不能复核自己参与的检查记录')
    await advance(
      ctx.db,
      r.id,
      'confirmed',
      { status: 'reviewed', reviewer_id: me.userId, reviewed_at: ctx.nowIso(), review_note: input.note ?? null },
      ctx.nowIso(),
    )
    const filed = await markReportFiled(ctx.db, r.loanId)
    ctx.audit({
      entity: 'inspection',
      entityId: r.id,
      summary: `${me.displayName} 复核通过${TYPE_LABELS[r.type]}（合同 ${r.contractNo}）${filed ? '，档案清单“贷后检查报告”已标记为齐全' : ''}`,
    })
    return reload(ctx, r.id)
  },

  'inspections.correct': async (ctx, input) => {
    const r = await visibleRecord(ctx, input.id)
    if (r.status === 'draft') throw new AppError('CONFLICT', '草稿可直接修改，无需更正记录')
    await visibleLoan(ctx, r.loanId)
    const cols = (await recordColumns(ctx.db, r.id))!
    const id = await insertRecord(ctx.db, {
      ...cols,
      officer_id: caller(ctx).userId,
      corrects_id: r.id,
      at: ctx.nowIso(),
    })
    ctx.audit({
      entity: 'inspection',
      entityId: id,
      summary: `新建更正记录，更正 ${r.inspectedOn} 的${TYPE_LABELS[r.type]}（记录 #${r.id}，合同 ${r.contractNo}）`,
    })
    return reload(ctx, id)
  },

  'inspections.discard': async (ctx, input) => {
    const r = await visibleRecord(ctx, input.id)
    if (r.status !== 'draft') throw new AppError('CONFLICT', '已签字的检查记录不能删除')
    if (r.officerId !== caller(ctx).userId) throw new AppError('FORBIDDEN', '只有填写人可以删除草稿')
    await deleteDraft(ctx.db, r.id)
    ctx.audit({
      entity: 'inspection',
      entityId: r.id,
      summary: `删除${TYPE_LABELS[r.type]}草稿（合同 ${r.contractNo}）`,
    })
    return { ok: true as const }
  },
} satisfies Partial<Handlers>
