// today.mine (今日工作, the landing page) per role on a small seeded world. Today is 2026-03-02 (the test
// clock, Shanghai). Loans of 1,200,000 分, 6 %, 12 months 等额本金 (100,000 principal a month; interest =
// balance × 0.5 %), due on the disbursement day of the month:
//   LA officer1, disbursed 2026-01-05, row 1 (02-05) paid → row 2 falls due 03-05, within 7 days:
//      100,000 + 1,100,000 × 0.5 % = 105,500 分 due.
//   LB officer1, disbursed 2025-12-10, never pays → overdue since 2026-01-10 (DPD 51 on 03-02).
//   LC officer2, disbursed 2026-01-06, row 1 paid → due 03-06; must never show on officer1's page.
// A promise on LB for 03-05 (within 7 days, nothing paid) is due; a red warning on LB and an orange
// one on LC are open; officer1 proposes 次级 for LB (a pending approval for the manager); the
// archivist lends one file due back 03-09 and one due back 02-27 (overdue).
import { afterEach, describe, expect, it } from 'vitest'
import { makeWorld, type World } from '../helpers/archives'
import type { TestBackend } from '../helpers/backend'

let t: TestBackend | undefined
afterEach(() => t?.close())

async function world() {
  const w: World = await makeWorld()
  t = w.t
  let n = 0
  const loan = async (token: string, borrowerName: string, disbursementDate: string, dueDay: number) => {
    const b = await w.borrower(borrowerName, { token, phone: '13912345678' })
    n++
    const l = await w.t.call(
      'loans.create',
      {
        borrowerId: b.id,
        contractNo: `HT-TODAY-${n}`,
        iouNo: `JJ-TODAY-${n}`,
        product: '农户小额信用贷款',
        principal: 1_200_000,
        annualRate: '6',
        termMonths: 12,
        method: 'equal_principal',
        disbursementDate,
        maturityDate: '2027-01-10',
        dueDay,
        purpose: '购买化肥种子',
        guaranteeType: 'credit',
      },
      token,
    )
    await w.t.call('servicing.createPlan', { loanId: l.id }, token)
    return l.id
  }
  const { officer, officer2 } = w.tokens
  const LA = await loan(officer, '甲今日', '2026-01-05', 5)
  const LB = await loan(officer, '乙今日', '2025-12-10', 10)
  const LC = await loan(officer2, '丙今日', '2026-01-06', 6)
  await w.t.call(
    'servicing.postRepayment',
    { loanId: LA, paidDate: '2026-02-05', amount: 106_000, channel: 'cash' },
    officer,
  )
  await w.t.call(
    'servicing.postRepayment',
    { loanId: LC, paidDate: '2026-02-06', amount: 106_000, channel: 'cash' },
    officer2,
  )
  await w.t.call(
    'collections.promise',
    { loanId: LB, madeOn: '2026-03-01', promisedOn: '2026-03-05', amount: 50_000 },
    officer,
  )
  const db = w.t.backend.env.sqlite
  const warn = (loanId: number, level: string, rule: string) =>
    db
      .prepare(
        `insert into risk_warnings (loan_id, rule, level, severity, detail, opened_on, created_at)
         values (?, ?, ?, ?, '逾期未还', '2026-02-20', '2026-02-20T00:00:00Z')`,
      )
      .run(loanId, rule, level, level === 'red' ? 0 : 1)
  warn(LB, 'red', 'overdue')
  warn(LC, 'orange', 'overdue')
  await w.t.call(
    'classification.propose',
    { loanId: LB, category: 'substandard', reason: '逾期已超过五十天，还款来源不足' },
    officer,
  )
  const lend = async (name: string, lentOn: string, dueBack: string) => {
    const b = await w.borrower(name)
    const l = await w.loan(b.id)
    const f = await w.t.call('archives.register', { loanId: l.id }, w.tokens.archivist)
    await w.t.call(
      'archives.lend',
      { fileId: f.id, borrowerName: '稽核部 孙某', purpose: '专项审计', approverId: w.ids.manager, lentOn, dueBack },
      w.tokens.archivist,
    )
    return f.fileNo
  }
  const fileSoon = await lend('借档甲', '2026-03-02', '2026-03-09')
  const fileLate = await lend('借档乙', '2026-02-20', '2026-02-27')
  return { w, LA, LB, LC, fileSoon, fileLate }
}

