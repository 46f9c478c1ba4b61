// Domain-core micro-benchmarks (pure functions, one core). Used by the project bench script;
// `npx tsx scripts/bench-domain.ts` prints the figures.
import { buildSchedule, overdueCharges } from '../shared/domain'

/** One measured figure. */
export interface BenchResult {
  name: string
  value: number
  unit: 'ms' | 'ops/s'
}

/** Measures 360-month annuity plans per second and overdue charges for 5M installments. */
export function benchDomain(opts: { plans?: number; installments?: number } = {}): BenchResult[] {
  const plans = opts.plans ?? 100_000
  const installments = opts.installments ?? 5_000_000
  const rates = ['3.45', '4.35', '4.9', '5.88', '7.2', '9.6']
  let sink = 0

  let t0 = performance.now()
  for (let k = 0; k < plans; k++) {
    const s = buildSchedule({
      principal: 5_000_000 + k,
      annualRate: rates[k % rates.length]!,
      termMonths: 360,
      method: 'annuity',
      startDate: '2024-01-31',
    })
    sink += s.totalInterest
  }
  const scheduleMs = performance.now() - t0

  const froms = ['2024-01-20', '2024-02-20', '2024-03-20', '2024-04-20', '2024-05-20', '2024-06-20']
  t0 = performance.now()
  for (let k = 0; k < installments; k++) {
    const c = overdueCharges({
      overduePrincipal: 100_000 + (k % 9973) * 37,
      overdueInterest: 1_000 + (k % 311),
      annualRate: rates[k % rates.length]!,
      markupPercent: '50',
      from: froms[k % froms.length]!,
      to: '2024-12-31',
    })
    sink += c.penaltyInterest + c.compoundInterest
  }
  const overdueMs = performance.now() - t0
  if (sink < 0) throw new Error('unreachable') // keeps the work observable

  return [
    { name: '360-month schedules per second', value: Math.round((plans / scheduleMs) * 1000), unit: 'ops/s' },
    { name: `overdue charges for ${installments / 1e6}M installments`, value: Math.round(overdueMs), unit: 'ms' },
  ]
}

if (process.argv[1]?.endsWith('bench-domain.ts')) {
  for (const r of benchDomain()) console.log(`${r.name}: ${r.value} ${r.unit}`)
}
