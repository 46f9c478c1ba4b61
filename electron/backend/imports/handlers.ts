import { createHash } from 'node:crypto'
import { AppError, type ImportKind } from '../../../shared/api'
import type { Ctx, Handlers } from '../context'
import { IMPORT_COLUMNS, parseRow } from './kinds'
import { type Action, planBorrowers, planCollaterals, planGuarantors, planLoans, type Problem, type Rec } from './plan'
import { readSheet, writeSheet } from './xlsx'
import { exportList } from './exports'
import { caller, seesPii } from '../scope'
import { changeSummary, describeChanges, idsToName, type RecordChange } from './diff'
import { borrowerNames, userDisplayNames, writeImportRows } from './imports-repo'

const TABLE: Record<ImportKind, string> = {
  borrowers: 'borrowers',
  loans: 'loans',
  guarantors: 'guarantors',
  collaterals: 'collaterals',
}
const LABEL: Record<ImportKind, string> = {
  borrowers: '借款人',
  loans: '贷款',
  guarantors: '保证人',
  collaterals: '抵质押物',
}
const MAX_ROWS = 200_000

/** Reads and validates a whole file; nothing is written. */
async function plan(
  ctx: Ctx,
  kind: ImportKind,
  b64: string,
): Promise<{ total: number; problems: Problem[]; actions: Action[] }> {
  let sheet
  try {
    sheet = await readSheet(Buffer.from(b64, 'base64'))
  } catch {
    throw new AppError('VALIDATION', '无法读取文件：请上传 .xlsx 格式的 Excel 文件（可先下载导入模板）')
  }
  const cols = IMPORT_COLUMNS[kind]
  const headerIndex = new Map(sheet.headers.map((h, i) => [h, i]))
  const missing = cols.filter((c) => c.required && !headerIndex.has(c.header)).map((c) => c.header)
  if (missing.length)
    throw new AppError('VALIDATION', `表头缺少必填列：${missing.join('、')}（请使用${LABEL[kind]}导入模板）`)
  if (sheet.rows.length > MAX_ROWS)
    throw new AppError('VALIDATION', `一次最多导入 ${MAX_ROWS} 行，本文件 ${sheet.rows.length} 行`)
  const problems: Problem[] = []
  const recs: Rec[] = []
  for (const r of sheet.rows) {
    const { rec, problems: ps } = parseRow(cols, headerIndex, r.cells)
    for (const p of ps) problems.push({ row: r.row, ...p })
    recs.push({ row: r.row, rec })
  }
  const planner = {
    borrowers: planBorrowers,
    loans: planLoans,
    guarantors: planGuarantors,
    collaterals: planCollaterals,
  }[kind]
  const bad = new Set<number>()
  const actions = (await planner(ctx, recs, problems)).filter((a) => {
    if (bad.size === 0) for (const x of problems) bad.add(x.row)
    return !bad.has(a.row)
  })
  problems.sort((a, b) => a.row - b.row)
  return { total: sheet.rows.length, problems, actions }
}

/** Writes the planned creates and updates inside the dispatcher's transaction (SQL in imports-repo). */
function apply(ctx: Ctx, kind: ImportKind, actions: Action[]): void {
  const first = actions.find((a) => a.kind !== 'unchanged')
  if (!first) return
  const rows = actions
    .filter((a) => a.kind !== 'unchanged')
    .map((a) => (a.kind === 'create' ? { values: a.values } : { id: a.id, values: a.values }))
  writeImportRows(ctx.db, {
    table: TABLE[kind],
    cols: Object.keys(first.values),
    rows,
    now: ctx.nowIso(),
    userId: caller(ctx).userId,
  })
}

/** The records the actions would change, field by field; `maskPii` for display to roles without pii.view and for audit lines. */
async function changesOf(ctx: Ctx, kind: ImportKind, actions: Action[], maskPii: boolean): Promise<RecordChange[]> {
  const officers = await userDisplayNames(ctx.db)
  const borrowers = await borrowerNames(ctx.db, idsToName(actions).borrowerIds)
  return describeChanges(kind, actions, { officers, borrowers, maskPii })
}

