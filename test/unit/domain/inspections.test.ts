// Hand-checked dates (DOMAIN §8 and the month arithmetic of 民法典 200–204 used for periods):
// day counts by calendar (Jan 31 d, Feb 29 d in 2024, 28 d in 2023/2025), month-end clamping by
// looking up the target month's last day. Weekdays checked against `cal 12 2026` (Dec 1 = Tuesday).
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_INSPECTION_SETTINGS as S,
  DomainError,
  firstCheckWindow,
  nextInspection,
  routineIntervalMonths,
  weekOf,
  type InspectionScheduleInput,
} from '../../../shared/domain'

const loan: InspectionScheduleInput = {
  guaranteeType: 'credit',
  principal: 3_000_000,
  borrowerKind: 'individual',
  category: 'normal',
  disbursementDate: '2024-01-31',
  firstCheckOn: null,
  lastInspectionOn: null,
  proposedNextDate: null,
  lastValuationOn: null,
  openSignal: null,
}

describe('routine frequency by product / guarantee type / category (DOMAIN §8)', () => {
  it('农户小额信用 yearly, guaranteed semiannual (quarterly if large), mortgage semiannual, enterprise quarterly', () => {
    expect(routineIntervalMonths(loan)).toBe(12)
    expect(routineIntervalMonths({ ...loan, guaranteeType: 'guarantee' })).toBe(6)
    expect(routineIntervalMonths({ ...loan, guaranteeType: 'guarantee', principal: 50_000_000 })).toBe(3) // 50 万元 is "large"
    expect(routineIntervalMonths({ ...loan, guaranteeType: 'guarantee', principal: 49_999_999 })).toBe(6)
    expect(routineIntervalMonths({ ...loan, guaranteeType: 'mortgage' })).toBe(6)
    expect(routineIntervalMonths({ ...loan, borrowerKind: 'enterprise' })).toBe(3)
  })
  it('关注 quarterly, non-performing monthly; the shortest applicable frequency wins', () => {
    expect(routineIntervalMonths({ ...loan, category: 'special_mention' })).toBe(3)
    expect(routineIntervalMonths({ ...loan, guaranteeType: 'mortgage', category: 'substandard' })).toBe(1)
    expect(routineIntervalMonths({ ...loan, category: 'loss' })).toBe(1)
    expect(routineIntervalMonths({ ...loan, category: 'special_mention' }, { ...S, specialMentionMonths: 1 })).toBe(1)
  })
})

describe('first check 15–30 days after disbursement', () => {
  it('counts calendar days across a leap February', () => {
    // 2024-01-31 + 15 d = Feb 15; + 30 d: Jan has 0 days left, Feb 29 → Feb 29 is day 29, Mar 1 is day 30.
    expect(firstCheckWindow('2024-01-31')).toEqual({ from: '2024-02-15', due: '2024-03-01' })
    // 2023 is not leap: Jan 31 + 30 d = Mar 2.
    expect(firstCheckWindow('2023-01-31')).toEqual({ from: '2023-02-15', due: '2023-03-02' })
    // Dec 20 + 30 d = Jan 19 of the next year.
    expect(firstCheckWindow('2026-12-20').due).toBe('2027-01-19')
  })
  it('an unchecked loan is due for its first check on day 30', () => {
    expect(nextInspection(loan)).toEqual({ dueDate: '2024-03-01', kind: 'first', signal: null })
  })
})

describe('next routine check: same day-of-month, else the month-end', () => {
  it('monthly non-performing check from Jan 31 falls on Feb 29 in a leap year, Feb 28 otherwise', () => {
    const npl = { ...loan, category: 'substandard', firstCheckOn: '2024-01-31', lastInspectionOn: '2024-01-31' }
    expect(nextInspection(npl)).toEqual({ dueDate: '2024-02-29', kind: 'routine', signal: null })
    expect(
      nextInspection({
        ...npl,
        disbursementDate: '2024-12-01',
        firstCheckOn: '2025-01-31',
        lastInspectionOn: '2025-01-31',
      }).dueDate,
    ).toBe('2025-02-28')
  })
  it('a yearly check from a leap day falls on Feb 28 the next year', () => {
    expect(nextInspection({ ...loan, firstCheckOn: '2024-02-29', lastInspectionOn: '2024-02-29' }).dueDate).toBe(
      '2025-02-28',
    )
  })
  it('semiannual guaranteed check from Aug 31 → Feb 28/29; quarterly 关注 from Nov 30 → Feb 28', () => {
    expect(
      nextInspection({
        ...loan,
        guaranteeType: 'guarantee',
        firstCheckOn: '2023-08-31',
        lastInspectionOn: '2023-08-31',
      }).dueDate,
    ).toBe('2024-02-29')
    expect(
      nextInspection({
        ...loan,
        category: 'special_mention',
        firstCheckOn: '2025-11-30',
        lastInspectionOn: '2025-11-30',
      }).dueDate,
    ).toBe('2026-02-28')
  })
  it('runs from the latest signed inspection; an earlier proposed next date brings it forward, a later one does not', () => {
    const checked = { ...loan, firstCheckOn: '2024-02-20', lastInspectionOn: '2024-06-10' }
    expect(nextInspection(checked).dueDate).toBe('2025-06-10')
    expect(nextInspection({ ...checked, proposedNextDate: '2024-09-01' }).dueDate).toBe('2024-09-01')
    expect(nextInspection({ ...checked, proposedNextDate: '2025-09-01' }).dueDate).toBe('2025-06-10')
  })
})

describe('collateral revaluation and special checks', () => {
  it('mortgage collateral is revalued yearly when that comes before the routine check', () => {
    const m = {
      ...loan,
      guaranteeType: 'mortgage',
      firstCheckOn: '2024-02-20',
      lastInspectionOn: '2024-10-15',
      lastValuationOn: '2024-01-31',
    }
    // routine: 2024-10-15 + 6 months = 2025-04-15; revaluation: 2024-01-31 + 12 months = 2025-01-31 → earlier.
    expect(nextInspection(m)).toEqual({ dueDate: '2025-01-31', kind: 'collateral', signal: null })
    // A credit loan's collateral list is not on the revaluation clock.
    expect(nextInspection({ ...m, guaranteeType: 'credit' }).kind).toBe('routine')
  })
  it('an open signal makes a special check due 7 days after it was raised', () => {
    const s = nextInspection({
      ...loan,
      firstCheckOn: '2024-02-20',
      lastInspectionOn: '2024-02-20',
      openSignal: { kind: 'overdue', raisedOn: '2024-02-25' },
    })
    expect(s).toEqual({ dueDate: '2024-03-03', kind: 'special', signal: 'overdue' }) // Feb 25 + 7 d across Feb 29
  })
  it('rejects impossible dates', () => {
    expect(() => nextInspection({ ...loan, lastInspectionOn: '2023-02-29' })).toThrow(DomainError)
  })
})

describe('本周 (Monday–Sunday)', () => {
  it('2026-12-02 is a Wednesday: the week runs Nov 30 – Dec 6', () => {
    expect(weekOf('2026-12-02')).toEqual({ from: '2026-11-30', to: '2026-12-06' })
    expect(weekOf('2026-11-30')).toEqual({ from: '2026-11-30', to: '2026-12-06' })
    expect(weekOf('2026-12-06')).toEqual({ from: '2026-11-30', to: '2026-12-06' })
  })
})
