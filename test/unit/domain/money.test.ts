// Money, rates and dates helpers; figures by hand.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DomainError,
  addDays,
  ratio,
  fromDayNumber,
  toDayNumber,
  addFen,
  addMonths,
  annualToMonthlyPermille,
  assertFen,
  daysBetween,
  daysInMonth,
  formatFen,
  isLeapYear,
  isValidDate,
  maxDate,
  monthlyPermilleToAnnual,
  mulDivHalfUp,
  parseDecimal,
  parseYuan,
} from '../../../shared/domain'

describe('formatFen / parseYuan', () => {
  it('formats 分 with thousands separators and 2 decimals', () => {
    expect(formatFen(123456)).toBe('1,234.56')
    expect(formatFen(0)).toBe('0.00')
    expect(formatFen(5)).toBe('0.05')
    expect(formatFen(-123456789)).toBe('-1,234,567.89')
    expect(formatFen(100_000_000_000_000)).toBe('1,000,000,000,000.00')
    expect(() => formatFen(1.5)).toThrow(DomainError)
  })
  it('parses yuan exactly into 分', () => {
    expect(parseYuan('1,234.56')).toBe(123456)
    expect(parseYuan('1234.5')).toBe(123450)
    expect(parseYuan('0.07')).toBe(7)
    expect(parseYuan(' 12 ')).toBe(1200)
    expect(parseYuan('-0.5')).toBe(-50)
    expect(parseYuan('-0')).toBe(0)
    // 0.29 is 0.28999… as a float; exact parsing must still give 29.
    expect(parseYuan('0.29')).toBe(29)
    expect(parseYuan('10,000,000,000.01')).toBe(1_000_000_000_001)
  })
  it('rejects malformed input with a typed error', () => {
    for (const bad of ['', 'abc', '1.234', '1,23', '12,34.5', '1.', '.5', '¥1', '1e3', '99999999999999999']) {
      expect(() => parseYuan(bad), bad).toThrow(DomainError)
    }
    try {
      parseYuan('x', 'repayment.amount')
    } catch (e) {
      expect(e).toMatchObject({ code: 'VALIDATION', field: 'repayment.amount' })
    }
  })
  it('guards safe integers', () => {
    expect(assertFen(5, 'a')).toBe(5)
    expect(() => assertFen(-1, 'a')).toThrow(DomainError)
    expect(() => assertFen(0, 'a', 1)).toThrow(/金额须大于零/)
    expect(addFen(1, 2)).toBe(3)
    expect(() => addFen(Number.MAX_SAFE_INTEGER, 1)).toThrow(DomainError)
  })
})

describe('rates', () => {
  it('月息 6‰ = 7.2 % a year, and back', () => {
    expect(monthlyPermilleToAnnual('6')).toBe('7.2')
    expect(monthlyPermilleToAnnual('3.625')).toBe('4.35')
    expect(annualToMonthlyPermille('7.2')).toBe('6')
    expect(annualToMonthlyPermille('4.35')).toBe('3.625')
    expect(() => monthlyPermilleToAnnual('six')).toThrow(DomainError)
  })
  it('parses decimals exactly and rounds half-up in integer arithmetic', () => {
    expect(parseDecimal('4.35', 'r')).toEqual({ num: 87, den: 20 })
    expect(parseDecimal('0', 'r')).toEqual({ num: 0, den: 1 })
    // Hand: 100000 × 435 / 120000 = 362.5 → 363; 2^52 path vs BigInt path agree.
    expect(mulDivHalfUp(100000, 435, 120000)).toBe(363)
    // Hand: product 2^60 > 2^52 takes the BigInt path: 2^40 / 3 = 1099511627776 / 3 = 366503875925.33 → …925.
    expect(mulDivHalfUp(2 ** 40, 2 ** 20, 3 * 2 ** 20)).toBe(366503875925)
    // Hand: (2^40 + 2) / 4 = 274877906944.5 → …945 (half up) on the BigInt path.
    expect(mulDivHalfUp(2 ** 40 + 2, 2 ** 20, 2 ** 22)).toBe(274877906945)
    expect(mulDivHalfUp(3, 1, 2)).toBe(2)
  })
})

