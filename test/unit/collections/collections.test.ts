import { describe, expect, it } from 'vitest'
import {
  DEFAULT_STRATEGY,
  demandAmounts,
  fillScript,
  nextStep,
  normalizeStrategy,
  noticeParagraphs,
  parseHours,
  promiseStatus,
  withinHours,
  zhDate,
} from '../../../shared/collections'

describe('promise to pay (还款承诺): status from repayments', () => {
  const p = { madeOn: '2026-03-01', promisedOn: '2026-03-10', amount: 50000 }
  it('kept when payments from the day it was made through the promised day reach the amount', () => {
    // 200.00 on 03-05 + 300.00 on 03-10 = 500.00 = the promise.
    expect(
      promiseStatus(
        p,
        [
          { date: '2026-03-05', amount: 20000 },
          { date: '2026-03-10', amount: 30000 },
        ],
        '2026-03-11',
      ),
    ).toBe('kept')
  })
  it('open until the promised day passes, then broken when short', () => {
    const paid = [{ date: '2026-03-05', amount: 20000 }]
    expect(promiseStatus(p, paid, '2026-03-10')).toBe('open')
    expect(promiseStatus(p, paid, '2026-03-11')).toBe('broken')
  })
  it('payments before the promise was made or after its day do not count', () => {
    const paid = [
      { date: '2026-02-28', amount: 50000 },
      { date: '2026-03-11', amount: 50000 },
    ]
    expect(promiseStatus(p, paid, '2026-03-12')).toBe('broken')
  })
  it('a promise entered after the fact (promised day already past) is decided at once', () => {
    expect(promiseStatus({ madeOn: '2026-02-01', promisedOn: '2026-02-05', amount: 100 }, [], '2026-03-01')).toBe(
      'broken',
    )
  })
})

describe('contact hours (DOMAIN §12, default 08:00–21:00)', () => {
  it('08:00 is inside, 21:00 and 07:59 outside', () => {
    expect(withinHours('08:00-21:00', 8, 0)).toBe(true)
    expect(withinHours('08:00-21:00', 20, 59)).toBe(true)
    expect(withinHours('08:00-21:00', 21, 0)).toBe(false)
    expect(withinHours('08:00-21:00', 7, 59)).toBe(false)
  })
  it('rejects malformed windows', () => {
    expect(parseHours('21:00-08:00')).toBeNull()
    expect(parseHours('8-21')).toBeNull()
    expect(parseHours('08:00-22:00')).toEqual({ start: 480, end: 1320 })
  })
})

describe('strategy table (DOMAIN §5)', () => {
  it('seed: reminder before due for C, phone in M1, notice and visit in M2, legal review past M3', () => {
    expect(nextStep(DEFAULT_STRATEGY, { customerClass: 'C', bucket: 'M0', brokenPromise: false })).toBe('reminder')
    expect(nextStep(DEFAULT_STRATEGY, { customerClass: 'A', bucket: 'M0', brokenPromise: false })).toBe('none')
    expect(nextStep(DEFAULT_STRATEGY, { customerClass: 'B', bucket: 'M1', brokenPromise: false })).toBe('phone')
    expect(nextStep(DEFAULT_STRATEGY, { customerClass: null, bucket: 'M2', brokenPromise: false })).toBe('notice_visit')
    expect(nextStep(DEFAULT_STRATEGY, { customerClass: 'A', bucket: 'M3+', brokenPromise: false })).toBe('legal_review')
  })
  it('a broken promise moves the loan one bucket up', () => {
    expect(nextStep(DEFAULT_STRATEGY, { customerClass: 'A', bucket: 'M1', brokenPromise: true })).toBe('notice_visit')
    expect(nextStep(DEFAULT_STRATEGY, { customerClass: 'A', bucket: 'M0', brokenPromise: true })).toBe('phone')
  })
  it('a stored table keeps valid cells and falls back for the rest', () => {
    const t = normalizeStrategy({ A: { M1: 'notice_visit', M2: 'bogus' } })
    expect(t.A.M1).toBe('notice_visit')
    expect(t.A.M2).toBe('notice_visit')
    expect(t.C.M0).toBe('reminder')
  })
})

describe('demand amounts', () => {
  const e = {
    outstandingPrincipal: 900000,
    overduePrincipal: 300000,
    overdueInterest: 16500,
    penaltyInterest: 3375,
    compoundInterest: 193,
    payoff: 925068,
  }
  it('overdue parts only: 3000.00 + 165.00 + 33.75 + 1.93 = 3200.68', () => {
    expect(demandAmounts(e, false)).toEqual({
      principal: 300000,
      interest: 16500,
      penaltyInterest: 3375,
      compoundInterest: 193,
      total: 320068,
    })
  })
  it('declared due early: the whole principal, total = payoff (925068 − 900000 − 3375 − 193 = 21500 interest)', () => {
    expect(demandAmounts(e, true)).toEqual({
      principal: 900000,
      interest: 21500,
      penaltyInterest: 3375,
      compoundInterest: 193,
      total: 925068,
    })
  })
})

describe('notice wording and scripts', () => {
  it('fills the script placeholders and leaves unknown ones', () => {
    const f = {
      borrower: '张三',
      contractNo: 'HT-1',
      dueDate: '2026-03-10',
      dpd: '5',
      overdueTotal: '1,000.00 元',
      lender: '青山社',
      officer: '李四',
    }
    expect(fillScript('{borrower}，合同 {contractNo} 逾期 {dpd} 天，{x}', f)).toBe('张三，合同 HT-1 逾期 5 天，{x}')
  })
  it('writes dates the Chinese way and names the guarantor version', () => {
    expect(zhDate('2026-03-02')).toBe('2026 年 3 月 2 日')
    const p = noticeParagraphs({
      addressee: 'guarantor',
      noticeNo: 'CS-2026-000001',
      borrowerName: '张三',
      contractNo: 'HT-1',
      iouNo: 'JJ-1',
      loanPrincipalText: '10,000.00',
      loanPrincipalWords: '壹万元整',
      disbursementDate: '2025-03-10',
      maturityDate: '2026-03-10',
      asOf: '2026-03-02',
      deadline: '2026-03-17',
      accelerated: false,
      totalText: '3,200.68',
      totalWords: '叁仟贰佰元零陆角捌分',
    })
    expect(p.facts).toContain('借款人 张三')
    expect(p.facts).toContain('履行保证责任')
    expect(p.acknowledgement).toContain('CS-2026-000001')
    expect(p.acknowledgement).toContain('叁仟贰佰元零陆角捌分')
    expect(p.demand).toContain('2026 年 3 月 17 日')
  })
})
