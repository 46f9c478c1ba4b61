// 五级分类 workflow (DOMAIN §6) and customer classes (§5) through the real dispatcher.
// "Today" in these tests is 2026-03-02 (the test clock).
import { afterEach, describe, expect, it } from 'vitest'
import { loginAs } from '../helpers/backend'
import { makeWorld, type World } from '../helpers/archives'
import { insertLoan } from '../helpers/loans'
import { categoriesInForce } from '../../electron/backend/risk/classification-repo'

let w: World
afterEach(() => w?.t.close())

/** A loan first due 2025-11-27: on 2026-03-02 it is 95 days past due (3 + 31 + 31 + 30 = 95). */
async function overdue95() {
  const l = insertLoan(w.t, {
    officerId: w.ids.officer,
    principal: 1_200_000,
    termMonths: 12,
    method: 'equal_principal',
    disbursementDate: '2025-10-27',
  })
  await w.t.call('servicing.createPlan', { loanId: l.loanId }, w.tokens.officer)
  return l
}

describe('five-category classification: floors, maker-checker, history', () => {
  it('an officer proposes 次级 for a 95-day overdue loan, a manager approves; floors refuse 关注; officers and proposers never approve', async () => {
    w = await makeWorld()
    const l = await overdue95()
    const h0 = await w.t.call('classification.history', { loanId: l.loanId }, w.tokens.officer)
    expect(h0).toMatchObject({ dpd: 95, floor: 'substandard', suggested: 'substandard', category: 'normal' })
    // Below the DPD floor (> 90 → at least 次级): refused with the reason.
    const low = await w.t.fail(
      'classification.propose',
      { loanId: l.loanId, category: 'special_mention', reason: '借款人承诺还款' },
      w.tokens.officer,
    )
    expect(low.code).toBe('VALIDATION')
    expect(low.message).toContain('逾期 95 天')
    const p = await w.t.call(
      'classification.propose',
      { loanId: l.loanId, category: 'substandard', reason: '逾期超过 90 天，借款人外出务工' },
      w.tokens.officer,
    )
    expect(
      (
        await w.t.fail(
          'classification.propose',
          { loanId: l.loanId, category: 'loss', reason: '重复提议测试' },
          w.tokens.officer,
        )
      ).code,
    ).toBe('CONFLICT')
    expect(
      (await w.t.fail('classification.decide', { proposalId: p.id, approve: true, comment: '' }, w.tokens.officer))
        .code,
    ).toBe('FORBIDDEN')
    const d = await w.t.call(
      'classification.decide',
      { proposalId: p.id, approve: true, comment: '同意' },
      w.tokens.manager,
    )
    expect(d).toMatchObject({
      status: 'approved',
      fromCategory: 'normal',
      category: 'substandard',
      decidedBy: '测试manager',
    })
    expect(
      (await w.t.call('servicing.asOf', { loanId: l.loanId, asOf: '2026-03-02' }, w.tokens.officer)).category,
    ).toBe('substandard')
    // The proposer cannot approve their own proposal, even as a manager.
    const p2 = await w.t.call(
      'classification.propose',
      { loanId: l.loanId, category: 'loss', reason: '经营失败无力偿还' },
      w.tokens.manager,
    )
    const self = await w.t.fail(
      'classification.decide',
      { proposalId: p2.id, approve: true, comment: '' },
      w.tokens.manager,
    )
    expect(self.code).toBe('FORBIDDEN')
    expect(self.message).toContain('提议人')
    const manager2 = await loginAs(w.t, w.tokens.admin, 'manager', 'manager2')
    await w.t.call('classification.decide', { proposalId: p2.id, approve: false, comment: '证据不足' }, manager2)
    const h = await w.t.call('classification.history', { loanId: l.loanId }, w.tokens.officer)
    expect(h.category).toBe('substandard')
    expect(h.items.map((x) => [x.category, x.status, x.proposedBy, x.comment])).toEqual([
      ['loss', 'rejected', '测试manager', '证据不足'],
      ['substandard', 'approved', '测试officer', '同意'],
    ])
    // Reports read the category in force: the decision (次级), never below the floor.
    expect((await categoriesInForce(w.t.backend.env.db, '2026-03-02', [l.loanId])).get(l.loanId)).toBe('substandard')
  })

  it('a restructured loan stays at least 关注 and is not upgraded during the one-year observation', async () => {
    w = await makeWorld()
    const l = await overdue95()
    await w.t.call(
      'servicing.restructure',
      {
        loanId: l.loanId,
        date: '2026-03-02',
        reason: '受灾重组',
        annualRate: '6',
        method: 'equal_principal',
        termMonths: 12,
      },
      w.tokens.manager,
    )
    const h = await w.t.call('classification.history', { loanId: l.loanId }, w.tokens.officer)
    expect(h).toMatchObject({ dpd: 0, floor: 'special_mention' })
    // Decided 次级 the same day; 正常 is below the restructured floor, and an upgrade to 关注 inside the
    // observation period (to 2027-03-02) is refused.
    const p = await w.t.call(
      'classification.propose',
      { loanId: l.loanId, category: 'substandard', reason: '重组贷款按规定下调' },
      w.tokens.officer,
    )
    await w.t.call('classification.decide', { proposalId: p.id, approve: true, comment: '' }, w.tokens.manager)
    const normal = await w.t.fail(
      'classification.propose',
      { loanId: l.loanId, category: 'normal', reason: '重组后按期还款' },
      w.tokens.officer,
    )
    expect(normal.message).toContain('重组贷款在观察期内至少为“关注”')
    const up = await w.t.fail(
      'classification.propose',
      { loanId: l.loanId, category: 'special_mention', reason: '重组后按期还款' },
      w.tokens.officer,
    )
    expect(up.message).toContain('观察期（2026-03-02 至 2027-03-02）')
  })

  it('customer class: A with no overdue, C when the first installment is late; history kept; NPL list and migration matrix', async () => {
    w = await makeWorld()
    const b = await w.borrower('分类客户')
    const l = await w.loan(b.id)
    await w.t.call('servicing.createPlan', { loanId: l.id }, w.tokens.officer)
    const bad = await overdue95()
    const run = (asOf: string) => w.t.call('risk.evaluate', { asOf, store: true }, w.tokens.manager)
    await run('2026-01-31')
    const cls = () =>
      (
        w.t.backend.env.sqlite.prepare('select customer_class as c from borrowers where id = ?').get(b.id) as {
          c: string
        }
      ).c
    expect(cls()).toBe('A')
    // First due 2026-02-10 unpaid: on 02-20 it is 10 days late (M1) but it is the first installment → C (seed rule).
    await run('2026-02-20')
    expect(cls()).toBe('C')
    const hist = await w.t.call('risk.classHistory', { borrowerId: b.id }, w.tokens.officer)
    expect(hist.map((x) => [x.fromClass, x.toClass, x.asOf])).toEqual([
      ['A', 'C', '2026-02-20'],
      [null, 'A', '2026-01-31'],
    ])
    expect(
      (await w.t.call('servicing.asOf', { loanId: l.id, asOf: '2026-02-20' }, w.tokens.officer)).customerClass,
    ).toBe('C')
    // Month-end runs keep snapshots with category and class; the matrix compares two of them.
    await run('2026-02-28') // bad loan: first due 2025-11-27 → DPD 93 → 次级
    const npl = await w.t.call('classification.npl', {}, w.tokens.manager)
    expect(npl.map((x) => [x.loanId, x.category])).toEqual([[bad.loanId, 'substandard']])
    const m = await w.t.call('classification.matrix', { from: '2026-01-31', to: '2026-02-28' }, w.tokens.manager)
    // 01-31: bad loan DPD 65 → 关注; good loan 正常. 02-28: bad 次级, good 关注 (DPD 18).
    expect(m.cells.map((c) => [c.from, c.to, c.loans]).sort()).toEqual([
      ['normal', 'special_mention', 1],
      ['special_mention', 'substandard', 1],
    ])
  })

  it('the evaluation job runs with progress and a dry run on a past date changes nothing', async () => {
    w = await makeWorld()
    await overdue95()
    const dry = await w.t.call('risk.evaluate', { asOf: '2026-01-15', store: false }, w.tokens.manager)
    // Two: overdue, and 首次检查 not done 30 days after disbursement (no inspection recorded).
    expect(dry).toMatchObject({ loans: 1, warningsOpened: 2, stored: false })
    expect((await w.t.call('risk.warnings', {}, w.tokens.manager)).total).toBe(0)
    const job = await w.t.call('risk.startJob', { onlyIfNotRunToday: true }, w.tokens.officer)
    expect(job?.state).toBe('running')
    let j = job
    for (let k = 0; k < 100 && j?.state === 'running'; k++) {
      await new Promise((r) => setTimeout(r, 50))
      j = await w.t.call('risk.job', {}, w.tokens.officer)
    }
    expect(j).toMatchObject({ state: 'done', asOf: '2026-03-02', result: { loans: 1, stored: true } })
    expect(j!.result!.warningsOpened).toBeGreaterThanOrEqual(1)
    expect(await w.t.call('risk.startJob', { onlyIfNotRunToday: true }, w.tokens.officer)).toBeNull()
    expect((await w.t.call('risk.counts', {}, w.tokens.manager)).lastRunOn).toBe('2026-03-02')
  })
})
