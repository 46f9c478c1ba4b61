import { AppError, hasPermission, type LoanView, type Role } from '../../../shared/api'
import { coverageBp } from '../../../shared/archives'
import { addMonths, isValidDate, yuanText } from '../../../shared/domain'
import type { Ctx, Handlers } from '../context'
import { findLoan, listLoans, toLoanView } from './loans-repo'
import { visibleBorrower } from '../borrowers/handlers'
import { loadCollaterals, loadGuarantors, loadTransfers } from './security'
import { claimNumbers } from '../numbering/handlers'
import { assertInPortfolio, caller, scopeOfficer, seesAll } from '../scope'
import { displayStatusOf } from '../../../shared/domain'
import { ensureLoanStates, loanStatesOf } from '../servicing/state-repo'

/** Loan views with their display status (逾期 with DPD) from loan_state, as of today. */
async function withDisplayStatus(ctx: Ctx, views: LoanView[]): Promise<LoanView[]> {
  ensureLoanStates(ctx.db, ctx.today())
  const states = await loanStatesOf(
    ctx.db,
    views.map((v) => v.id),
  )
  return views.map((v) => {
    const d = displayStatusOf(v.status, states.get(v.id)?.oldestUnpaidDue ?? null, ctx.today())
    return { ...v, displayStatus: d.displayStatus, dpd: d.dpd }
  })
}

/** Loads a loan in the caller's portfolio, or NOT_FOUND. */
export async function visibleLoan(ctx: Ctx, id: number) {
  const r = await findLoan(ctx.db, id)
  if (!r) throw new AppError('NOT_FOUND', `贷款 #${id} 不存在`)
  assertInPortfolio(ctx, r.officer_id, `贷款 #${id} `)
  return r
}

