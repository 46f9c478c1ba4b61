// Figures by hand (shown) or by an independent python3 decimal script:
//   pen(base, rate, markup, days) = rnd(D(base)*D(rate)/100*(1+D(markup)/100)/360*days), ROUND_HALF_UP
import { describe, expect, it } from 'vitest'
import {
  DomainError,
  accrueInterest,
  allInAnnualCost,
  costWarning,
  overdueCharges,
  overdueChargesOverSegments,
  penaltyRate,
} from '../../../shared/domain'

const base = {
  overduePrincipal: 10_000_000,
  overdueInterest: 36_250,
  annualRate: '4.35',
  markupPercent: '50',
  from: '2024-06-20',
  to: '2024-07-20',
}

describe('overdueCharges (罚息 / 复利, 银发〔2003〕251号)', () => {
  it('罚息 accrues on overdue principal at +50 % by actual days /360', () => {
    // Hand: penalty rate 4.35 × 1.5 = 6.525 %; 10,000,000 × 0.06525 / 360 × 30 = 54375 exactly.
    expect(overdueCharges(base)).toMatchObject({ days: 30, penaltyInterest: 54375 })
  })
  it('复利 accrues on unpaid interest at the same penalty rate', () => {
    // Hand: 36250 × 0.06525 / 360 × 30 = 36250 × 0.0054375 = 197.109 → 197.
    expect(overdueCharges(base).compoundInterest).toBe(197)
  })
  it('挪用 markup +100 % doubles the rate', () => {
    // Hand: 10,000,000 × 0.087 / 360 × 30 = 72500.
    expect(overdueCharges({ ...base, markupPercent: '100' }).penaltyInterest).toBe(72500)
  })
  it('an exact half 分 rounds up', () => {
    // Hand: 80000 × 0.06525 / 360 × 1 = 14.5 → 15.
    expect(overdueCharges({ ...base, overduePrincipal: 80000, overdueInterest: 0, to: '2024-06-21' })).toEqual({
      days: 1,
      penaltyInterest: 15,
      compoundInterest: 0,
    })
  })
  it('days count the from-day, not the to-day, across a leap February', () => {
    // Hand: 2024-02-28 → 2024-03-01 = 28th, 29th = 2 days.
    expect(overdueCharges({ ...base, from: '2024-02-28', to: '2024-03-01' }).days).toBe(2)
    expect(overdueCharges({ ...base, from: '2023-02-28', to: '2023-03-01' }).days).toBe(1)
  })
  it('nothing accrues when to ≤ from', () => {
    expect(overdueCharges({ ...base, to: '2024-06-20' })).toEqual({ days: 0, penaltyInterest: 0, compoundInterest: 0 })
    expect(overdueCharges({ ...base, to: '2024-06-01' })).toEqual({ days: 0, penaltyInterest: 0, compoundInterest: 0 })
  })
  it('stays exact for 1e12 分 over a year (beyond 2^53 intermediate products)', () => {
    // Hand: 1e12 × 0.06525 × 365/360 = 1e12 × 0.06615625 = 66,156,250,000 exactly.
    expect(
      overdueCharges({ ...base, overduePrincipal: 1e12, from: '2023-01-01', to: '2024-01-01' }).penaltyInterest,
    ).toBe(66_156_250_000)
    // python: pen(999999999999, '4.35000001', '50.00000001', 3650) = 661562501564 (non-reducible 8-decimal inputs)
    expect(
      overdueCharges({
        ...base,
        overduePrincipal: 999_999_999_999,
        annualRate: '4.35000001',
        markupPercent: '50.00000001',
        from: '2014-01-01',
        to: '2023-12-30',
      }),
    ).toMatchObject({ days: 3650, penaltyInterest: 661_562_501_564 })
  })
  it('an odd case matches the independent script', () => {
    // python: pen(12345678, '6.3', '30', 17) = 47747
    expect(
      overdueCharges({
        ...base,
        overduePrincipal: 12_345_678,
        annualRate: '6.3',
        markupPercent: '30',
        from: '2024-01-01',
        to: '2024-01-18',
      }).penaltyInterest,
    ).toBe(47747)
  })
  it('each segment is rounded separately and summed', () => {
    // Hand: segment 1 = 54375 / 197 as above; segment 2: 5,000,000 × 0.06525/360 × 10 = 9062.5 → 9063, interest 0.
    const r = overdueChargesOverSegments({
      annualRate: '4.35',
      markupPercent: '50',
      segments: [
        { from: '2024-06-20', to: '2024-07-20', overduePrincipal: 10_000_000, overdueInterest: 36_250 },
        { from: '2024-07-20', to: '2024-07-30', overduePrincipal: 5_000_000, overdueInterest: 0 },
      ],
    })
    expect(r).toEqual({ days: 40, penaltyInterest: 54375 + 9063, compoundInterest: 197 })
  })
  it('rejects negative bases, bad dates and markups above 100 %', () => {
    expect(() => overdueCharges({ ...base, overduePrincipal: -1 })).toThrow(DomainError)
    expect(() => overdueCharges({ ...base, overdueInterest: 0.5 })).toThrow(DomainError)
    expect(() => overdueCharges({ ...base, from: '2024-13-01' })).toThrow(DomainError)
    expect(() => overdueCharges({ ...base, markupPercent: '101' })).toThrow(DomainError)
    expect(() => overdueCharges({ ...base, annualRate: 'abc' })).toThrow(DomainError)
  })
  it('penaltyRate = contract × (1 + markup)', () => {
    expect(penaltyRate('4.35', '50')).toBe('6.525')
    expect(penaltyRate('6', '100')).toBe('12')
  })
})

