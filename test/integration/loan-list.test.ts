// The loan list (贷后管理), overdue as a status, and the due-soon reminders (issue 9, issue 14 item 2).
// Today is 2026-03-02 (test clock). Every loan: 12,000.00 元, 6 %/year, 12 months equal principal, so
// installment k is 1,000.00 principal + 0.5 % of the balance before it: #1 1,060.00, #2 1,055.00, #3 1,050.00
// (checked by hand: 1,200,000 × 0.005 = 6,000; 1,100,000 × 0.005 = 5,500; 1,000,000 × 0.005 = 5,000).
import { afterEach, describe, expect, it } from 'vitest'
import { loginAs, makeBackend, setupAdmin, type TestBackend } from '../helpers/backend'
import { insertLoan, userId } from '../helpers/loans'
import { countQuery, loanPageQuery } from '../../electron/backend/servicing/list-repo'

let t: TestBackend
afterEach(() => t?.close())

const P = 1_200_000

async function world() {
  t = await makeBackend()
  const admin = await setupAdmin(t)
  const officer = await loginAs(t, admin, 'officer', 'officer1')
  const officer2 = await loginAs(t, admin, 'officer', 'officer2')
  const manager = await loginAs(t, admin, 'manager', 'manager1')
  const auditor = await loginAs(t, admin, 'auditor', 'auditor1')
  const o1 = userId(t, 'officer1'),
    o2 = userId(t, 'officer2')
  const sqlite = t.backend.env.sqlite
  const loan = async (
    name: string,
    initials: string,
    village: string,
    disbursementDate: string,
    officerId = o1,
    token = officer,
  ) => {
    const l = insertLoan(t, { officerId, principal: P, disbursementDate, borrowerName: name })
    sqlite
      .prepare(
        'update borrowers set name_initials = ?, village = ? where id = (select borrower_id from loans where id = ?)',
      )
      .run(initials, village, l.loanId)
    await t.call('servicing.createPlan', { loanId: l.loanId }, token)
    return l
  }
  // A: #1 01-01, #2 02-01, #3 03-01 unpaid → DPD 60 (31 + 28 + 1 days), M2; arrears 3,165.00.
  const A = await loan('王芳', 'wf', '东村', '2025-12-01')
  // B: #1 01-25, #2 02-25 unpaid → DPD 36 (6 + 28 + 2), M2; arrears 2,115.00.
  const B = await loan('王五', 'ww', '西村', '2025-12-25')
  // C: #1 02-20 unpaid → DPD 10, M1; arrears 1,060.00.
  const C = await loan('李四', 'ls', '东村', '2026-01-20')
  // D: first installment 03-10, nothing due yet → current.
  const D = await loan('赵六', 'zl', '东村', '2026-02-10')
  // E: another officer's loan like A.
  const E = await loan('王二', 'we', '东村', '2025-12-01', o2, officer2)
  // F: #1 01-15 and #2 02-15 paid on time → current, next #3 03-15.
  const F = await loan('钱七', 'qq', '南村', '2025-12-15')
  await t.call(
    'servicing.postRepayment',
    { loanId: F.loanId, paidDate: '2026-01-15', amount: 106_000, channel: 'cash' },
    officer,
  )
  await t.call(
    'servicing.postRepayment',
    { loanId: F.loanId, paidDate: '2026-02-15', amount: 105_500, channel: 'cash' },
    officer,
  )
  // G: written off (核销) by the manager: closed, never shown overdue.
  const G = await loan('孙八', 'sb', '东村', '2025-06-01')
  await t.call('servicing.writeOff', { loanId: G.loanId, date: '2026-03-01', reason: '借款人死亡无遗产' }, manager)
  return { admin, officer, officer2, manager, auditor, o1, o2, A, B, C, D, E, F, G }
}

