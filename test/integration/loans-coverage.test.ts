import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeWorld, type World } from '../helpers/archives'

// issue 14.8: loans.get coverage = collateral value / OUTSTANDING principal (not the original).
let w: World
beforeAll(async () => {
  w = await makeWorld()
})
afterAll(() => w.t.close())

describe('loans.get coverage uses the outstanding principal', () => {
  it('after the first installment is paid, outstanding = principal − its principal part, and coverage follows', async () => {
    const b = await w.borrower('覆盖甲')
    const l = await w.loan(b.id) // 50,000.00 元, 4.35 %, 12 months annuity from 2026-01-10
    await w.t.call(
      'loans.addCollateral',
      { loanId: l.id, type: '房产', description: '自建房一处', appraisedValue: 3_000_000, appraisedOn: '2026-01-05' },
      w.tokens.officer,
    )
    const before = await w.t.call('loans.get', { id: l.id }, w.tokens.officer)
    expect(before.outstanding).toBe(5_000_000) // no plan yet: the original principal
    expect(before.coverageBp).toBe(6000) // 30,000 / 50,000
    await w.t.call('servicing.createPlan', { loanId: l.id }, w.tokens.officer)
    const plan = await w.t.call('servicing.getPlan', { loanId: l.id }, w.tokens.officer)
    const first = plan.versions[0]!.rows[0]!
    // Hand check of the plan's first row: annuity payment = 50,000 × r / (1 − (1 + r)^−12) with
    // r = 4.35 % / 12 ≈ 4,265.38 元; interest ≈ 50,000 × r = 181.25 元, so principal ≈ 4,084 元.
    expect(first.principal).toBeGreaterThan(408_000)
    expect(first.principal).toBeLessThan(409_000)
    await w.t.call(
      'servicing.postRepayment',
      { loanId: l.id, amount: first.principal + first.interest, paidDate: first.dueDate, channel: 'cash' },
      w.tokens.officer,
    )
    const after = await w.t.call('loans.get', { id: l.id }, w.tokens.officer) // today = 2026-03-02
    expect(after.outstanding).toBe(5_000_000 - first.principal)
    expect(after.coverageBp).toBe(Math.floor((3_000_000 * 10_000) / (5_000_000 - first.principal)))
    expect(after.coverageBp).toBeGreaterThan(6000)
  })
})
