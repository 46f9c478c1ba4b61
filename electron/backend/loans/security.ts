import { type z } from 'zod'
import { AppError, type collateralView, type guarantorView, type TransferView } from '../../../shared/api'
import { maskIdNumber, maskPhone } from '../../../shared/archives'
import { isValidCreditCode, isValidMobile, parseResidentId, yuanText } from '../../../shared/domain'
import type { Ctx, Handlers } from '../context'
import type { Db } from '../db/types'
import { visibleBorrower } from '../borrowers/handlers'
import { assertOfficer, visibleLoan } from './handlers'
import { caller, seesAll, seesPii } from '../scope'

type GuarantorView = z.infer<typeof guarantorView>
type CollateralView = z.infer<typeof collateralView>

/** Guarantors of loans, masked per caller. */
export async function loadGuarantors(ctx: Ctx, loanIds: number[]): Promise<GuarantorView[]> {
  if (!loanIds.length) return []
  const pii = seesPii(ctx)
  const rows = await ctx.db.selectFrom('guarantors').selectAll().where('loan_id', 'in', loanIds).orderBy('id').execute()
  return rows.map((g) => ({
    id: g.id,
    loanId: g.loan_id,
    borrowerId: g.borrower_id,
    kind: g.kind,
    name: g.name,
    idNumber: g.id_number && (pii || g.kind === 'company' ? g.id_number : maskIdNumber(g.id_number)),
    phone: g.phone && (pii ? g.phone : maskPhone(g.phone)),
    mode: g.mode,
    amount: g.amount,
    periodStart: g.period_start,
    periodEnd: g.period_end,
  }))
}

