import type { TFunction } from 'i18next'
import type { UseFormReturnType } from '@mantine/form'
import { ApiError } from '../api/client'

/**
 * Client-side checks mirroring shared/api/common.ts, with translated messages; the backend
 * validates again with the contract's zod schemas and its field errors are shown too.
 */
export function rules(t: TFunction) {
  return {
    username: (v: string) => {
      const s = v.trim()
      if (!s) return t('validation.required')
      if (s.length < 2 || s.length > 32) return t('validation.usernameLength')
      if (!/^[A-Za-z0-9._-]+$/.test(s)) return t('validation.usernameChars')
      return null
    },
    displayName: (v: string) => {
      const s = v.trim()
      return s.length < 1 || s.length > 40 ? t('validation.displayName') : null
    },
    password: (v: string) => {
      if (!v) return t('validation.required')
      if (v.length < 8 || v.length > 128) return t('validation.passwordLength')
      if (!/[A-Za-z]/.test(v) || !/\d/.test(v)) return t('validation.passwordMix')
      return null
    },
    required: (v: string) => (v.trim() ? null : t('validation.required')),
    orgName: (v: string) => {
      const s = v.trim()
      return s.length < 2 || s.length > 60 ? t('validation.orgNameLength') : null
    },
    branchCode: (v: string) => (/^[0-9A-Za-z]{2,12}$/.test(v.trim()) ? null : t('validation.branchCode')),
    sameAs: (other: string) => (v: string) => (v === other ? null : t('validation.passwordMismatch')),
  }
}

/**
 * Puts the server's field errors on the form (paths are the contract's input keys, renamed via
 * `map` where the form differs). Returns true when at least one field error was shown.
 */
export function applyFieldErrors<T extends Record<string, unknown>>(
  form: UseFormReturnType<T>,
  err: unknown,
  map: Record<string, string> = {},
): boolean {
  if (!(err instanceof ApiError) || err.fields.length === 0) return false
  let shown = false
  for (const f of err.fields) {
    const path = map[f.path] ?? f.path
    if (path in form.getValues()) {
      form.setFieldError(path, f.message)
      shown = true
    }
  }
  return shown
}
