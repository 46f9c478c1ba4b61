// 预警 rules through the real dispatcher (DOMAIN §5–§7): each fires on its threshold day and not
// the day before, resolves when cleared (recorded, not deleted), and re-runs never duplicate.
// Dates are hand-checked in the comments (day counts by month lengths).
import { afterEach, describe, expect, it } from 'vitest'
import { makeId, makeWorld, type World } from '../helpers/archives'

let w: World
afterEach(() => w?.t.close())

/** A loan of 50,000.00 元, annuity, 12 months from 2026-01-10 (dues on the 10th, last 2027-01-10), with its plan. */
async function loanWithPlan(name: string, opts: { principal?: number; token?: string } = {}) {
  const b = await w.borrower(name, opts.token ? { token: opts.token } : {})
  const l = await w.loan(b.id, opts)
  await w.t.call('servicing.createPlan', { loanId: l.id }, opts.token ?? w.tokens.officer)
  return { borrowerId: b.id, loanId: l.id, contractNo: l.contractNo }
}

/** Moves "today" (back-dated entries are refused after today) and logs officer and manager in again. */
async function today(date: string) {
  w.t.clock.now = new Date(`${date}T02:00:00Z`)
  w.tokens.officer = (await w.t.call('auth.login', { username: 'officer1', password: 'Passw0rd!' })).token
  w.tokens.manager = (await w.t.call('auth.login', { username: 'manager', password: 'Passw0rd!' })).token
}

const run = (asOf: string) => w.t.call('risk.evaluate', { asOf, store: true }, w.tokens.manager)
const open = async (rule: string, loanId?: number) =>
  (
    await w.t.call(
      'risk.warnings',
      { status: 'open', rule: rule as 'overdue', ...(loanId ? { loanId } : {}), limit: 500 },
      w.tokens.manager,
    )
  ).items
const all = async (rule: string, loanId: number) =>
  (await w.t.call('risk.warnings', { rule: rule as 'overdue', loanId, limit: 500 }, w.tokens.manager)).items

