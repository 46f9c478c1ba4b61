// Rules from DOMAIN §5 (seed customer-class rule) and §6 (五级分类), cases constructed by hand.
import { describe, expect, it } from 'vitest'
import {
  DomainError,
  categoryFloor,
  collectionActions,
  customerClass,
  isNonPerforming,
  suggestCategory,
  worseCategory,
} from '../../../shared/domain'

describe('customerClass (A/B/C over the last 3 months)', () => {
  it('A: no overdue', () => {
    expect(customerClass({ episodes: [] })).toBe('A')
    expect(customerClass({ episodes: [{ maxBucket: 'M0' }] })).toBe('A')
  })
  it('B: overdue once in M1, or lost contact / dispute', () => {
    expect(customerClass({ episodes: [{ maxBucket: 'M1' }] })).toBe('B')
    expect(customerClass({ episodes: [], lostContact: true })).toBe('B')
    expect(customerClass({ episodes: [], dispute: true })).toBe('B')
  })
  it('C: first installment overdue, ≥ 2 times in M1, or ever M2+', () => {
    expect(customerClass({ episodes: [{ maxBucket: 'M1', firstInstallment: true }] })).toBe('C')
    expect(customerClass({ episodes: [{ maxBucket: 'M1' }, { maxBucket: 'M1' }] })).toBe('C')
    expect(customerClass({ episodes: [{ maxBucket: 'M2' }] })).toBe('C')
    expect(customerClass({ episodes: [{ maxBucket: 'M3+' }], lostContact: true })).toBe('C')
  })
  it('episodes older than 3 months before asOf do not count', () => {
    // Hand: asOf 2024-05-31 − 3 months = 2024-02-29; an episode from 2024-02-28 is outside.
    const episodes = [
      { maxBucket: 'M2' as const, startDate: '2024-02-28' },
      { maxBucket: 'M1' as const, startDate: '2024-02-29' },
    ]
    expect(customerClass({ episodes, asOf: '2024-05-31' })).toBe('B')
    expect(customerClass({ episodes })).toBe('C')
  })
})

describe('collectionActions (strategy by class and bucket)', () => {
  it('reminder before due for C; phone for M1; notice + visit for M2/M3; legal review past M3', () => {
    expect(collectionActions({ customerClass: 'C', bucket: 'M0' })).toEqual(['pre_due_reminder'])
    expect(collectionActions({ customerClass: 'A', bucket: 'M0' })).toEqual([])
    expect(collectionActions({ customerClass: 'A', bucket: 'M1' })).toEqual(['phone_call'])
    expect(collectionActions({ customerClass: 'B', bucket: 'M2' })).toEqual(['written_notice', 'visit'])
    expect(collectionActions({ customerClass: 'B', bucket: 'M3' })).toEqual(['written_notice', 'visit'])
    expect(collectionActions({ customerClass: 'C', bucket: 'M3+' })).toEqual([
      'written_notice',
      'visit',
      'legal_review',
    ])
  })
})

describe('five-category floor and suggestion (2023 办法)', () => {
  const restructured = { date: '2024-01-15' }
  it('restructured loans are at least 关注 during the 1-year observation period', () => {
    expect(categoryFloor({ dpd: 0, restructured })).toBe('special_mention')
    expect(categoryFloor({ dpd: 0, restructured, asOf: '2025-01-14' })).toBe('special_mention')
    // Hand: 2024-01-15 + 12 months = 2025-01-15 → observation over.
    expect(categoryFloor({ dpd: 0, restructured, asOf: '2025-01-15' })).toBe('normal')
    expect(categoryFloor({ dpd: 120, restructured })).toBe('substandard')
    expect(() => categoryFloor({ dpd: -1 })).toThrow(DomainError)
  })
  it('a floor worse than the current category is suggested at once', () => {
    expect(suggestCategory({ current: 'normal', dpd: 95, asOf: '2024-06-01' })).toEqual({
      suggested: 'substandard',
      floor: 'substandard',
      reasons: ['dpd_floor'],
    })
    expect(suggestCategory({ current: 'normal', dpd: 0, asOf: '2024-06-01', restructured })).toEqual({
      suggested: 'special_mention',
      floor: 'special_mention',
      reasons: ['restructured_floor'],
    })
  })
  it('no change when the current category equals the floor', () => {
    expect(suggestCategory({ current: 'special_mention', dpd: 10, asOf: '2024-06-01' }).reasons).toEqual(['unchanged'])
  })
  it('an upgrade needs causes cleared and ≥ 2 full payments covering ≥ 6 months', () => {
    const i = { current: 'substandard' as const, dpd: 0, asOf: '2024-06-01' }
    expect(suggestCategory({ ...i, causesCleared: true, consecutiveFullPayments: 6, monthsPaidInFull: 6 })).toEqual({
      suggested: 'normal',
      floor: 'normal',
      reasons: ['upgrade_conditions_met'],
    })
    expect(
      suggestCategory({ ...i, causesCleared: true, consecutiveFullPayments: 2, monthsPaidInFull: 2 }).suggested,
    ).toBe('substandard')
    expect(
      suggestCategory({ ...i, causesCleared: false, consecutiveFullPayments: 6, monthsPaidInFull: 6 }).suggested,
    ).toBe('substandard')
    expect(suggestCategory(i)).toEqual({
      suggested: 'substandard',
      floor: 'normal',
      reasons: ['upgrade_conditions_not_met'],
    })
  })
  it('no upgrade of a restructured loan within its observation period', () => {
    const i = {
      current: 'substandard' as const,
      dpd: 0,
      restructured,
      causesCleared: true,
      consecutiveFullPayments: 6,
      monthsPaidInFull: 6,
    }
    expect(suggestCategory({ ...i, asOf: '2024-12-31' })).toEqual({
      suggested: 'substandard',
      floor: 'special_mention',
      reasons: ['restructure_observation'],
    })
    expect(suggestCategory({ ...i, asOf: '2025-01-15' })).toEqual({
      suggested: 'normal',
      floor: 'normal',
      reasons: ['upgrade_conditions_met'],
    })
  })
  it('rejects unknown categories and bad dates', () => {
    expect(() => suggestCategory({ current: 'bad' as never, dpd: 0, asOf: '2024-01-01' })).toThrow(DomainError)
    expect(() => suggestCategory({ current: 'normal', dpd: 0, asOf: '2024-1-1' })).toThrow(DomainError)
  })
  it('non-performing = 次级 + 可疑 + 损失', () => {
    expect(
      ['normal', 'special_mention', 'substandard', 'doubtful', 'loss'].map((c) => isNonPerforming(c as never)),
    ).toEqual([false, false, true, true, true])
    expect(worseCategory('doubtful', 'special_mention')).toBe('doubtful')
  })
})