describe('accrueInterest (day count)', () => {
  it('actual days, 算头不算尾: 2024-04-10 → 2024-12-10 is 244 days', () => {
    // Hand: 10,000,000 × 4.35 % × 244/360 = 294833.33 → 294833.
    expect(accrueInterest({ principal: 10_000_000, annualRate: '4.35', from: '2024-04-10', to: '2024-12-10' })).toEqual(
      { interest: 294833, months: 0, days: 244 },
    )
  })
  it('对月对日: whole months × annual/12 + leftover days × annual/360', () => {
    // Hand: 04-10 → 12-10 = 8 whole months: 10,000,000 × 0.0435 × 8/12 = 290000.
    expect(
      accrueInterest({
        principal: 10_000_000,
        annualRate: '4.35',
        from: '2024-04-10',
        to: '2024-12-10',
        dayCount: 'month_day',
      }),
    ).toEqual({ interest: 290000, months: 8, days: 0 })
    // Hand: 2024-01-15 → 2024-03-20 = 2 months + 5 days; 1,000,000 × 7.2 % → 6000/month + 200/day = 13000.
    expect(
      accrueInterest({
        principal: 1_000_000,
        annualRate: '7.2',
        from: '2024-01-15',
        to: '2024-03-20',
        dayCount: 'month_day',
      }),
    ).toEqual({ interest: 13000, months: 2, days: 5 })
  })
  it('对月对日 at month end: 01-31 + 1 month = 02-29, so 01-31 → 03-01 is 1 month + 1 day', () => {
    // Hand: 6000 + 200 = 6200. And 01-31 → 02-28 is 0 months 28 days = 5600.
    expect(
      accrueInterest({
        principal: 1_000_000,
        annualRate: '7.2',
        from: '2024-01-31',
        to: '2024-03-01',
        dayCount: 'month_day',
      }),
    ).toEqual({ interest: 6200, months: 1, days: 1 })
    expect(
      accrueInterest({
        principal: 1_000_000,
        annualRate: '7.2',
        from: '2024-01-31',
        to: '2024-02-28',
        dayCount: 'month_day',
      }),
    ).toEqual({ interest: 5600, months: 0, days: 28 })
  })
  it('rejects to < from', () => {
    expect(() => accrueInterest({ principal: 1, annualRate: '1', from: '2024-02-02', to: '2024-02-01' })).toThrow(
      DomainError,
    )
  })
})

describe('all-in cost warning (§4)', () => {
  it('warns above 24 % and, when an LPR is set, above 4 × LPR', () => {
    expect(costWarning({ annualCostPercent: '24' })).toEqual({ warn: false, exceeded: [] })
    expect(costWarning({ annualCostPercent: '24.01' })).toEqual({ warn: true, exceeded: ['cap'] })
    // Hand: 4 × 3.45 = 13.8 < 15.3 < 24.
    expect(costWarning({ annualCostPercent: '15.3', lprPercent: '3.45' })).toEqual({ warn: true, exceeded: ['lpr'] })
    expect(costWarning({ annualCostPercent: '13.8', lprPercent: '3.45' })).toEqual({ warn: false, exceeded: [] })
    expect(costWarning({ annualCostPercent: '30', capPercent: '36', lprPercent: '3.45', lprMultiple: '10' })).toEqual({
      warn: false,
      exceeded: [],
    })
  })
  it('all-in cost = contract × (1 + markup) + annualised fees', () => {
    // Hand: 18 × 1.5 = 27; 12 × 1.5 + 1.2 = 19.2.
    expect(allInAnnualCost({ annualRate: '18', markupPercent: '50' })).toBe('27')
    expect(allInAnnualCost({ annualRate: '12', markupPercent: '50', feesAnnualPercent: '1.2' })).toBe('19.2')
    expect(allInAnnualCost({ annualRate: '4.35' })).toBe('4.35')
  })
})
