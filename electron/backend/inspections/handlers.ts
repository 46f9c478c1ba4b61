// 贷后检查 area: the due calendar, schedule settings and signals, attachments; records and field
// work live in records.ts and field.ts.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { AppError, MAX_SCAN_BYTES } from '../../../shared/api'
import { addDays, daysBetween, weekOf } from '../../../shared/domain'
import type { Ctx, Handlers } from '../context'
import { scanPath } from '../archives/scans'
import { visibleLoan } from '../loans/handlers'
import { caller, scopeOfficer } from '../scope'
import { ensureScan, hasAttachment, insertAttachment } from './inspections-repo'
import { countDue, insertSignal, listDue, loadSettings, saveSettings } from './schedule-repo'
import { catchUp, refreshAll, refreshLoanDue } from './schedule'
import { recordHandlers, visibleRecord } from './records'
import { fieldHandlers } from './field'

/** zh-CN signal names for audit summaries. */
const SIGNAL_LABELS: Record<string, string> = {
  overdue: '逾期',
  warning: '风险预警',
  guarantor: '保证人出现问题',
  collateral_fall: '抵质押物灭失或价值下降',
  business_stop: '经营停止',
  lawsuit: '涉诉',
  illness: '疾病或死亡',
  migration: '外出务工',
  disaster: '灾害',
  other: '其他',
}

/** Checks the bytes are what the MIME type claims (magic numbers), as archive scans do. */
function sniff(buf: Buffer, mime: string): boolean {
  const hex = buf.subarray(0, 12).toString('hex')
  if (mime === 'image/jpeg') return hex.startsWith('ffd8ff')
  if (mime === 'image/png') return hex.startsWith('89504e470d0a1a0a')
  if (mime === 'image/webp') return hex.startsWith('52494646') && buf.subarray(8, 12).toString('latin1') === 'WEBP'
  return buf.subarray(0, 5).toString('latin1') === '%PDF-'
}

/** Stores file content under its SHA-256 in the shared scan store (write-then-rename). */
function storeContent(ctx: Ctx, b64: string, mime: string): { sha: string; size: number } {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64))
    throw new AppError('VALIDATION', '文件内容编码无效', [{ path: 'contentBase64', message: '文件内容编码无效' }])
  const buf = Buffer.from(b64, 'base64')
  if (buf.length === 0 || buf.length > MAX_SCAN_BYTES)
    throw new AppError('VALIDATION', `文件为空或超过 ${MAX_SCAN_BYTES / 1048576} MiB`, [
      { path: 'contentBase64', message: '文件大小不符' },
    ])
  if (!sniff(buf, mime))
    throw new AppError('VALIDATION', `文件内容与类型 ${mime} 不符`, [{ path: 'mime', message: '文件内容与类型不符' }])
  const sha = createHash('sha256').update(buf).digest('hex')
  const path = scanPath(ctx.env.dataDir, sha)
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(`${path}.tmp`, buf)
    renameSync(`${path}.tmp`, path)
  }
  return { sha, size: buf.length }
}

