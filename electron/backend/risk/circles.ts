// 担保圈/联保: groups and mutual-guarantee cycles with exposure and overdue members (from the last stored run).
import { guaranteeGroups } from '../../../shared/risk'
import type { Handlers } from '../context'
import { scopeOfficer } from '../scope'
import { borrowerExposure } from './board-repo'
import { guaranteeLinks } from './inputs-repo'

export const circleHandlers = {
  'risk.circles': async (ctx) => {
    const links = await guaranteeLinks(ctx.db)
    const groups = guaranteeGroups(
      links.map((l) => ({ borrowerId: l.borrowerId, guarantorBorrowerId: l.guarantorBorrowerId! })),
    )
    const exp = await borrowerExposure(ctx.db)
    const scope = scopeOfficer(ctx)
    const out = []
    for (const g of groups) {
      if (g.cycles.length === 0 && g.members.length < 3) continue
      const members = g.members.map((b) => {
        const e = exp.get(b)
        return {
          borrowerId: b,
          name: e?.name ?? `#${b}`,
          outstandingPrincipal: e?.outstanding ?? 0,
          maxDpd: e?.dpd ?? 0,
          officerId: e?.officerId ?? null,
        }
      })
      if (scope !== null && !members.some((m) => m.officerId === scope)) continue
      out.push({
        members: members.map(({ officerId: _o, ...m }) => m),
        cycles: g.cycles,
        exposure: members.reduce((s, m) => s + m.outstandingPrincipal, 0),
        overdueMembers: members.filter((m) => m.maxDpd > 0).length,
      })
    }
    return out.sort((a, b) => b.overdueMembers - a.overdueMembers || b.exposure - a.exposure).slice(0, 500)
  },
} satisfies Partial<Handlers>
