import { AppError, type FieldError } from '../../../shared/api'
import { isValidCreditCode, isValidMobile, parseResidentId } from '../../../shared/domain'
import type { Db } from '../db/types'
import { fullPinyin, nameInitials } from '../pinyin'
import type {} from '../db/schema-search'
import { findByCreditCode, findByIdNumber } from './borrowers-repo'

export interface BorrowerInput {
  kind: 'individual' | 'enterprise'
  name: string
  idNumber?: string | null | undefined
  creditCode?: string | null | undefined
  phone?: string | null | undefined
}

/** Derived columns: normalized ID, birth date and sex from the ID, initials, tails. */
export interface Derived {
  id_number: string | null
  id_tail: string | null
  birth_date: string | null
  sex: string | null
  credit_code: string | null
  phone: string | null
  phone_tail: string | null
  name_initials: string
  name_pinyin: string
}

/**
 * Validates identifiers per kind (DOMAIN §10) and derives the search columns; returns field
 * problems instead of throwing so Excel import can report every bad cell.
 */
export function deriveBorrower(b: BorrowerInput): { derived: Derived; problems: FieldError[] } {
  const problems: FieldError[] = []
  const d: Derived = {
    id_number: null,
    id_tail: null,
    birth_date: null,
    sex: null,
    credit_code: null,
    phone: b.phone || null,
    phone_tail: null,
    name_initials: nameInitials(b.name),
    name_pinyin: fullPinyin(b.name),
  }
  if (b.kind === 'individual') {
    if (!b.idNumber) problems.push({ path: 'idNumber', message: '个人借款人须填写身份证号' })
    else {
      const p = parseResidentId(b.idNumber)
      if (!p)
        problems.push({ path: 'idNumber', message: '身份证号无效（位数、出生日期或校验位不符）' }) // never echo the number
      else
        Object.assign(d, {
          id_number: p.normalized,
          id_tail: p.normalized.slice(-6),
          birth_date: p.birthDate,
          sex: p.sex,
        })
    }
  } else {
    const code = b.creditCode?.toUpperCase() ?? ''
    if (!code) problems.push({ path: 'creditCode', message: '企业/个体工商户须填写统一社会信用代码' })
    else if (!isValidCreditCode(code))
      problems.push({ path: 'creditCode', message: `统一社会信用代码 ${code} 无效（字符或校验位不符）` })
    else d.credit_code = code
  }
  if (d.phone) {
    if (!isValidMobile(d.phone)) problems.push({ path: 'phone', message: '手机号无效（应为 11 位，以 13–19 开头）' })
    else d.phone_tail = d.phone.slice(-4)
  }
  return { derived: d, problems }
}

/**
 * Refuses a second borrower with the same ID / credit code. The existing record is named (and its
 * id given as `data.existingBorrowerId` for a link) only when `mayOpen` says the caller may see it;
 * otherwise the answer says no more than "already registered elsewhere". Never echoes the number.
 */
export async function assertUnique(
  db: Db,
  d: Derived,
  opts: { selfId?: number; mayOpen: (id: number) => Promise<boolean> },
): Promise<void> {
  const checks = [
    { path: 'idNumber', what: '身份证号', other: d.id_number ? await findByIdNumber(db, d.id_number) : undefined },
    {
      path: 'creditCode',
      what: '统一社会信用代码',
      other: d.credit_code ? await findByCreditCode(db, d.credit_code) : undefined,
    },
  ]
  for (const { path, what, other } of checks) {
    if (!other || other.id === opts.selfId) continue
    if (await opts.mayOpen(other.id)) {
      const msg = `${what}已登记：借款人 ${other.name}（编号 ${other.id}${other.village ? `，${other.village}` : ''}），不能重复登记`
      throw new AppError('CONFLICT', msg, [{ path, message: msg }], { existingBorrowerId: other.id })
    }
    const msg = `${what}已登记在其他信贷员的管户范围内，不能重复登记，请联系主管`
    throw new AppError('CONFLICT', msg, [{ path, message: msg }])
  }
}

/** Throws VALIDATION with every field problem. */
export function throwProblems(problems: FieldError[]): void {
  const first = problems[0]
  if (first) throw new AppError('VALIDATION', `输入有误：${first.message}`, problems)
}
