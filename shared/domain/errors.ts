// Typed errors of the domain core. Services map them to AppError { code, message, fields }.

/** Codes a domain rule can fail with (a subset of the API's ERROR_CODES). */
export const DOMAIN_ERROR_CODES = ['VALIDATION'] as const
/** One of DOMAIN_ERROR_CODES. */
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number]

/** A rule rejected its input: `field` names the offending input, `reason` is zh-CN for users. */
export class DomainError extends Error {
  readonly code: DomainErrorCode
  readonly field: string
  readonly reason: string
  constructor(code: DomainErrorCode, field: string, reason: string) {
    super(`${field}: ${reason}`)
    this.name = 'DomainError'
    this.code = code
    this.field = field
    this.reason = reason
  }
}

/** Throws a VALIDATION DomainError, e.g. `invalid('termMonths', '期限须为 1–360 个月')`. */
export function invalid(field: string, reason: string): never {
  throw new DomainError('VALIDATION', field, reason)
}

/** Exhaustiveness guard for switches over unions. */
export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${String(x)}`)
}
