import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { AppError, MAX_SCAN_BYTES } from '../../../shared/api'
import type { Handlers } from '../context'
import { visibleFile } from './handlers'
import { caller } from '../scope'

/** Where a scan lives: <dataDir>/scans/ab/abcdef… (content-addressed by SHA-256). */
export function scanPath(dataDir: string, sha256: string): string {
  return join(dataDir, 'scans', sha256.slice(0, 2), sha256)
}

/** Checks the bytes really are what the MIME type claims (magic numbers). */
function sniff(buf: Buffer, mime: string): boolean {
  const hex = buf.subarray(0, 12).toString('hex')
  switch (mime) {
    case 'image/jpeg':
      return hex.startsWith('ffd8ff')
    case 'image/png':
      return hex.startsWith('89504e470d0a1a0a')
    case 'image/webp':
      return hex.startsWith('52494646') && buf.subarray(8, 12).toString('latin1') === 'WEBP'
    case 'application/pdf':
      return buf.subarray(0, 5).toString('latin1') === '%PDF-'
    default:
      return false
  }
}

function decode(b64: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64))
    throw new AppError('VALIDATION', '文件内容不是有效的 base64', [
      { path: 'contentBase64', message: '文件内容编码无效' },
    ])
  return Buffer.from(b64, 'base64')
}

/** Scans and photos: stored once per SHA-256, verifiable, previewable. */
export const scanHandlers = {
  'archives.attach': async (ctx, input) => {
    const f = await visibleFile(ctx, input.fileId)
    if (f.status === 'destroyed') throw new AppError('CONFLICT', `档案 ${f.file_no} 已销毁`)
    const buf = decode(input.contentBase64)
    if (buf.length === 0) throw new AppError('VALIDATION', '文件为空', [{ path: 'contentBase64', message: '文件为空' }])
    if (buf.length > MAX_SCAN_BYTES)
      throw new AppError(
        'VALIDATION',
        `文件过大（${(buf.length / 1048576).toFixed(1)} MiB），上限 ${MAX_SCAN_BYTES / 1048576} MiB`,
        [{ path: 'contentBase64', message: '文件过大' }],
      )
    if (!sniff(buf, input.mime))
      throw new AppError('VALIDATION', `文件内容与类型 ${input.mime} 不符`, [
        { path: 'mime', message: '文件内容与类型不符' },
      ])
    let item: { id: number; name: string } | undefined
    if (input.itemId) {
      item = await ctx.db
        .selectFrom('loan_file_items')
        .select(['id', 'name'])
        .where('id', '=', input.itemId)
        .where('file_id', '=', f.id)
        .executeTakeFirst()
      if (!item)
        throw new AppError('VALIDATION', '清单项不属于该档案', [{ path: 'itemId', message: '清单项不属于该档案' }])
    }
    const sha = createHash('sha256').update(buf).digest('hex')
    const path = scanPath(ctx.env.dataDir, sha)
    const known = await ctx.db.selectFrom('scans').select('sha256').where('sha256', '=', sha).executeTakeFirst()
    const now = ctx.nowIso()
    if (!existsSync(path)) {
      // Write-then-rename so a crash never leaves a half file under the final name. A file written
      // by a call that later rolls back is harmless: it is content-addressed and reused.
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(`${path}.tmp`, buf)
      renameSync(`${path}.tmp`, path)
    }
    if (!known) {
      await ctx.db
        .insertInto('scans')
        .values({
          sha256: sha,
          mime: input.mime,
          size: buf.length,
          first_name: input.filename,
          created_by: caller(ctx).userId,
          created_at: now,
        })
        .execute()
    }
    let att = await ctx.db
      .selectFrom('file_attachments')
      .selectAll()
      .where('file_id', '=', f.id)
      .where('scan_sha256', '=', sha)
      .where((eb) => (item ? eb('item_id', '=', item.id) : eb('item_id', 'is', null)))
      .executeTakeFirst()
    if (!att) {
      const { id } = await ctx.db
        .insertInto('file_attachments')
        .values({
          file_id: f.id,
          item_id: item?.id ?? null,
          scan_sha256: sha,
          filename: input.filename,
          created_by: caller(ctx).userId,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      att = await ctx.db.selectFrom('file_attachments').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    }
    if (item) await ctx.db.updateTable('loan_file_items').set({ scan_sha256: sha }).where('id', '=', item.id).execute()
    ctx.audit({
      entity: 'loan_file',
      entityId: f.id,
      summary: `档案 ${f.file_no} 上传扫描件 ${input.filename}${item ? `（${item.name}）` : ''}，SHA-256 ${sha.slice(0, 12)}…${known ? '，内容已存在未重复保存' : ''}`,
    })
    const s = await ctx.db.selectFrom('scans').selectAll().where('sha256', '=', sha).executeTakeFirstOrThrow()
    return {
      attachment: {
        id: att.id,
        itemId: att.item_id,
        sha256: sha,
        filename: att.filename,
        mime: s.mime,
        size: s.size,
        createdAt: att.created_at,
      },
      deduplicated: Boolean(known),
    }
  },

  'archives.scan': async (ctx, input) => {
    const s = await ctx.db.selectFrom('scans').selectAll().where('sha256', '=', input.sha256).executeTakeFirst()
    if (!s) throw new AppError('NOT_FOUND', '扫描件不存在')
    // Officers may only preview scans attached to files in their portfolio.
    const files = await ctx.db
      .selectFrom('file_attachments')
      .select('file_id')
      .where('scan_sha256', '=', s.sha256)
      .execute()
    let visible = false
    for (const f of files)
      visible ||= await visibleFile(ctx, f.file_id).then(
        () => true,
        () => false,
      )
    if (!visible) throw new AppError('NOT_FOUND', '扫描件不存在或不在您的管户范围内')
    const path = scanPath(ctx.env.dataDir, s.sha256)
    if (!existsSync(path)) throw new AppError('NOT_FOUND', '扫描件文件丢失，请运行完整性校验')
    const buf = readFileSync(path)
    return { sha256: s.sha256, mime: s.mime, size: buf.length, contentBase64: buf.toString('base64') }
  },

  'archives.verifyScans': async (ctx, input) => {
    let q = ctx.db.selectFrom('scans').select(['sha256', 'size'])
    if (input.fileId) {
      await visibleFile(ctx, input.fileId)
      q = q.where(
        'sha256',
        'in',
        ctx.db.selectFrom('file_attachments').select('scan_sha256').where('file_id', '=', input.fileId),
      )
    }
    const broken: { sha256: string; reason: string }[] = []
    const rows = await q.execute()
    for (const s of rows) {
      const path = scanPath(ctx.env.dataDir, s.sha256)
      if (!existsSync(path)) {
        broken.push({ sha256: s.sha256, reason: '文件丢失' })
        continue
      }
      const buf = readFileSync(path)
      const actual = createHash('sha256').update(buf).digest('hex')
      if (actual !== s.sha256)
        broken.push({ sha256: s.sha256, reason: `内容已被改动（实际 SHA-256 ${actual.slice(0, 12)}…）` })
    }
    return { checked: rows.length, broken }
  },
} satisfies Partial<Handlers>
