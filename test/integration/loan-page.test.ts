// Issue 9 money actions: 结清 records the channel and receipt the borrower handed over; 冲正 of a
// receipt issued before today needs a manager (four eyes); a reversed receipt is void; the
// 结清证明 print date is the local today.
import { afterEach, describe, expect, it } from 'vitest'
import { loginAs, makeBackend, setupAdmin, type TestBackend } from '../helpers/backend'
import { insertLoan, userId } from '../helpers/loans'

let t: TestBackend
afterEach(() => t?.close())

async function world() {
  t = await makeBackend() // clock 2026-03-02T01:00Z = 2026-03-02 09:00 Asia/Shanghai
  const admin = await setupAdmin(t)
  const officer = await loginAs(t, admin, 'officer', 'officer1')
  const manager = await loginAs(t, admin, 'manager', 'manager1')
  const manager2 = await loginAs(t, admin, 'manager', 'manager2')
  const officerId = userId(t, 'officer1')
  // 12,000.00 元, 6 %, 12 months 等额本金 from 2025-01-10: 1,000.00 principal a month.
  const l = insertLoan(t, {
    officerId,
    principal: 1_200_000,
    annualRate: '6',
    termMonths: 12,
    method: 'equal_principal',
  })
  await t.call('servicing.createPlan', { loanId: l.loanId }, officer)
  return { admin, officer, manager, manager2, officerId, loanId: l.loanId }
}

/** A fresh session (after the clock moved or the role changed); loginAs set this password. */
const relogin = async (username: string) => (await t.call('auth.login', { username, password: 'Passw0rd!' })).token

/** The receipt was issued yesterday (local): backdate its creation instead of moving the clock (sessions would idle out). */
const issuedYesterday = (repaymentId: number) =>
  t.backend.env.sqlite
    .prepare("update repayments set created_at = '2026-03-01T01:00:00.000Z' where id = ?")
    .run(repaymentId)

describe('结清 is the borrower paying the payoff (issue 9)', () => {
  it('records the chosen channel and receipt number for exactly the payoff', async () => {
    const w = await world()
    await t.call(
      'servicing.postRepayment',
      { loanId: w.loanId, paidDate: '2025-02-10', amount: 106000, channel: 'cash' },
      w.officer,
    )
    // Hand figures: after #1 (1,000.00 + 60.00 interest) 11,000.00 outstanding; 15 days to 02-25 at 6 %/360 = 27.50.
    const payoff = 1_100_000 + 2750
    const stale = await t.fail(
      'servicing.settle',
      { loanId: w.loanId, date: '2025-02-25', channel: 'transfer', amount: payoff - 1 },
      w.officer,
    )
    expect(stale.code).toBe('CONFLICT')
    expect(stale.message).toContain('11,027.50 元')
    const missing = await t.fail('servicing.settle', { loanId: w.loanId, date: '2025-02-25' }, w.officer)
    expect(missing.code).toBe('VALIDATION')
    const c = await t.call(
      'servicing.settle',
      { loanId: w.loanId, date: '2025-02-25', channel: 'transfer', receiptNo: 'ZZ-0001', amount: payoff },
      w.officer,
    )
    expect(c.certificateNo).toBe('JQ-2025-000001')
    const reps = await t.call('servicing.listRepayments', { loanId: w.loanId }, w.officer)
    const last = reps[reps.length - 1]!
    expect(last).toMatchObject({
      amount: payoff,
      channel: 'transfer',
      receiptNo: 'ZZ-0001',
      paidDate: '2025-02-25',
      status: 'posted',
    })
    const audit = t.backend.env.sqlite
      .prepare("select summary from audit_log where method = 'servicing.settle'")
      .get() as { summary: string }
    expect(audit.summary).toContain('结清金额 11,027.50 元，收据 ZZ-0001')
  })

  it('the 结清证明 print date is the local today, not the UTC date', async () => {
    const w = await world()
    await t.call('servicing.settle', { loanId: w.loanId, date: '2025-02-25', channel: 'cash' }, w.officer)
    // 2026-03-02T23:30Z is 2026-03-03 07:30 in Asia/Shanghai (vitest runs with TZ=Asia/Shanghai).
    t.clock.now = new Date('2026-03-02T23:30:00.000Z')
    const c = await t.call('servicing.settlementCertificate', { loanId: w.loanId }, await relogin('officer1'))
    expect(c.printedOn).toBe('2026-03-03')
    expect(c.settledDate).toBe('2025-02-25')
  })
})

