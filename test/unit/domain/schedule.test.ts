// Figures: hand arithmetic shown inline, or an independent python3 script using the decimal
// module (prec 60, ROUND_HALF_UP, Decimal ** for (1+r)^n — not BigInt rationals as in the code):
//   r = D(annual)/100/12; pay = rnd(P*r*g/(g-1)), g = (1+r)**n
//   each row: i = rnd(bal*r); p = bal if last else min(pay - i, bal)
import { describe, expect, it } from 'vitest'
import { DomainError, annuityPayment, buildSchedule, type ScheduleInput } from '../../../shared/domain'

const base: ScheduleInput = {
  principal: 120000,
  annualRate: '6',
  termMonths: 12,
  method: 'annuity',
  startDate: '2024-01-31',
}

describe('等额本息 annuity', () => {
  it('payment = P·r(1+r)^n/((1+r)^n−1) rounded half-up; interest = round(balance × annual/12); last row absorbs rounding', () => {
    // Hand: r = 0.5 %, 1.005^12 = 1.0616778…, 600 × 1.0616778/0.0616778 = 10327.97 → 10328.
    // Row 1 interest = 120000 × 0.005 = 600, principal 10328 − 600 = 9728.
    // python: last row principal 10273, interest 51, payment 10324; total interest 3932.
    const s = buildSchedule(base)
    expect(s.rows).toHaveLength(12)
    expect(s.rows[0]).toEqual({
      seq: 1,
      dueDate: '2024-02-29',
      principal: 9728,
      interest: 600,
      payment: 10328,
      balance: 110272,
    })
    expect(s.rows[1]).toMatchObject({ interest: 551, principal: 9777, balance: 100495 }) // round(110272 × 0.005) = round(551.36)
    expect(s.rows[11]).toEqual({
      seq: 12,
      dueDate: '2025-01-31',
      principal: 10273,
      interest: 51,
      payment: 10324,
      balance: 0,
    })
    expect(s.totalInterest).toBe(3932)
    expect(annuityPayment(120000, '6', 12)).toBe(10328)
  })

  it('360-month mortgage-size plan matches the independent decimal computation', () => {
    // python: P = 100,000,000 分 at 4.9 %: pay 530727; first row interest round(1e8 × 0.049/12) = 408333;
    // last row principal 528362, interest 2157; total interest 91061512.
    const s = buildSchedule({
      ...base,
      principal: 100_000_000,
      annualRate: '4.9',
      termMonths: 360,
      startDate: '2024-03-15',
    })
    expect(s.rows).toHaveLength(360)
    expect(s.rows[0]).toMatchObject({ interest: 408333, principal: 122394, payment: 530727, dueDate: '2024-04-15' })
    expect(s.rows[359]).toMatchObject({
      principal: 528362,
      interest: 2157,
      payment: 530519,
      balance: 0,
      dueDate: '2054-03-15',
    })
    expect(s.totalInterest).toBe(91061512)
  })

  it('amounts near 1e11 分 stay exact (BigInt path)', () => {
    // python: P = 99,999,999,999 at 4.35 %, 360 months: pay 497811793; first interest 362500000
    // (99999999999 × 0.003625 = 362499999.996 → 362500000); last 496013516 + 1798049; total 79212245253.
    const s = buildSchedule({ ...base, principal: 99_999_999_999, annualRate: '4.35', termMonths: 360 })
    expect(s.rows[0]).toMatchObject({ payment: 497811793, interest: 362500000 })
    expect(s.rows[359]).toMatchObject({ principal: 496013516, interest: 1798049 })
    expect(s.totalInterest).toBe(79212245253)
  })

  it('a 1-month term is one row of principal + one month of interest', () => {
    // Hand: 100000 × 1 % = 1000; payment 100000·0.01·1.01/0.01 = 101000.
    const s = buildSchedule({ ...base, principal: 100000, annualRate: '12', termMonths: 1, startDate: '2024-05-10' })
    expect(s.rows).toEqual([
      { seq: 1, dueDate: '2024-06-10', principal: 100000, interest: 1000, payment: 101000, balance: 0 },
    ])
  })

  it('zero rate: payment = round(P/n), no interest, last row takes the rest', () => {
    // Hand: 100000 / 3 = 33333.33 → 33333; last = 100000 − 2 × 33333 = 33334.
    const s = buildSchedule({ ...base, principal: 100000, annualRate: '0', termMonths: 3 })
    expect(s.rows.map((r) => r.principal)).toEqual([33333, 33333, 33334])
    expect(s.totalInterest).toBe(0)
  })

  it('a 1 分 loan over 360 months pays its 分 in the last row', () => {
    // Hand: payment round(1 × 0.003625 × g/(g−1)) = round(0.00497) = 0; interest round(0.003625) = 0.
    const s = buildSchedule({ ...base, principal: 1, annualRate: '4.35', termMonths: 360 })
    expect(s.rows.slice(0, 359).every((r) => r.payment === 0 && r.balance === 1)).toBe(true)
    expect(s.rows[359]).toMatchObject({ principal: 1, interest: 0, balance: 0 })
  })

  it('tiny principal with a rounded-up payment never overdraws (balance stops at 0)', () => {
    // Hand: 200 分 over 360 months at 0 %: round(200/360) = round(0.556) = 1 分 a row → paid off at row 200.
    const s = buildSchedule({ ...base, principal: 200, annualRate: '0', termMonths: 360 })
    expect(s.rows[199]).toMatchObject({ principal: 1, balance: 0 })
    expect(s.rows[200]).toMatchObject({ principal: 0, payment: 0, balance: 0 })
    expect(s.rows.reduce((a, r) => a + r.principal, 0)).toBe(200)
  })

  it("'actual_days' basis: interest = balance × annual/360 × days since the previous due date", () => {
    // Hand: 1,000,000 分 at 7.2 % → 200 分/day on the full balance. 2024-01-31 → 02-29 = 29 days → 5800.
    const s = buildSchedule({
      ...base,
      principal: 1_000_000,
      annualRate: '7.2',
      termMonths: 2,
      interestBasis: 'actual_days',
    })
    expect(s.rows[0]).toMatchObject({ dueDate: '2024-02-29', interest: 5800 })
    // Payment (monthly formula, r = 0.6 %): 6000 × 1.006²/(1.006² − 1) = 6000 × 1.012036/0.012036
    // = 6072.216/0.012036 = 504504.49 → 504504; row 1 principal 504504 − 5800 = 498704 → balance 501296.
    // Row 2: 02-29 → 03-31 = 31 days: 501296 × 0.0002 × 31 = 3108.04 → 3108.
    expect(s.rows[0]).toMatchObject({ principal: 498704, balance: 501296 })
    expect(s.rows[1]).toMatchObject({ interest: 3108, principal: 501296, balance: 0 })
  })
})

