import { z } from 'zod'
import { method } from './contract'
import { MAX_IMPORT_BASE64 } from './common'

/** What an Excel import file holds. */
export const IMPORT_KINDS = ['borrowers', 'loans', 'guarantors', 'collaterals'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]
/** Lists that can be exported to .xlsx. */
export const EXPORT_LISTS = ['borrowers', 'loans', 'files', 'lendings'] as const

const kind = z.enum(IMPORT_KINDS, '导入类型无效')
const file = z.object({ kind, contentBase64: z.string().min(1, '文件为空').max(MAX_IMPORT_BASE64, '文件过大') })
export const importProblem = z.object({ row: z.number().int(), column: z.string(), message: z.string() })
export type ImportProblem = z.infer<typeof importProblem>
/** An existing record an import would change: named, with each field old → new as people read it. */
export const importChange = z.object({
  row: z.number().int(),
  id: z.number().int(),
  label: z.string(),
  fields: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })),
})
export type ImportChange = z.infer<typeof importChange>

/** Excel templates, import (preview → all-or-nothing commit, idempotent) and export. */
export const importMethods = {
  'imports.template': method({
    input: z.object({ kind }),
    output: z.object({ filename: z.string(), contentBase64: z.string() }),
    access: 'imports.run',
    write: false,
    summary: '下载导入模板',
  }),
  'imports.preview': method({
    input: file,
    output: z.object({
      total: z.number().int(),
      valid: z.number().int(),
      toCreate: z.number().int(),
      toUpdate: z.number().int(),
      unchanged: z.number().int(),
      problems: z.array(importProblem),
      problemCount: z.number().int(),
      /** Records that would change (first 500), each field old → new; `changeCount` is the full number. */
      changes: z.array(importChange),
      changeCount: z.number().int(),
    }),
    access: 'imports.run',
    write: false,
    summary: '导入预览（校验）',
  }),
  'imports.commit': method({
    // Changing existing records needs the user's confirmation of the change list: the number of
    // records the preview showed as changing. A different number (or none) changes nothing.
    input: file.extend({ confirmedUpdates: z.number().int().min(0, '确认数量无效').optional() }),
    output: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
    access: 'imports.run',
    write: true,
    summary: '导入（全部成功或全部不导入）',
  }),
  'imports.export': method({
    input: z.object({
      list: z.enum(EXPORT_LISTS),
      village: z.string().optional(),
      officerId: z.number().int().positive().optional(),
      status: z.string().optional(),
    }),
    output: z.object({ filename: z.string(), contentBase64: z.string(), rows: z.number().int() }),
    access: 'borrowers.read',
    write: false,
    summary: '导出 Excel',
  }),
}
