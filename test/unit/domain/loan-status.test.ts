// 逾期 as a status and DPD bands as date ranges (DOMAIN §5). Figures checked by hand with a calendar:
// 2026-01-01 → 2026-03-02 is 31 (Jan) + 28 (Feb) + 1 = 60 days.
import { describe, expect, it } from 'vitest'
import { displayStatusOf, dpdRangeOfBucket, dueRangeForDpd } from '../../../shared/domain'

describe('display status (逾期 with DPD)', () => {
  it('an active loan past due is overdue with DPD = today − oldest unpaid due date', () => {
    expect(displayStatusOf('active', '2026-01-01', '2026-03-02')).toEqual({
      displayStatus: 'overdue',
      dpd: 60,
      bucket: 'M2',
    })
    expect(displayStatusOf('active', '2026-03-01', '2026-03-02')).toEqual({
      displayStatus: 'overdue',
      dpd: 1,
      bucket: 'M1',
    })
  })
  it('due today or later, or nothing unpaid, is 正常 (active) with DPD 0', () => {
    expect(displayStatusOf('active', '2026-03-02', '2026-03-02')).toEqual({
      displayStatus: 'active',
      dpd: 0,
      bucket: 'M0',
    })
    expect(displayStatusOf('active', null, '2026-03-02')).toEqual({ displayStatus: 'active', dpd: 0, bucket: 'M0' })
  })
  it('a closed loan keeps its status, never overdue', () => {
    expect(displayStatusOf('written_off', '2025-01-01', '2026-03-02')).toEqual({
      displayStatus: 'written_off',
      dpd: 0,
      bucket: 'M0',
    })
    expect(displayStatusOf('settled', null, '2026-03-02').displayStatus).toBe('settled')
  })
})

describe('DPD bands as ranges of the oldest unpaid due date', () => {
  it('M2 (31–60) on 2026-03-02 is 2026-01-01 … 2026-01-30', () => {
    const r = dpdRangeOfBucket('M2')
    expect(r).toEqual({ min: 31, max: 60 })
    expect(dueRangeForDpd('2026-03-02', r.min, r.max)).toEqual({ from: '2026-01-01', to: '2026-01-30' })
  })
  it('M3+ has no lower date bound; DPD ≥ 1 ends yesterday', () => {
    expect(dueRangeForDpd('2026-03-02', 91, null)).toEqual({ from: null, to: '2025-12-01' })
    expect(dueRangeForDpd('2026-03-02', 1, null)).toEqual({ from: null, to: '2026-03-01' })
  })
})