describe('monthly due dates', () => {
  it('a due day the month lacks falls on its last day: 31st → Feb 29 (leap) / Feb 28', () => {
    const leap = buildSchedule({ ...base, termMonths: 4 }).rows.map((r) => r.dueDate)
    expect(leap).toEqual(['2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31'])
    const plain = buildSchedule({ ...base, startDate: '2023-01-31', termMonths: 2 }).rows.map((r) => r.dueDate)
    expect(plain).toEqual(['2023-02-28', '2023-03-31'])
  })

  it('a set due day overrides the disbursement day (first due in the next month)', () => {
    const d = buildSchedule({ ...base, startDate: '2024-01-10', dueDay: 31, termMonths: 3 }).rows.map((r) => r.dueDate)
    expect(d).toEqual(['2024-02-29', '2024-03-31', '2024-04-30'])
    const e = buildSchedule({ ...base, startDate: '2024-12-10', dueDay: 20, termMonths: 2 }).rows.map((r) => r.dueDate)
    expect(e).toEqual(['2025-01-20', '2025-02-20'])
  })
})

describe('等额本金 equal principal', () => {
  it('principal round(P/n) per row, interest round(balance × annual/12)', () => {
    // Hand: 120000/12 = 10000 a row; interest 0.5 % of 120000, 110000, … = 600, 550, …, 50;
    // total = 50 × (12 + 11 + … + 1) = 50 × 78 = 3900.
    const s = buildSchedule({ ...base, method: 'equal_principal' })
    expect(s.rows.map((r) => r.interest)).toEqual([600, 550, 500, 450, 400, 350, 300, 250, 200, 150, 100, 50])
    expect(s.rows.every((r) => r.principal === 10000)).toBe(true)
    expect(s.totalInterest).toBe(3900)
  })

  it('last row = P − (n−1)·round(P/n)', () => {
    // Hand: 100000/3 = 33333.33 → 33333; last 33334. Interest at 12 %: 1000, round(666.67)=667, round(333.34)=333.
    const s = buildSchedule({ ...base, method: 'equal_principal', principal: 100000, annualRate: '12', termMonths: 3 })
    expect(s.rows.map((r) => [r.principal, r.interest])).toEqual([
      [33333, 1000],
      [33333, 667],
      [33334, 333],
    ])
  })

  it('tiny principal: falls back to floor(P/n) so no row overdraws', () => {
    // Hand: 180/360 = 0.5 → round = 1, but 359 × 1 > 180; floor = 0 → rows 1–359 pay 0, last pays 180.
    const s = buildSchedule({ ...base, method: 'equal_principal', principal: 180, annualRate: '0', termMonths: 360 })
    expect(s.rows[358]).toMatchObject({ principal: 0, balance: 180 })
    expect(s.rows[359]).toMatchObject({ principal: 180, balance: 0 })
  })
})

