import { z } from 'zod'
import { ROLES } from './permissions'

/** ISO calendar date `YYYY-MM-DD`. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
/** ISO timestamp string. */
export const isoTimestamp = z.string()
/** Integer 分 (fen). */
export const fen = z.number().int('金额必须以分为单位的整数').refine(Number.isSafeInteger, '金额超出范围')
export const role = z.enum(ROLES)
export const empty = z.object({}).strict()
export const ok = z.object({ ok: z.literal(true) })

/** A username: letters, digits, dot, dash, underscore. */
export const username = z
  .string()
  .trim()
  .min(2, '用户名至少 2 个字符')
  .max(32, '用户名最多 32 个字符')
  .regex(/^[A-Za-z0-9._-]+$/, '用户名只能包含字母、数字、点、横线和下划线')
/** A password; strength is checked here so every transport enforces it. */
export const password = z
  .string()
  .min(8, '密码至少 8 位')
  .max(128, '密码最多 128 位')
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), '密码须同时包含字母和数字')
export const displayName = z.string().trim().min(1, '请填写姓名').max(40, '姓名最多 40 个字符')

/** Largest uploaded workbook, as base64 characters (imports of loans, borrowers and repayments). */
export const MAX_IMPORT_BASE64 = 40 * 1024 * 1024

/** Page of a list. */
export const paging = {
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
}

export const userView = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role,
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
})
export type UserView = z.infer<typeof userView>
