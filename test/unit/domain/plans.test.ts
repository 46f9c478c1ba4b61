// Custom plans and re-amortisation. Figures by hand, or by the independent python3 decimal
// script described in schedule.test.ts (shorten: keep paying `inst`; i = rnd(bal*r); p = min(inst-i, bal)).
import { describe, expect, it } from 'vitest'
import { DomainError, annuityPayment, buildCustomSchedule, buildSchedule, reamortize } from '../../../shared/domain'

describe('custom plan (自定义还款计划)', () => {
  const rows = [
    { dueDate: '2024-03-20', principal: 300_000 },
    { dueDate: '2024-06-20', principal: 700_000 },
  ]
  it('monthly basis: interest = balance × annual/12 per row', () => {
    // Hand: 1,000,000 分 at 7.2 % → 0.6 %/row: 6000, then 700000 × 0.006 = 4200.
    const s = buildCustomSchedule({ principal: 1_000_000, annualRate: '7.2', startDate: '2024-01-20', rows })
    expect(s.rows).toEqual([
      { seq: 1, dueDate: '2024-03-20', principal: 300_000, interest: 6000, payment: 306_000, balance: 700_000 },
      { seq: 2, dueDate: '2024-06-20', principal: 700_000, interest: 4200, payment: 704_200, balance: 0 },
    ])
    expect(s.totalInterest).toBe(10200)
  })
  it('actual-days basis: balance × annual/360 × days since the previous date', () => {
    // Hand: 01-20 → 03-20 = 11 + 29 + 20 = 60 days × 200 = 12000; 03-20 → 06-20 = 92 days × 140 = 12880.
    const s = buildCustomSchedule({
      principal: 1_000_000,
      annualRate: '7.2',
      startDate: '2024-01-20',
      rows,
      interestBasis: 'actual_days',
    })
    expect(s.rows.map((r) => r.interest)).toEqual([12000, 12880])
  })
  it('principal must sum to the loan (typed validation error on rows)', () => {
    let err: unknown
    try {
      buildCustomSchedule({ principal: 1_000_001, annualRate: '7.2', startDate: '2024-01-20', rows })
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(DomainError)
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'rows' })
  })
  it('dates must be after the start and increasing; rows non-empty', () => {
    expect(() =>
      buildCustomSchedule({ principal: 1_000_000, annualRate: '7.2', startDate: '2024-03-20', rows }),
    ).toThrow(DomainError)
    expect(() =>
      buildCustomSchedule({
        principal: 1_000_000,
        annualRate: '7.2',
        startDate: '2024-01-20',
        rows: [rows[1]!, rows[0]!],
      }),
    ).toThrow(DomainError)
    expect(() =>
      buildCustomSchedule({ principal: 1_000_000, annualRate: '7.2', startDate: '2024-01-20', rows: [] }),
    ).toThrow(DomainError)
    expect(() =>
      buildCustomSchedule({
        principal: 1_000_000,
        annualRate: '7.2',
        startDate: '2024-01-20',
        rows: [
          { dueDate: '2024-02-01', principal: -1 },
          { dueDate: '2024-03-01', principal: 1_000_001 },
        ],
      }),
    ).toThrow(DomainError)
  })
})

