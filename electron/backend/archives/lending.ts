import { AppError, hasPermission, type Role } from '../../../shared/api'
import { addDays, addMonths } from '../../../shared/domain'
import type { Ctx, Handlers } from '../context'
import { findFile, selectFiles, selectLendings, toFileView, toLendingView } from './files-repo'
import { assertKeeperNotOfficer, visibleFile } from './handlers'
import { caller, scopeOfficer } from '../scope'

/** Files of settled loans whose retention has run out as of `asOf`, not held, not destroyed. */
export async function filesDueForDestruction(ctx: Ctx, asOf: string, limit: number) {
  const cats = await ctx.db.selectFrom('archive_categories').select(['code', 'retention_years']).execute()
  const out = []
  let total = 0
  for (const c of cats) {
    // SQL prefilter with a few days' margin (month-end clamping), exact check on the view.
    const cutoff = addDays(addMonths(asOf, -12 * c.retention_years), 3)
    let q = selectFiles(ctx.db)
      .where('f.category', '=', c.code)
      .where('f.status', '=', 'in_store')
      .where('f.legal_hold', '=', 0)
      .where('l.settled_date', 'is not', null)
      .where('l.settled_date', '<=', cutoff)
    const scope = scopeOfficer(ctx)
    if (scope !== null) q = q.where('l.officer_id', '=', scope)
    const views = (await q.orderBy('l.settled_date').execute())
      .map(toFileView)
      .filter((v) => v.retentionUntil !== null && v.retentionUntil <= asOf)
    total += views.length
    out.push(...views.slice(0, Math.max(0, limit - out.length)))
  }
  return { files: out, total }
}