describe('today.mine (landing page per role)', () => {
  it("an officer's page lists the own due-soon installment with its amount, arrears, promises and warnings", async () => {
    const { w, LA, LB } = await world()
    const d = await w.t.call('today.mine', {}, w.tokens.officer)
    expect(d.asOf).toBe('2026-03-02')
    expect(d.dueSoon!.rows.map((r) => [r.loanId, r.contractNo, r.dueDate, r.amount])).toEqual([
      [LA, 'HT-TODAY-1', '2026-03-05', 105_500],
    ])
    expect(d.dueSoon!.total).toBe(1)
    expect(d.overdue!.rows.map((r) => [r.loanId, r.dpd])).toEqual([[LB, 51]])
    expect(d.promisesDue!.rows).toEqual([
      { loanId: LB, contractNo: 'HT-TODAY-2', borrowerName: '乙今日', promisedOn: '2026-03-05', amount: 50_000 },
    ])
    expect(d.warnings!.rows.map((r) => [r.loanId, r.level])).toEqual([[LB, 'red']])
    expect(d.inspectionsDue).not.toBeNull()
    // The officer's page has no manager or archivist sections.
    expect([d.approvals, d.lent, d.redWarnings]).toEqual([null, null, null])
  })

  it("another officer's page shows only that officer's loans", async () => {
    const { w, LC } = await world()
    const d = await w.t.call('today.mine', {}, w.tokens.officer2)
    expect(d.dueSoon!.rows.map((r) => r.loanId)).toEqual([LC])
    expect(d.overdue!.total).toBe(0)
    expect(d.promisesDue!.total).toBe(0)
    expect(d.warnings!.rows.map((r) => [r.loanId, r.level])).toEqual([[LC, 'orange']])
  })

  it("the manager's inbox holds the pending classification proposal and only red warnings", async () => {
    const { w, LB } = await world()
    const d = await w.t.call('today.mine', {}, w.tokens.manager)
    expect(d.approvals!.classification.map((p) => [p.loanId, p.category, p.status])).toEqual([
      [LB, 'substandard', 'pending'],
    ])
    expect(d.approvals!.reversals).toEqual([])
    expect(d.approvals!.destruction).toEqual([])
    expect(d.redWarnings!.rows.map((r) => [r.loanId, r.level])).toEqual([[LB, 'red']])
    expect([d.dueSoon, d.overdue, d.lent]).toEqual([null, null, null])
    // Once decided, the proposal leaves the inbox.
    const id = (await w.t.call('classification.pending', {}, w.tokens.manager))[0]!.id
    await w.t.call('classification.decide', { proposalId: id, approve: true, comment: '同意' }, w.tokens.manager)
    expect((await w.t.call('today.mine', {}, w.tokens.manager)).approvals!.classification).toEqual([])
  })

  it("the archivist's page lists files lent out and counts the overdue return", async () => {
    const { w, fileSoon, fileLate } = await world()
    const d = await w.t.call('today.mine', {}, w.tokens.archivist)
    expect(d.lent!.total).toBe(2)
    expect(d.lent!.overdue).toBe(1)
    expect(d.lent!.rows.map((r) => [r.fileNo, r.overdue]).sort()).toEqual(
      [
        [fileLate, true],
        [fileSoon, false],
      ].sort(),
    )
    expect([d.dueSoon, d.approvals, d.warnings]).toEqual([null, null, null])
  })

  it('the auditor sees red warnings only; without a session the call is refused', async () => {
    const { w } = await world()
    const d = await w.t.call('today.mine', {}, w.tokens.auditor)
    expect(d.redWarnings!.total).toBe(1)
    expect([d.dueSoon, d.approvals, d.lent]).toEqual([null, null, null])
    expect((await w.t.fail('today.mine', {}, null)).code).toBe('UNAUTHENTICATED')
  })
})