/** An active user who may be a loan's 主责任人 (officer or manager). */
export async function assertOfficer(ctx: Ctx, id: number, path: string): Promise<{ id: number; display_name: string }> {
  const u = await ctx.db
    .selectFrom('users')
    .select(['id', 'display_name', 'role', 'disabled'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!u || u.disabled || !hasPermission(u.role as Role, 'loans.write')) {
    throw new AppError('VALIDATION', '责任人须为在职的信贷员或主管', [
      { path, message: '责任人须为在职的信贷员或主管' },
    ])
  }
  return u
}

async function assertUniqueNumbers(
  ctx: Ctx,
  contractNo: string | undefined,
  iouNo: string | undefined,
  selfId?: number,
) {
  if (contractNo) {
    const o = await ctx.db.selectFrom('loans').select('id').where('contract_no', '=', contractNo).executeTakeFirst()
    if (o && o.id !== selfId)
      throw new AppError('CONFLICT', `合同号 ${contractNo} 已被贷款 #${o.id} 使用`, [
        { path: 'contractNo', message: '合同号已存在' },
      ])
  }
  if (iouNo) {
    const o = await ctx.db.selectFrom('loans').select('id').where('iou_no', '=', iouNo).executeTakeFirst()
    if (o && o.id !== selfId)
      throw new AppError('CONFLICT', `借据号 ${iouNo} 已被贷款 #${o.id} 使用`, [
        { path: 'iouNo', message: '借据号已存在' },
      ])
  }
}

function checkDates(d: { disbursementDate: string; maturityDate: string }) {
  const fields = []
  if (!isValidDate(d.disbursementDate)) fields.push({ path: 'disbursementDate', message: '发放日期不存在' })
  if (!isValidDate(d.maturityDate)) fields.push({ path: 'maturityDate', message: '到期日期不存在' })
  else if (d.maturityDate <= d.disbursementDate) fields.push({ path: 'maturityDate', message: '到期日须晚于发放日' })
  const first = fields[0]
  if (first) throw new AppError('VALIDATION', `输入有误：${first.message}`, fields)
}

/** Loan columns a repayment plan is built from, with the input key that changes each. */
const PLAN_TERMS = [
  ['principal', 'principal'],
  ['annualRate', 'annual_rate'],
  ['termMonths', 'term_months'],
  ['method', 'method'],
  ['dueDay', 'due_day'],
  ['disbursementDate', 'disbursement_date'],
  ['maturityDate', 'maturity_date'],
] as const

/**
 * Once a plan exists the servicing screens read these terms beside the plan rows, so a plain edit
 * would make them disagree; changes go through 展期/重组/提前还款, which version the plan.
 */
async function assertPlanTermsKept(
  ctx: Ctx,
  before: Record<(typeof PLAN_TERMS)[number][1], unknown> & { id: number; contract_no: string },
  input: Record<string, unknown>,
) {
  const changed = PLAN_TERMS.filter(([k, col]) => input[k] !== undefined && input[k] !== before[col])
  if (changed.length === 0) return
  const plan = await ctx.db
    .selectFrom('loan_plan_versions')
    .select('id')
    .where('loan_id', '=', before.id)
    .where('status', '=', 'active')
    .executeTakeFirst()
  if (!plan) return
  const msg = `贷款 ${before.contract_no} 已生成还款计划，金额、利率、期限、还款方式和日期不能直接修改，请办理展期、重组或提前还款`
  throw new AppError(
    'CONFLICT',
    msg,
    changed.map(([k]) => ({ path: k, message: msg })),
  )
}

/** Loans (basic record) with officer scoping; repayment plans live in the servicing area. */
export const loanHandlers = {
  'loans.list': async (ctx, input) => {
    const r = await listLoans(ctx.db, { ...input, scopeOfficerId: scopeOfficer(ctx) }, input)
    return { ...r, rows: await withDisplayStatus(ctx, r.rows) }
  },

  'loans.officers': async (ctx) =>
    (
      await ctx.db
        .selectFrom('users')
        .select(['id', 'display_name', 'role'])
        .where('disabled', '=', 0)
        .where('role', 'in', ['officer', 'manager'])
        .orderBy('id')
        .execute()
    ).map((u) => ({ id: u.id, displayName: u.display_name, role: u.role })),

  'loans.get': async (ctx, input) => {
    const l = await visibleLoan(ctx, input.id)
    const collaterals = await loadCollaterals(ctx.db, [l.id])
    const [view] = await withDisplayStatus(ctx, [toLoanView(l)])
    // Coverage from the outstanding principal (issue 14.8; loan_state, as of today); the principal until a plan exists.
    const outstanding =
      l.status === 'active' ? ((await loanStatesOf(ctx.db, [l.id])).get(l.id)?.outstandingPrincipal ?? l.principal) : 0
    const collateralValue = collaterals.reduce((s, c) => s + c.currentValue, 0)
    const files = await ctx.db
      .selectFrom('loan_files')
      .select(['id', 'file_no', 'status'])
      .where('loan_id', '=', l.id)
      .execute()
    return {
      loan: view!,
      guarantors: await loadGuarantors(ctx, [l.id]),
      collaterals,
      outstanding,
      collateralValue,
      coverageBp: coverageBp(collateralValue, outstanding),
      transfers: await loadTransfers(ctx.db, { loanId: l.id, limit: 50 }),
      files: files.map((f) => ({ id: f.id, fileNo: f.file_no, status: f.status })),
    }
  },

  'loans.create': async (ctx, input) => {
    const borrower = await visibleBorrower(ctx, input.borrowerId)
    const me = caller(ctx)
    const officerId = input.officerId ?? me.userId
    if (officerId !== me.userId && !seesAll(ctx)) throw new AppError('FORBIDDEN', '信贷员只能登记自己为主责任人的贷款')
    await assertOfficer(ctx, officerId, 'officerId')
    checkDates(input)
    if (addMonths(input.disbursementDate, input.termMonths) !== input.maturityDate && input.method !== 'custom') {
      // Maturity normally equals disbursement + term; a mismatch is allowed but must be deliberate.
      if (input.maturityDate > addMonths(input.disbursementDate, input.termMonths + 1)) {
        throw new AppError('VALIDATION', '到期日与期限不符', [
          { path: 'maturityDate', message: `按期限应为 ${addMonths(input.disbursementDate, input.termMonths)}` },
        ])
      }
    }
    await assertUniqueNumbers(ctx, input.contractNo, input.iouNo)
    const now = ctx.nowIso()
    const { id } = await ctx.db
      .insertInto('loans')
      .values({
        borrower_id: borrower.id,
        contract_no: input.contractNo,
        iou_no: input.iouNo,
        product: input.product,
        principal: input.principal,
        annual_rate: input.annualRate,
        term_months: input.termMonths,
        method: input.method,
        due_day: input.dueDay ?? null,
        disbursement_date: input.disbursementDate,
        maturity_date: input.maturityDate,
        purpose: input.purpose,
        guarantee_type: input.guaranteeType,
        officer_id: officerId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await claimNumbers(ctx, input) // 合同号/借据号 serials advance only when a loan is saved
    // A borrower without a 管户 officer is managed by the officer of his first loan.
    if (borrower.officer_id === null)
      await ctx.db.updateTable('borrowers').set({ officer_id: officerId }).where('id', '=', borrower.id).execute()
    ctx.audit({
      entity: 'loan',
      entityId: id,
      summary: `登记贷款 合同号 ${input.contractNo}，借款人 ${borrower.name}，金额 ${yuanText(input.principal)}`,
    })
    return toLoanView((await findLoan(ctx.db, id))!)
  },

  'loans.update': async (ctx, input) => {
    const before = await visibleLoan(ctx, input.id)
    await assertPlanTermsKept(ctx, before, input)
    await assertUniqueNumbers(ctx, input.contractNo, input.iouNo, before.id)
    const dates = {
      disbursementDate: input.disbursementDate ?? before.disbursement_date,
      maturityDate: input.maturityDate ?? before.maturity_date,
    }
    checkDates(dates)
    const set = {
      updated_at: ctx.nowIso(),
      ...(input.contractNo !== undefined && { contract_no: input.contractNo }),
      ...(input.iouNo !== undefined && { iou_no: input.iouNo }),
      ...(input.product !== undefined && { product: input.product }),
      ...(input.principal !== undefined && { principal: input.principal }),
      ...(input.annualRate !== undefined && { annual_rate: input.annualRate }),
      ...(input.termMonths !== undefined && { term_months: input.termMonths }),
      ...(input.method !== undefined && { method: input.method }),
      ...(input.dueDay !== undefined && { due_day: input.dueDay }),
      ...(input.purpose !== undefined && { purpose: input.purpose }),
      ...(input.guaranteeType !== undefined && { guarantee_type: input.guaranteeType }),
      disbursement_date: dates.disbursementDate,
      maturity_date: dates.maturityDate,
    }
    await ctx.db.updateTable('loans').set(set).where('id', '=', before.id).execute()
    const changed = Object.keys(input).filter((k) => k !== 'id')
    ctx.audit({
      entity: 'loan',
      entityId: before.id,
      summary: `修改贷款 合同号 ${before.contract_no}：${changed.join('、') || '无变化'}`,
    })
    return toLoanView((await findLoan(ctx.db, before.id))!)
  },
} satisfies Partial<Handlers>
