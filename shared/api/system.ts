import { z } from 'zod'
import { method } from './contract'
import { displayName, empty, password, username } from './common'

export const orgView = z.object({ name: z.string(), branchCode: z.string() })

/** Health, first-run setup and organization. */
export const systemMethods = {
  'system.health': method({
    input: empty,
    output: z.object({ ok: z.literal(true), schemaVersion: z.number().int(), version: z.string() }),
    access: 'public',
    write: false,
    summary: '健康检查',
  }),
  'system.lockStatus': method({
    input: empty,
    output: z.object({
      /** The database is encrypted and not unlocked yet: only the unlock screen works. */
      dbLocked: z.boolean(),
    }),
    access: 'public',
    write: false,
    summary: '数据库是否待解锁',
  }),
  'system.unlockDatabase': method({
    input: z
      .object({
        kind: z.enum(['passphrase', 'recovery']),
        secret: z.string().min(1, '请输入数据库口令或恢复密钥').max(200),
      })
      .strict(),
    output: z.object({ ok: z.literal(true) }),
    access: 'public',
    write: false,
    summary: '解锁加密的数据库',
  }),
  /**
   * The unlock screen's start-up recovery: the passphrase (or recovery key) was right but the
   * file is damaged; sets it aside and restores the latest backup that verifies with that key.
   */
  'system.restoreDamagedDatabase': method({
    input: z
      .object({
        kind: z.enum(['passphrase', 'recovery']),
        secret: z.string().min(1, '请输入数据库口令或恢复密钥').max(200),
      })
      .strict(),
    output: z.object({ restoredFrom: z.string(), keptDamagedAs: z.string().nullable() }),
    access: 'public',
    write: false, // swaps the database file before it is open; audited into the restored database
    summary: '数据库损坏时从备份恢复（解锁页）',
  }),
  'system.setupStatus': method({
    input: empty,
    output: z.object({ needsSetup: z.boolean(), org: orgView.nullable() }),
    access: 'public',
    write: false,
    summary: '是否需要首次设置',
  }),
  'system.setup': method({
    input: z.object({
      orgName: z.string().trim().min(2, '机构名称至少 2 个字符').max(60, '机构名称最多 60 个字符'),
      branchCode: z
        .string()
        .trim()
        .regex(/^[0-9A-Za-z]{2,12}$/, '机构号为 2–12 位字母或数字'),
      adminUsername: username,
      adminDisplayName: displayName,
      adminPassword: password,
    }),
    output: z.object({ ok: z.literal(true) }),
    access: 'public',
    write: true,
    summary: '首次设置：机构与管理员',
  }),
  'org.update': method({
    input: z
      .object({
        name: z.string().trim().min(2, '机构名称至少 2 个字符').max(60, '机构名称最多 60 个字符'),
      })
      .strict(),
    output: orgView,
    access: 'org.manage',
    write: true,
    summary: '修改机构信息',
  }),
  'dashboard.summary': method({
    input: empty,
    output: z.object({
      org: orgView,
      users: z.object({ total: z.number().int(), byRole: z.record(z.string(), z.number().int()) }),
      auditEntriesToday: z.number().int(),
      borrowers: z.number().int(),
      lastLoginAt: z.string().nullable(),
      /** The login before this one (上次登录), from the audit log. */
      previousLoginAt: z.string().nullable(),
    }),
    access: 'dashboard.view',
    write: false,
    summary: '工作台概览',
  }),
}