/** Each changed record gets its own audit entry on the record (so the borrower's history names the fields). */
function auditChanges(ctx: Ctx, kind: ImportKind, actions: Action[], changes: RecordChange[]): void {
  const byRow = new Map(actions.map((a) => [a.row, a]))
  for (const c of changes) {
    const a = byRow.get(c.row)
    const [entity, entityId] =
      kind === 'borrowers'
        ? ['borrower', c.id]
        : kind === 'loans'
          ? ['loan', c.id]
          : ['loan', Number(a?.values.loan_id)]
    ctx.audit({ entity, entityId, summary: changeSummary(kind, c) })
  }
}

function counts(actions: Action[]) {
  return {
    toCreate: actions.filter((a) => a.kind === 'create').length,
    toUpdate: actions.filter((a) => a.kind === 'update').length,
    unchanged: actions.filter((a) => a.kind === 'unchanged').length,
  }
}

/** Excel templates, preview, all-or-nothing commit and export. */
export const importHandlers = {
  'imports.template': async (_ctx, input) => {
    const cols = IMPORT_COLUMNS[input.kind]
    const buf = await writeSheet({
      sheet: LABEL[input.kind],
      headers: cols.map((c) => c.header),
      rows: [],
      notes: [
        ['列', '说明'],
        ...cols.map((c) => [c.header, `${c.required ? '【必填】' : ''}${c.note}`]),
        ['', '第一个工作表的第一行是表头，请从第二行开始填写；金额单位为元，日期格式 YYYY-MM-DD。'],
      ],
    })
    return { filename: `${LABEL[input.kind]}导入模板.xlsx`, contentBase64: buf.toString('base64') }
  },

  'imports.preview': async (ctx, input) => {
    const p = await plan(ctx, input.kind, input.contentBase64)
    const changes = await changesOf(ctx, input.kind, p.actions, !seesPii(ctx))
    return {
      total: p.total,
      valid: p.actions.length,
      ...counts(p.actions),
      problems: p.problems.slice(0, 1000),
      problemCount: p.problems.length,
      changes: changes.slice(0, 500),
      changeCount: changes.length,
    }
  },

  'imports.commit': async (ctx, input) => {
    const p = await plan(ctx, input.kind, input.contentBase64)
    if (p.problems.length) {
      const first = p.problems[0]!
      throw new AppError(
        'VALIDATION',
        `文件中有 ${p.problems.length} 处错误，未导入任何数据。第 ${first.row} 行“${first.column}”：${first.message}`,
        p.problems.slice(0, 200).map((x) => ({ path: `row${x.row}.${x.column}`, message: x.message })),
      )
    }
    const c = counts(p.actions)
    if (c.toUpdate > 0 && input.confirmedUpdates !== c.toUpdate) {
      throw new AppError(
        'VALIDATION',
        input.confirmedUpdates === undefined
          ? `本次导入将修改 ${c.toUpdate} 条已有${LABEL[input.kind]}记录，请先预览修改内容并确认，未导入任何数据`
          : `已有记录在预览后发生变化（现需修改 ${c.toUpdate} 条，确认的是 ${input.confirmedUpdates} 条），请重新预览，未导入任何数据`,
      )
    }
    apply(ctx, input.kind, p.actions)
    auditChanges(ctx, input.kind, p.actions, await changesOf(ctx, input.kind, p.actions, true))
    const sha = createHash('sha256').update(input.contentBase64).digest('hex').slice(0, 12)
    ctx.audit({
      entity: 'import',
      entityId: input.kind,
      summary: `Excel 导入${LABEL[input.kind]}：新增 ${c.toCreate}，更新 ${c.toUpdate}，未变 ${c.unchanged}（共 ${p.total} 行，文件 ${sha}）`,
    })
    return { created: c.toCreate, updated: c.toUpdate, unchanged: c.unchanged }
  },

  'imports.export': async (ctx, input) => exportList(ctx, input),
} satisfies Partial<Handlers>