/** Collateral with valuation history; current value = latest valuation (or the appraisal). */
export async function loadCollaterals(db: Db, loanIds: number[]): Promise<CollateralView[]> {
  if (!loanIds.length) return []
  const rows = await db.selectFrom('collaterals').selectAll().where('loan_id', 'in', loanIds).orderBy('id').execute()
  const vals = rows.length
    ? await db
        .selectFrom('collateral_valuations')
        .selectAll()
        .where(
          'collateral_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('valued_on')
        .orderBy('id')
        .execute()
    : []
  return rows.map((c) => {
    const history = vals.filter((v) => v.collateral_id === c.id)
    const last = history[history.length - 1]
    return {
      id: c.id,
      loanId: c.loan_id,
      type: c.type,
      description: c.description,
      ownerName: c.owner_name,
      certNo: c.cert_no,
      otherRightCertNo: c.other_right_cert_no,
      location: c.location,
      appraisedValue: c.appraised_value,
      appraisedOn: c.appraised_on,
      insured: c.insured === 1,
      insurancePolicy: c.insurance_policy,
      insuranceExpiry: c.insurance_expiry,
      currentValue: last ? last.value : c.appraised_value,
      valuations: history.map((v) => ({ value: v.value, valuedOn: v.valued_on, valuer: v.valuer, note: v.note })),
    }
  })
}

/** 责任移交 history, newest first. */
export async function loadTransfers(
  db: Db,
  f: { loanId?: number | undefined; officerId?: number | undefined; limit: number },
): Promise<TransferView[]> {
  let q = db
    .selectFrom('officer_transfers as t')
    .innerJoin('users as a', 'a.id', 't.from_officer_id')
    .innerJoin('users as b', 'b.id', 't.to_officer_id')
    .innerJoin('users as u', 'u.id', 't.by_user_id')
    .select([
      't.id',
      'a.display_name as from_name',
      'b.display_name as to_name',
      't.reason',
      't.effective_date',
      'u.username',
      't.created_at',
    ])
  if (f.loanId)
    q = q.where(
      't.id',
      'in',
      db.selectFrom('officer_transfer_loans').select('transfer_id').where('loan_id', '=', f.loanId),
    )
  if (f.officerId)
    q = q.where((eb) => eb.or([eb('t.from_officer_id', '=', f.officerId!), eb('t.to_officer_id', '=', f.officerId!)]))
  const rows = await q.orderBy('t.id', 'desc').limit(f.limit).execute()
  const out: TransferView[] = []
  for (const r of rows) {
    const loans = await db
      .selectFrom('officer_transfer_loans as x')
      .innerJoin('loans as l', 'l.id', 'x.loan_id')
      .select('l.contract_no')
      .where('x.transfer_id', '=', r.id)
      .orderBy('l.id')
      .limit(200)
      .execute()
    const n = await db
      .selectFrom('officer_transfer_loans')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('transfer_id', '=', r.id)
      .executeTakeFirstOrThrow()
    out.push({
      id: r.id,
      fromOfficerName: r.from_name,
      toOfficerName: r.to_name,
      reason: r.reason,
      effectiveDate: r.effective_date,
      byUsername: r.username,
      createdAt: r.created_at,
      loanCount: Number(n.n),
      contractNos: loans.map((l) => l.contract_no),
    })
  }
  return out
}

function bad(path: string, message: string): never {
  throw new AppError('VALIDATION', `输入有误：${message}`, [{ path, message }])
}

/** Guarantors, collateral (valuation history) and 责任移交. */
export const loanSecurityHandlers = {
  'loans.addGuarantor': async (ctx, input) => {
    const loan = await visibleLoan(ctx, input.loanId)
    if (input.periodEnd < input.periodStart) bad('periodEnd', '保证期间结束日不得早于开始日')
    let name = input.name ?? ''
    let idNumber = input.idNumber ?? null
    let phone = input.phone ?? null
    if (input.kind === 'borrower') {
      if (!input.borrowerId) bad('borrowerId', '请选择作为保证人的借款人')
      if (input.borrowerId === loan.borrower_id) bad('borrowerId', '借款人本人不能为自己的贷款提供保证')
      const b = await visibleBorrower(ctx, input.borrowerId)
      name = b.name
      idNumber = b.id_number ?? b.credit_code
      phone = b.phone
    } else {
      if (!name) bad('name', '请填写保证人名称')
      if (input.kind === 'person' && (!idNumber || !parseResidentId(idNumber))) bad('idNumber', '保证人身份证号无效')
      if (input.kind === 'company' && (!idNumber || !isValidCreditCode(idNumber.toUpperCase())))
        bad('idNumber', '保证企业统一社会信用代码无效')
      idNumber = idNumber!.toUpperCase()
      if (phone && !isValidMobile(phone)) bad('phone', '手机号无效')
    }
    const dup = await ctx.db
      .selectFrom('guarantors')
      .select('id')
      .where('loan_id', '=', loan.id)
      .where((eb) => eb.or([eb('id_number', '=', idNumber ?? ''), eb('name', '=', name)]))
      .executeTakeFirst()
    if (dup) throw new AppError('CONFLICT', `${name} 已是该笔贷款的保证人`)
    const { id } = await ctx.db
      .insertInto('guarantors')
      .values({
        loan_id: loan.id,
        borrower_id: input.kind === 'borrower' ? input.borrowerId! : null,
        kind: input.kind,
        name,
        id_number: idNumber,
        phone,
        mode: input.mode,
        amount: input.amount,
        period_start: input.periodStart,
        period_end: input.periodEnd,
        created_at: ctx.nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    ctx.audit({
      entity: 'loan',
      entityId: loan.id,
      summary: `合同 ${loan.contract_no} 登记${input.mode === 'joint' ? '连带责任' : '一般'}保证人 ${name}，保证金额 ${yuanText(input.amount)}`,
    })
    return (await loadGuarantors(ctx, [loan.id])).find((g) => g.id === id)!
  },

  'loans.removeGuarantor': async (ctx, input) => {
    const g = await ctx.db.selectFrom('guarantors').selectAll().where('id', '=', input.id).executeTakeFirst()
    if (!g) throw new AppError('NOT_FOUND', `保证人 #${input.id} 不存在`)
    const loan = await visibleLoan(ctx, g.loan_id)
    await ctx.db.deleteFrom('guarantors').where('id', '=', g.id).execute()
    ctx.audit({ entity: 'loan', entityId: loan.id, summary: `合同 ${loan.contract_no} 删除保证人 ${g.name}` })
    return { ok: true as const }
  },

  'loans.addCollateral': async (ctx, input) => {
    const loan = await visibleLoan(ctx, input.loanId)
    const now = ctx.nowIso()
    const { id } = await ctx.db
      .insertInto('collaterals')
      .values({
        loan_id: loan.id,
        type: input.type,
        description: input.description,
        owner_name: input.ownerName ?? null,
        cert_no: input.certNo ?? null,
        other_right_cert_no: input.otherRightCertNo ?? null,
        location: input.location ?? null,
        appraised_value: input.appraisedValue,
        appraised_on: input.appraisedOn,
        insured: input.insured ? 1 : 0,
        insurance_policy: input.insurancePolicy ?? null,
        insurance_expiry: input.insuranceExpiry ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await ctx.db
      .insertInto('collateral_valuations')
      .values({
        collateral_id: id,
        value: input.appraisedValue,
        valued_on: input.appraisedOn,
        valuer: '初始评估',
        note: null,
        created_by: caller(ctx).userId,
        created_at: now,
      })
      .execute()
    ctx.audit({
      entity: 'loan',
      entityId: loan.id,
      summary: `合同 ${loan.contract_no} 登记抵质押物 ${input.type}（${input.description}），评估值 ${yuanText(input.appraisedValue)}`,
    })
    return (await loadCollaterals(ctx.db, [loan.id])).find((c) => c.id === id)!
  },

  'loans.revalueCollateral': async (ctx, input) => {
    const c = await ctx.db.selectFrom('collaterals').selectAll().where('id', '=', input.collateralId).executeTakeFirst()
    if (!c) throw new AppError('NOT_FOUND', `抵质押物 #${input.collateralId} 不存在`)
    const loan = await visibleLoan(ctx, c.loan_id)
    if (input.valuedOn < c.appraised_on) bad('valuedOn', '重估日期不得早于初始评估日期')
    await ctx.db
      .insertInto('collateral_valuations')
      .values({
        collateral_id: c.id,
        value: input.value,
        valued_on: input.valuedOn,
        valuer: input.valuer ?? null,
        note: input.note ?? null,
        created_by: caller(ctx).userId,
        created_at: ctx.nowIso(),
      })
      .execute()
    ctx.audit({
      entity: 'loan',
      entityId: loan.id,
      summary: `合同 ${loan.contract_no} 抵质押物 ${c.type}（${c.description}）重估：${yuanText(input.value)}（${input.valuedOn}）`,
    })
    return (await loadCollaterals(ctx.db, [loan.id])).find((x) => x.id === c.id)!
  },

  'loans.transfer': async (ctx, input) => {
    if (input.fromOfficerId === input.toOfficerId) bad('toOfficerId', '移交双方不能是同一人')
    const from = await ctx.db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', '=', input.fromOfficerId)
      .executeTakeFirst()
    if (!from) bad('fromOfficerId', '移交人不存在')
    const to = await assertOfficer(ctx, input.toOfficerId, 'toOfficerId')
    let q = ctx.db.selectFrom('loans').select(['id', 'officer_id']).where('officer_id', '=', from.id)
    if (input.loanIds) q = q.where('id', 'in', input.loanIds.length ? input.loanIds : [0])
    else q = q.where('status', '=', 'active')
    const loans = await q.execute()
    if (input.loanIds && loans.length !== input.loanIds.length) bad('loanIds', '部分贷款不存在或不属于移交人')
    if (!loans.length) bad('loanIds', '移交人名下没有可移交的贷款')
    const now = ctx.nowIso()
    const { id } = await ctx.db
      .insertInto('officer_transfers')
      .values({
        from_officer_id: from.id,
        to_officer_id: to.id,
        reason: input.reason,
        effective_date: input.effectiveDate,
        by_user_id: caller(ctx).userId,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const ids = loans.map((l) => l.id)
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500)
      await ctx.db
        .insertInto('officer_transfer_loans')
        .values(chunk.map((loan_id) => ({ transfer_id: id, loan_id })))
        .execute()
      await ctx.db.updateTable('loans').set({ officer_id: to.id, updated_at: now }).where('id', 'in', chunk).execute()
      // 管户 follows the loans: the borrowers the leaving officer managed move with them.
      await ctx.db
        .updateTable('borrowers')
        .set({ officer_id: to.id, updated_at: now })
        .where('officer_id', '=', from.id)
        .where('id', 'in', ctx.db.selectFrom('loans').select('borrower_id').where('id', 'in', chunk))
        .execute()
    }
    ctx.audit({
      entity: 'officer_transfer',
      entityId: id,
      summary: `责任移交：${from.display_name} → ${to.display_name}，${ids.length} 笔贷款，原因：${input.reason}`,
    })
    return (await loadTransfers(ctx.db, { limit: 1 }))[0]!
  },

  'loans.transfers': async (ctx, input) => {
    if (input.loanId) await visibleLoan(ctx, input.loanId)
    // Officers see the hand-overs that involve them; portfolio.all sees every one.
    const officerId = seesAll(ctx) || input.loanId ? input.officerId : caller(ctx).userId
    return loadTransfers(ctx.db, { ...input, officerId })
  },
} satisfies Partial<Handlers>
