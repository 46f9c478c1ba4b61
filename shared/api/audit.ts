import { z } from 'zod'
import { method } from './contract'
import { empty, isoDate } from './common'

export const auditEntryView = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.number().int().nullable(),
  username: z.string().nullable(),
  /** The acting user's display name (current), for people to read; null for system entries. */
  displayName: z.string().nullable(),
  method: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  summary: z.string(),
})
export type AuditEntryView = z.infer<typeof auditEntryView>

/**
 * A business row that no longer matches the audit entry that last wrote it, or that no audit entry
 * wrote at all ('inserted' behind the app's back; auditId 0). First 100 listed.
 */
export const rowProblem = z.object({
  table: z.string(),
  rowId: z.number().int(),
  auditId: z.number().int(),
  kind: z.enum(['changed', 'deleted', 'inserted']),
})
/** The chain head kept beside the database: entry count and last hash, to write down or print. */
export const anchorView = z.object({ count: z.number().int(), hash: z.string().nullable(), at: z.string() })

/** The append-only, hash-chained audit log. */
export const auditMethods = {
  'audit.list': method({
    input: z.object({
      username: z.string().trim().optional(),
      method: z.string().trim().optional(),
      entity: z.string().trim().optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      beforeId: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ entries: z.array(auditEntryView), hasMore: z.boolean() }),
    access: 'audit.read',
    write: false,
    summary: '浏览审计日志',
  }),
  /**
   * Checks the chain, every business row against the audit entry that last wrote it (rows edited or
   * deleted behind the app's back), and the chain head against the anchor file beside the database.
   */
  'audit.verify': method({
    input: empty,
    output: z.object({
      /** True when the chain, the rows and the anchor all check out. */
      ok: z.boolean(),
      checked: z.number().int(),
      firstBrokenId: z.number().int().nullable(),
      reason: z.string().nullable(),
      rows: z.object({
        checked: z.number().int(),
        changed: z.number().int(),
        deleted: z.number().int(),
        /** Rows of business tables that no audit entry created (inserted outside the app). */
        inserted: z.number().int(),
        problems: z.array(rowProblem),
      }),
      anchor: anchorView.extend({ ok: z.boolean(), reason: z.string().nullable() }).nullable(),
    }),
    access: 'audit.read',
    write: false,
    summary: '校验审计链',
  }),
  'audit.anchor': method({
    input: empty,
    output: z.object({ current: anchorView, file: anchorView.nullable(), fileName: z.string() }),
    access: 'audit.read',
    write: false,
    summary: '审计链锚点（条数与哈希）',
  }),
}
