// Pure risk rules (shared/risk): payment history → customer class and upgrade inputs, guarantee
// circles, warning levels. Figures checked by hand in the comments.
import { describe, expect, it } from 'vitest'
import {
  classOfHistories,
  expiryLevel,
  guaranteeGroups,
  mergeRuleSettings,
  overdueLevel,
  paymentHistory,
} from '../../../shared/risk'

const rows = [
  { seq: 1, dueDate: '2026-01-10', principal: 1000, interest: 0 },
  { seq: 2, dueDate: '2026-02-10', principal: 1000, interest: 0 },
  { seq: 3, dueDate: '2026-03-10', principal: 1000, interest: 0 },
]

describe('payment history (DOMAIN §5 customer class, §6 upgrade rule)', () => {
  it('one installment 5 days late (not the first) → one M1 episode → class B', () => {
    // Row 1 paid on its due date; row 2 paid 02-15 (5 days late); row 3 paid 03-10.
    const h = paymentHistory({
      rows,
      payments: [
        { date: '2026-01-10', amount: 1000 },
        { date: '2026-02-15', amount: 1000 },
        { date: '2026-03-10', amount: 1000 },
      ],
      startDate: '2025-12-10',
      asOf: '2026-03-20',
    })
    expect(h.episodes).toEqual([{ maxBucket: 'M1', firstInstallment: false }])
    expect(classOfHistories([h])).toBe('B')
    // All three settled: streak 3, covering 12-10 → 03-10 = 3 months.
    expect(h).toMatchObject({ consecutiveFullPayments: 3, monthsPaidInFull: 3 })
  })

  it('two M1 episodes → C; an episode older than 3 months is ignored', () => {
    const two = paymentHistory({
      rows,
      payments: [
        { date: '2026-01-10', amount: 1000 },
        { date: '2026-02-12', amount: 1000 },
        { date: '2026-03-12', amount: 1000 },
      ],
      startDate: '2025-12-10',
      asOf: '2026-03-20',
    })
    expect(classOfHistories([two])).toBe('C')
    // Row 1 paid 2026-01-15 (late 5 days); as of 2026-05-20 the window starts 2026-02-20 → ignored → A.
    const old = paymentHistory({
      rows,
      payments: [
        { date: '2026-01-15', amount: 1000 },
        { date: '2026-02-10', amount: 2000 },
      ],
      startDate: '2025-12-10',
      asOf: '2026-05-20',
    })
    expect(old.episodes).toEqual([])
    expect(classOfHistories([old])).toBe('A')
  })

  it('an unpaid installment 40 days late is an ongoing M2 episode → C, and breaks the streak', () => {
    const h = paymentHistory({
      rows,
      payments: [{ date: '2026-01-10', amount: 1000 }],
      startDate: '2025-12-10',
      asOf: '2026-03-22',
    })
    // Row 2 due 02-10 unpaid: 18 + 22 = 40 days → M2; row 3 due 03-10: 12 days → M1.
    expect(h.episodes.map((e) => e.maxBucket)).toEqual(['M2', 'M1'])
    expect(classOfHistories([h])).toBe('C')
    expect(h.consecutiveFullPayments).toBe(0)
  })
})

describe('guarantee circles', () => {
  it('finds connected groups and mutual-guarantee cycles', () => {
    // 1↔2 mutual, 3 guarantees 2; 4→5→6→4 a three-way cycle; 7→8 a simple pair.
    const g = guaranteeGroups([
      { borrowerId: 1, guarantorBorrowerId: 2 },
      { borrowerId: 2, guarantorBorrowerId: 1 },
      { borrowerId: 2, guarantorBorrowerId: 3 },
      { borrowerId: 4, guarantorBorrowerId: 5 },
      { borrowerId: 5, guarantorBorrowerId: 6 },
      { borrowerId: 6, guarantorBorrowerId: 4 },
      { borrowerId: 7, guarantorBorrowerId: 8 },
    ])
    expect(g).toEqual([
      { members: [1, 2, 3], cycles: [[1, 2]] },
      { members: [4, 5, 6], cycles: [[4, 5, 6]] },
      { members: [7, 8], cycles: [] },
    ])
  })
})

describe('warning levels and settings', () => {
  it('overdue bands and expiry windows', () => {
    const p = mergeRuleSettings(null).overdue.params
    expect([0, 1, 30, 31, 90, 91].map((d) => overdueLevel(d, p))).toEqual([
      null,
      'yellow',
      'yellow',
      'orange',
      'orange',
      'red',
    ])
    expect([91, 90, 61, 60, 0, -1].map((d) => expiryLevel(d, 90))).toEqual([
      null,
      'yellow',
      'yellow',
      'orange',
      'orange',
      'red',
    ])
  })
  it('stored settings merge over the defaults, unknown params dropped', () => {
    const s = mergeRuleSettings({ maturity: { enabled: false, params: { days: 15, bogus: 3 } } })
    expect(s.maturity).toEqual({ enabled: false, level: 'yellow', params: { days: 15 } })
    expect(s.overdue.enabled).toBe(true)
  })
})