describe('按季结息 / 按月结息 interest-only plans', () => {
  it('按季结息: 20th of Mar/Jun/Sep/Dec, actual days /360, 结息日 inclusive, maturity exclusive', () => {
    // Hand: 10,000,000 分 at 4.35 % → 1208.333… 分/day. 2024-04-10 → maturity 2025-04-10.
    //  04-10..06-20 = 21+31+20 = 72 d → 87000;  06-21..09-20 = 10+31+31+20 = 92 d → 111166.67 → 111167
    //  09-21..12-20 = 10+31+30+20 = 91 d → 109958.33 → 109958;  12-21..03-20 = 11+31+28+20 = 90 d → 108750
    //  03-21..04-09 = 11+9 = 20 d → 24166.67 → 24167 (paid with principal). 72+92+91+90+20 = 365.
    const s = buildSchedule({
      principal: 10_000_000,
      annualRate: '4.35',
      termMonths: 12,
      method: 'quarterly_interest',
      startDate: '2024-04-10',
    })
    expect(s.rows.map((r) => [r.dueDate, r.interest, r.principal])).toEqual([
      ['2024-06-20', 87000, 0],
      ['2024-09-20', 111167, 0],
      ['2024-12-20', 109958, 0],
      ['2025-03-20', 108750, 0],
      ['2025-04-10', 24167, 10_000_000],
    ])
    expect(s.totalInterest).toBe(87000 + 111167 + 109958 + 108750 + 24167)
    expect(s.rows.slice(0, 4).every((r) => r.balance === 10_000_000)).toBe(true)
  })

  it('按月结息: 20th of every month, same period rule (leap February)', () => {
    // Hand: 1,000,000 分 at 7.2 % → exactly 200 分/day. 2024-01-31 → maturity 2024-04-30.
    //  01-31..02-20 = 21 d → 4200; 02-21..03-20 = 9+20 = 29 d → 5800; 03-21..04-20 = 31 d → 6200;
    //  04-21..04-29 = 9 d → 1800. Sum 90 d = 2024-01-31 → 2024-04-30.
    const s = buildSchedule({
      principal: 1_000_000,
      annualRate: '7.2',
      termMonths: 3,
      method: 'monthly_interest',
      startDate: '2024-01-31',
    })
    expect(s.rows.map((r) => [r.dueDate, r.interest])).toEqual([
      ['2024-02-20', 4200],
      ['2024-03-20', 5800],
      ['2024-04-20', 6200],
      ['2024-04-30', 1800],
    ])
    expect(s.rows[3]).toMatchObject({ principal: 1_000_000, payment: 1_001_800, balance: 0 })
  })

  it('disbursed on a 结息日: the first period is that one day; a 结息日 on maturity is not a separate row', () => {
    // Hand: 2024-03-20 → maturity 2024-06-20 (200 分/day as above). 03-20..03-20 = 1 d → 200;
    //  03-21..06-19 = 11+30+31+19 = 91 d → 18200. Total 92 d = 2024-03-20 → 2024-06-20.
    const s = buildSchedule({
      principal: 1_000_000,
      annualRate: '7.2',
      termMonths: 3,
      method: 'quarterly_interest',
      startDate: '2024-03-20',
    })
    expect(s.rows.map((r) => [r.dueDate, r.interest])).toEqual([
      ['2024-03-20', 200],
      ['2024-06-20', 18200],
    ])
  })

  it('a 360-month 按季结息 plan has 120 settlements + the maturity row and counts every day once', () => {
    // Hand: 2024-01-05 → 2054-01-05 = 30 years with 8 leap days (2024, 28, 32, 36, 40, 44, 48, 52) = 10958 days;
    // at 7.2 % on 1,000,000 分 every day earns exactly 200 分 → total 2,191,600.
    const s = buildSchedule({
      principal: 1_000_000,
      annualRate: '7.2',
      termMonths: 360,
      method: 'quarterly_interest',
      startDate: '2024-01-05',
    })
    expect(s.rows).toHaveLength(121)
    expect(s.totalInterest).toBe(10958 * 200)
  })
})

