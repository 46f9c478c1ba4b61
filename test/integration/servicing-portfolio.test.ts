import { afterEach, describe, expect, it } from 'vitest'
import { loginAs, makeBackend, setupAdmin, type TestBackend } from '../helpers/backend'
import { insertLoan, userId } from '../helpers/loans'

let t: TestBackend
afterEach(() => t?.close())

async function world() {
  t = await makeBackend()
  const admin = await setupAdmin(t)
  const officer = await loginAs(t, admin, 'officer', 'officer1')
  const manager = await loginAs(t, admin, 'manager', 'manager1')
  return { admin, officer, manager, officerId: userId(t, 'officer1') }
}

describe('servicing: portfolio, snapshots, collection sheet, reminders, restructure', () => {
  it('the portfolio scan gives every loan the same evaluation as the single-loan replay', async () => {
    const w = await world()
    const ids: number[] = []
    const methods = ['annuity', 'equal_principal', 'quarterly_interest', 'monthly_interest', 'bullet'] as const
    for (const [k, method] of methods.entries()) {
      const { loanId } = insertLoan(t, {
        officerId: w.officerId,
        principal: 500_000 + k * 12_345,
        annualRate: '7.2',
        termMonths: 12,
        method,
        misused: k === 2,
      })
      await t.call('servicing.createPlan', { loanId }, w.officer)
      ids.push(loanId)
    }
    await t.call(
      'servicing.postRepayment',
      { loanId: ids[0]!, paidDate: '2025-03-01', amount: 40_000, channel: 'cash' },
      w.officer,
    )
    const r1 = (await t.call('servicing.getPlan', { loanId: ids[1]! }, w.officer)).versions[0]!.rows[0]!
    await t.call(
      'servicing.postRepayment',
      { loanId: ids[1]!, paidDate: r1.dueDate, amount: r1.principal + r1.interest, channel: 'cash' },
      w.officer,
    )
    const settled = ids[4]!
    await t.call('servicing.settle', { loanId: settled, date: '2025-06-30', channel: 'cash' }, w.officer)
    for (const asOf of ['2025-05-15', '2025-12-31']) {
      const p = await t.call('servicing.evaluatePortfolio', { asOf, top: 50 }, w.manager)
      const expected = await Promise.all(ids.map((loanId) => t.call('servicing.asOf', { loanId, asOf }, w.manager)))
      // Settled on 06-30: still in the portfolio on 05-15, not on 12-31.
      const live = expected.filter((e) => !(e.loan.id === settled && asOf > '2025-06-30'))
      expect(p.loans).toBe(live.length)
      expect(p.outstandingPrincipal).toBe(live.reduce((s, e) => s + e.outstandingPrincipal, 0))
      expect(p.penaltyInterest).toBe(live.reduce((s, e) => s + e.penaltyInterest, 0))
      for (const wv of p.worst) {
        const e = expected.find((x) => x.loan.id === wv.loanId)!
        // The worst-loans list carries the evaluation totals; the risk fields (class, categories,
        // limitation) and the display status belong to the single-loan view.
        const {
          loan: _l,
          installments: _i,
          planVersion: _p,
          restructuredOn: _r,
          closure: _c,
          displayStatus: _d,
          customerClass: _cc,
          suggestedCategory: _sc,
          category: _ca,
          limitationExpiry: _le,
          ...totals
        } = e
        expect({ ...wv, loanId: undefined }).toEqual({ ...totals, loanId: undefined })
      }
    }
    const snap = await t.call('servicing.snapshot', { asOf: '2025-05-31' }, w.manager)
    expect(snap.loans).toBe(5)
    const rows = t.backend.env.sqlite
      .prepare('select count(*) as n from portfolio_snapshot_rows where snapshot_id = ?')
      .get(snap.id) as { n: number }
    expect(rows.n).toBe(5)
    expect((await t.call('servicing.listSnapshots', {}, w.officer))[0]!.asOf).toBe('2025-05-31')
    // The snapshot left replay checkpoints; scans from them still equal the full replay, also after a back-dated payment.
    const cps = t.backend.env.sqlite
      .prepare('select loan_id, rows_settled from replay_checkpoints order by loan_id')
      .all() as { loan_id: number; rows_settled: number }[]
    expect(cps.length).toBeGreaterThan(0)
    const check = async (asOf: string) => {
      const p = await t.call('servicing.evaluatePortfolio', { asOf, top: 50 }, w.manager)
      const all = await Promise.all(ids.map((loanId) => t.call('servicing.asOf', { loanId, asOf }, w.manager)))
      const live = all.filter((e) => !(e.loan.id === settled && asOf > '2025-06-30'))
      expect(p.outstandingPrincipal).toBe(live.reduce((s, e) => s + e.outstandingPrincipal, 0))
      expect(p.penaltyInterest + p.compoundInterest).toBe(
        live.reduce((s, e) => s + e.penaltyInterest + e.compoundInterest, 0),
      )
      expect(p.overdueInterest).toBe(live.reduce((s, e) => s + e.overdueInterest, 0))
      expect(p.buckets).toEqual(
        expect.arrayContaining(live.length ? [expect.objectContaining({ bucket: live[0]!.bucket })] : []),
      )
    }
    await check('2025-09-15')
    await t.call(
      'servicing.postRepayment',
      { loanId: cps[0]!.loan_id, paidDate: '2025-05-20', amount: 1_000, channel: 'cash' },
      w.officer,
    )
    expect(
      t.backend.env.sqlite
        .prepare('select count(*) as n from replay_checkpoints where loan_id = ?')
        .get(cps[0]!.loan_id),
    ).toEqual({ n: 0 })
    await check('2025-09-15')
    expect((await t.fail('servicing.snapshot', { asOf: '2025-05-31' }, w.officer)).code).toBe('FORBIDDEN')
  })

  it('a collection sheet is validated row by row and committed all or nothing', async () => {
    const w = await world()
    const a = insertLoan(t, { officerId: w.officerId, principal: 1_200_000 })
    const b = insertLoan(t, { officerId: w.officerId, principal: 1_200_000 })
    for (const l of [a, b]) await t.call('servicing.createPlan', { loanId: l.loanId }, w.officer)
    const rows = [
      { iouNo: a.iouNo, paidDate: '2025-02-10', amount: 106_000 },
      { iouNo: b.iouNo, paidDate: '2025-02-10', amount: 999_999_999 },
      { iouNo: 'NO-SUCH', paidDate: '2025-02-10', amount: 100 },
    ]
    const dry = await t.call('servicing.bulkPost', { dryRun: true, rows }, w.officer)
    expect(dry.valid).toBe(1)
    expect(dry.rows[1]!.errors[0]).toContain('金额超过应还')
    expect(dry.rows[2]!.errors[0]).toContain('借据号 NO-SUCH 不存在')
    const err = await t.fail('servicing.bulkPost', { dryRun: false, rows }, w.officer)
    expect(err.code).toBe('VALIDATION')
    expect(err.message).toContain('有 2 行错误，未登记任何还款')
    expect((await t.call('servicing.listRepayments', { loanId: a.loanId }, w.officer)).length).toBe(0)
    const ok = await t.call(
      'servicing.bulkPost',
      { dryRun: false, rows: [rows[0]!, { ...rows[1]!, amount: 106_000 }] },
      w.officer,
    )
    expect(ok.committed).toBe(true)
    expect(
      (await t.call('servicing.asOf', { loanId: b.loanId, asOf: '2025-02-10' }, w.officer)).installments[0]!.status,
    ).toBe('paid')
  })

  it('due soon lists installments with a copyable reminder (figures and 大写) and logs contacts', async () => {
    const w = await world()
    const l = insertLoan(t, {
      officerId: w.officerId,
      principal: 1_200_000,
      disbursementDate: '2026-01-20',
      borrowerName: '李秀英',
    })
    await t.call('servicing.createPlan', { loanId: l.loanId }, w.officer)
    const other = await loginAs(t, w.admin, 'officer', 'officer2')
    expect((await t.call('servicing.dueSoon', { asOf: '2026-03-15', days: 7 }, other)).rows).toEqual([])
    const due = (await t.call('servicing.dueSoon', { asOf: '2026-03-15', days: 7 }, w.officer)).rows
    expect(due.length).toBe(1)
    // Today is 2026-03-02 (test clock): #1 (02-20) unpaid = 1,060.00 + 10 days of 罚息 100000×9%×10/360 = 250 and
    // 复利 6000×9%×10/360 = 15 (arrears as of today), plus #2 (03-20, in the window) 1,055.00 → 2,117.65 元.
    expect(due[0]!.dueDate).toBe('2026-03-20')
    expect(due[0]!.amount).toBe(106_000 + 250 + 15 + 105_500)
    expect(due[0]!.dpd).toBe(10)
    expect(due[0]!.reminder).toContain('2,117.65 元（贰仟壹佰壹拾柒元陆角伍分）')
    const c = await t.call(
      'servicing.logContact',
      { loanId: l.loanId, dueDate: '2026-03-20', contactDate: '2026-03-15', channel: 'sms', outcome: '已发短信' },
      w.officer,
    )
    expect(c.createdBy).toBe('测试officer')
    const again = (await t.call('servicing.dueSoon', { asOf: '2026-03-15', days: 7 }, w.officer)).rows[0]!
    expect([again.lastContact, again.lastContactChannel, again.lastContactOutcome]).toEqual([
      '2026-03-15',
      'sms',
      '已发短信',
    ])
  })

  it('restructure (重组) rolls arrears into a new plan, needs approval, and keeps the loan at least 关注 for a year', async () => {
    const w = await world()
    const { loanId } = insertLoan(t, { officerId: w.officerId, principal: 1_200_000 })
    await t.call('servicing.createPlan', { loanId }, w.officer)
    const input = {
      loanId,
      date: '2025-05-10',
      reason: '经营困难，调整还款计划',
      annualRate: '6',
      method: 'equal_principal' as const,
      termMonths: 24,
    }
    expect((await t.fail('servicing.restructure', input, w.officer)).code).toBe('FORBIDDEN')
    const before = await t.call('servicing.asOf', { loanId, asOf: '2025-05-10' }, w.manager)
    const p = await t.call('servicing.restructure', input, w.manager)
    expect(p.versions[0]!.reason).toBe('restructure')
    const arrears =
      before.overduePrincipal +
      before.overdueInterest +
      before.dueToday +
      before.penaltyInterest +
      before.compoundInterest
    const newRows = p.versions[0]!.rows.filter((r) => r.dueDate > '2025-05-10')
    expect(newRows.length).toBe(24)
    expect(newRows.reduce((s, r) => s + r.principal, 0)).toBe(1_200_000 - 400_000 + arrears)
    const e = await t.call('servicing.asOf', { loanId, asOf: '2025-05-20' }, w.manager)
    expect(e.dpd).toBe(0)
    expect(e.minCategory).toBe('special_mention')
    expect(
      (
        await t.fail(
          'servicing.postRepayment',
          { loanId, paidDate: '2025-05-01', amount: 100, channel: 'cash' },
          w.officer,
        )
      ).message,
    ).toContain('已于 2025-05-10 重组')
  })
})
