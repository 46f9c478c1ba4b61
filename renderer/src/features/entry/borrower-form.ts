// Pure: the borrower form's text values → live feedback (ID checks, derived birth date and sex)
// and the contract input. The identifier rules are the domain's, the same ones the backend runs.
import type { BorrowerView, Input } from '@shared/api'
import type { CREDIT_RATINGS } from '@shared/api/borrowers'
import { DomainError, formatFen, isValidCreditCode, isValidMobile, parseResidentId, parseYuan } from '@shared/domain'
import { et } from './texts'

/** The form as typed. */
export interface BorrowerValues {
  kind: 'individual' | 'enterprise'
  name: string
  idNumber: string
  creditCode: string
  phone: string
  village: string
  villageGroup: string
  address: string
  occupation: string
  income: string
  creditRating: string
  legalRep: string
  businessScope: string
}
export type BorrowerField = keyof BorrowerValues

/** Empty form, or the borrower's current values for editing (income in 元 without grouping). */
export function borrowerValues(b?: BorrowerView | null): BorrowerValues {
  return {
    kind: b?.kind ?? 'individual',
    name: b?.name ?? '',
    idNumber: b?.idNumber ?? '',
    creditCode: b?.creditCode ?? '',
    phone: b?.phone ?? '',
    village: b?.village ?? '',
    villageGroup: b?.villageGroup ?? '',
    address: b?.address ?? '',
    occupation: b?.occupation ?? '',
    income: b?.householdIncome == null ? '' : formatFen(b.householdIncome).replace(/,/g, ''),
    creditRating: b?.creditRating ?? '',
    legalRep: b?.legalRep ?? '',
    businessScope: b?.businessScope ?? '',
  }
}

/** What the form shows while typing: field errors and the birth date/sex read from the ID. */
export interface BorrowerCheck {
  errors: Partial<Record<BorrowerField, string>>
  derived: { birthDate: string; sex: 'M' | 'F' } | null
}

/**
 * Checks as the person types: an ID number is judged once it has 18 characters (or on submit,
 * `complete`), so a half-typed number is not red. Masked values (unchanged on edit) are skipped.
 */
export function checkBorrower(v: BorrowerValues, opts: { complete: boolean; initial?: BorrowerValues }): BorrowerCheck {
  const errors: BorrowerCheck['errors'] = {}
  let derived: BorrowerCheck['derived'] = null
  const unchanged = (f: BorrowerField) => opts.initial !== undefined && opts.initial[f] === v[f]
  const id = v.idNumber.trim()
  if (!v.name.trim() && opts.complete) errors.name = et('required')
  if (v.kind === 'individual') {
    if (!id) {
      if (opts.complete) errors.idNumber = et('required')
    } else {
      const p = parseResidentId(id)
      if (p) derived = { birthDate: p.birthDate, sex: p.sex }
      else if (unchanged('idNumber')) derived = null
      else if (!/^\d{0,17}$|^\d{17}[\dXx]$/.test(id)) errors.idNumber = et('badIdChars')
      else if (id.length === 18 || opts.complete) errors.idNumber = et('badId')
    }
  } else {
    const code = v.creditCode.trim().toUpperCase()
    if (!code) {
      if (opts.complete) errors.creditCode = et('required')
    } else if (!unchanged('creditCode') && (code.length >= 18 || opts.complete) && !isValidCreditCode(code))
      errors.creditCode = et('badCreditCode')
    if (!v.legalRep.trim() && opts.complete) errors.legalRep = et('required')
  }
  const phone = v.phone.trim()
  if (phone && !unchanged('phone') && (phone.length >= 11 || opts.complete) && !isValidMobile(phone))
    errors.phone = et('badPhone')
  if (v.kind === 'individual' && v.income.trim()) {
    try {
      if (parseYuan(v.income, 'householdIncome') < 0) errors.income = et('required')
    } catch (e) {
      if (!(e instanceof DomainError)) throw e
      errors.income = e.reason
    }
  }
  return { errors, derived }
}

const orNull = (s: string): string | null => (s.trim() ? s.trim() : null)

/** The borrowers.create input for valid values (fields of the other kind are left out). */
export function toCreateInput(v: BorrowerValues): Input<'borrowers.create'> {
  const common = { kind: v.kind, name: v.name.trim(), phone: orNull(v.phone), address: orNull(v.address) }
  if (v.kind === 'enterprise') {
    return {
      ...common,
      creditCode: v.creditCode.trim().toUpperCase(),
      legalRep: orNull(v.legalRep),
      businessScope: orNull(v.businessScope),
    }
  }
  return {
    ...common,
    idNumber: v.idNumber.trim().toUpperCase(),
    village: orNull(v.village),
    villageGroup: orNull(v.villageGroup),
    occupation: orNull(v.occupation),
    householdIncome: v.income.trim() ? parseYuan(v.income, 'householdIncome') : null,
    creditRating: orNull(v.creditRating) as (typeof CREDIT_RATINGS)[number] | null,
  }
}

/** The borrowers.update input: only the fields that changed (a masked ID or phone is never resent). */
export function toUpdateInput(id: number, v: BorrowerValues, initial: BorrowerValues): Input<'borrowers.update'> {
  const full = toCreateInput(v) as Record<string, unknown>
  const before = toCreateInput({ ...initial, kind: v.kind }) as Record<string, unknown>
  const out: Record<string, unknown> = { id }
  for (const [k, val] of Object.entries(full))
    if (k !== 'kind' && JSON.stringify(val) !== JSON.stringify(before[k])) out[k] = val
  return out as Input<'borrowers.update'>
}
