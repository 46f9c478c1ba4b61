// Dates by hand from 民法典 188/189/195/692/693 and the period rule (same day, else month end).
import { describe, expect, it } from 'vitest'
import { DomainError, expiryAlert, guaranteePeriodEnd, guarantorClaim, limitationExpiry } from '../../../shared/domain'

describe('诉讼时效 limitationExpiry', () => {
  it('runs 3 years from the last installment due date', () => {
    expect(limitationExpiry({ lastDueDate: '2021-06-15' })).toBe('2024-06-15')
  })
  it('a 29 Feb start ends on 28 Feb (the month has no 29th)', () => {
    expect(limitationExpiry({ lastDueDate: '2024-02-29' })).toBe('2027-02-28')
  })
  it('an interruption (demand signed for, part payment, acknowledgement) restarts 3 years', () => {
    expect(limitationExpiry({ lastDueDate: '2021-02-28', interruptions: ['2022-05-31'] })).toBe('2025-05-31')
    // The latest interruption wins; one before the last due date changes nothing.
    expect(
      limitationExpiry({ lastDueDate: '2021-02-28', interruptions: ['2023-01-10', '2022-05-31', '2020-01-01'] }),
    ).toBe('2026-01-10')
    expect(limitationExpiry({ lastDueDate: '2021-02-28', interruptions: ['2020-01-01'] })).toBe('2024-02-28')
  })
  it('rejects invalid dates', () => {
    expect(() => limitationExpiry({ lastDueDate: '2021-02-29' })).toThrow(DomainError)
    expect(() => limitationExpiry({ lastDueDate: '2021-02-28', interruptions: ['x'] })).toThrow(DomainError)
  })
})

describe('保证期间 guaranteePeriodEnd', () => {
  it('defaults to 6 months after the principal due date (month end clamps)', () => {
    expect(guaranteePeriodEnd({ principalDueDate: '2024-06-15' })).toBe('2024-12-15')
    expect(guaranteePeriodEnd({ principalDueDate: '2024-08-31' })).toBe('2025-02-28')
    expect(guaranteePeriodEnd({ principalDueDate: '2023-08-31', agreedEnd: null })).toBe('2024-02-29')
  })
  it('uses the agreed end when it is after the due date; an earlier one counts as unagreed (692)', () => {
    expect(guaranteePeriodEnd({ principalDueDate: '2024-06-15', agreedEnd: '2026-06-15' })).toBe('2026-06-15')
    expect(guaranteePeriodEnd({ principalDueDate: '2024-06-15', agreedEnd: '2024-06-15' })).toBe('2024-12-15')
  })
  it('a demand within the period starts the guarantor’s own 3 years; a late one revives nothing', () => {
    expect(guarantorClaim({ principalDueDate: '2024-06-15', demandDate: '2024-12-15' })).toEqual({
      periodEnd: '2024-12-15',
      demandInTime: true,
      limitationExpiry: '2027-12-15',
    })
    expect(guarantorClaim({ principalDueDate: '2024-06-15', demandDate: '2024-12-16' })).toEqual({
      periodEnd: '2024-12-15',
      demandInTime: false,
      limitationExpiry: null,
    })
    expect(guarantorClaim({ principalDueDate: '2024-06-15' })).toEqual({
      periodEnd: '2024-12-15',
      demandInTime: false,
      limitationExpiry: null,
    })
  })
})

describe('expiryAlert (90/60/30 days)', () => {
  it('alerts at 90, 60 and 30 days and flags expiry after the last day', () => {
    // Hand: 2025-05-01 → 2025-05-31 = 30 days.
    expect(expiryAlert({ expiry: '2025-05-31', asOf: '2025-05-01' })).toEqual({ daysLeft: 30, alert: 'due_30' })
    expect(expiryAlert({ expiry: '2025-05-31', asOf: '2025-04-30' })).toEqual({ daysLeft: 31, alert: 'due_60' })
    expect(expiryAlert({ expiry: '2025-05-31', asOf: '2025-03-02' })).toEqual({ daysLeft: 90, alert: 'due_90' })
    expect(expiryAlert({ expiry: '2025-05-31', asOf: '2025-03-01' })).toEqual({ daysLeft: 91, alert: null })
    expect(expiryAlert({ expiry: '2025-05-31', asOf: '2025-05-31' })).toEqual({ daysLeft: 0, alert: 'due_30' })
    expect(expiryAlert({ expiry: '2025-05-31', asOf: '2025-06-01' })).toEqual({ daysLeft: -1, alert: 'expired' })
  })
})