export const inspectionHandlers = {
  ...recordHandlers,
  ...fieldHandlers,

  'inspections.calendar': async (ctx, input) => {
    const t0 = performance.now()
    await catchUp(ctx.db, ctx.nowIso())
    const officerId = scopeOfficer(ctx) ?? input.officerId ?? null
    const ranges = {
      overdue: { from: null, to: addDays(input.asOf, -1) },
      week: { from: input.asOf, to: weekOf(input.asOf).to },
      next30: { from: input.asOf, to: addDays(input.asOf, 30) },
    }
    const page = await listDue(ctx.db, { officerId, ...ranges[input.bucket], limit: input.limit, offset: input.offset })
    const counts = {
      overdue: await countDue(ctx.db, { officerId, ...ranges.overdue }),
      week: await countDue(ctx.db, { officerId, ...ranges.week }),
      next30: await countDue(ctx.db, { officerId, ...ranges.next30 }),
    }
    const rows = page.map((r) => ({ ...r, daysOverdue: Math.max(0, daysBetween(r.dueDate, input.asOf)) }))
    return { rows, counts, ms: performance.now() - t0 }
  },

  'inspections.settings': async (ctx) => loadSettings(ctx.db),

  'inspections.setSettings': async (ctx, input) => {
    if (input.firstCheckMinDays > input.firstCheckMaxDays)
      throw new AppError('VALIDATION', '首次检查最早天数不能大于最迟天数', [
        { path: 'firstCheckMinDays', message: '不能大于最迟天数' },
      ])
    await saveSettings(ctx.db, input)
    const r = await refreshAll(ctx, ctx.today())
    ctx.audit({
      entity: 'settings',
      entityId: 'inspections.schedule',
      summary: `修改贷后检查频率（信用 ${input.creditMonths} 个月、保证 ${input.guaranteeMonths} 个月、抵押 ${input.mortgageMonths} 个月、关注 ${input.specialMentionMonths} 个月、不良 ${input.nonPerformingMonths} 个月），已重排 ${r.loans} 笔贷款的检查计划`,
    })
    return input
  },

  'inspections.raiseSignal': async (ctx, input) => {
    const loan = await visibleLoan(ctx, input.loanId)
    if (input.raisedOn > ctx.today())
      throw new AppError('VALIDATION', '预警日期不能晚于今天', [{ path: 'raisedOn', message: '预警日期不能晚于今天' }])
    await insertSignal(ctx.db, {
      loanId: loan.id,
      kind: input.kind,
      raisedOn: input.raisedOn,
      detail: input.detail,
      by: caller(ctx).userId,
      at: ctx.nowIso(),
    })
    await refreshLoanDue(ctx.db, [loan.id], ctx.nowIso())
    ctx.audit({
      entity: 'loan',
      entityId: loan.id,
      summary: `合同 ${loan.contract_no} 登记预警信号“${SIGNAL_LABELS[input.kind] ?? ''}”（${input.raisedOn}）：${input.detail}，需做专项检查`,
    })
    return { ok: true as const }
  },

  'inspections.refresh': async (ctx, input) => {
    const t0 = performance.now()
    const r = await refreshAll(ctx, input.asOf)
    ctx.audit({
      entity: 'inspection_schedule',
      entityId: null,
      summary: `刷新贷后检查计划（截至 ${input.asOf}）：${r.loans} 笔贷款，新增逾期预警 ${r.raised} 条`,
    })
    return { ...r, ms: performance.now() - t0 }
  },

  'inspections.attach': async (ctx, input) => {
    const r = await visibleRecord(ctx, input.inspectionId)
    if (r.status !== 'draft') throw new AppError('CONFLICT', '已签字的检查记录不能再添加附件')
    if (r.officerId !== caller(ctx).userId) throw new AppError('FORBIDDEN', '只有填写人可以添加附件')
    const { sha, size } = storeContent(ctx, input.contentBase64, input.mime)
    const at = ctx.nowIso()
    await ensureScan(ctx.db, { sha256: sha, mime: input.mime, size, name: input.filename, by: caller(ctx).userId, at })
    const id = await insertAttachment(ctx.db, {
      inspectionId: r.id,
      sha256: sha,
      filename: input.filename,
      mime: input.mime,
      by: caller(ctx).userId,
      at,
    })
    ctx.audit({
      entity: 'inspection',
      entityId: r.id,
      summary: `检查记录（合同 ${r.contractNo}）添加附件 ${input.filename}，SHA-256 ${sha.slice(0, 12)}…`,
    })
    return { id, sha256: sha, filename: input.filename, mime: input.mime, createdAt: at }
  },

  'inspections.attachment': async (ctx, input) => {
    await visibleRecord(ctx, input.inspectionId)
    if (!(await hasAttachment(ctx.db, input.inspectionId, input.sha256))) throw new AppError('NOT_FOUND', '附件不存在')
    const path = scanPath(ctx.env.dataDir, input.sha256)
    if (!existsSync(path)) throw new AppError('NOT_FOUND', '附件文件丢失，请运行完整性校验')
    const buf = readFileSync(path)
    const r = await visibleRecord(ctx, input.inspectionId)
    const mime = r.attachments.find((a) => a.sha256 === input.sha256)?.mime ?? 'application/octet-stream'
    return { mime, contentBase64: buf.toString('base64') }
  },
} satisfies Partial<Handlers>
