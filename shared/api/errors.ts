/** Stable error codes carried by every transport. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'LOCKED',
  'RATE_LIMITED',
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** A field-level problem, e.g. `{ path: 'username', message: '用户名已存在' }`. */
export interface FieldError {
  path: string
  message: string
}

/**
 * Machine-readable facts about an error, so the UI never parses message text
 * (e.g. `{ existingBorrowerId: 12 }` on a duplicate ID number the caller may open).
 */
export type ErrorDetails = Record<string, string | number | boolean | null>

/** The one error shape end to end; `message` is zh-CN and safe to show to users. */
export interface AppErrorData {
  code: ErrorCode
  message: string
  fields?: FieldError[]
  data?: ErrorDetails
}

/** Thrown by services and re-thrown by the client; crosses transports as plain data. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly fields?: FieldError[]
  readonly data?: ErrorDetails
  constructor(code: ErrorCode, message: string, fields?: FieldError[], data?: ErrorDetails) {
    super(message)
    this.name = 'AppError'
    this.code = code
    if (fields) this.fields = fields
    if (data) this.data = data
  }
  toData(): AppErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields && { fields: this.fields }),
      ...(this.data && { data: this.data }),
    }
  }
}

/** What every transport returns for a call. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorData }
