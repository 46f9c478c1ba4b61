// 证件号码 identifier checks (DOMAIN §10).
import { daysInMonth } from './dates'

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const ID_CHECK = '10X98765432'
const ID_RE = /^[1-9]\d{16}[\dXx]$/

/** A parsed 居民身份证 number: birth date, sex from the sequence's parity, upper-case form. */
export interface ResidentId {
  birthDate: string
  sex: 'M' | 'F'
  normalized: string
}

/**
 * Parses an 18-character 居民身份证 number (GB 11643): area, a birth date that exists, sequence
 * (odd = male), ISO 7064 MOD 11-2 check char; lower-case x accepted, upper-cased in `normalized`.
 * Returns null if anything is wrong. '11010519491231002X' → { birthDate: '1949-12-31', sex: 'F' }.
 */
export function parseResidentId(id: string): ResidentId | null {
  if (typeof id !== 'string' || !ID_RE.test(id)) return null
  const normalized = id.toUpperCase()
  const y = Number(normalized.slice(6, 10)),
    m = Number(normalized.slice(10, 12)),
    d = Number(normalized.slice(12, 14))
  if (y < 1800 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null
  if (residentIdCheckChar(normalized) !== normalized.charAt(17)) return null
  const sex = (normalized.charCodeAt(16) - 48) % 2 === 1 ? 'M' : 'F'
  return {
    birthDate: `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`,
    sex,
    normalized,
  }
}

/**
 * The ISO 7064 MOD 11-2 check char for the first 17 digits of a 居民身份证 number
 * ('11010519491231002' → 'X'). Only the first 17 characters are read; they must be digits.
 */
export function residentIdCheckChar(first17: string): string {
  let sum = 0
  for (let k = 0; k < 17; k++) sum += (first17.charCodeAt(k) - 48) * (ID_WEIGHTS[k] ?? 0)
  return ID_CHECK.charAt(sum % 11)
}

/** True for a valid 18-character 居民身份证 number (see parseResidentId). */
export function isValidResidentId(id: string): boolean {
  return parseResidentId(id) !== null
}

/** GB 32100 charset: 0-9 and A-H J-N P-R T U W-Y (no I O Z S V); a char's value is its index. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const CC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const

/**
 * True for a valid 统一社会信用代码 (GB 32100): 18 upper-case chars from the charset, check char =
 * charset[(31 − Σ value·weight mod 31) mod 31]. '91350100M000100Y43' is valid.
 */
export function isValidCreditCode(code: string): boolean {
  if (typeof code !== 'string' || code.length !== 18) return false
  const check = creditCodeCheckChar(code)
  return check !== null && check === code.charAt(17)
}

/** The GB 32100 check char for the first 17 chars of a 统一社会信用代码, or null if one is outside the charset. */
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0
  for (let k = 0; k < 17; k++) {
    const v = CREDIT_CODE_CHARSET.indexOf(first17.charAt(k))
    if (v < 0) return null
    sum += v * (CC_WEIGHTS[k] ?? 0)
  }
  return CREDIT_CODE_CHARSET.charAt((31 - (sum % 31)) % 31)
}

/** True for a mainland mobile number: /^1[3-9]\d{9}$/ ('13800138000'). */
export function isValidMobile(s: string): boolean {
  return typeof s === 'string' && /^1[3-9]\d{9}$/.test(s)
}
