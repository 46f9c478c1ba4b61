import { afterEach, describe, expect, it } from 'vitest'
import { loginAs, makeBackend, setupAdmin, type TestBackend } from '../helpers/backend'
import { insertLoan, userId } from '../helpers/loans'

let t: TestBackend
afterEach(() => t?.close())

async function officerWorld() {
  t = await makeBackend()
  const admin = await setupAdmin(t)
  const officer = await loginAs(t, admin, 'officer', 'officer1')
  const manager = await loginAs(t, admin, 'manager', 'manager1')
  return { admin, officer, manager, officerId: userId(t, 'officer1') }
}

/** 12,000.00 元, 6 %, 12 months 等额本金 from 2025-01-10: 1,000.00 principal a month, interest on the balance / 12. */
async function equalPrincipalLoan(token: string, officerId: number) {
  const l = insertLoan(t, {
    officerId,
    principal: 1_200_000,
    annualRate: '6',
    termMonths: 12,
    method: 'equal_principal',
  })
  await t.call('servicing.createPlan', { loanId: l.loanId }, token)
  return l
}

describe('servicing: allocation, penalties, reversal', () => {
  it('allocates a late payment over three overdue installments: 罚息 → 复利 → 利息 → 本金, oldest first', async () => {
    const w = await officerWorld()
    const { loanId } = await equalPrincipalLoan(w.officer, w.officerId)
    // Hand figures: penalty rate 6 % × 1.5 = 9 %/360 a day, rounded per installment segment.
    // #1 due 02-10, 74 days to 04-25: 罚息 100000×9%×74/360 = 1850, 复利 6000×9%×74/360 = 111.
    // #2 due 03-10, 46 days: 罚息 1150, 复利 5500×9%×46/360 = 63.25 → 63.
    // #3 due 04-10, 15 days: 罚息 375, 复利 5000×9%×15/360 = 18.75 → 19.
    const amount = 1850 + 111 + 6000 + 100000 + (1150 + 63 + 5500 + 100000) + 1000
    const p = await t.call('servicing.previewRepayment', { loanId, paidDate: '2025-04-25', amount }, w.officer)
    expect(p.before.dpd).toBe(74)
    expect(p.before.bucket).toBe('M3')
    expect(p.lines).toEqual([
      {
        seq: 1,
        dueDate: '2025-02-10',
        penaltyInterest: 1850,
        compoundInterest: 111,
        interest: 6000,
        principal: 100000,
      },
      { seq: 2, dueDate: '2025-03-10', penaltyInterest: 1150, compoundInterest: 63, interest: 5500, principal: 100000 },
      { seq: 3, dueDate: '2025-04-10', penaltyInterest: 375, compoundInterest: 19, interest: 606, principal: 0 },
    ])
    expect(p.overpayment).toBe(0)
    const posted = await t.call(
      'servicing.postRepayment',
      { loanId, paidDate: '2025-04-25', amount, channel: 'cash' },
      w.officer,
    )
    expect(posted.repayment.receiptNo).toBe('SK-2025-000001')
    const e = await t.call('servicing.asOf', { loanId, asOf: '2025-04-25' }, w.officer)
    expect(e.installments.slice(0, 3).map((r) => r.status)).toEqual(['paid', 'paid', 'overdue'])
    expect(e.dpd).toBe(15)
    expect(e.overduePrincipal).toBe(100000)
    expect(e.overdueInterest).toBe(5000 - 606)
    const audit = t.backend.env.sqlite
      .prepare("select summary from audit_log where method = 'servicing.postRepayment'")
      .get() as { summary: string }
    expect(audit.summary).toContain('罚息 33.75、复利 1.93、利息 121.06、本金 2000.00')
  })

  it('a reversal (冲正) restores the previous evaluation exactly and keeps the record', async () => {
    const w = await officerWorld()
    const { loanId } = await equalPrincipalLoan(w.officer, w.officerId)
    const before = await t.call('servicing.asOf', { loanId, asOf: '2025-08-01' }, w.officer)
    const r = await t.call(
      'servicing.postRepayment',
      { loanId, paidDate: '2025-03-20', amount: 150000, channel: 'transfer' },
      w.officer,
    )
    const mid = await t.call('servicing.asOf', { loanId, asOf: '2025-08-01' }, w.officer)
    expect(mid.penaltyInterest).not.toBe(before.penaltyInterest)
    const rev = await t.call(
      'servicing.reverseRepayment',
      { repaymentId: r.repayment.id, reason: '收款账户错误，冲正' },
      w.manager,
    )
    expect(rev.status).toBe('reversed')
    expect(rev.reversalReason).toBe('收款账户错误，冲正')
    expect(await t.call('servicing.asOf', { loanId, asOf: '2025-08-01' }, w.officer)).toEqual(before)
    expect((await t.call('servicing.listRepayments', { loanId }, w.officer)).map((x) => x.status)).toEqual(['reversed'])
    expect(
      (await t.fail('servicing.reverseRepayment', { repaymentId: r.repayment.id, reason: '再次冲正' }, w.manager)).code,
    ).toBe('CONFLICT')
  })

  it('evaluation as of a past date ignores later payments; a back-dated payment re-evaluates what follows', async () => {
    const w = await officerWorld()
    const { loanId } = await equalPrincipalLoan(w.officer, w.officerId)
    await t.call(
      'servicing.postRepayment',
      { loanId, paidDate: '2025-02-10', amount: 106000, channel: 'cash' },
      w.officer,
    )
    const asOf = await t.call('servicing.asOf', { loanId, asOf: '2025-03-15' }, w.officer)
    await t.call(
      'servicing.postRepayment',
      { loanId, paidDate: '2025-03-20', amount: 105500 + 250 + 14, channel: 'cash' },
      w.officer,
    )
    expect(await t.call('servicing.asOf', { loanId, asOf: '2025-03-15' }, w.officer)).toEqual(asOf)
    expect(asOf.dpd).toBe(5)
    expect(asOf.installments[1]!.status).toBe('overdue')
    // 03-20 paid #2 with 10 days of 罚息 250 and 复利 5500×9%×10/360 = 13.75 → 14.
    // Back-dated to before the 03-20 payment: the later payment now finds #2 already paid.
    await t.call(
      'servicing.postRepayment',
      { loanId, paidDate: '2025-03-10', amount: 105500, channel: 'cash' },
      w.officer,
    )
    const after = await t.call('servicing.asOf', { loanId, asOf: '2025-03-25' }, w.officer)
    expect(after.dpd).toBe(0)
    expect(after.penaltyInterest).toBe(0)
    expect(after.credit).toBe(105764)
  })

  it('an overpayment needs a choice; prepayment creates a plan version whose new rows sum to the outstanding', async () => {
    const w = await officerWorld()
    const l = insertLoan(t, {
      officerId: w.officerId,
      principal: 12_000_000,
      annualRate: '4.35',
      termMonths: 24,
      method: 'annuity',
    })
    const plan = await t.call('servicing.createPlan', { loanId: l.loanId }, w.officer)
    const first = plan.versions[0]!.rows[0]!
    const amount = first.principal + first.interest + 3_000_000
    const err = await t.fail(
      'servicing.postRepayment',
      { loanId: l.loanId, paidDate: first.dueDate, amount, channel: 'cash' },
      w.officer,
    )
    expect(err.code).toBe('VALIDATION')
    expect(err.message).toContain('请选择：挂账、提前还本')
    const r = await t.call(
      'servicing.postRepayment',
      { loanId: l.loanId, paidDate: first.dueDate, amount, channel: 'cash', overpayment: 'prepay_lower' },
      w.officer,
    )
    expect(r.allocation.overpayment).toBe(3_000_000)
    const p2 = await t.call('servicing.getPlan', { loanId: l.loanId }, w.officer)
    expect(p2.versions.map((v) => [v.version, v.reason])).toEqual([
      [2, 'prepayment'],
      [1, 'initial'],
    ])
    const v2 = p2.versions[0]!
    const newRows = v2.rows.filter((x) => x.dueDate > first.dueDate)
    expect(newRows.reduce((s, x) => s + x.principal, 0)).toBe(12_000_000 - first.principal - 3_000_000)
    expect(newRows.length).toBe(23)
    expect(v2.totalPrincipal).toBe(12_000_000)
    const e = await t.call('servicing.asOf', { loanId: l.loanId, asOf: first.dueDate }, w.officer)
    expect(e.outstandingPrincipal).toBe(12_000_000 - first.principal - 3_000_000)
    expect(e.credit).toBe(0)
    // Shorten the term instead on another loan: same payment, fewer rows.
    const l2 = insertLoan(t, {
      officerId: w.officerId,
      principal: 12_000_000,
      annualRate: '4.35',
      termMonths: 24,
      method: 'annuity',
    })
    await t.call('servicing.createPlan', { loanId: l2.loanId }, w.officer)
    await t.call(
      'servicing.postRepayment',
      { loanId: l2.loanId, paidDate: first.dueDate, amount, channel: 'cash', overpayment: 'prepay_shorten' },
      w.officer,
    )
    const v = (await t.call('servicing.getPlan', { loanId: l2.loanId }, w.officer)).versions[0]!
    expect(v.rows.filter((x) => x.dueDate > first.dueDate).length).toBeLessThan(23)
  })
})

