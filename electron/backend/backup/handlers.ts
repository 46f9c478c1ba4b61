import type { Handler, Handlers } from '../context'
import { getNumberSetting } from '../system/settings'
import { drillRestore } from './drill'
import { changePassphrase, enableEncryption } from './encryption'
import { putSetting } from './settings-repo'
import { backupKeyFor } from './backup-key'
import { auditMaintenance, createBackup, KIND_LABELS, resolveSource, restoreBackup, verifySource } from './service'
import { backupsDir, listBackups } from './store'

const list: Handler<'backup.list'> = async (ctx) =>
  listBackups(backupsDir(ctx.env.dataDir)).map(({ dir: _dir, ...b }) => b)

const create: Handler<'backup.create'> = async (ctx, input) => {
  const b = await createBackup(ctx.env, 'manual', input.folder)
  const where = input.folder ? `到 ${input.folder}` : ''
  const result = b.verified ? '校验通过' : `校验未通过：${b.problem ?? '?'}`
  await auditMaintenance(
    ctx.env,
    ctx.caller,
    'backup.create',
    b.id,
    `${KIND_LABELS.manual}${where}：${b.id}（${result}）`,
  )
  return { id: b.id, file: b.file, verified: b.verified, problem: b.problem, sizeBytes: b.sizeBytes }
}

const inspect: Handler<'backup.inspect'> = async (ctx, input) => {
  const src = resolveSource(ctx.env, input)
  const v = await verifySource(src, backupKeyFor(ctx.env, src, input.passphrase))
  return {
    source: src.label,
    createdAt: src.manifest?.createdAt ?? null,
    kind: src.manifest?.kind ?? null,
    verified: v.ok,
    problem: v.problem,
    schemaVersion: v.schemaVersion,
    counts: v.counts,
  }
}

const restore: Handler<'backup.restore'> = async (ctx, input) => restoreBackup(ctx.env, ctx.caller, input)

const drill: Handler<'backup.drill'> = async (ctx, input) => {
  const src = resolveSource(ctx.env, input)
  const r = await drillRestore(src, backupKeyFor(ctx.env, src, input.passphrase))
  await auditMaintenance(
    ctx.env,
    ctx.caller,
    'backup.drill',
    src.label,
    `恢复演练 ${src.label}：${r.ok ? '成功' : `失败（${r.problem ?? '?'}）`}`,
  )
  return r
}

const settings: Handler<'backup.settings'> = async (ctx) => ({
  generations: await getNumberSetting(ctx.db, 'backupGenerations'),
  folder: backupsDir(ctx.env.dataDir),
})

const setGenerations: Handler<'backup.setGenerations'> = async (ctx, input) => {
  const before = await getNumberSetting(ctx.db, 'backupGenerations')
  await putSetting(ctx.db, 'backupGenerations', String(input.generations))
  ctx.audit({
    entity: 'settings',
    entityId: 'backupGenerations',
    summary: `备份保留份数由 ${before} 份改为 ${input.generations} 份`,
  })
  return { generations: input.generations }
}

const encryption: Handler<'backup.encryption'> = async (ctx) => ({
  encrypted: ctx.env.host.key !== null,
  unlockedWith: ctx.env.host.unlockedWith,
})

const enable: Handler<'backup.enableEncryption'> = async (ctx, input) =>
  enableEncryption(ctx.env, ctx.caller, input.passphrase)

const change: Handler<'backup.changePassphrase'> = async (ctx, input) => changePassphrase(ctx.env, ctx.caller, input)

export const backupHandlers = {
  'backup.list': list,
  'backup.create': create,
  'backup.inspect': inspect,
  'backup.restore': restore,
  'backup.drill': drill,
  'backup.settings': settings,
  'backup.setGenerations': setGenerations,
  'backup.encryption': encryption,
  'backup.enableEncryption': enable,
  'backup.changePassphrase': change,
} satisfies Partial<Handlers>