describe('reamortize after a partial prepayment', () => {
  it("'lower_payment' keeps the remaining term and recomputes the plan", () => {
    const s = reamortize({
      balance: 5_000_000,
      annualRate: '6',
      method: 'annuity',
      mode: 'lower_payment',
      fromDate: '2024-06-15',
      remainingTerm: 12,
    })
    expect(s).toEqual(
      buildSchedule({
        principal: 5_000_000,
        annualRate: '6',
        termMonths: 12,
        method: 'annuity',
        startDate: '2024-06-15',
      }),
    )
    expect(s.rows[0]!.dueDate).toBe('2024-07-15')
  })
  it("'shorten_term' keeps the payment and ends earlier", () => {
    // python: original 10,000,000 over 24 months at 6 % pays 443206; after prepaying to 5,000,000 with
    // 24 months left, paying 443206 a month ends after 12 rows; last row principal 282984, interest 1415;
    // total interest 159665.
    const inst = annuityPayment(10_000_000, '6', 24)
    expect(inst).toBe(443206)
    const s = reamortize({
      balance: 5_000_000,
      annualRate: '6',
      method: 'annuity',
      mode: 'shorten_term',
      fromDate: '2024-06-15',
      remainingTerm: 24,
      currentInstallment: inst,
    })
    expect(s.rows).toHaveLength(12)
    expect(s.rows[11]).toMatchObject({ principal: 282984, interest: 1415, balance: 0, dueDate: '2025-06-15' })
    expect(s.totalInterest).toBe(159665)
    expect(s.rows.reduce((a, r) => a + r.principal, 0)).toBe(5_000_000)
  })
  it("'shorten_term' for equal principal keeps the principal per row", () => {
    // Hand: 250,000 outstanding at 100,000 a row → rows of 100000, 100000, 50000; interest 0.5 %: 1250, 750, 250.
    const s = reamortize({
      balance: 250_000,
      annualRate: '6',
      method: 'equal_principal',
      mode: 'shorten_term',
      fromDate: '2024-01-31',
      remainingTerm: 5,
      currentInstallment: 100_000,
    })
    expect(s.rows.map((r) => [r.dueDate, r.principal, r.interest])).toEqual([
      ['2024-02-29', 100000, 1250],
      ['2024-03-31', 100000, 750],
      ['2024-04-30', 50000, 250],
    ])
  })
  it('never lengthens: the last remaining installment takes the rest', () => {
    const s = reamortize({
      balance: 300_000,
      annualRate: '0',
      method: 'equal_principal',
      mode: 'shorten_term',
      fromDate: '2024-01-15',
      remainingTerm: 2,
      currentInstallment: 100_000,
      dueDay: 20,
    })
    expect(s.rows.map((r) => [r.dueDate, r.principal])).toEqual([
      ['2024-02-20', 100000],
      ['2024-03-20', 200000],
    ])
  })
  it('defaults the installment from the remaining term', () => {
    const s = reamortize({
      balance: 120_000,
      annualRate: '6',
      method: 'annuity',
      mode: 'shorten_term',
      fromDate: '2024-01-31',
      remainingTerm: 12,
    })
    expect(s).toEqual(
      buildSchedule({
        principal: 120_000,
        annualRate: '6',
        termMonths: 12,
        method: 'annuity',
        startDate: '2024-01-31',
      }),
    )
  })
  it('rejects a payment that does not cover interest and bad inputs', () => {
    expect(() =>
      reamortize({
        balance: 5_000_000,
        annualRate: '6',
        method: 'annuity',
        mode: 'shorten_term',
        fromDate: '2024-06-15',
        remainingTerm: 24,
        currentInstallment: 25_000,
      }),
    ).toThrow(DomainError)
    expect(() =>
      reamortize({
        balance: 5_000_000,
        annualRate: '6',
        method: 'annuity',
        mode: 'sideways' as never,
        fromDate: '2024-06-15',
        remainingTerm: 24,
      }),
    ).toThrow(DomainError)
    expect(() =>
      reamortize({
        balance: 5_000_000,
        annualRate: '6',
        method: 'annuity',
        mode: 'shorten_term',
        fromDate: '2024-06-15',
        remainingTerm: 0,
      }),
    ).toThrow(DomainError)
    expect(() =>
      reamortize({
        balance: 5_000_000,
        annualRate: '6',
        method: 'annuity',
        mode: 'shorten_term',
        fromDate: '2024-06-31',
        remainingTerm: 3,
      }),
    ).toThrow(DomainError)
    expect(() =>
      reamortize({
        balance: 5_000_000,
        annualRate: '6',
        method: 'annuity',
        mode: 'shorten_term',
        fromDate: '2024-06-30',
        remainingTerm: 3,
        dueDay: 40,
      }),
    ).toThrow(DomainError)
  })
})
