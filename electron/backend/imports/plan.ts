import { isValidCreditCode, isValidMobile, parseResidentId } from '../../../shared/domain'
import type { Ctx } from '../context'
import { deriveBorrower } from '../borrowers/rules'
import { findCollateralRow, findGuarantorRow, importUsers, type KeyedTable, rowsByKeys } from './imports-repo'
import { maskIdNumber, maskPhone } from '../../../shared/archives'
import { caller, scopeOfficer, seesAll } from '../scope'

export interface Problem {
  row: number
  column: string
  message: string
}
/**
 * One planned row: create a new record, update `id`, or leave it unchanged. An update keeps the
 * stored row (`before`) and a name people know the record by (`label`) for the change list.
 */
export interface Action {
  kind: 'create' | 'update' | 'unchanged'
  row: number
  id?: number
  values: Record<string, unknown>
  before?: Record<string, unknown>
  label?: string
}
export interface Plan {
  problems: Problem[]
  actions: Action[]
}
export type Rec = { row: number; rec: Record<string, unknown> }

const BORROWER_PATHS: Record<string, string> = {
  idNumber: '身份证号',
  creditCode: '统一社会信用代码',
  phone: '手机号',
  legalRep: '法定代表人',
}
const BORROWER_COLS = [
  'kind',
  'name',
  'id_number',
  'id_tail',
  'birth_date',
  'sex',
  'credit_code',
  'phone',
  'phone_tail',
  'name_initials',
  'name_pinyin',
  'village',
  'village_group',
  'address',
  'occupation',
  'household_income',
  'credit_rating',
  'legal_rep',
  'business_scope',
  'officer_id',
] as const
const LOAN_COLS = [
  'borrower_id',
  'contract_no',
  'iou_no',
  'product',
  'principal',
  'annual_rate',
  'term_months',
  'method',
  'disbursement_date',
  'maturity_date',
  'purpose',
  'guarantee_type',
  'officer_id',
] as const

function chunks<T>(xs: T[], n = 500): T[][] {
  const out: T[][] = []
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n))
  return out
}

/** Loads rows of `table` whose `col` is in `keys`, keyed by that column (chunked). */
export async function loadByKeys(
  ctx: Ctx,
  table: KeyedTable,
  col: string,
  keys: string[],
): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>()
  for (const part of chunks([...new Set(keys)])) {
    for (const r of await rowsByKeys(ctx.db, table, col, part)) out.set(String(r[col]), r)
  }
  return out
}

async function officerResolver(ctx: Ctx, problems: Problem[]) {
  const users = new Map((await importUsers(ctx.db)).map((u) => [u.username, u]))
  const me = caller(ctx)
  return (row: number, username: unknown, header: string): number | null => {
    if (!username) return me.userId
    const u = users.get(String(username))
    if (!u || u.disabled || !['officer', 'manager', 'admin'].includes(u.role)) {
      problems.push({ row, column: header, message: `用户 ${String(username)} 不存在或不是在职信贷员` })
      return null
    }
    if (u.id !== me.userId && !seesAll(ctx)) {
      problems.push({ row, column: header, message: '信贷员只能导入自己管户的记录' })
      return null
    }
    return u.id
  }
}

function classify(
  existing: Record<string, unknown> | undefined,
  values: Record<string, unknown>,
  cols: readonly string[],
  row: number,
  label = '',
): Action {
  if (!existing) return { kind: 'create', row, values }
  const same = cols.every((c) => (existing[c] ?? null) === (values[c] ?? null))
  return same
    ? { kind: 'unchanged', row, id: existing.id as number, values }
    : { kind: 'update', row, id: existing.id as number, values, before: existing, label }
}

function dupCheck(seen: Map<string, number>, key: string, row: number, column: string, problems: Problem[]): boolean {
  const first = seen.get(key)
  if (first !== undefined) {
    problems.push({ row, column, message: `与第 ${first} 行重复` })
    return true
  }
  seen.set(key, row)
  return false
}

