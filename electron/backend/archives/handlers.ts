import { AppError } from '../../../shared/api'
import { formatFileNo } from '../../../shared/archives'
import type { Ctx, Handlers } from '../context'
import { allocateSeq, findFile, selectFiles, selectLendings, toFileView, toLendingView } from './files-repo'
import { visibleLoan } from '../loans/handlers'
import { assertInPortfolio, caller, scopeOfficer } from '../scope'

/** Loads a file whose loan the caller may see, or NOT_FOUND. */
export async function visibleFile(ctx: Ctx, id: number) {
  const f = await findFile(ctx.db, id)
  if (!f) throw new AppError('NOT_FOUND', `档案 #${id} 不存在或不在您的管户范围内`)
  assertInPortfolio(ctx, f.officer_id, `档案 #${id} `)
  return f
}

/** 保管人不得为该笔贷款的主责任人 (DOMAIN §11): separation of duties. */
export function assertKeeperNotOfficer(ctx: Ctx, loanOfficerId: number): void {
  if (caller(ctx).userId === loanOfficerId) {
    throw new AppError('FORBIDDEN', '档案保管人不能是该笔贷款的主责任人（信贷员），请由其他档案管理员办理')
  }
}

const ITEM_LABEL = { present: '已归档', missing: '缺失', na: '不适用' } as const