describe('冲正 of a receipt issued before today needs a manager (issue 9)', () => {
  it("an officer's reversal of an old receipt is a pending request; another manager approves; the proposer cannot", async () => {
    const w = await world()
    const r = await t.call(
      'servicing.postRepayment',
      { loanId: w.loanId, paidDate: '2025-03-20', amount: 150000, channel: 'transfer' },
      w.officer,
    )
    issuedYesterday(r.repayment.id)
    const asked = await t.call(
      'servicing.reverseRepayment',
      { repaymentId: r.repayment.id, reason: '收款账户错误' },
      w.officer,
    )
    expect(asked.status).toBe('posted')
    expect(asked.pendingReversal).toMatchObject({ reason: '收款账户错误', requestedBy: '测试officer' })
    const again = await t.fail(
      'servicing.reverseRepayment',
      { repaymentId: r.repayment.id, reason: '再次申请' },
      w.officer,
    )
    expect(again.code).toBe('CONFLICT')
    const requestId = asked.pendingReversal!.requestId
    // The officer cannot decide at all (no 冲正 permission).
    expect((await t.fail('servicing.decideReversal', { requestId, approve: true }, w.officer)).code).toBe('FORBIDDEN')
    expect(await t.call('servicing.listReversalRequests', { status: 'pending' }, w.manager)).toHaveLength(1)
    const ok = await t.call('servicing.decideReversal', { requestId, approve: true, note: '核实无误' }, w.manager)
    expect(ok).toMatchObject({ status: 'approved', decidedBy: '测试manager', requestedBy: '测试officer' })
    const reps = await t.call('servicing.listRepayments', { loanId: w.loanId }, w.officer)
    expect(reps[0]).toMatchObject({
      status: 'reversed',
      reversalReason: '收款账户错误',
      reversedBy: '测试manager',
      pendingReversal: null,
    })
    const audit = t.backend.env.sqlite
      .prepare("select summary from audit_log where method = 'servicing.decideReversal'")
      .get() as { summary: string }
    expect(audit.summary).toContain('申请人 测试officer，审批人 测试manager')
    expect(await t.call('servicing.listReversalRequests', { status: 'pending' }, w.manager)).toHaveLength(0)
  })

  it('the same user may not approve a request they proposed (role changed to manager)', async () => {
    const w = await world()
    const r = await t.call(
      'servicing.postRepayment',
      { loanId: w.loanId, paidDate: '2025-03-20', amount: 150000, channel: 'cash' },
      w.officer,
    )
    issuedYesterday(r.repayment.id)
    const asked = await t.call(
      'servicing.reverseRepayment',
      { repaymentId: r.repayment.id, reason: '金额录错' },
      w.officer,
    )
    await t.call('users.update', { id: w.officerId, role: 'manager' }, w.admin)
    const refused = await t.fail(
      'servicing.decideReversal',
      { requestId: asked.pendingReversal!.requestId, approve: true },
      await relogin('officer1'),
    )
    expect(refused.code).toBe('FORBIDDEN')
    expect(refused.message).toContain('不能审批自己提交的冲正申请')
    const rejected = await t.call(
      'servicing.decideReversal',
      { requestId: asked.pendingReversal!.requestId, approve: false, note: '凭证齐全' },
      w.manager2,
    )
    expect(rejected.status).toBe('rejected')
    expect((await t.call('servicing.listRepayments', { loanId: w.loanId }, w.manager))[0]!.status).toBe('posted')
  })

  it('an officer reverses a receipt issued today directly; a manager reverses an old one directly', async () => {
    const w = await world()
    const a = await t.call(
      'servicing.postRepayment',
      { loanId: w.loanId, paidDate: '2025-03-20', amount: 50000, channel: 'cash' },
      w.officer,
    )
    const today = await t.call(
      'servicing.reverseRepayment',
      { repaymentId: a.repayment.id, reason: '当日录错' },
      w.officer,
    )
    expect(today.status).toBe('reversed')
    const b = await t.call(
      'servicing.postRepayment',
      { loanId: w.loanId, paidDate: '2025-03-20', amount: 50000, channel: 'cash' },
      w.officer,
    )
    issuedYesterday(b.repayment.id)
    const m = await t.call('servicing.reverseRepayment', { repaymentId: b.repayment.id, reason: '主管冲正' }, w.manager)
    expect(m.status).toBe('reversed')
  })

  it('a reversed receipt carries the void flag; a posted one does not', async () => {
    const w = await world()
    const a = await t.call(
      'servicing.postRepayment',
      { loanId: w.loanId, paidDate: '2025-03-20', amount: 50000, channel: 'cash' },
      w.officer,
    )
    expect((await t.call('servicing.receipt', { repaymentId: a.repayment.id }, w.officer)).voided).toBe(false)
    await t.call('servicing.reverseRepayment', { repaymentId: a.repayment.id, reason: '当日录错' }, w.officer)
    const rc = await t.call('servicing.receipt', { repaymentId: a.repayment.id }, w.officer)
    expect(rc.voided).toBe(true)
    expect(rc.repayment.reversalReason).toBe('当日录错')
  })
})
