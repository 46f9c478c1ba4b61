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
  'audit.verify': method({
    input: empty,
    output: z.object({
      ok: z.boolean(),
      checked: z.number().int(),
      firstBrokenId: z.number().int().nullable(),
      reason: z.string().nullable(),
    }),
    access: 'audit.read',
    write: false,
    summary: '校验审计链',
  }),
}