describe('dates', () => {
  it('算头不算尾: 2024-04-10 → 2024-12-10 is 244 days', () => {
    // Hand: Apr 21 + May 31 + Jun 30 + Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 9 = 244.
    expect(daysBetween('2024-04-10', '2024-12-10')).toBe(244)
    expect(daysBetween('2024-12-10', '2024-04-10')).toBe(-244)
    expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365)
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366)
    expect(daysBetween('1969-12-31', '1970-01-01')).toBe(1)
  })
  it('addMonths keeps the day, else the last day of the month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28')
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28')
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29')
    expect(addMonths('2024-12-15', 1)).toBe('2025-01-15')
    expect(addMonths('2024-01-15', 360)).toBe('2054-01-15')
    expect(() => addMonths('2024-02-30', 1)).toThrow(DomainError)
    expect(() => addMonths('2024-02-01', 1.5)).toThrow(DomainError)
    expect(() => addMonths('9999-12-01', 1)).toThrow(DomainError)
  })
  it('validates real calendar dates', () => {
    expect(isValidDate('2000-02-29')).toBe(true)
    expect(isValidDate('1900-02-29')).toBe(false)
    expect(isValidDate('2024-00-10')).toBe(false)
    expect(isValidDate('2024-1-10')).toBe(false)
    expect(isValidDate('2024-01-1a')).toBe(false)
    expect(isValidDate('20a4-01-10')).toBe(false)
    expect(isValidDate('0999-01-10')).toBe(false)
    expect(isLeapYear(2000) && !isLeapYear(1900) && isLeapYear(2024)).toBe(true)
    expect(daysInMonth(2024, 2)).toBe(29)
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(maxDate('2024-01-02', '2023-12-31')).toBe('2024-01-02')
  })
  it('property: day numbers agree with an independent count (Date.UTC, test-side only) and round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: -300_000, max: 2_900_000 }), (n) => {
        const iso = new Date(n * 86_400_000).toISOString().slice(0, 10)
        return fromDayNumber(n) === iso && toDayNumber(iso) === n
      }),
      { numRuns: 5000 },
    )
  })
})

describe('ratio (NPL ratio, coverage): exact half-up decimals', () => {
  // Checked by long division: 523/10000 = 0.0523; 1/3 = 0.33333… → 0.3333; 2/3 = 0.66666… → 0.6667;
  // 1/8 = 0.125 → half-up at 2 places 0.13; 5/10000000 = 0.0000005 → 0.0000 at 4 places, 0.000001 at 6.
  it.each([
    [523, 10_000, 4, '0.0523'],
    [1, 3, 4, '0.3333'],
    [2, 3, 4, '0.6667'],
    [1, 8, 2, '0.13'],
    [5, 10_000_000, 4, '0.0000'],
    [5, 10_000_000, 6, '0.000001'],
    [7, 7, 4, '1.0000'],
    [0, 0, 4, '0.0000'],
    [3, 2, 0, '2'],
  ])('ratio(%i, %i, %i) = %s', (p, w, places, want) => {
    expect(ratio(p, w, places)).toBe(want)
  })
  it('is exact beyond float precision (9,007,199,254,740,991 分 totals)', () => {
    // 1 ÷ (2^53 − 1) is 1.1e-16: rounds to 0 at 4 places; (2^53 − 2) ÷ (2^53 − 1) rounds to 1.0000.
    expect(ratio(1, Number.MAX_SAFE_INTEGER)).toBe('0.0000')
    expect(ratio(Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER)).toBe('1.0000')
  })
  it('refuses negative or fractional input', () => {
    expect(() => ratio(-1, 3)).toThrow(RangeError)
    expect(() => ratio(1.5, 3)).toThrow(RangeError)
  })
})
