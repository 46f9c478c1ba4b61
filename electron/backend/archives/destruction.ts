import { type z } from 'zod'
import { AppError, type destructionListView } from '../../../shared/api'
import type { Ctx, Handlers } from '../context'
import type { Db } from '../db/types'
import { selectFiles, toFileView } from './files-repo'
import { visibleFile } from './handlers'
import { caller } from '../scope'

type ListView = z.infer<typeof destructionListView>

async function loadList(db: Db, id: number): Promise<ListView> {
  const l = await db
    .selectFrom('destruction_lists as d')
    .innerJoin('users as p', 'p.id', 'd.proposed_by')
    .leftJoin('users as a', 'a.id', 'd.approved_by')
    .leftJoin('users as e', 'e.id', 'd.executed_by')
    .selectAll('d')
    .select(['p.display_name as p_name', 'a.display_name as a_name', 'e.display_name as e_name'])
    .where('d.id', '=', id)
    .executeTakeFirst()
  if (!l) throw new AppError('NOT_FOUND', `销毁清单 #${id} 不存在`)
  const files = (
    await selectFiles(db)
      .where('f.id', 'in', db.selectFrom('destruction_list_files').select('file_id').where('list_id', '=', id))
      .orderBy('f.id')
      .execute()
  ).map(toFileView)
  return {
    id: l.id,
    status: l.status as ListView['status'],
    asOf: l.as_of,
    note: l.note,
    proposedBy: l.p_name,
    approvedBy: l.a_name,
    executedBy: l.e_name,
    executedAt: l.executed_at,
    files: files.map((f) => ({ id: f.id, fileNo: f.fileNo, retentionUntil: f.retentionUntil, status: f.status })),
  }
}

/** Refuses files that are held, lent, destroyed or not yet due as of `asOf`. */
async function assertDestroyable(ctx: Ctx, fileIds: number[], asOf: string): Promise<void> {
  const problems: { path: string; message: string }[] = []
  for (const [k, id] of fileIds.entries()) {
    const f = toFileView(await visibleFile(ctx, id))
    const why = f.legalHold
      ? `处于诉讼保全（${f.legalHoldReason ?? ''}），禁止销毁`
      : f.status === 'destroyed'
        ? '已销毁'
        : f.status !== 'in_store'
          ? '不在库（已借出或已移交）'
          : f.retentionUntil === null
            ? '贷款未结清，未到保管期限'
            : f.retentionUntil > asOf
              ? `保管期限至 ${f.retentionUntil}，尚未到期`
              : null
    if (why) problems.push({ path: `fileIds.${k}`, message: `档案 ${f.fileNo} ${why}` })
  }
  const first = problems[0]
  if (first) throw new AppError('CONFLICT', first.message, problems)
}

/** 销毁: a list, an approval and a record. File rows stay, with status destroyed. */
export const destructionHandlers = {
  'archives.proposeDestruction': async (ctx, input) => {
    const ids = [...new Set(input.fileIds)]
    await assertDestroyable(ctx, ids, input.asOf)
    const { id } = await ctx.db
      .insertInto('destruction_lists')
      .values({
        status: 'proposed',
        as_of: input.asOf,
        note: input.note ?? null,
        proposed_by: caller(ctx).userId,
        proposed_at: ctx.nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await ctx.db
      .insertInto('destruction_list_files')
      .values(ids.map((file_id) => ({ list_id: id, file_id })))
      .execute()
    ctx.audit({
      entity: 'destruction_list',
      entityId: id,
      summary: `编制档案销毁清单 #${id}（${ids.length} 卷，截至 ${input.asOf}）`,
    })
    return loadList(ctx.db, id)
  },

  'archives.approveDestruction': async (ctx, input) => {
    const l = await loadList(ctx.db, input.listId)
    if (l.status !== 'proposed') throw new AppError('CONFLICT', `销毁清单 #${l.id} 当前状态为 ${l.status}，不能审批`)
    const row = await ctx.db
      .selectFrom('destruction_lists')
      .select('proposed_by')
      .where('id', '=', l.id)
      .executeTakeFirstOrThrow()
    if (row.proposed_by === caller(ctx).userId) throw new AppError('FORBIDDEN', '销毁清单的编制人不能自己审批')
    await assertDestroyable(
      ctx,
      l.files.map((f) => f.id),
      l.asOf,
    )
    await ctx.db
      .updateTable('destruction_lists')
      .set({ status: 'approved', approved_by: caller(ctx).userId, approved_at: ctx.nowIso() })
      .where('id', '=', l.id)
      .execute()
    ctx.audit({
      entity: 'destruction_list',
      entityId: l.id,
      summary: `审批通过档案销毁清单 #${l.id}（${l.files.length} 卷）`,
    })
    return loadList(ctx.db, l.id)
  },

  'archives.executeDestruction': async (ctx, input) => {
    const l = await loadList(ctx.db, input.listId)
    if (l.status !== 'approved') throw new AppError('CONFLICT', `销毁清单 #${l.id} 尚未审批，不能执行销毁`)
    // A hold placed after approval still blocks: check again at the moment of destruction.
    await assertDestroyable(
      ctx,
      l.files.map((f) => f.id),
      l.asOf,
    )
    const now = ctx.nowIso()
    await ctx.db
      .updateTable('loan_files')
      .set({ status: 'destroyed', destroyed_on: input.executedOn, updated_at: now })
      .where(
        'id',
        'in',
        l.files.map((f) => f.id),
      )
      .execute()
    await ctx.db
      .updateTable('destruction_lists')
      .set({ status: 'executed', executed_by: caller(ctx).userId, executed_at: now })
      .where('id', '=', l.id)
      .execute()
    ctx.audit({
      entity: 'destruction_list',
      entityId: l.id,
      summary: `执行档案销毁清单 #${l.id}：${l.files.map((f) => f.fileNo).join('、')}（${input.executedOn}）`,
    })
    return loadList(ctx.db, l.id)
  },

  'archives.destructionLists': async (ctx) => {
    const ids = await ctx.db.selectFrom('destruction_lists').select('id').orderBy('id', 'desc').limit(100).execute()
    const out = []
    for (const r of ids) out.push(await loadList(ctx.db, r.id))
    return out
  },
} satisfies Partial<Handlers>