describe('loan list: overdue as a status, filters, sort, scope, paging', () => {
  it('shows 逾期 with DPD, filters by bucket, village, status, search, category, product, maturity; scopes officers', async () => {
    const w = await world()
    const list = (input: Parameters<typeof t.call<'servicing.loanList'>>[1], token = w.officer) =>
      t.call('servicing.loanList', input, token)
    const all = await list({})
    // Officer 1 sees A B C D F G (not E); default sort: most overdue first.
    expect(all.total).toBe(6)
    expect(all.rows.slice(0, 3).map((r) => [r.id, r.displayStatus, r.dpd, r.bucket])).toEqual([
      [w.A.loanId, 'overdue', 60, 'M2'],
      [w.B.loanId, 'overdue', 36, 'M2'],
      [w.C.loanId, 'overdue', 10, 'M1'],
    ])
    expect(all.rows.find((r) => r.id === w.G.loanId)!.displayStatus).toBe('written_off')
    expect(all.rows.find((r) => r.id === w.F.loanId)).toMatchObject({
      displayStatus: 'active',
      dpd: 0,
      outstandingPrincipal: 1_000_000,
      oldestUnpaidDue: '2026-03-15',
    })
    // Overdue on top: A 3,165.00 + B 2,115.00 + C 1,060.00 = 6,340.00 元.
    expect(all.overdue).toMatchObject({
      loans: 3,
      amount: 316_500 + 211_500 + 106_000,
      overduePrincipal: 300_000 + 200_000 + 100_000,
    })
    expect(all.rows.find((r) => r.id === w.A.loanId)!.overdueAmount).toBe(316_500)

    // The e2e scenario: overdue M2 loans of one village.
    const m2 = await list({ status: 'overdue', bucket: 'M2', village: '东村' })
    expect(m2.rows.map((r) => r.id)).toEqual([w.A.loanId])
    expect((await list({ bucket: 'M2' })).rows.map((r) => r.id)).toEqual([w.A.loanId, w.B.loanId])
    expect((await list({ bucket: 'M1' })).rows.map((r) => r.id)).toEqual([w.C.loanId])
    expect((await list({ bucket: 'M0' })).rows.map((r) => r.id).sort()).toEqual([w.D.loanId, w.F.loanId].sort())
    expect((await list({ status: 'active' })).total).toBe(2)
    expect((await list({ status: 'written_off' })).rows.map((r) => r.id)).toEqual([w.G.loanId])
    expect((await list({ dpdMin: 30, dpdMax: 59 })).rows.map((r) => r.id)).toEqual([w.B.loanId])
    // Search: name prefix (2 characters), pinyin initials, ID tail, contract number prefix.
    expect((await list({ q: '王芳' })).rows.map((r) => r.id)).toEqual([w.A.loanId])
    expect((await list({ q: 'W', sort: 'id', dir: 'asc' })).rows.map((r) => r.id)).toEqual([w.A.loanId, w.B.loanId])
    t.backend.env.sqlite.prepare(`update borrowers set id_tail = '12345X' where name = '李四'`).run()
    expect((await list({ q: '12345x' })).rows.map((r) => r.id)).toEqual([w.C.loanId])
    expect((await list({ q: w.D.contractNo })).rows.map((r) => r.id)).toEqual([w.D.loanId])
    // Category, product, maturity window (the helper sets maturity = disbursement date).
    t.backend.env.sqlite.prepare(`update loans set category = 'substandard' where id = ?`).run(w.B.loanId)
    t.backend.env.sqlite.prepare(`update loans set product = '创业担保贷款' where id = ?`).run(w.D.loanId)
    expect((await list({ category: 'substandard' })).rows.map((r) => r.id)).toEqual([w.B.loanId])
    expect((await list({ product: '创业担保贷款' })).rows.map((r) => r.id)).toEqual([w.D.loanId])
    expect((await list({ maturityFrom: '2026-01-01', maturityTo: '2026-01-31' })).rows.map((r) => r.id)).toEqual([
      w.C.loanId,
    ])
    // Sort by balance: F has 10,000.00 left, the others 12,000.00 (G written off keeps its balance too).
    expect((await list({ sort: 'balance', dir: 'asc' })).rows[0]!.id).toBe(w.F.loanId)
    // Scope: another officer's loans are refused, the manager sees both portfolios.
    expect((await t.fail('servicing.loanList', { officerId: w.o2 }, w.officer)).code).toBe('FORBIDDEN')
    const mgr = await list({ status: 'overdue' }, w.manager)
    expect(mgr.total).toBe(4)
    expect(mgr.overdue.amount).toBe(316_500 * 2 + 211_500 + 106_000)
    expect((await list({ officerId: w.o2 }, w.manager)).rows.map((r) => r.id)).toEqual([w.E.loanId])
    // Paging: two pages of two, disjoint, same total.
    const p1 = await list({ limit: 2, offset: 0 }),
      p2 = await list({ limit: 2, offset: 2 })
    expect([p1.total, p2.total]).toEqual([6, 6])
    expect(p2.rows.map((r) => r.id)).toEqual(all.rows.slice(2, 4).map((r) => r.id))
  })

  it('a payment takes a loan out of 逾期 at once; loans.list, loans.get and servicing.asOf show the same status', async () => {
    const w = await world()
    // C as of 03-02: #1 1,060.00 + 罚息 100000 × 9 % × 10/360 = 250 + 复利 6000 × 9 % × 10/360 = 15 → 1,062.65 元.
    const before = await t.call('servicing.asOf', { loanId: w.C.loanId, asOf: '2026-03-02' }, w.officer)
    expect([before.displayStatus, before.dpd, before.payoff > 106_265]).toEqual(['overdue', 10, true])
    expect((await t.call('loans.get', { id: w.A.loanId }, w.officer)).loan).toMatchObject({
      displayStatus: 'overdue',
      dpd: 60,
    })
    const mine = await t.call('loans.list', { limit: 50 }, w.officer)
    expect(mine.rows.find((l) => l.id === w.A.loanId)).toMatchObject({
      status: 'active',
      displayStatus: 'overdue',
      dpd: 60,
    })
    expect(mine.rows.find((l) => l.id === w.D.loanId)).toMatchObject({ displayStatus: 'active', dpd: 0 })
    await t.call(
      'servicing.postRepayment',
      { loanId: w.C.loanId, paidDate: '2026-03-02', amount: 106_265, channel: 'cash' },
      w.officer,
    )
    const c = (await t.call('servicing.loanList', { q: '李四' }, w.officer)).rows[0]!
    expect(c).toMatchObject({
      displayStatus: 'active',
      dpd: 0,
      oldestUnpaidDue: '2026-03-20',
      outstandingPrincipal: 1_100_000,
    })
    expect((await t.call('servicing.asOf', { loanId: w.C.loanId, asOf: '2026-03-02' }, w.officer)).displayStatus).toBe(
      'active',
    )
    // The stored state needs no refresh from day to day: on 03-03 the same row gives A DPD 61 (M3).
    const db = t.backend.env.db
    const rows = await loanPageQuery(
      db,
      { scopeOfficerId: null, today: '2026-03-03', bucket: 'M3' },
      { sort: 'dpd', dir: 'desc', limit: 10, offset: 0 },
    ).execute()
    expect(rows.map((r) => r.id).sort()).toEqual([w.A.loanId, w.E.loanId].sort())
  })

  it('DPD and village filters use indexes (EXPLAIN QUERY PLAN), never a scan of all loans', async () => {
    await world()
    const db = t.backend.env.db,
      sqlite = t.backend.env.sqlite
    const plan = (c: { sql: string; parameters: readonly unknown[] }) =>
      (sqlite.prepare(`explain query plan ${c.sql}`).all(...c.parameters) as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ')
    const f = { scopeOfficerId: null, today: '2026-03-02' }
    const page = { sort: 'dpd', dir: 'desc' as const, limit: 50, offset: 0 }
    const m2 = plan(loanPageQuery(db, { ...f, bucket: 'M2' }, page).compile())
    expect(m2).toMatch(/SEARCH s USING (COVERING )?INDEX loan_state_oldest/)
    expect(m2).not.toMatch(/SCAN l\b/)
    // Counts of scope and status filters are ranges of one loan_state index (officer and status copied there, 0019).
    expect(plan(countQuery(db, { ...f, status: 'overdue' }).compile())).toMatch(/INDEX loan_state_(oldest|overdue)/)
    const officerOverdue = plan(countQuery(db, { ...f, scopeOfficerId: 5, status: 'overdue' }).compile())
    expect(officerOverdue).toMatch(/SEARCH s USING (COVERING )?INDEX loan_state_(officer_oldest|overdue)/)
    expect(officerOverdue).not.toMatch(/\b(l|loans)\b/)
    // An officer's page by balance walks the balance index (no sort of every loan of the officer).
    const byBalance = plan(loanPageQuery(db, { ...f, scopeOfficerId: 5 }, { ...page, sort: 'balance' }).compile())
    expect(byBalance).toMatch(/loan_state_balance/)
    expect(byBalance).not.toMatch(/TEMP B-TREE/)
    expect(plan(loanPageQuery(db, { ...f }, page).compile())).toMatch(
      /SCAN s USING (COVERING )?INDEX loan_state_oldest/,
    )
    expect(plan(loanPageQuery(db, { ...f, village: '东村' }, page).compile())).toMatch(/borrowers_village/)
    expect(plan(loanPageQuery(db, { ...f, scopeOfficerId: 5, status: 'overdue' }, page).compile())).toMatch(
      /INDEX (loans_officer_status|loan_state_oldest|loan_state_officer_oldest)/,
    )
  })
})

describe('due soon and overdue reminders', () => {
  it('pages with a total, filters by village and officer, masks phones without pii.view, includes arrears on request', async () => {
    const w = await world()
    const due = await t.call('servicing.dueSoon', { asOf: '2026-03-02', days: 30 }, w.officer)
    // Next installment of each of officer 1's open loans within 03-02…04-01, by date: D 03-10, F 03-15, C 03-20, B 03-25, A 04-01.
    expect(due.total).toBe(5)
    expect(due.rows.map((r) => [r.loanId, r.dueDate])).toEqual([
      [w.D.loanId, '2026-03-10'],
      [w.F.loanId, '2026-03-15'],
      [w.C.loanId, '2026-03-20'],
      [w.B.loanId, '2026-03-25'],
      [w.A.loanId, '2026-04-01'],
    ])
    // D: #1 1,060.00 and nothing else owed. F: #3 1,050.00.
    expect(due.rows[0]).toMatchObject({ amount: 106_000, dpd: 0, phone: '13800138000', village: '东村', seq: 1 })
    expect(due.rows[1]).toMatchObject({ amount: 105_000, seq: 3 })
    expect(due.rows[0]!.reminder).toContain('1,060.00 元（壹仟零陆拾元整）')
    const page2 = await t.call('servicing.dueSoon', { asOf: '2026-03-02', days: 30, limit: 2, offset: 2 }, w.officer)
    expect([page2.total, page2.rows.map((r) => r.loanId)]).toEqual([5, [w.C.loanId, w.B.loanId]])
    expect(
      (await t.call('servicing.dueSoon', { asOf: '2026-03-02', days: 30, village: '西村' }, w.officer)).rows.map(
        (r) => r.loanId,
      ),
    ).toEqual([w.B.loanId])
    expect((await t.fail('servicing.dueSoon', { asOf: '2026-03-02', days: 30, officerId: w.o2 }, w.officer)).code).toBe(
      'FORBIDDEN',
    )
    // The auditor (no pii.view) sees every portfolio with masked phones; the manager sees them in full.
    const audit = await t.call('servicing.dueSoon', { asOf: '2026-03-02', days: 30 }, w.auditor)
    expect(audit.total).toBe(6)
    expect(new Set(audit.rows.map((r) => r.phone))).toEqual(new Set(['138****8000']))
    expect((await t.call('servicing.dueSoon', { asOf: '2026-03-02', days: 30 }, w.manager)).rows[0]!.phone).toBe(
      '13800138000',
    )
    const file = await t.call('servicing.exportDueSoon', { asOf: '2026-03-02', days: 30 }, w.auditor)
    expect(file.rows).toBe(6)
    expect(Buffer.from(file.contentBase64, 'base64').includes(Buffer.from('13800138000'))).toBe(false)
    // With arrears: A, B, C first (most overdue first), then D and F; A owes arrears only within 7 days.
    const od = await t.call('servicing.dueSoon', { asOf: '2026-03-02', days: 7, overdue: true }, w.officer)
    expect(od.rows.map((r) => r.loanId)).toEqual([w.A.loanId, w.B.loanId, w.C.loanId])
    // A: 3,165.00 + 罚息 on #1 (60 d), #2 (29 d), #3 (1 d) at 9 %: 100000×0.09×(60+29+1)/360 = 2,250 分;
    // 复利 0.09/360 × (6000×60 + 5500×29 + 5000×1) = 0.00025 × 524,500 = 131.125 → per row 90 + 39.875→40 + 1.25→1 = 131.
    expect(od.rows[0]).toMatchObject({ dueDate: '2026-01-01', dpd: 60, amount: 316_500 + 2_250 + 131 })
    expect(od.rows[0]!.reminder).toContain('逾期')
  })
})
