// Stores a returned 回执's scan in the archive's content-addressed scan store (same layout as
// archives.attach: <dataDir>/scans/ab/<sha256>) and links it to the notice and the loan file.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { AppError, MAX_SCAN_BYTES } from '../../../shared/api'
import { scanPath } from '../archives/scans'
import type { Ctx } from '../context'
import { caller } from '../scope'
import { attachToChecklist, ensureScanRow, setReceiptScan } from './notices-repo'

const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b.subarray(0, 3).toString('hex') === 'ffd8ff',
  'image/png': (b) => b.subarray(0, 8).toString('hex') === '89504e470d0a1a0a',
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
}

/** Saves the scan; returns a zh-CN note for the audit summary. */
export async function saveReceiptScan(
  ctx: Ctx,
  n: { id: number; loanId: number },
  scan: { filename: string; mime: string; contentBase64: string },
): Promise<string> {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(scan.contentBase64))
    throw new AppError('VALIDATION', '回执扫描件不是有效的 base64', [{ path: 'scan', message: '文件内容编码无效' }])
  const buf = Buffer.from(scan.contentBase64, 'base64')
  if (buf.length === 0 || buf.length > MAX_SCAN_BYTES)
    throw new AppError('VALIDATION', `回执扫描件为空或超过 ${MAX_SCAN_BYTES / 1048576} MiB`, [
      { path: 'scan', message: '文件大小不符' },
    ])
  if (!MAGIC[scan.mime]?.(buf))
    throw new AppError('VALIDATION', `回执扫描件内容与类型 ${scan.mime} 不符`, [
      { path: 'scan', message: '文件内容与类型不符' },
    ])
  const sha = createHash('sha256').update(buf).digest('hex')
  const path = scanPath(ctx.env.dataDir, sha)
  if (!existsSync(path)) {
    // Write-then-rename: a crash never leaves a half file under the final name.
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(`${path}.tmp`, buf)
    renameSync(`${path}.tmp`, path)
  }
  const who = caller(ctx).userId,
    at = ctx.nowIso()
  await ensureScanRow(ctx.db, {
    sha256: sha,
    mime: scan.mime,
    size: buf.length,
    filename: scan.filename,
    createdBy: who,
    createdAt: at,
  })
  await setReceiptScan(ctx.db, n.id, sha)
  const fileNo = await attachToChecklist(ctx.db, {
    loanId: n.loanId,
    sha256: sha,
    filename: scan.filename,
    createdBy: who,
    createdAt: at,
  })
  return `回执扫描件 ${scan.filename}（SHA-256 ${sha.slice(0, 12)}…）${fileNo ? `已归入档案 ${fileNo} 的“催收通知书回执”` : '已保存（该贷款尚未建档）'}`
}
