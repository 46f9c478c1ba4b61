import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeId, makeWorld, type World } from '../helpers/archives'

let w: World
beforeAll(async () => {
  w = await makeWorld()
})
afterAll(() => w.t.close())

describe('loans: basic record, officer scope, guarantors, collateral, 责任移交', () => {
  it('creates a loan with the caller as 主责任人 and refuses a duplicate contract number', async () => {
    const b = await w.borrower('张三')
    const l = await w.loan(b.id, { contractNo: 'HT-DUP-1' })
    expect(l).toMatchObject({ officerId: w.ids.officer, borrowerName: '张三', principal: 5_000_000, status: 'active' })
    const e = await w.t.fail('loans.create', { ...l, iouNo: 'other', id: undefined } as never, w.tokens.officer)
    expect(e.code).toBe('CONFLICT')
    expect(e.message).toContain('HT-DUP-1')
  })

  it('an officer may not make another officer responsible; a manager may', async () => {
    const b = await w.borrower('李四')
    const input = {
      borrowerId: b.id,
      contractNo: 'HT-X-1',
      iouNo: 'JJ-X-1',
      product: '农户贷',
      principal: 100_00,
      annualRate: '5.0',
      termMonths: 6,
      method: 'bullet' as const,
      disbursementDate: '2026-01-01',
      maturityDate: '2026-07-01',
      purpose: '养殖',
      guaranteeType: 'credit' as const,
    }
    expect((await w.t.fail('loans.create', { ...input, officerId: w.ids.officer2 }, w.tokens.officer)).code).toBe(
      'FORBIDDEN',
    )
    const l = await w.t.call('loans.create', { ...input, officerId: w.ids.officer2 }, w.tokens.manager)
    expect(l.officerId).toBe(w.ids.officer2)
  })

  it('refuses a maturity date before the disbursement date with a field path', async () => {
    const b = await w.borrower('王五')
    const e = await w.t.fail(
      'loans.create',
      {
        borrowerId: b.id,
        contractNo: 'HT-D-1',
        iouNo: 'JJ-D-1',
        product: 'p',
        principal: 1,
        annualRate: '4',
        termMonths: 1,
        method: 'bullet',
        disbursementDate: '2026-02-01',
        maturityDate: '2026-01-01',
        purpose: 'x',
        guaranteeType: 'credit',
      },
      w.tokens.officer,
    )
    expect(e.fields?.[0]?.path).toBe('maturityDate')
  })

  it('once a repayment plan exists, plan terms cannot be edited in place; other fields can', async () => {
    const b = await w.borrower('钱七')
    const l = await w.loan(b.id, { contractNo: 'HT-PLAN-1' })
    // Before the plan: terms are still the loan's to correct.
    expect((await w.t.call('loans.update', { id: l.id, principal: 6_000_000 }, w.tokens.officer)).principal).toBe(
      6_000_000,
    )
    await w.t.call('servicing.createPlan', { loanId: l.id }, w.tokens.officer)
    const e = await w.t.fail('loans.update', { id: l.id, principal: 7_000_000, annualRate: '9' }, w.tokens.officer)
    expect(e.code).toBe('CONFLICT')
    expect(e.fields?.map((f) => f.path)).toEqual(['principal', 'annualRate'])
    // Same values resent by a form are not a change; the purpose is not a plan term.
    const ok = await w.t.call(
      'loans.update',
      { id: l.id, principal: 6_000_000, annualRate: l.annualRate, purpose: '扩大养殖' },
      w.tokens.officer,
    )
    expect(ok).toMatchObject({ principal: 6_000_000, purpose: '扩大养殖' })
  })

  it('officers see only their own loans; portfolio.all sees all', async () => {
    const b = await w.borrower('赵六', { token: w.tokens.officer2 })
    const theirs = await w.loan(b.id, { token: w.tokens.officer2 })
    const mine = await w.t.call('loans.list', { limit: 500 }, w.tokens.officer)
    expect(mine.rows.every((l) => l.officerId === w.ids.officer)).toBe(true)
    expect((await w.t.fail('loans.get', { id: theirs.id }, w.tokens.officer)).code).toBe('NOT_FOUND')
    expect((await w.t.call('loans.get', { id: theirs.id }, w.tokens.auditor)).loan.id).toBe(theirs.id)
    expect((await w.t.fail('loans.update', { id: theirs.id, purpose: 'x' }, w.tokens.officer)).code).toBe('NOT_FOUND')
  })

  it('guarantors: a registered borrower or an outside person, 一般/连带, never the borrower himself', async () => {
    const b = await w.borrower('钱七')
    const g = await w.borrower('孙八')
    const l = await w.loan(b.id)
    const r1 = await w.t.call(
      'loans.addGuarantor',
      {
        loanId: l.id,
        kind: 'borrower',
        borrowerId: g.id,
        mode: 'joint',
        amount: 5_000_000,
        periodStart: '2026-01-10',
        periodEnd: '2030-01-10',
      },
      w.tokens.officer,
    )
    expect(r1).toMatchObject({ name: '孙八', mode: 'joint', borrowerId: g.id })
    await w.t.call(
      'loans.addGuarantor',
      {
        loanId: l.id,
        kind: 'person',
        name: '外人甲',
        idNumber: makeId('19700101', 901),
        mode: 'general',
        amount: 1_000_000,
        periodStart: '2026-01-10',
        periodEnd: '2027-07-10',
      },
      w.tokens.officer,
    )
    expect(
      (
        await w.t.fail(
          'loans.addGuarantor',
          {
            loanId: l.id,
            kind: 'borrower',
            borrowerId: b.id,
            mode: 'joint',
            amount: 1,
            periodStart: '2026-01-10',
            periodEnd: '2027-01-10',
          },
          w.tokens.officer,
        )
      ).fields?.[0]?.path,
    ).toBe('borrowerId')
    expect(
      (
        await w.t.fail(
          'loans.addGuarantor',
          {
            loanId: l.id,
            kind: 'person',
            name: '外人乙',
            idNumber: '123',
            mode: 'joint',
            amount: 1,
            periodStart: '2026-01-10',
            periodEnd: '2027-01-10',
          },
          w.tokens.officer,
        )
      ).fields?.[0]?.path,
    ).toBe('idNumber')
    const detail = await w.t.call('borrowers.get', { id: g.id }, w.tokens.officer)
    expect(detail.guaranteesGiven.map((x) => x.contractNo)).toEqual([l.contractNo])
    // Masked for the archivist.
    const asArchivist = await w.t.call('loans.get', { id: l.id }, w.tokens.archivist)
    expect(asArchivist.guarantors.every((x) => x.idNumber?.includes('*'))).toBe(true)
  })

  it('collateral keeps a valuation history; coverage = latest value / outstanding, rounded down', async () => {
    const b = await w.borrower('周九')
    const l = await w.loan(b.id, { principal: 30_000_000 })
    const c = await w.t.call(
      'loans.addCollateral',
      {
        loanId: l.id,
        type: '房产',
        description: '青山镇前进村 3 组 住宅 120㎡',
        certNo: '浙(2025)青山不动产权第0001234号',
        otherRightCertNo: '浙(2026)青山不动产证明第0000456号',
        appraisedValue: 45_000_000,
        appraisedOn: '2026-01-05',
        insured: true,
      },
      w.tokens.officer,
    )
    expect(c.valuations).toHaveLength(1)
    let d = await w.t.call('loans.get', { id: l.id }, w.tokens.officer)
    expect(d.coverageBp).toBe(15000) // 450,000 / 300,000 = 150 %
    await w.t.call(
      'loans.revalueCollateral',
      { collateralId: c.id, value: 40_000_000, valuedOn: '2026-06-30', valuer: '青山评估所' },
      w.tokens.officer,
    )
    d = await w.t.call('loans.get', { id: l.id }, w.tokens.officer)
    expect(d.collaterals[0]?.currentValue).toBe(40_000_000)
    expect(d.collaterals[0]?.valuations.map((v) => v.value)).toEqual([45_000_000, 40_000_000])
    expect(d.coverageBp).toBe(13333) // 400,000 / 300,000 = 133.33 % (rounded down)
  })

  it('责任移交 moves the loans, records who, when, why and which loans, and keeps history', async () => {
    const b = await w.borrower('吴十')
    const l1 = await w.loan(b.id)
    const l2 = await w.loan(b.id)
    expect(
      (
        await w.t.fail(
          'loans.transfer',
          { fromOfficerId: w.ids.officer, toOfficerId: w.ids.officer2, reason: '调岗', effectiveDate: '2026-03-01' },
          w.tokens.officer,
        )
      ).code,
    ).toBe('FORBIDDEN')
    const t1 = await w.t.call(
      'loans.transfer',
      {
        fromOfficerId: w.ids.officer,
        toOfficerId: w.ids.officer2,
        loanIds: [l1.id, l2.id],
        reason: '李信贷调岗',
        effectiveDate: '2026-03-01',
      },
      w.tokens.manager,
    )
    expect(t1).toMatchObject({
      fromOfficerName: '测试officer',
      loanCount: 2,
      reason: '李信贷调岗',
      byUsername: 'manager',
    })
    expect(t1.contractNos).toEqual([l1.contractNo, l2.contractNo])
    expect((await w.t.call('loans.get', { id: l1.id }, w.tokens.officer2)).loan.officerId).toBe(w.ids.officer2)
    expect((await w.t.fail('loans.get', { id: l1.id }, w.tokens.officer)).code).toBe('NOT_FOUND')
    // 管户 moves with the loans: the borrower is now in officer2's list, not officer1's.
    expect((await w.t.call('borrowers.list', { limit: 500 }, w.tokens.officer2)).rows.map((r) => r.id)).toContain(b.id)
    expect((await w.t.call('borrowers.list', { limit: 500 }, w.tokens.officer)).rows.map((r) => r.id)).not.toContain(
      b.id,
    )
    await w.t.call(
      'loans.transfer',
      {
        fromOfficerId: w.ids.officer2,
        toOfficerId: w.ids.officer,
        loanIds: [l1.id],
        reason: '回调',
        effectiveDate: '2026-04-01',
      },
      w.tokens.manager,
    )
    const hist = await w.t.call('loans.transfers', { loanId: l1.id }, w.tokens.manager)
    expect(hist.map((h) => h.reason)).toEqual(['回调', '李信贷调岗'])
    const audit = await w.t.call('audit.list', { entity: 'officer_transfer' }, w.tokens.admin)
    expect(audit.entries[0]?.summary).toMatch(/责任移交.*1 笔贷款.*回调/)
  })
})
