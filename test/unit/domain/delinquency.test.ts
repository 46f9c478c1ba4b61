// Boundaries by hand from DOMAIN §5–§6 (day differences counted on a calendar).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DomainError, addDays, bucketOf, categoryFloorForDpd, delinquency } from '../../../shared/domain'

describe('delinquency (DPD, buckets, category floor)', () => {
  it('DPD = asOf − earliest unpaid due date; the due date itself is not overdue', () => {
    expect(delinquency({ earliestUnpaidDueDate: '2024-03-20', asOf: '2024-03-20' })).toEqual({
      dpd: 0,
      bucket: 'M0',
      minCategory: 'normal',
    })
    expect(delinquency({ earliestUnpaidDueDate: '2024-03-20', asOf: '2024-03-21' })).toEqual({
      dpd: 1,
      bucket: 'M1',
      minCategory: 'special_mention',
    })
    // Hand: 03-20 → 04-19 = 11 + 19 = 30 days.
    expect(delinquency({ earliestUnpaidDueDate: '2024-03-20', asOf: '2024-04-19' }).dpd).toBe(30)
  })
  it('no unpaid installment, or one not yet due, means DPD 0', () => {
    expect(delinquency({ earliestUnpaidDueDate: null, asOf: '2024-03-20' }).dpd).toBe(0)
    expect(delinquency({ earliestUnpaidDueDate: '2024-05-01', asOf: '2024-03-20' }).dpd).toBe(0)
  })
  it('buckets: M1 1–30, M2 31–60, M3 61–90, M3+ > 90', () => {
    expect([0, 1, 30, 31, 60, 61, 90, 91, 1000].map(bucketOf)).toEqual([
      'M0',
      'M1',
      'M1',
      'M2',
      'M2',
      'M3',
      'M3',
      'M3+',
      'M3+',
    ])
  })
  it('five-category floors: ≥ 1 关注, > 90 次级, > 270 可疑, > 360 损失', () => {
    expect([0, 1, 90, 91, 270, 271, 360, 361].map(categoryFloorForDpd)).toEqual([
      'normal',
      'special_mention',
      'special_mention',
      'substandard',
      'substandard',
      'doubtful',
      'doubtful',
      'loss',
    ])
    // Hand: 2023-01-01 + 361 days = 2023-12-28 (2023 has 365 days).
    expect(delinquency({ earliestUnpaidDueDate: '2023-01-01', asOf: '2023-12-28' })).toEqual({
      dpd: 361,
      bucket: 'M3+',
      minCategory: 'loss',
    })
  })
  it('DPD counts the leap day', () => {
    // Hand: 2024-02-28 → 2024-03-01 = 2 days.
    expect(delinquency({ earliestUnpaidDueDate: '2024-02-28', asOf: '2024-03-01' }).dpd).toBe(2)
  })
  it('rejects invalid dates', () => {
    expect(() => delinquency({ earliestUnpaidDueDate: '2024-02-30', asOf: '2024-03-01' })).toThrow(DomainError)
    expect(() => delinquency({ earliestUnpaidDueDate: null, asOf: 'today' })).toThrow(DomainError)
  })
  it('property: DPD is monotone in asOf and grows by one per day once overdue', () => {
    const day = fc.integer({ min: 0, max: 20000 }).map((n) => addDays('1990-01-01', n))
    fc.assert(
      fc.property(day, fc.integer({ min: -500, max: 500 }), fc.integer({ min: 0, max: 400 }), (due, off, step) => {
        const a = addDays(due, off)
        const b = addDays(a, step)
        const da = delinquency({ earliestUnpaidDueDate: due, asOf: a }).dpd
        const db = delinquency({ earliestUnpaidDueDate: due, asOf: b }).dpd
        return db >= da && (da === 0 || db === da + step)
      }),
      { numRuns: 2000 },
    )
  })
})