/** Loan files: checklist template, registration with gap-free numbers, checklist, holds. */
export const archiveHandlers = {
  'archives.categories': async (ctx) => {
    const cats = await ctx.db.selectFrom('archive_categories').selectAll().orderBy('code').execute()
    const items = await ctx.db.selectFrom('archive_template_items').selectAll().orderBy('sort').execute()
    return cats.map((c) => ({
      code: c.code,
      name: c.name,
      retentionYears: c.retention_years,
      items: items
        .filter((i) => i.category === c.code)
        .map((i) => ({ code: i.code, name: i.name, sort: i.sort, active: i.active === 1 })),
    }))
  },

  'archives.setTemplate': async (ctx, input) => {
    const cat = await ctx.db
      .selectFrom('archive_categories')
      .selectAll()
      .where('code', '=', input.category)
      .executeTakeFirst()
    if (!cat) throw new AppError('NOT_FOUND', `档案类别 ${input.category} 不存在`)
    const codes = new Set(input.items.map((i) => i.code))
    if (codes.size !== input.items.length)
      throw new AppError('VALIDATION', '清单项目代码重复', [{ path: 'items', message: '项目代码重复' }])
    // Existing files keep their items; only new registrations use the new template.
    await ctx.db.updateTable('archive_template_items').set({ active: 0 }).where('category', '=', cat.code).execute()
    let sort = 0
    for (const it of input.items) {
      sort += 10
      await ctx.db
        .insertInto('archive_template_items')
        .values({ category: cat.code, code: it.code, name: it.name, sort, active: it.active ? 1 : 0 })
        .onConflict((oc) =>
          oc.columns(['category', 'code']).doUpdateSet({ name: it.name, sort, active: it.active ? 1 : 0 }),
        )
        .execute()
    }
    if (input.retentionYears)
      await ctx.db
        .updateTable('archive_categories')
        .set({ retention_years: input.retentionYears })
        .where('code', '=', cat.code)
        .execute()
    ctx.audit({
      entity: 'archive_template',
      entityId: cat.code,
      summary: `设置档案类别 ${cat.name} 的清单模板（${input.items.length} 项）${input.retentionYears ? `，保管期限 ${input.retentionYears} 年` : ''}`,
    })
    return { ok: true as const }
  },

  'archives.register': async (ctx, input) => {
    const year = input.year ?? Number(ctx.today().slice(0, 4))
    // First write of the transaction: takes the write lock before any read (see allocateSeq).
    const { orgCode, seq } = await allocateSeq(ctx.db, year, input.category)
    const cat = await ctx.db
      .selectFrom('archive_categories')
      .selectAll()
      .where('code', '=', input.category)
      .executeTakeFirst()
    if (!cat)
      throw new AppError('VALIDATION', `档案类别 ${input.category} 不存在`, [
        { path: 'category', message: '档案类别不存在' },
      ])
    const loan = await visibleLoan(ctx, input.loanId)
    assertKeeperNotOfficer(ctx, loan.officer_id)
    const existing = await ctx.db
      .selectFrom('loan_files')
      .select('file_no')
      .where('loan_id', '=', loan.id)
      .where('category', '=', cat.code)
      .where('status', '!=', 'destroyed')
      .executeTakeFirst()
    if (existing) throw new AppError('CONFLICT', `贷款 ${loan.contract_no} 已有${cat.name}：${existing.file_no}`)
    const fileNo = formatFileNo(orgCode, year, cat.code, seq)
    const now = ctx.nowIso()
    const { id } = await ctx.db
      .insertInto('loan_files')
      .values({
        loan_id: loan.id,
        file_no: fileNo,
        org_code: orgCode,
        year,
        category: cat.code,
        seq,
        location: input.location ?? null,
        keeper_id: caller(ctx).userId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const template = await ctx.db
      .selectFrom('archive_template_items')
      .selectAll()
      .where('category', '=', cat.code)
      .where('active', '=', 1)
      .orderBy('sort')
      .execute()
    if (template.length) {
      await ctx.db
        .insertInto('loan_file_items')
        .values(template.map((t) => ({ file_id: id, code: t.code, name: t.name, sort: t.sort, state: 'missing' })))
        .execute()
    }
    ctx.audit({
      entity: 'loan_file',
      entityId: id,
      summary: `档案登记 ${fileNo}（贷款 ${loan.contract_no}，${loan.borrower_name}），清单 ${template.length} 项`,
    })
    return toFileView((await findFile(ctx.db, id))!)
  },

  'archives.list': async (ctx, input) => {
    let q = selectFiles(ctx.db)
    if (input.status) q = q.where('f.status', '=', input.status)
    if (input.loanId) q = q.where('f.loan_id', '=', input.loanId)
    const scope = scopeOfficer(ctx)
    if (scope !== null) q = q.where('l.officer_id', '=', scope)
    const rows = await q.orderBy('f.id', 'desc').limit(input.limit).offset(input.offset).execute()
    const n = await q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return { rows: rows.map(toFileView), total: Number(n.n) }
  },

  'archives.get': async (ctx, input) => {
    const f = await visibleFile(ctx, input.id)
    const asOf = input.asOf ?? ctx.today()
    const items = await ctx.db
      .selectFrom('loan_file_items')
      .selectAll()
      .where('file_id', '=', f.id)
      .orderBy('sort')
      .execute()
    const attachments = await ctx.db
      .selectFrom('file_attachments as a')
      .innerJoin('scans as s', 's.sha256', 'a.scan_sha256')
      .select(['a.id', 'a.item_id', 'a.scan_sha256', 'a.filename', 's.mime', 's.size', 'a.created_at'])
      .where('a.file_id', '=', f.id)
      .orderBy('a.id')
      .execute()
    const lendings = await selectLendings(ctx.db).where('x.file_id', '=', f.id).orderBy('x.id', 'desc').execute()
    return {
      file: toFileView(f),
      items: items.map((i) => ({
        id: i.id,
        code: i.code,
        name: i.name,
        state: i.state as 'present',
        original: i.original === null ? null : i.original === 1,
        pages: i.pages,
        scanSha256: i.scan_sha256,
      })),
      attachments: attachments.map((a) => ({
        id: a.id,
        itemId: a.item_id,
        sha256: a.scan_sha256,
        filename: a.filename,
        mime: a.mime,
        size: a.size,
        createdAt: a.created_at,
      })),
      lendings: lendings.map((l) => toLendingView(l, asOf)),
    }
  },

  'archives.update': async (ctx, input) => {
    const f = await visibleFile(ctx, input.id)
    if (f.status === 'destroyed') throw new AppError('CONFLICT', `档案 ${f.file_no} 已销毁`)
    if (input.status && f.status === 'lent')
      throw new AppError('CONFLICT', `档案 ${f.file_no} 已借出，归还后才能变更状态`)
    await ctx.db
      .updateTable('loan_files')
      .set({
        updated_at: ctx.nowIso(),
        ...(input.location !== undefined && { location: input.location }),
        ...(input.status !== undefined && { status: input.status }),
      })
      .where('id', '=', f.id)
      .execute()
    ctx.audit({
      entity: 'loan_file',
      entityId: f.id,
      summary: `档案 ${f.file_no}${input.location !== undefined ? ` 存放位置 → ${input.location ?? '（空）'}` : ''}${input.status ? ` 状态 → ${input.status}` : ''}`,
    })
    return toFileView((await findFile(ctx.db, f.id))!)
  },

  'archives.updateItem': async (ctx, input) => {
    const item = await ctx.db
      .selectFrom('loan_file_items')
      .selectAll()
      .where('id', '=', input.itemId)
      .executeTakeFirst()
    if (!item) throw new AppError('NOT_FOUND', `清单项 #${input.itemId} 不存在`)
    const f = await visibleFile(ctx, item.file_id)
    if (f.status === 'destroyed') throw new AppError('CONFLICT', `档案 ${f.file_no} 已销毁`)
    const present = input.state === 'present'
    await ctx.db
      .updateTable('loan_file_items')
      .set({
        state: input.state,
        original: present
          ? input.original === undefined
            ? item.original
            : input.original === null
              ? null
              : input.original
                ? 1
                : 0
          : null,
        pages: present ? (input.pages === undefined ? item.pages : input.pages) : null,
      })
      .where('id', '=', item.id)
      .execute()
    ctx.audit({
      entity: 'loan_file',
      entityId: f.id,
      summary: `档案 ${f.file_no}：${item.name} → ${ITEM_LABEL[input.state]}${present && input.pages ? `，${input.pages} 页` : ''}${present && input.original != null ? (input.original ? '，原件' : '，复印件') : ''}`,
    })
    const r = await ctx.db.selectFrom('loan_file_items').selectAll().where('id', '=', item.id).executeTakeFirstOrThrow()
    return {
      id: r.id,
      code: r.code,
      name: r.name,
      state: r.state as 'present',
      original: r.original === null ? null : r.original === 1,
      pages: r.pages,
      scanSha256: r.scan_sha256,
    }
  },

  'archives.placeHold': async (ctx, input) => {
    const f = await visibleFile(ctx, input.fileId)
    if (f.status === 'destroyed') throw new AppError('CONFLICT', `档案 ${f.file_no} 已销毁`)
    await ctx.db
      .updateTable('loan_files')
      .set({ legal_hold: 1, legal_hold_reason: input.reason, updated_at: ctx.nowIso() })
      .where('id', '=', f.id)
      .execute()
    ctx.audit({
      entity: 'loan_file',
      entityId: f.id,
      summary: `档案 ${f.file_no} 设置诉讼保全（禁止销毁）：${input.reason}`,
    })
    return toFileView((await findFile(ctx.db, f.id))!)
  },

  'archives.releaseHold': async (ctx, input) => {
    const f = await visibleFile(ctx, input.fileId)
    if (!f.legal_hold) throw new AppError('CONFLICT', `档案 ${f.file_no} 未设置诉讼保全`)
    await ctx.db
      .updateTable('loan_files')
      .set({ legal_hold: 0, legal_hold_reason: null, updated_at: ctx.nowIso() })
      .where('id', '=', f.id)
      .execute()
    ctx.audit({
      entity: 'loan_file',
      entityId: f.id,
      summary: `档案 ${f.file_no} 解除诉讼保全（原因：${f.legal_hold_reason ?? ''}）`,
    })
    return toFileView((await findFile(ctx.db, f.id))!)
  },

  'archives.approvers': async (ctx) =>
    (
      await ctx.db
        .selectFrom('users')
        .select(['id', 'display_name'])
        .where('disabled', '=', 0)
        .where('role', 'in', ['admin', 'manager'])
        .orderBy('id')
        .execute()
    ).map((u) => ({ id: u.id, displayName: u.display_name })),
} satisfies Partial<Handlers>