describe('servicing: extension, write-off, settlement, scope', () => {
  it('extension (展期) within policy by the officer, beyond policy only by a manager', async () => {
    const w = await officerWorld()
    const { loanId } = await equalPrincipalLoan(w.officer, w.officerId)
    const p = await t.call(
      'servicing.extend',
      { loanId, date: '2025-06-10', extensionMonths: 6, reason: '受灾减产，申请展期' },
      w.officer,
    )
    expect(p.versions[0]!.reason).toBe('extension')
    expect(p.versions[0]!.totalPrincipal).toBe(1_200_000)
    expect(p.loan.maturityDate).toBe('2026-07-10')
    expect(p.versions[1]!.rows.at(-1)!.dueDate).toBe('2026-01-10')
    const again = await t.fail(
      'servicing.extend',
      { loanId, date: '2025-07-10', extensionMonths: 2, reason: '再次展期' },
      w.officer,
    )
    expect(again.code).toBe('FORBIDDEN')
    expect(again.message).toContain('超出展期政策')
    const p3 = await t.call(
      'servicing.extend',
      { loanId, date: '2025-07-10', extensionMonths: 2, reason: '主管审批再次展期' },
      w.manager,
    )
    expect(p3.versions.map((v) => v.version)).toEqual([3, 2, 1])
  })

  it('write-off (核销) needs approval; recoveries are recorded off-balance and reduce the written-off amount', async () => {
    const w = await officerWorld()
    const { loanId } = await equalPrincipalLoan(w.officer, w.officerId)
    expect(
      (await t.fail('servicing.writeOff', { loanId, date: '2026-02-01', reason: '借款人死亡无遗产' }, w.officer)).code,
    ).toBe('FORBIDDEN')
    const e = await t.call('servicing.writeOff', { loanId, date: '2026-02-01', reason: '借款人死亡无遗产' }, w.manager)
    expect(e.loan.status).toBe('written_off')
    expect(e.outstandingPrincipal).toBe(1_200_000)
    expect(
      (
        await t.fail(
          'servicing.postRepayment',
          { loanId, paidDate: '2026-02-02', amount: 100, channel: 'cash' },
          w.officer,
        )
      ).code,
    ).toBe('CONFLICT')
    await t.call(
      'servicing.recordRecovery',
      { loanId, paidDate: '2026-02-20', amount: 500_000, channel: 'cash' },
      w.officer,
    )
    const later = await t.call('servicing.asOf', { loanId, asOf: '2026-02-20' }, w.officer)
    const before = await t.call('servicing.asOf', { loanId, asOf: '2026-02-19' }, w.officer)
    const owedBefore =
      before.overduePrincipal + before.overdueInterest + before.penaltyInterest + before.compoundInterest
    const owedAfter = later.overduePrincipal + later.overdueInterest + later.penaltyInterest + later.compoundInterest
    expect(owedBefore - owedAfter).toBeGreaterThan(500_000 - 2000) // one more day of 罚息 accrued
    expect(later.closure).toEqual({ kind: 'written_off', closedDate: '2026-02-01' })
  })

  it('settlement (结清) pays the payoff and issues a numbered 结清证明', async () => {
    const w = await officerWorld()
    const { loanId } = await equalPrincipalLoan(w.officer, w.officerId)
    await t.call(
      'servicing.postRepayment',
      { loanId, paidDate: '2025-02-10', amount: 106000, channel: 'cash' },
      w.officer,
    )
    const before = await t.call('servicing.asOf', { loanId, asOf: '2025-02-25' }, w.officer)
    // 1,100,000 outstanding, 15 days of interest at 6 %/360 = 2750.
    expect(before.accruedInterest).toBe(2750)
    expect(before.payoff).toBe(1_100_000 + 2750)
    const c = await t.call('servicing.settle', { loanId, date: '2025-02-25', channel: 'cash' }, w.officer)
    expect(c.certificateNo).toBe('JQ-2025-000001')
    expect(c.paidPrincipal).toBe(1_200_000)
    const after = await t.call('servicing.asOf', { loanId, asOf: '2025-12-31' }, w.officer)
    expect(after.loan.status).toBe('settled')
    expect(after.payoff).toBe(0)
    expect(after.dpd).toBe(0)
  })

  it('officers service only their own portfolio', async () => {
    const w = await officerWorld()
    const other = await loginAs(t, w.admin, 'officer', 'officer2')
    const { loanId } = await equalPrincipalLoan(w.officer, w.officerId)
    expect((await t.fail('servicing.asOf', { loanId, asOf: '2025-03-01' }, other)).code).toBe('NOT_FOUND')
    expect(
      (await t.fail('servicing.postRepayment', { loanId, paidDate: '2025-03-01', amount: 100, channel: 'cash' }, other))
        .code,
    ).toBe('NOT_FOUND')
    expect((await t.call('servicing.asOf', { loanId, asOf: '2025-03-01' }, w.manager)).loan.id).toBe(loanId)
  })
})

describe('servicing: "today" is the local calendar day', () => {
  it('accepts a payment dated the local today early in the morning in China (UTC is still the day before)', async () => {
    const w = await officerWorld()
    const { loanId } = await equalPrincipalLoan(w.officer, w.officerId)
    // 2025-03-02T22:30Z = 2025-03-03 06:30 in Asia/Shanghai (vitest runs with TZ=Asia/Shanghai).
    t.clock.now = new Date('2025-03-02T22:30:00.000Z')
    const posted = await t.call(
      'servicing.postRepayment',
      { loanId, paidDate: '2025-03-03', amount: 10000, channel: 'cash' },
      w.officer,
    )
    expect(posted.repayment.paidDate).toBe('2025-03-03')
    const future = await t.fail(
      'servicing.postRepayment',
      { loanId, paidDate: '2025-03-04', amount: 10000, channel: 'cash' },
      w.officer,
    )
    expect(future.message).toContain('不能晚于今天')
  })
})
