import { z } from 'zod'
import { method } from './contract'
import { empty } from './common'

export const backupKind = z.enum(['manual', 'daily', 'pre-migration', 'pre-restore'])

/** One backup as listed: the stable fields first, then what it holds. */
export const backupView = z.object({
  id: z.string(),
  file: z.string(),
  createdAt: z.string(),
  sizeBytes: z.number().int(),
  verified: z.boolean(),
  kind: backupKind,
  /** Why verification failed, when it did (zh-CN). */
  problem: z.string().nullable(),
  schemaVersion: z.number().int(),
  /** Row counts of every table in the backup. */
  counts: z.record(z.string(), z.number().int()),
})
export type BackupView = z.infer<typeof backupView>

/**
 * A listed backup (`id`) or a backup folder / database file chosen by path (`path`); `passphrase`
 * is that backup's own database passphrase, asked only when it was made under another one
 * (the error then carries `data.needsBackupPassphrase`).
 */
const source = z
  .object({
    id: z.string().trim().min(1).max(120).optional(),
    path: z.string().trim().min(1).max(1000).optional(),
    passphrase: z.string().min(1, '请输入该备份的数据库口令').max(128).optional(),
  })
  .refine((s) => Boolean(s.id) !== Boolean(s.path), '请选择一个备份（列表中的备份或备份文件路径，二选一）')

/** A database passphrase: long enough to resist guessing of a stolen file (the KDF costs ~0.2 s a try). */
export const dbPassphrase = z
  .string()
  .min(10, '数据库口令至少 10 个字符')
  .max(128, '数据库口令最多 128 个字符')
  .refine((s) => s.trim() === s, '数据库口令首尾不能有空格')

/** Backup, restore, the restore drill and encryption at rest (系统管理员). */
export const backupMethods = {
  'backup.list': method({
    input: empty,
    output: z.array(backupView),
    access: 'org.manage',
    write: false,
    summary: '备份列表',
  }),
  'backup.create': method({
    input: z.object({ folder: z.string().trim().min(1).max(1000).optional() }).strict(),
    output: z.object({
      id: z.string(),
      file: z.string(),
      verified: z.boolean(),
      problem: z.string().nullable(),
      sizeBytes: z.number().int(),
    }),
    access: 'org.manage',
    write: false, // writes files, not the database; audited by the use case itself
    summary: '立即备份',
  }),
  'backup.inspect': method({
    input: source,
    output: z.object({
      source: z.string(),
      createdAt: z.string().nullable(),
      kind: backupKind.nullable(),
      verified: z.boolean(),
      problem: z.string().nullable(),
      schemaVersion: z.number().int(),
      counts: z.record(z.string(), z.number().int()),
    }),
    access: 'org.manage',
    write: false,
    summary: '检查备份内容',
  }),
  'backup.restore': method({
    input: source,
    output: z.object({ restoredFrom: z.string(), keptAs: z.string() }),
    access: 'org.manage',
    write: false, // swaps the whole database file; audited into the restored database
    summary: '从备份恢复',
  }),
  'backup.drill': method({
    input: source,
    output: z.object({
      ok: z.boolean(),
      problem: z.string().nullable(),
      scratchDir: z.string(),
      counts: z.record(z.string(), z.number().int()),
      ms: z.number(),
    }),
    access: 'org.manage',
    write: false,
    summary: '恢复演练',
  }),
  'backup.settings': method({
    input: empty,
    output: z.object({ generations: z.number().int(), folder: z.string() }),
    access: 'org.manage',
    write: false,
    summary: '备份设置',
  }),
  'backup.setGenerations': method({
    input: z.object({ generations: z.number().int().min(2, '至少保留 2 份').max(100, '最多保留 100 份') }),
    output: z.object({ generations: z.number().int() }),
    access: 'org.manage',
    write: true,
    summary: '修改备份保留份数',
  }),
  'backup.encryption': method({
    input: empty,
    output: z.object({
      encrypted: z.boolean(),
      /** How this run was unlocked: after a recovery unlock a new passphrase needs no current one. */
      unlockedWith: z.enum(['passphrase', 'recovery']).nullable(),
    }),
    access: 'org.manage',
    write: false,
    summary: '数据库加密状态',
  }),
  'backup.enableEncryption': method({
    input: z.object({ passphrase: dbPassphrase }).strict(),
    output: z.object({
      /** Shown once, never stored: 13 groups of 4 characters. */
      recoveryKey: z.string(),
      backupId: z.string(),
      removedPlainBackups: z.number().int(),
    }),
    access: 'org.manage',
    write: false, // swaps the database file for an encrypted copy; audited by the use case
    summary: '启用数据库加密',
  }),
  'backup.changePassphrase': method({
    input: z.object({ current: z.string().max(128).optional(), next: dbPassphrase }).strict(),
    output: z.object({ backupId: z.string() }),
    access: 'org.manage',
    write: false, // rekeys the file; audited by the use case
    summary: '修改数据库口令',
  }),
}