/** Borrowers: keyed by ID number / credit code, so re-importing the same file changes nothing. */
export async function planBorrowers(ctx: Ctx, recs: Rec[], problems: Problem[]): Promise<Action[]> {
  const officer = await officerResolver(ctx, problems)
  const scope = scopeOfficer(ctx)
  const staged: { row: number; key: string; values: Record<string, unknown> }[] = []
  const seen = new Map<string, number>()
  for (const { row, rec } of recs) {
    if (!rec.kind || !rec.name) continue
    const { derived, problems: ps } = deriveBorrower({
      kind: rec.kind as 'individual',
      name: String(rec.name),
      idNumber: rec.idNumber as string,
      creditCode: rec.creditCode as string,
      phone: rec.phone as string,
    })
    for (const p of ps) problems.push({ row, column: BORROWER_PATHS[p.path] ?? p.path, message: p.message })
    if (rec.kind === 'enterprise' && !rec.legalRep)
      problems.push({ row, column: '法定代表人', message: '企业须填写法定代表人' })
    const officerId = officer(row, rec.officer, '管户信贷员用户名')
    const key = derived.id_number ?? derived.credit_code
    if (
      ps.length ||
      !key ||
      dupCheck(seen, key, row, rec.kind === 'individual' ? '身份证号' : '统一社会信用代码', problems)
    )
      continue
    staged.push({
      row,
      key,
      values: {
        kind: rec.kind,
        name: rec.name,
        ...derived,
        village: rec.village,
        village_group: rec.villageGroup,
        address: rec.address,
        occupation: rec.occupation,
        household_income: rec.householdIncome,
        credit_rating: rec.creditRating,
        legal_rep: rec.legalRep,
        business_scope: rec.businessScope,
        officer_id: officerId,
      },
    })
  }
  const byId = await loadByKeys(
    ctx,
    'borrowers',
    'id_number',
    staged.map((s) => s.key).filter((k) => k.length === 18 && /^\d/.test(k)),
  )
  const byCode = await loadByKeys(
    ctx,
    'borrowers',
    'credit_code',
    staged.map((s) => s.key),
  )
  return staged.flatMap((s) => {
    const existing = byId.get(s.key) ?? byCode.get(s.key)
    if (existing && scope !== null && existing.officer_id !== scope) {
      problems.push({ row: s.row, column: '身份证号', message: '该借款人已由其他信贷员管户，不能通过导入修改' }) // the owner is outside the caller's portfolio: not named
      return []
    }
    return [classify(existing, s.values, BORROWER_COLS, s.row, String(existing?.name ?? ''))]
  })
}

/** Loans: keyed by contract number; the borrower must already be registered. */
export async function planLoans(ctx: Ctx, recs: Rec[], problems: Problem[]): Promise<Action[]> {
  const officer = await officerResolver(ctx, problems)
  const scope = scopeOfficer(ctx)
  const keys = recs.map((r) => String(r.rec.borrowerKey ?? ''))
  const byId = await loadByKeys(ctx, 'borrowers', 'id_number', keys)
  const byCode = await loadByKeys(ctx, 'borrowers', 'credit_code', keys)
  const existing = await loadByKeys(
    ctx,
    'loans',
    'contract_no',
    recs.map((r) => String(r.rec.contractNo ?? '')),
  )
  const iouTaken = await loadByKeys(
    ctx,
    'loans',
    'iou_no',
    recs.map((r) => String(r.rec.iouNo ?? '')),
  )
  const seenC = new Map<string, number>(),
    seenI = new Map<string, number>()
  const out: Action[] = []
  for (const { row, rec } of recs) {
    const before = problems.length
    const b = byId.get(String(rec.borrowerKey)) ?? byCode.get(String(rec.borrowerKey))
    if (rec.borrowerKey && !b)
      problems.push({
        row,
        column: '借款人证件号',
        message: `借款人 ${maskIdNumber(String(rec.borrowerKey))} 未登记，请先导入借款人`,
      })
    if (rec.disbursementDate && rec.maturityDate && String(rec.maturityDate) <= String(rec.disbursementDate))
      problems.push({ row, column: '到期日', message: '到期日须晚于发放日' })
    if (rec.principal === 0) problems.push({ row, column: '金额(元)', message: '金额须大于零' })
    const officerId = officer(row, rec.officer, '责任人用户名')
    if (rec.contractNo) dupCheck(seenC, String(rec.contractNo), row, '合同号', problems)
    if (rec.iouNo) dupCheck(seenI, String(rec.iouNo), row, '借据号', problems)
    const ex = existing.get(String(rec.contractNo))
    const other = iouTaken.get(String(rec.iouNo))
    if (other && other.contract_no !== rec.contractNo)
      problems.push({ row, column: '借据号', message: `借据号已被合同 ${String(other.contract_no)} 使用` })
    if (ex && scope !== null && ex.officer_id !== scope)
      problems.push({ row, column: '合同号', message: '该贷款不在您的管户范围内，不能通过导入修改' })
    if (problems.length > before || !b) continue
    out.push(
      classify(
        ex,
        {
          borrower_id: b.id,
          contract_no: rec.contractNo,
          iou_no: rec.iouNo,
          product: rec.product,
          principal: rec.principal,
          annual_rate: rec.annualRate,
          term_months: rec.termMonths,
          method: rec.method,
          disbursement_date: rec.disbursementDate,
          maturity_date: rec.maturityDate,
          purpose: rec.purpose,
          guarantee_type: rec.guaranteeType,
          officer_id: officerId,
        },
        LOAN_COLS,
        row,
        `合同 ${String(rec.contractNo)}`,
      ),
    )
  }
  return out
}

