import { AppError } from '../../../shared/api'
import { checkNumberPattern, formatDocNo, parseDocNo } from '../../../shared/domain/numbering'
import type { Ctx, Handlers } from '../context'
import type { Db } from '../db/types'
import { claimSerial, type DocKind, getPattern, lastSerial, orgCode, setPattern } from './numbering-repo'

const LABEL: Record<DocKind, string> = { contract: '合同号', iou: '借据号' }

async function view(db: Db, year: number) {
  const org = await orgCode(db)
  const [contractPattern, iouPattern] = [await getPattern(db, 'contract'), await getPattern(db, 'iou')]
  return {
    contractPattern,
    iouPattern,
    contractExample: formatDocNo(contractPattern, { org, year, seq: 1 }),
    iouExample: formatDocNo(iouPattern, { org, year, seq: 1 }),
  }
}

/** The next serial after the year's last that no loan already uses (numbers typed by hand are skipped). */
async function nextFree(db: Db, kind: DocKind, year: number): Promise<string> {
  const [pattern, org] = [await getPattern(db, kind), await orgCode(db)]
  const col = kind === 'contract' ? 'contract_no' : 'iou_no'
  for (let seq = (await lastSerial(db, kind, year)) + 1; ; seq++) {
    const no = formatDocNo(pattern, { org, year, seq })
    if (!(await db.selectFrom('loans').select('id').where(col, '=', no).executeTakeFirst())) return no
  }
}

/**
 * Called by loans.create in its transaction: a number that follows the pattern for the loan's
 * year uses up its serial, so the next proposal follows it. Serials advance only when a loan is
 * saved, so abandoned forms leave no gaps; two concurrent saves of the same proposal are refused
 * by the unique number check (the second user gets a fresh proposal).
 */
export async function claimNumbers(
  ctx: Ctx,
  loan: { contractNo: string; iouNo: string; disbursementDate: string },
): Promise<void> {
  const year = Number(loan.disbursementDate.slice(0, 4))
  const org = await orgCode(ctx.db)
  for (const [kind, value] of [
    ['contract', loan.contractNo],
    ['iou', loan.iouNo],
  ] as const) {
    const seq = parseDocNo(await getPattern(ctx.db, kind), value, { org, year })
    if (seq !== null) await claimSerial(ctx.db, kind, year, seq)
  }
}

export const numberingHandlers = {
  'numbering.get': async (ctx) => view(ctx.db, Number(ctx.today().slice(0, 4))),
  'numbering.setPatterns': async (ctx, input) => {
    for (const [kind, p] of [
      ['contract', input.contractPattern],
      ['iou', input.iouPattern],
    ] as const) {
      const problem = checkNumberPattern(p)
      if (problem)
        throw new AppError('VALIDATION', `${LABEL[kind]}${problem}`, [{ path: `${kind}Pattern`, message: problem }])
    }
    const before = await view(ctx.db, Number(ctx.today().slice(0, 4)))
    await setPattern(ctx.db, 'contract', input.contractPattern)
    await setPattern(ctx.db, 'iou', input.iouPattern)
    const after = await view(ctx.db, Number(ctx.today().slice(0, 4)))
    ctx.audit({
      entity: 'org',
      entityId: null,
      summary: `修改编号规则：合同号 ${before.contractPattern} → ${after.contractPattern}（如 ${after.contractExample}）；借据号 ${before.iouPattern} → ${after.iouPattern}（如 ${after.iouExample}）`,
    })
    return after
  },
  'numbering.propose': async (ctx, input) => {
    const year = Number(input.date.slice(0, 4))
    return { contractNo: await nextFree(ctx.db, 'contract', year), iouNo: await nextFree(ctx.db, 'iou', year) }
  },
} satisfies Partial<Handlers>
