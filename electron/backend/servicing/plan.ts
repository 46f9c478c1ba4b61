// A loan's plan with all its versions, as the servicing screens show it.
import type { PlanView } from '../../../shared/api/servicing'
import type { Ctx } from '../context'
import { type LoanHead, listVersions } from './servicing-repo'
import { headView } from './core'

const REASONS: Record<string, string> = {
  initial: '初始计划',
  extension: '展期',
  restructure: '重组',
  prepayment: '提前还本',
  settlement: '结清',
  import: '导入',
}

/** The plan with every version, newest first. */
export async function planOf(ctx: Ctx, head: LoanHead): Promise<PlanView> {
  const versions = await listVersions(ctx.db, head.id)
  const current =
    versions.find((v) => v.status === 'active' && v.effectiveDate <= ctx.today()) ??
    versions.find((v) => v.status === 'active')
  return {
    loan: headView(head),
    currentVersion: current?.version ?? null,
    versions: versions.map((v) => ({
      ...v,
      totalPrincipal: v.rows.reduce((s, r) => s + r.principal, 0),
      totalInterest: v.rows.reduce((s, r) => s + r.interest, 0),
    })),
  }
}

/** Human label of a version reason. */
export function reasonLabel(reason: string): string {
  return REASONS[reason] ?? reason
}
