// Portfolio quality over the last month-ends, from the month-end snapshots (what was reported then).
import type { z } from 'zod'
import type { trendPoint } from '../../../shared/api/reports'
import { CATEGORIES, addDays, addMonths, isNonPerforming, ratio } from '../../../shared/domain'
import type { Ctx } from '../context'
import { scopeOfficer } from '../scope'
import { snapshotBalances } from './reports-repo'

type TrendPoint = z.infer<typeof trendPoint>

/** The last day of `date`'s month and the `months − 1` month-ends before it, oldest first. */
export function monthEnds(date: string, months: number): string[] {
  const first = `${date.slice(0, 7)}-01`
  const out: string[] = []
  for (let i = months - 1; i >= 0; i--) out.push(addDays(addMonths(first, 1 - i), -1))
  return out
}

/** Balance by category at each month-end that has a snapshot, in the caller's scope. */
export async function qualityTrend(ctx: Ctx, to: string, months: number): Promise<TrendPoint[]> {
  const ends = monthEnds(to, months)
  const wanted = new Set(ends)
  const rows = await snapshotBalances(ctx.db, { from: ends[0]!, to: ends.at(-1)!, officerId: scopeOfficer(ctx) })
  const points = new Map<string, TrendPoint>()
  for (const r of rows) {
    if (!wanted.has(r.asOf)) continue
    const p =
      points.get(r.asOf) ??
      points
        .set(r.asOf, {
          asOf: r.asOf,
          byCategory: CATEGORIES.map((category) => ({ category, balance: 0 })),
          total: 0,
          nplRatio: '',
        })
        .get(r.asOf)!
    p.byCategory.find((c) => c.category === r.category)!.balance += r.balance
    p.total += r.balance
  }
  return ends.flatMap((asOf) => {
    const p = points.get(asOf)
    if (!p) return []
    const npl = p.byCategory.filter((c) => isNonPerforming(c.category)).reduce((s, c) => s + c.balance, 0)
    return [{ ...p, nplRatio: ratio(npl, p.total) }]
  })
}