/** 借阅登记 borrowing register and the archivist's workbench. */
export const lendingHandlers = {
  'archives.lend': async (ctx, input) => {
    const f = await visibleFile(ctx, input.fileId)
    assertKeeperNotOfficer(ctx, f.officer_id)
    if (f.status !== 'in_store') throw new AppError('CONFLICT', `档案 ${f.file_no} 当前状态为 ${f.status}，不能借出`)
    if (input.dueBack < input.lentOn)
      throw new AppError('VALIDATION', '归还期限不得早于借出日期', [
        { path: 'dueBack', message: '归还期限不得早于借出日期' },
      ])
    const approver = await ctx.db
      .selectFrom('users')
      .select(['id', 'display_name', 'role', 'disabled'])
      .where('id', '=', input.approverId)
      .executeTakeFirst()
    if (!approver || approver.disabled || !hasPermission(approver.role as Role, 'archives.approve')) {
      throw new AppError('VALIDATION', '审批人须为有档案审批权限的在职人员', [
        { path: 'approverId', message: '审批人无审批权限' },
      ])
    }
    if (approver.id === caller(ctx).userId)
      throw new AppError('VALIDATION', '审批人不能是经办人本人', [
        { path: 'approverId', message: '审批人不能是经办人本人' },
      ])
    const { id } = await ctx.db
      .insertInto('file_lendings')
      .values({
        file_id: f.id,
        borrower_name: input.borrowerName,
        purpose: input.purpose,
        approver_id: approver.id,
        keeper_id: caller(ctx).userId,
        lent_on: input.lentOn,
        due_back: input.dueBack,
        created_at: ctx.nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await ctx.db
      .updateTable('loan_files')
      .set({ status: 'lent', updated_at: ctx.nowIso() })
      .where('id', '=', f.id)
      .execute()
    ctx.audit({
      entity: 'loan_file',
      entityId: f.id,
      summary: `档案 ${f.file_no} 借出给 ${input.borrowerName}（${input.purpose}），审批人 ${approver.display_name}，应还日期 ${input.dueBack}`,
    })
    return toLendingView(await selectLendings(ctx.db).where('x.id', '=', id).executeTakeFirstOrThrow(), input.lentOn)
  },

  'archives.return': async (ctx, input) => {
    const l = await selectLendings(ctx.db).where('x.id', '=', input.lendingId).executeTakeFirst()
    if (!l) throw new AppError('NOT_FOUND', `借阅记录 #${input.lendingId} 不存在`)
    const f = await visibleFile(ctx, l.file_id)
    if (l.returned_on) throw new AppError('CONFLICT', `档案 ${f.file_no} 已于 ${l.returned_on} 归还`)
    if (input.returnedOn < l.lent_on)
      throw new AppError('VALIDATION', '归还日期不得早于借出日期', [
        { path: 'returnedOn', message: '归还日期不得早于借出日期' },
      ])
    await ctx.db
      .updateTable('file_lendings')
      .set({ returned_on: input.returnedOn, condition: input.condition ?? null, returned_to: caller(ctx).userId })
      .where('id', '=', l.id)
      .execute()
    await ctx.db
      .updateTable('loan_files')
      .set({ status: 'in_store', updated_at: ctx.nowIso() })
      .where('id', '=', f.id)
      .execute()
    const late = input.returnedOn > l.due_back
    ctx.audit({
      entity: 'loan_file',
      entityId: f.id,
      summary: `档案 ${f.file_no} 由 ${l.borrower_name} 归还（${input.returnedOn}${late ? `，逾期，应还 ${l.due_back}` : ''}）${input.condition ? `，状况：${input.condition}` : ''}`,
    })
    return toLendingView(
      await selectLendings(ctx.db).where('x.id', '=', l.id).executeTakeFirstOrThrow(),
      input.returnedOn,
    )
  },

  'archives.lendings': async (ctx, input) => {
    let q = selectLendings(ctx.db).innerJoin('loans as l', 'l.id', 'f.loan_id')
    if (input.openOnly || input.overdueOnly) q = q.where('x.returned_on', 'is', null)
    if (input.overdueOnly) q = q.where('x.due_back', '<', input.asOf)
    const scope = scopeOfficer(ctx)
    if (scope !== null) q = q.where('l.officer_id', '=', scope)
    const rows = await q.orderBy('x.due_back').orderBy('x.id').limit(input.limit).offset(input.offset).execute()
    const n = await q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return { rows: rows.map((r) => toLendingView(r, input.asOf)), total: Number(n.n) }
  },

  'archives.workbench': async (ctx, input) => {
    const scope = scopeOfficer(ctx)
    let mq = ctx.db
      .selectFrom('loan_file_items as i')
      .innerJoin('loan_files as f', 'f.id', 'i.file_id')
      .innerJoin('loans as l', 'l.id', 'f.loan_id')
      .where('i.state', '=', 'missing')
      .where('f.status', '!=', 'destroyed')
    if (scope !== null) mq = mq.where('l.officer_id', '=', scope)
    const missingFiles = await mq.select('f.id').distinct().orderBy('f.id').limit(input.limit).execute()
    const missingTotal = await mq
      .select((eb) => eb.fn.count<number>('f.id').distinct().as('n'))
      .executeTakeFirstOrThrow()
    const missing = []
    for (const m of missingFiles) {
      const f = (await findFile(ctx.db, m.id))!
      const items = await ctx.db
        .selectFrom('loan_file_items')
        .select('name')
        .where('file_id', '=', m.id)
        .where('state', '=', 'missing')
        .orderBy('sort')
        .execute()
      missing.push({
        fileId: f.id,
        fileNo: f.file_no,
        borrowerName: f.borrower_name,
        missing: items.map((i) => i.name),
      })
    }
    let lq = selectLendings(ctx.db).innerJoin('loans as l', 'l.id', 'f.loan_id').where('x.returned_on', 'is', null)
    if (scope !== null) lq = lq.where('l.officer_id', '=', scope)
    const lent = (await lq.orderBy('x.due_back').limit(input.limit).execute()).map((r) => toLendingView(r, input.asOf))
    const overdue = await lq
      .clearSelect()
      .where('x.due_back', '<', input.asOf)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const due = await filesDueForDestruction(ctx, input.asOf, input.limit)
    return {
      missing,
      missingTotal: Number(missingTotal.n),
      lent,
      overdueCount: Number(overdue.n),
      dueForDestruction: due.files,
      dueTotal: due.total,
    }
  },
} satisfies Partial<Handlers>
