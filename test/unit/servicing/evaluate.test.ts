import { describe, expect, it } from 'vitest'
import { buildSchedule } from '../../../shared/domain'
import { evaluateLoan } from '../../../shared/servicing'

const rows = buildSchedule({
  principal: 1_200_000,
  annualRate: '6',
  termMonths: 12,
  method: 'equal_principal',
  startDate: '2025-01-10',
}).rows
const base = { rows, annualRate: '6', markupPercent: '50', startDate: '2025-01-10' }

describe('evaluateLoan (replay of plan + payments)', () => {
  it('a partial payment ends the 罚息 segment: 30 days on 100000 then 31 days on the rest, each rounded', () => {
    // #1 due 02-10 (P 100000, I 6000). 03-12 pays 罚息 750 (100000×9%×30/360), 复利 6000×9%×30/360 = 45, interest 6000, principal 43205.
    const e = evaluateLoan({
      ...base,
      payments: [{ id: 1, date: '2025-03-12', amount: 50_000 }],
      asOf: '2025-04-12',
      detail: true,
    })
    const a = e.allocations[0]!.lines[0]!
    expect(a).toEqual({ seq: 1, penaltyInterest: 750, compoundInterest: 45, interest: 6000, principal: 43205 })
    // Then 56795 principal overdue for 31 days: round(56795×9%×31/360) = round(440.16) = 440 (a new segment, rounded on its own).
    const r1 = e.installments[0]!
    expect(r1.penaltyInterest - r1.paidPenalty).toBe(440)
    expect(e.dpd).toBe(61)
    expect(e.bucket).toBe('M3') // 61–90
    expect(e.minCategory).toBe('special_mention')
  })

  it('a replay starting from a settled prefix (checkpoint) gives the same totals as the full replay', () => {
    const on = rows.slice(0, 6).map((r, k) => ({ id: k + 1, date: r.dueDate, amount: r.payment }))
    const later = [{ id: 7, date: '2025-08-20', amount: 50_000 }]
    const full = evaluateLoan({ ...base, payments: [...on, ...later], asOf: '2025-10-01' })
    const fromCheckpoint = evaluateLoan({
      ...base,
      rows: rows.slice(6),
      startDate: rows[5]!.dueDate,
      payments: later,
      asOf: '2025-10-01',
    })
    expect(fromCheckpoint).toEqual(full)
  })

  it('dropping a payment (冲正) gives exactly the evaluation without it; credit waits for the next due date', () => {
    const p = [{ id: 1, date: '2025-02-01', amount: 10_000 }]
    const without = evaluateLoan({ ...base, payments: [], asOf: '2025-02-05', detail: true })
    const withCredit = evaluateLoan({ ...base, payments: p, asOf: '2025-02-05', detail: true })
    expect(withCredit.credit).toBe(10_000)
    expect(withCredit.payoff).toBe(without.payoff - 10_000)
    const after = evaluateLoan({ ...base, payments: p, asOf: '2025-02-10', detail: true })
    expect(after.credit).toBe(0)
    expect(after.allocations[1]).toMatchObject({ paymentId: null, date: '2025-02-10', toCredit: 0 })
    expect(evaluateLoan({ ...base, payments: [], asOf: '2025-02-05', detail: true })).toEqual(without)
  })
})