describe('risk warnings: rules, levels, lifecycle', () => {
  it('overdue: yellow from DPD 1, orange from 31, red from 91; auto-resolved once paid; re-runs never duplicate', async () => {
    w = await makeWorld()
    const a = await loanWithPlan('逾期甲')
    // First due 2026-02-10: DPD 0 that day, 1 on 02-11.
    await run('2026-02-10')
    expect(await open('overdue', a.loanId)).toHaveLength(0)
    const r1 = await run('2026-02-11')
    expect(r1.warningsOpened).toBe(1)
    expect((await open('overdue', a.loanId))[0]).toMatchObject({ level: 'yellow', openedOn: '2026-02-11' })
    expect((await run('2026-02-11')).warningsOpened).toBe(0)
    // 02-10 + 31 days = 03-13 (18 days left in Feb + 13) → orange; 03-12 (DPD 30) still yellow.
    await run('2026-03-12')
    expect((await open('overdue', a.loanId))[0]!.level).toBe('yellow')
    await run('2026-03-13')
    expect((await open('overdue', a.loanId))[0]!.level).toBe('orange')
    // 02-10 + 91 = 05-12 (18 + 31 + 30 + 12) → red; 05-11 (DPD 90) orange.
    await run('2026-05-11')
    expect((await open('overdue', a.loanId))[0]!.level).toBe('orange')
    await run('2026-05-12')
    const red = await open('overdue', a.loanId)
    expect(red).toHaveLength(1)
    expect(red[0]).toMatchObject({ level: 'red', openedOn: '2026-02-11', contractNo: a.contractNo })
    // Pay everything due (payoff of the arrears) on 05-12: the condition clears → auto-resolved, kept on record.
    await today('2026-05-12')
    const s = await w.t.call('servicing.asOf', { loanId: a.loanId, asOf: '2026-05-12' }, w.tokens.officer)
    const arrears = s.overduePrincipal + s.overdueInterest + s.penaltyInterest + s.compoundInterest + s.dueToday
    await w.t.call(
      'servicing.postRepayment',
      { loanId: a.loanId, paidDate: '2026-05-12', amount: arrears, channel: 'cash' },
      w.tokens.officer,
    )
    const r2 = await run('2026-05-12')
    expect(r2.warningsResolved).toBeGreaterThanOrEqual(1)
    expect(await open('overdue', a.loanId)).toHaveLength(0)
    const closed = await all('overdue', a.loanId)
    expect(closed).toHaveLength(1)
    expect(closed[0]).toMatchObject({ status: 'closed', closeKind: 'auto', closedOn: '2026-05-12' })
  })

  it('maturity within 30 days: fires 30 days before 2027-01-10 (2026-12-11), not on 12-10', async () => {
    w = await makeWorld()
    const a = await loanWithPlan('到期乙')
    await run('2026-12-10')
    expect(await open('maturity', a.loanId)).toHaveLength(0)
    await run('2026-12-11')
    expect((await open('maturity', a.loanId))[0]!.detail).toContain('剩余 30 天')
  })

  it('诉讼时效: 3 years from the last due date 2027-01-10 → 2030-01-10; alerts from 90 days, red when expired; an acknowledgement restarts it', async () => {
    w = await makeWorld()
    const a = await loanWithPlan('时效丙')
    // 2030-01-10 − 90 days = 2029-10-12 (19 days of Oct after the 12th + 30 + 31 + 10 = 90).
    await run('2029-10-11')
    expect(await open('limitation', a.loanId)).toHaveLength(0)
    await run('2029-10-12')
    expect((await open('limitation', a.loanId))[0]).toMatchObject({ level: 'yellow' })
    // 60 days before = 2029-11-11 → orange.
    await run('2029-11-11')
    expect((await open('limitation', a.loanId))[0]!.level).toBe('orange')
    // The expiry day itself is still within the period; the day after is expired → red.
    await run('2030-01-10')
    expect((await open('limitation', a.loanId))[0]!.level).toBe('orange')
    await run('2030-01-11')
    expect((await open('limitation', a.loanId))[0]).toMatchObject({ level: 'red' })
    const asOf = await w.t.call('servicing.asOf', { loanId: a.loanId, asOf: '2030-01-11' }, w.tokens.officer)
    expect(asOf.limitationExpiry).toBe('2030-01-10')
    // A written acknowledgement signed 2029-12-01 (within the period) restarts 3 years: 2032-12-01.
    await today('2030-01-11')
    const c = await w.t.call(
      'risk.recordInterruption',
      { loanId: a.loanId, kind: 'acknowledgement', occurredOn: '2029-12-01', evidence: '借款人签字的还款承诺书' },
      w.tokens.officer,
    )
    expect(c.restarts.map((r) => [r.date, r.kind])).toEqual([['2029-12-01', 'acknowledgement']])
    expect(c.limitationExpiry).toBe('2032-12-01')
    await run('2030-01-11')
    expect(await open('limitation', a.loanId)).toHaveLength(0)
    const board = await w.t.call('risk.limitationBoard', { asOf: '2030-01-11', withinDays: 3650 }, w.tokens.manager)
    expect(board.find((r) => r.loanId === a.loanId)).toMatchObject({ expiry: '2032-12-01', lastRestart: '2029-12-01' })
  })

  it('保证期间: agreed end 2027-07-10 alerts from 2027-04-11 (90 days), never interrupted; a demand within the period clears it', async () => {
    w = await makeWorld()
    const a = await loanWithPlan('保证丁')
    const g = await w.t.call(
      'loans.addGuarantor',
      {
        loanId: a.loanId,
        kind: 'person',
        name: '保证人戊',
        idNumber: makeId('19700101', 501),
        mode: 'joint',
        amount: 5_000_000,
        periodStart: '2026-01-10',
        periodEnd: '2027-07-10',
      },
      w.tokens.officer,
    )
    // 2027-07-10 − 90 days = 2027-04-11 (19 days of Apr after the 11th + 31 + 30 + 10 = 90).
    await run('2027-04-10')
    expect(await open('guarantee_period', a.loanId)).toHaveLength(0)
    await run('2027-04-11')
    expect((await open('guarantee_period', a.loanId))[0]!.detail).toContain('保证人戊')
    // An acknowledgement by the borrower does not move the guarantee period (never interrupted).
    await today('2027-04-12')
    await w.t.call(
      'risk.recordInterruption',
      { loanId: a.loanId, kind: 'acknowledgement', occurredOn: '2027-04-12', evidence: '借款人书面确认欠款' },
      w.tokens.officer,
    )
    await run('2027-04-12')
    expect(await open('guarantee_period', a.loanId)).toHaveLength(1)
    const c = await w.t.call(
      'risk.recordInterruption',
      {
        loanId: a.loanId,
        kind: 'guarantor_demand',
        guarantorId: g.id,
        occurredOn: '2027-04-12',
        evidence: '保证人签收的履行保证责任通知书',
      },
      w.tokens.officer,
    )
    // Demanded within the period: the guarantor's own 3 years run from the demand (2030-04-12).
    expect(c.guarantees[0]).toMatchObject({
      periodEnd: '2027-07-10',
      demandedOn: '2027-04-12',
      guarantorLimitationExpiry: '2030-04-12',
    })
    await run('2027-04-12')
    expect(await open('guarantee_period', a.loanId)).toHaveLength(0)
  })

  it('collateral coverage below 100 %: fires from the revaluation day, resolves when revalued up', async () => {
    w = await makeWorld()
    const a = await loanWithPlan('抵押己')
    const c = await w.t.call(
      'loans.addCollateral',
      {
        loanId: a.loanId,
        type: '房产',
        description: '村东头住房',
        appraisedValue: 6_000_000,
        appraisedOn: '2026-01-05',
      },
      w.tokens.officer,
    )
    await w.t.call(
      'loans.revalueCollateral',
      { collateralId: c.id, value: 4_500_000, valuedOn: '2026-02-01' },
      w.tokens.officer,
    )
    // Outstanding principal 50,000.00 元 (first installment due 02-10): 60,000 ÷ 50,000 = 120 % on 01-31; 45,000 ÷ 50,000 = 90 % from 02-01.
    await run('2026-01-31')
    expect(await open('collateral_coverage', a.loanId)).toHaveLength(0)
    await run('2026-02-01')
    expect((await open('collateral_coverage', a.loanId))[0]!.detail).toContain('覆盖率 90%')
    await w.t.call(
      'loans.revalueCollateral',
      { collateralId: c.id, value: 5_500_000, valuedOn: '2026-02-05' },
      w.tokens.officer,
    )
    await run('2026-02-05')
    expect(await open('collateral_coverage', a.loanId)).toHaveLength(0)
    expect((await all('collateral_coverage', a.loanId))[0]).toMatchObject({ status: 'closed', closeKind: 'auto' })
  })

  it('guarantor overdue on own loan, guarantee circle (mutual guarantee) and the circles list', async () => {
    w = await makeWorld()
    const a = await loanWithPlan('互保甲')
    const b = await loanWithPlan('互保乙')
    const g = (borrowerId: number, loanId: number, name: string) =>
      w.t.call(
        'loans.addGuarantor',
        {
          loanId,
          borrowerId,
          kind: 'borrower',
          name,
          mode: 'joint',
          amount: 5_000_000,
          periodStart: '2026-01-10',
          periodEnd: '2029-01-10',
        },
        w.tokens.officer,
      )
    await g(b.borrowerId, a.loanId, '互保乙') // B guarantees A
    await g(a.borrowerId, b.loanId, '互保甲') // A guarantees B
    // A pays the first installment on time; B does not: DPD 1 on 2026-02-11.
    const plan = await w.t.call('servicing.getPlan', { loanId: a.loanId }, w.tokens.officer)
    const r = plan.versions[0]!.rows[0]!
    await w.t.call(
      'servicing.postRepayment',
      { loanId: a.loanId, paidDate: '2026-02-10', amount: r.principal + r.interest, channel: 'cash' },
      w.tokens.officer,
    )
    await run('2026-02-10')
    expect(await open('guarantor_overdue', a.loanId)).toHaveLength(0)
    expect(await open('guarantee_circle', a.loanId)).toHaveLength(0)
    await run('2026-02-11')
    expect((await open('guarantor_overdue', a.loanId))[0]!.detail).toContain('互保乙')
    expect((await open('guarantee_circle', a.loanId))[0]!.detail).toContain('含互保')
    expect(await open('guarantor_overdue', b.loanId)).toHaveLength(0) // A, B's guarantor, is current
    const circles = await w.t.call('risk.circles', {}, w.tokens.manager)
    expect(circles).toHaveLength(1)
    expect(circles[0]!.cycles).toEqual([[a.borrowerId, b.borrowerId].sort((x, y) => x - y)])
    expect(circles[0]!.overdueMembers).toBe(1)
    expect(circles[0]!.exposure).toBe(5_000_000 - r.principal + 5_000_000)
  })

  it('concentration above the share and an extension without the guarantor’s written consent', async () => {
    w = await makeWorld()
    const big = await loanWithPlan('大户', { principal: 6_000_000 })
    await loanWithPlan('小户', { principal: 4_000_000 })
    await w.t.call(
      'risk.setRules',
      { rules: [{ rule: 'concentration', enabled: true, level: 'yellow', params: { sharePercent: 50, minLoans: 1 } }] },
      w.tokens.manager,
    )
    expect(
      (
        await w.t.fail(
          'risk.setRules',
          { rules: [{ rule: 'maturity', enabled: false, level: 'yellow', params: {} }] },
          w.tokens.officer,
        )
      ).code,
    ).toBe('FORBIDDEN')
    await run('2026-01-20')
    const conc = await open('concentration')
    expect(conc.map((x) => x.loanId)).toEqual([big.loanId]) // 60 % > 50 %; 40 % is not
    await w.t.call(
      'loans.addGuarantor',
      {
        loanId: big.loanId,
        kind: 'person',
        name: '保证人庚',
        idNumber: makeId('19700101', 503),
        mode: 'joint',
        amount: 6_000_000,
        periodStart: '2026-01-10',
        periodEnd: '2028-01-10',
      },
      w.tokens.officer,
    )
    await today('2026-03-01')
    await w.t.call(
      'servicing.extend',
      { loanId: big.loanId, date: '2026-03-01', extensionMonths: 3, reason: '受灾延期' },
      w.tokens.manager,
    )
    await run('2026-02-28')
    expect(await open('extension_consent', big.loanId)).toHaveLength(0)
    await run('2026-03-01')
    expect((await open('extension_consent', big.loanId))[0]!.detail).toContain('保证人庚')
    const gid = (await w.t.call('risk.clocks', { loanId: big.loanId, asOf: '2026-03-01' }, w.tokens.officer))
      .guarantees[0]!.guarantorId
    await w.t.call(
      'risk.recordConsent',
      {
        loanId: big.loanId,
        guarantorId: gid,
        consented: true,
        recordedOn: '2026-03-01',
        evidence: '保证人签字的展期同意书',
      },
      w.tokens.officer,
    )
    await run('2026-03-01')
    expect(await open('extension_consent', big.loanId)).toHaveLength(0)
  })

  it('actions and closing: an officer cannot close a red warning, a manager closes it with a reason; export and counts', async () => {
    w = await makeWorld()
    const a = await loanWithPlan('红色辛')
    await run('2026-05-12') // DPD 91 → red
    const red = (await w.t.call('risk.warnings', { level: 'red', status: 'open' }, w.tokens.officer)).items
    expect(red).toHaveLength(1)
    expect((await w.t.call('risk.warnings', { level: 'red' }, w.tokens.officer2)).total).toBe(0) // not officer2's loan
    const act = await w.t.call(
      'risk.addAction',
      { warningId: red[0]!.id, kind: 'visit', note: '上门催收，借款人承诺月底还款', actedOn: '2026-05-12' },
      w.tokens.officer,
    )
    expect(act.kind).toBe('visit')
    expect(
      (await w.t.fail('risk.closeWarning', { warningId: red[0]!.id, reason: '已催收' }, w.tokens.officer)).code,
    ).toBe('FORBIDDEN')
    const counts = await w.t.call('risk.counts', {}, w.tokens.manager)
    expect(counts.red).toBe(1)
    const closed = await w.t.call(
      'risk.closeWarning',
      { warningId: red[0]!.id, reason: '已起诉，转入诉讼管理' },
      w.tokens.manager,
    )
    expect(closed).toMatchObject({
      status: 'closed',
      closeKind: 'manual',
      closeReason: '已起诉，转入诉讼管理',
      actions: 1,
    })
    const x = await w.t.call('risk.exportWarnings', { rule: 'overdue' }, w.tokens.manager)
    expect(x.rows).toBe(1)
    expect(x.filename).toMatch(/^预警表-/)
    void a
  })
})
