// Property tests over random plans (fast-check): invariants every plan must keep.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { METHODS, addDays, addMonths, buildSchedule, daysBetween, reamortize } from '../../../shared/domain'

const rate = fc
  .tuple(fc.integer({ min: 0, max: 36 }), fc.integer({ min: 0, max: 9999 }))
  .map(([i, f]) => (i === 36 ? '36' : `${i}.${String(f).padStart(4, '0')}`))
const date = fc.integer({ min: 0, max: 40_000 }).map((n) => addDays('1990-01-01', n))
const input = fc.record({
  principal: fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1_000_000_000_000 })),
  annualRate: rate,
  termMonths: fc.oneof(fc.constantFrom(1, 2, 12, 360), fc.integer({ min: 1, max: 360 })),
  method: fc.constantFrom(...METHODS),
  startDate: date,
  dueDay: fc.option(fc.integer({ min: 1, max: 31 }), { nil: undefined }),
  interestBasis: fc.constantFrom('monthly' as const, 'actual_days' as const),
})

describe('plan invariants', () => {
  it('principal always sums to the loan; balances never negative; final balance 0; rows consistent', () => {
    fc.assert(
      fc.property(input, (i) => {
        const s = buildSchedule(i)
        let bal = i.principal,
          total = 0,
          prev = i.startDate
        for (const [k, r] of s.rows.entries()) {
          bal -= r.principal
          total += r.interest
          if (r.seq !== k + 1 || r.balance !== bal || r.balance < 0 || r.principal < 0 || r.interest < 0) return false
          if (r.payment !== r.principal + r.interest || r.dueDate < prev) return false
          prev = r.dueDate
        }
        return bal === 0 && s.rows.at(-1)!.balance === 0 && total === s.totalInterest
      }),
      { numRuns: 600 },
    )
  })

  it('annuity and equal-principal plans have exactly termMonths rows, monthly apart', () => {
    fc.assert(
      fc.property(
        input.filter((i) => i.method === 'annuity' || i.method === 'equal_principal'),
        (i) => {
          const s = buildSchedule(i)
          return (
            s.rows.length === i.termMonths &&
            s.rows.every((r, k) => k === 0 || daysBetween(s.rows[k - 1]!.dueDate, r.dueDate) >= 28)
          )
        },
      ),
      { numRuns: 300 },
    )
  })

  it('interest-only plans count every day from disbursement to maturity exactly once', () => {
    fc.assert(
      fc.property(
        input.filter((i) => i.method !== 'annuity' && i.method !== 'equal_principal'),
        (i) => {
          // Use 7.2 % on 1,000,000 分: exactly 200 分 a day, so rounding cannot hide a missing day.
          const s = buildSchedule({ ...i, principal: 1_000_000, annualRate: '7.2' })
          const maturity = addMonths(i.startDate, i.termMonths)
          return s.totalInterest === 200 * daysBetween(i.startDate, maturity) && s.rows.at(-1)!.dueDate === maturity
        },
      ),
      { numRuns: 300 },
    )
  })

  it('re-amortised principal sums to the outstanding balance in both modes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e11 }),
        rate,
        fc.integer({ min: 1, max: 360 }),
        fc.constantFrom('annuity' as const, 'equal_principal' as const),
        fc.constantFrom('shorten_term' as const, 'lower_payment' as const),
        date,
        (balance, annualRate, remainingTerm, method, mode, fromDate) => {
          const s = reamortize({ balance, annualRate, method, mode, fromDate, remainingTerm })
          return (
            s.rows.reduce((a, r) => a + r.principal, 0) === balance &&
            s.rows.length <= remainingTerm &&
            s.rows.every((r) => r.balance >= 0)
          )
        },
      ),
      { numRuns: 300 },
    )
  })

  it('a 360-month plan is deterministic (same input, same output)', () => {
    const i = {
      principal: 50_000_000,
      annualRate: '4.2',
      termMonths: 360,
      method: 'annuity' as const,
      startDate: '2024-01-31',
    }
    expect(buildSchedule(i)).toEqual(buildSchedule(i))
  })
})
