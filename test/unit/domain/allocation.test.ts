// Figures by hand: greedy allocation in the stated order.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  COMPONENTS,
  DEFAULT_ALLOCATION_ORDER,
  DomainError,
  PRINCIPAL_FIRST_ORDER,
  allocateAcrossInstallments,
  allocatePayment,
} from '../../../shared/domain'

const due = { fees: 100, penaltyInterest: 300, compoundInterest: 50, interest: 500, principal: 10_000 }

describe('allocatePayment (还款冲销, 民法典 561)', () => {
  it('default order is 费用 → 罚息 → 复利 → 利息 → 本金', () => {
    expect(DEFAULT_ALLOCATION_ORDER).toEqual(['fees', 'penaltyInterest', 'compoundInterest', 'interest', 'principal'])
    // Hand: 1000 − 100 − 300 − 50 − 500 = 50 left for principal.
    expect(allocatePayment({ amount: 1000, due })).toEqual({
      fees: 100,
      penaltyInterest: 300,
      compoundInterest: 50,
      interest: 500,
      principal: 50,
      unapplied: 0,
    })
  })
  it('a short payment stops part-way through a component', () => {
    // Hand: 250 → fees 100, penalty 150.
    expect(allocatePayment({ amount: 250, due })).toEqual({
      fees: 100,
      penaltyInterest: 150,
      compoundInterest: 0,
      interest: 0,
      principal: 0,
      unapplied: 0,
    })
  })
  it('先本后息 pays principal first', () => {
    // Hand: 10500 → principal 10000, interest 500.
    expect(allocatePayment({ amount: 10_500, due, order: PRINCIPAL_FIRST_ORDER })).toEqual({
      fees: 0,
      penaltyInterest: 0,
      compoundInterest: 0,
      interest: 500,
      principal: 10_000,
      unapplied: 0,
    })
  })
  it('overpayment is reported as unapplied, never silently applied', () => {
    // Hand: total due 10950; 12000 − 10950 = 1050.
    expect(allocatePayment({ amount: 12_000, due }).unapplied).toBe(1050)
  })
  it('fees default to 0; a partial custom order is completed in default order', () => {
    const r = allocatePayment({
      amount: 600,
      due: { penaltyInterest: 300, compoundInterest: 0, interest: 500, principal: 100 },
      order: ['interest'],
    })
    expect(r).toEqual({ fees: 0, penaltyInterest: 100, compoundInterest: 0, interest: 500, principal: 0, unapplied: 0 })
  })
  it('rejects negative amounts, negative dues and bad orders', () => {
    expect(() => allocatePayment({ amount: -1, due })).toThrow(DomainError)
    expect(() => allocatePayment({ amount: 1, due: { ...due, interest: -5 } })).toThrow(DomainError)
    expect(() => allocatePayment({ amount: 1, due, order: ['interest', 'interest'] })).toThrow(DomainError)
    expect(() => allocatePayment({ amount: 1, due, order: ['tax' as never] })).toThrow(DomainError)
  })
  it('across installments: oldest first, each by order', () => {
    // Hand: the older installment owes 20 + 5 + 75 + 500 = 600; the newer gets 800 − 600 = 200 → interest 80, principal 120.
    const older = { penaltyInterest: 20, compoundInterest: 5, interest: 75, principal: 500 }
    const newer = { penaltyInterest: 0, compoundInterest: 0, interest: 80, principal: 500 }
    const r = allocateAcrossInstallments({ amount: 800, installments: [older, newer] })
    expect(r.allocations[0]).toEqual({
      fees: 0,
      penaltyInterest: 20,
      compoundInterest: 5,
      interest: 75,
      principal: 500,
      unapplied: 0,
    })
    expect(r.allocations[1]).toEqual({
      fees: 0,
      penaltyInterest: 0,
      compoundInterest: 0,
      interest: 80,
      principal: 120,
      unapplied: 0,
    })
    expect(r.unapplied).toBe(0)
    expect(
      allocateAcrossInstallments({ amount: 2000, installments: [older, newer], order: PRINCIPAL_FIRST_ORDER })
        .unapplied,
    ).toBe(2000 - 600 - 580)
  })

  const amount = fc.integer({ min: 0, max: 1e12 })
  const dueArb = fc.record({
    fees: fc.integer({ min: 0, max: 1e11 }),
    penaltyInterest: fc.integer({ min: 0, max: 1e11 }),
    compoundInterest: fc.integer({ min: 0, max: 1e11 }),
    interest: fc.integer({ min: 0, max: 1e11 }),
    principal: fc.integer({ min: 0, max: 1e11 }),
  })
  it('property: never allocates more than paid or due, and parts + unapplied = amount', () => {
    fc.assert(
      fc.property(amount, dueArb, fc.shuffledSubarray([...COMPONENTS]), (a, d, order) => {
        const r = allocatePayment({ amount: a, due: d, order })
        const parts = COMPONENTS.map((c) => r[c])
        const totalDue = COMPONENTS.reduce((s, c) => s + d[c], 0)
        return (
          parts.every((p, k) => p >= 0 && p <= d[COMPONENTS[k]!]) &&
          parts.reduce((s, p) => s + p, 0) + r.unapplied === a &&
          r.unapplied === Math.max(0, a - totalDue)
        )
      }),
      { numRuns: 2000 },
    )
  })
})