async function loansFor(ctx: Ctx, recs: Rec[], problems: Problem[]) {
  const loans = await loadByKeys(
    ctx,
    'loans',
    'contract_no',
    recs.map((r) => String(r.rec.contractNo ?? '')),
  )
  const scope = scopeOfficer(ctx)
  return (row: number, contractNo: unknown) => {
    const l = loans.get(String(contractNo))
    if (!l || (scope !== null && l.officer_id !== scope)) {
      if (contractNo)
        problems.push({
          row,
          column: '合同号',
          message: `合同号 ${String(contractNo)} 的贷款不存在或不在您的管户范围内`,
        })
      return null
    }
    return l
  }
}

/** Guarantors: keyed by (contract, guarantor ID). */
export async function planGuarantors(ctx: Ctx, recs: Rec[], problems: Problem[]): Promise<Action[]> {
  const loanOf = await loansFor(ctx, recs, problems)
  const seen = new Map<string, number>()
  const out: Action[] = []
  for (const { row, rec } of recs) {
    const before = problems.length
    const l = loanOf(row, rec.contractNo)
    const idn = String(rec.idNumber ?? '')
    if (idn && rec.kind === 'person' && !parseResidentId(idn))
      problems.push({ row, column: '证件号', message: `身份证号 ${maskIdNumber(idn)} 无效` })
    if (idn && rec.kind === 'company' && !isValidCreditCode(idn))
      problems.push({ row, column: '证件号', message: `统一社会信用代码 ${idn} 无效` })
    if (rec.phone && !isValidMobile(String(rec.phone)))
      problems.push({ row, column: '手机号', message: `手机号 ${maskPhone(String(rec.phone))} 无效` })
    if (rec.periodStart && rec.periodEnd && String(rec.periodEnd) < String(rec.periodStart))
      problems.push({ row, column: '保证期间止', message: '保证期间止不得早于起始日' })
    if (rec.amount === 0) problems.push({ row, column: '保证金额(元)', message: '保证金额须大于零' })
    if (!l || problems.length > before || dupCheck(seen, `${String(rec.contractNo)}|${idn}`, row, '证件号', problems))
      continue
    const ex = await findGuarantorRow(ctx.db, Number(l.id), idn)
    out.push(
      classify(
        ex,
        {
          loan_id: l.id,
          borrower_id: null,
          kind: rec.kind,
          name: rec.name,
          id_number: idn,
          phone: rec.phone,
          mode: rec.mode,
          amount: rec.amount,
          period_start: rec.periodStart,
          period_end: rec.periodEnd,
        },
        ['kind', 'name', 'phone', 'mode', 'amount', 'period_start', 'period_end'],
        row,
        `${String(ex?.name ?? '')}（合同 ${String(rec.contractNo)}）`,
      ),
    )
  }
  return out
}

/** Collateral: keyed by (contract, ownership certificate number). */
export async function planCollaterals(ctx: Ctx, recs: Rec[], problems: Problem[]): Promise<Action[]> {
  const loanOf = await loansFor(ctx, recs, problems)
  const seen = new Map<string, number>()
  const out: Action[] = []
  for (const { row, rec } of recs) {
    const before = problems.length
    const l = loanOf(row, rec.contractNo)
    if (
      !l ||
      problems.length > before ||
      dupCheck(seen, `${String(rec.contractNo)}|${String(rec.certNo)}`, row, '权属证书号', problems)
    )
      continue
    const ex = await findCollateralRow(ctx.db, Number(l.id), rec.certNo)
    out.push(
      classify(
        ex,
        {
          loan_id: l.id,
          type: rec.type,
          description: rec.description,
          owner_name: rec.ownerName,
          cert_no: rec.certNo,
          other_right_cert_no: rec.otherRightCertNo,
          location: rec.location,
          appraised_value: rec.appraisedValue,
          appraised_on: rec.appraisedOn,
          insured: rec.insured ?? 0,
        },
        [
          'type',
          'description',
          'owner_name',
          'other_right_cert_no',
          'location',
          'appraised_value',
          'appraised_on',
          'insured',
        ],
        row,
        `权属证书 ${String(rec.certNo)}（合同 ${String(rec.contractNo)}）`,
      ),
    )
  }
  return out
}