describe('利随本清 bullet', () => {
  it('one row: principal + principal × annual/360 × days (算头不算尾, 244 days)', () => {
    // Hand: 2024-04-10 → 2024-12-10 = 21+31+30+31+31+30+31+30+9… = 244 days;
    // 10,000,000 × 4.35 % × 244/360 = 294833.33 → 294833.
    const s = buildSchedule({
      principal: 10_000_000,
      annualRate: '4.35',
      termMonths: 8,
      method: 'bullet',
      startDate: '2024-04-10',
    })
    expect(s.rows).toEqual([
      { seq: 1, dueDate: '2024-12-10', principal: 10_000_000, interest: 294833, payment: 10_294_833, balance: 0 },
    ])
  })

  it('half a 分 rounds up', () => {
    // Hand: 2024-01-01 → 02-01 = 31 days; 100 分 × 7.2 % × 31/360 = 0.62 → 1.
    const a = buildSchedule({
      principal: 100,
      annualRate: '7.2',
      termMonths: 1,
      method: 'bullet',
      startDate: '2024-01-01',
    })
    expect(a.rows[0]!.interest).toBe(1)
    // 2500 分 × 7.2 % × 29/360 (2024-02-01 → 03-01) = 14.5 → 15 (exactly half, rounds up)
    const b = buildSchedule({
      principal: 2500,
      annualRate: '7.2',
      termMonths: 1,
      method: 'bullet',
      startDate: '2024-02-01',
    })
    expect(b.rows[0]!.interest).toBe(15)
  })
})

describe('buildSchedule validation', () => {
  const bad = (patch: Partial<ScheduleInput>, field: string): void => {
    let err: unknown
    try {
      buildSchedule({ ...base, ...patch } as ScheduleInput)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(DomainError)
    expect(err).toMatchObject({ code: 'VALIDATION', field })
    expect((err as DomainError).reason).toMatch(/[\u4e00-\u9fff]/)
  }
  it('rejects bad inputs with typed VALIDATION errors naming the field', () => {
    bad({ principal: 0 }, 'principal')
    bad({ principal: 1.5 }, 'principal')
    bad({ principal: 2 ** 53 }, 'principal')
    bad({ termMonths: 0 }, 'termMonths')
    bad({ termMonths: 361 }, 'termMonths')
    bad({ termMonths: 1.5 }, 'termMonths')
    bad({ annualRate: '4,35' }, 'annualRate')
    bad({ annualRate: '-1' }, 'annualRate')
    bad({ annualRate: '36.01' }, 'annualRate')
    bad({ annualRate: '' }, 'annualRate')
    bad({ startDate: '2023-02-29' }, 'startDate')
    bad({ startDate: '2024/01/01' }, 'startDate')
    bad({ dueDay: 0 }, 'dueDay')
    bad({ dueDay: 32 }, 'dueDay')
    bad({ method: 'balloon' as never }, 'method')
    bad({ interestBasis: 'weird' as never }, 'interestBasis')
    expect(() => annuityPayment(100, '4', 0)).toThrow(DomainError)
  })
  it('accepts the boundary rate 36 % and an 8-decimal rate', () => {
    expect(buildSchedule({ ...base, annualRate: '36' }).rows).toHaveLength(12)
    expect(buildSchedule({ ...base, annualRate: '4.35000001' }).rows).toHaveLength(12)
  })
})
