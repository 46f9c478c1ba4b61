// reports.kpis / reports.officerKpis / reports.exportKpis (officer 考核) on a small portfolio whose
// every figure is worked out by hand below. Period 2025-06-01 … 2025-06-30, warnings handled within 7 days.
// Loans: 1,200,000 分, 6 %, 12 months 等额本金 (100,000 principal + 1 % … a month) unless said otherwise.
//   L1 officer A, disbursed 2025-01-10, pays rows 1–5 on their due dates → 06-30: 700,000, DPD 0.
//   L2 A, 2025-01-10, pays only 5,000 on 06-08 (all to 罚息/复利/利息 of row 1, whose interest alone is
//      6,000, so no principal moves) → 06-30: 1,200,000, oldest unpaid 02-10, DPD 140 → 次级 (NPL), overdue.
//   L4 A, disbursed 2025-05-05, pays row 1 (100,000 + 6,000) on 06-05 → 06-30: 1,100,000, DPD 0.
//   L3 B, disbursed 2025-05-20, never pays; row 1 due 06-20 → 06-30: DPD 10, 关注, overdue.
//   L6 B, 利随本清 3 months from 2025-01-10, written off 2025-05-31, 300,000 recovered 2025-06-15.
// Checks (records as the inspections area stores them; draft = not carried out):
//   L1 routine 03-01 plans 06-15, routine done 06-12 → on time.  L2 routine 03-01 plans 06-20, a draft
//   06-18 (does not count), done 06-28 → late.  A: 2 due, 1 on time → 0.5000.  B: none due → null.
//   First checks (deadline = disbursement + 30): L4 05-05 → 06-04, checked 05-25 → on time (A 1/1);
//   L3 05-20 → 06-19, checked 06-25 → late (B 0/1). L1/L2's deadline 02-09 is outside the period.
// Warnings opened in June (7 days to handle): W1 L2 06-03, action 06-08 → handled; W2 L2 06-05, closed by
//   hand 06-20 (after 06-12), no action → not handled; W3 L1 06-10 closed by the evaluation 06-12, no
//   action → left out (nothing to do); W4 L3 06-21, action 06-28 (= the 7th day) → handled; W5 L2 opened
//   05-28 → not in the period. A 1/2 → 0.5000; B 1/1 → 1.0000.
// Contacts in June: L2 three collections contacts (06-02, 06-09, 06-16) + one servicing contact 06-23 = 4;
//   one more on 05-30 does not count. A: 4 ÷ 1 overdue loan (L2) = 4.0000; B: 0 ÷ 1 (L3) = 0.0000.
// Promises due in June: L2 5,000 made 06-02 for 06-10, paid 06-08 → kept; 100,000 made 06-12 for 06-20,
//   nothing paid after 06-12 → broken; 07-05 → outside. A 1/2 → 0.5000; B none → null.
// At 06-30: A balance 700,000 + 1,200,000 + 1,100,000 = 3,000,000, overdue = NPL = 1,200,000 → 0.4000 each.
//   B balance 1,200,000 (L6 closed), overdue 1,200,000 → 1.0000, NPL 0 → 0.0000. Recoveries B 300,000.
// Score = mean of the process rates present: A (0.5 + 1 + 0.5 + 0.5) / 4 = 0.6250; B (0 + 1) / 2 = 0.5000.
import { afterEach, describe, expect, it } from 'vitest'
import { loginAs, makeBackend, setupAdmin, type TestBackend } from '../helpers/backend'
import { insertLoan, type LoanSeed, userId } from '../helpers/loans'

let t: TestBackend
afterEach(() => t?.close())

const JUNE = { from: '2025-06-01', to: '2025-06-30', warningDays: 7 }

async function portfolio() {
  t = await makeBackend()
  const admin = await setupAdmin(t)
  const officerA = await loginAs(t, admin, 'officer', 'officerA')
  const officerB = await loginAs(t, admin, 'officer', 'officerB')
  const manager = await loginAs(t, admin, 'manager', 'manager1')
  const a = userId(t, 'officerA')
  const b = userId(t, 'officerB')
  const db = t.backend.env.sqlite
  const loan = async (officer: string, officerId: number, opts: Omit<LoanSeed, 'officerId'>) => {
    const { loanId } = insertLoan(t, { ...opts, officerId })
    await t.call('servicing.createPlan', { loanId }, officer)
    return loanId
  }
  const base = { principal: 1_200_000, annualRate: '6', termMonths: 12, method: 'equal_principal' as const }
  const L1 = await loan(officerA, a, { ...base, disbursementDate: '2025-01-10' })
  const L2 = await loan(officerA, a, { ...base, disbursementDate: '2025-01-10' })
  const L4 = await loan(officerA, a, { ...base, disbursementDate: '2025-05-05' })
  const L3 = await loan(officerB, b, { ...base, disbursementDate: '2025-05-20' })
  const L6 = await loan(officerB, b, {
    principal: 1_200_000,
    annualRate: '6',
    termMonths: 3,
    method: 'bullet',
    disbursementDate: '2025-01-10',
  })
  const pay = (token: string, loanId: number, paidDate: string, amount: number) =>
    t.call('servicing.postRepayment', { loanId, paidDate, amount, channel: 'cash' }, token)
  const rows = (await t.call('servicing.getPlan', { loanId: L1 }, officerA)).versions[0]!.rows
  for (const r of rows.slice(0, 5)) await pay(officerA, L1, r.dueDate, r.principal + r.interest)
  await pay(officerA, L4, '2025-06-05', 106_000)
  await t.call('servicing.writeOff', { loanId: L6, date: '2025-05-31', reason: '借款人外出失联，经审批核销' }, manager)
  await t.call(
    'servicing.recordRecovery',
    { loanId: L6, paidDate: '2025-06-15', amount: 300_000, channel: 'cash' },
    manager,
  )

  // Inspections, stored as the inspections area stores them.
  const check = (
    loanId: number,
    officerId: number,
    type: string,
    on: string,
    next: string | null,
    status = 'submitted',
  ) =>
    db
      .prepare(
        `insert into inspections (loan_id, type, status, inspected_on, method, next_date, officer_id, created_at, updated_at)
         values (?, ?, ?, ?, 'onsite', ?, ?, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`,
      )
      .run(loanId, type, status, on, next, officerId)
  check(L1, a, 'routine', '2025-03-01', '2025-06-15')
  check(L1, a, 'routine', '2025-06-12', '2025-12-12')
  check(L2, a, 'routine', '2025-03-01', '2025-06-20')
  check(L2, a, 'routine', '2025-06-18', null, 'draft')
  check(L2, a, 'routine', '2025-06-28', '2025-12-28')
  check(L4, a, 'first', '2025-05-25', '2025-11-25')
  check(L3, b, 'first', '2025-06-25', '2025-09-25')

  // Warnings and their actions, as the risk area stores them.
  const warn = (loanId: number, rule: string, opened: string, closed: string | null, kind: 'manual' | 'auto' | null) =>
    Number(
      db
        .prepare(
          `insert into risk_warnings (loan_id, rule, level, severity, status, detail, opened_on, closed_on, close_kind, created_at)
           values (?, ?, 'orange', 1, ?, '逾期', ?, ?, ?, '2025-01-01T00:00:00Z')`,
        )
        .run(loanId, rule, closed ? 'closed' : 'open', opened, closed, kind).lastInsertRowid,
    )
  const act = (warningId: number, on: string) =>
    db
      .prepare(
        `insert into risk_warning_actions (warning_id, kind, note, acted_on, created_at)
         values (?, 'visit', '上门核实', ?, '2025-01-01T00:00:00Z')`,
      )
      .run(warningId, on)
  act(warn(L2, 'overdue', '2025-06-03', null, null), '2025-06-08')
  warn(L2, 'broken_promise', '2025-06-05', '2025-06-20', 'manual')
  warn(L1, 'inspection_overdue', '2025-06-10', '2025-06-12', 'auto')
  act(warn(L3, 'overdue', '2025-06-21', null, null), '2025-06-28')
  warn(L2, 'maturity', '2025-05-28', null, null)

  // Contacts: the collections log stamps the clock's time, so each entry is logged and then dated back
  // to its day (moving the test clock months back would lock the sessions).
  for (const day of ['2025-05-30', '2025-06-02', '2025-06-09', '2025-06-16']) {
    const c = await t.call(
      'collections.logContact',
      { loanId: L2, channel: 'phone', party: 'borrower', outcome: 'promised' },
      officerA,
    )
    db.prepare('update collection_contacts set contact_date = ?, contact_at = ? where id = ?').run(
      day,
      `${day}T10:00:00+08:00`,
      c.id,
    )
  }
  await t.call(
    'servicing.logContact',
    { loanId: L2, contactDate: '2025-06-23', channel: 'visit', outcome: '承诺月底前还款' },
    officerA,
  )

  await t.call(
    'collections.promise',
    { loanId: L2, madeOn: '2025-06-02', promisedOn: '2025-06-10', amount: 5_000 },
    officerA,
  )
  await pay(officerA, L2, '2025-06-08', 5_000)
  await t.call(
    'collections.promise',
    { loanId: L2, madeOn: '2025-06-12', promisedOn: '2025-06-20', amount: 100_000 },
    officerA,
  )
  await t.call(
    'collections.promise',
    { loanId: L2, madeOn: '2025-06-25', promisedOn: '2025-07-05', amount: 100_000 },
    officerA,
  )
  return { manager, officerA, officerB, a, b, L1, L2, L3, L4, L6 }
}

describe('reports.kpis (officer 考核)', () => {
  it('every figure of both officers equals the hand computation, ranked by score', async () => {
    const p = await portfolio()
    const k = await t.call('reports.kpis', JUNE, p.manager)
    expect(k.rows.map((r) => [r.rank, r.officerId])).toEqual([
      [1, p.a],
      [2, p.b],
    ])
    const [A, B] = k.rows
    expect(A).toMatchObject({
      officerName: expect.any(String),
      loans: 3,
      balance: 3_000_000,
      inspectionsDue: 2,
      inspectionsOnTime: 1,
      inspectionsOnTimeRate: '0.5000',
      firstChecksDue: 1,
      firstChecksOnTime: 1,
      firstCheckRate: '1.0000',
      warnings: 2,
      warningsHandled: 1,
      warningsHandledRate: '0.5000',
      contacts: 4,
      overdueLoans: 1,
      contactsPerOverdueLoan: '4.0000',
      promisesDue: 2,
      promisesKept: 1,
      promisesKeptRate: '0.5000',
      overdueBalance: 1_200_000,
      overdueRate: '0.4000',
      nplBalance: 1_200_000,
      nplRatio: '0.4000',
      recoveries: 0,
      score: '0.6250',
    })
    expect(B).toMatchObject({
      loans: 1,
      balance: 1_200_000,
      inspectionsDue: 0,
      inspectionsOnTimeRate: null,
      firstChecksDue: 1,
      firstChecksOnTime: 0,
      firstCheckRate: '0.0000',
      warnings: 1,
      warningsHandled: 1,
      warningsHandledRate: '1.0000',
      contacts: 0,
      overdueLoans: 1,
      contactsPerOverdueLoan: '0.0000',
      promisesDue: 0,
      promisesKeptRate: null,
      overdueRate: '1.0000',
      nplRatio: '0.0000',
      recoveries: 300_000,
      score: '0.5000',
    })
  })

  it('from a month-end snapshot the table is the same; a decision in force at the month-end moves the NPL', async () => {
    const p = await portfolio()
    const live = await t.call('reports.kpis', JUNE, p.manager)
    await t.call('servicing.snapshot', { asOf: '2025-06-30' }, p.manager)
    expect(await t.call('reports.kpis', JUNE, p.manager)).toEqual(live)
    // 次级 approved for L3 (B) and dated 2025-06-25, after the snapshot was taken: L3's 1,200,000
    // becomes non-performing at 06-30 → B's NPL ratio 1,200,000 ÷ 1,200,000 = 1.0000; A unchanged.
    const { id } = await t.call(
      'classification.propose',
      { loanId: p.L3, category: 'substandard', reason: '首期即逾期，借款人外出务工失联' },
      p.officerB,
    )
    await t.call('classification.decide', { proposalId: id, approve: true }, p.manager)
    t.backend.env.sqlite.prepare("update classification_proposals set decided_on = '2025-06-25' where id = ?").run(id)
    const after = await t.call('reports.kpis', JUNE, p.manager)
    const B = after.rows.find((r) => r.officerId === p.b)!
    expect([B.nplBalance, B.nplRatio]).toEqual([1_200_000, '1.0000'])
    expect(after.rows.find((r) => r.officerId === p.a)).toEqual(live.rows.find((r) => r.officerId === p.a))
    const detail = await t.call('reports.officerKpis', { ...JUNE, officerId: p.b }, p.manager)
    expect(detail.row).toEqual(B)
    expect(detail.items.map((i) => [i.issue, i.loanId])).toContainEqual(['npl', p.L3])
  })

  it('a longer handling window changes only the warnings figure (W2 closed on day 15 counts with N = 15)', async () => {
    const p = await portfolio()
    const k = await t.call('reports.kpis', { ...JUNE, warningDays: 15 }, p.manager)
    const A = k.rows.find((r) => r.officerId === p.a)!
    expect([A.warnings, A.warningsHandled, A.warningsHandledRate]).toEqual([2, 2, '1.0000'])
    expect(A.inspectionsOnTimeRate).toBe('0.5000')
  })

  it('an officer sees only the own row and cannot open another officer; bad input gets a zh-CN message', async () => {
    const p = await portfolio()
    const mine = await t.call('reports.kpis', JUNE, p.officerB)
    expect(mine.rows.map((r) => r.officerId)).toEqual([p.b])
    expect(mine.rows[0]!.rank).toBe(1)
    const err = await t.fail('reports.officerKpis', { ...JUNE, officerId: p.a }, p.officerB)
    expect(err.code).toBe('NOT_FOUND')
    const bad = await t.fail('reports.kpis', { from: '2025-06-30', to: '2025-06-01' }, p.manager)
    expect(bad.code).toBe('VALIDATION')
    expect(bad.message).toContain('起始日期不能晚于截止日期')
  })

  it('the per-officer view lists the loans behind each weak figure, worst kinds first', async () => {
    const p = await portfolio()
    const a = await t.call('reports.officerKpis', { ...JUNE, officerId: p.a }, p.manager)
    expect(a.row.score).toBe('0.6250')
    expect(a.items.map((i) => [i.issue, i.loanId, i.date])).toEqual([
      ['npl', p.L2, '2025-06-30'],
      ['promise_broken', p.L2, '2025-06-20'],
      ['warning_unhandled', p.L2, '2025-06-05'],
      ['inspection_late', p.L2, '2025-06-20'],
    ])
    expect(a.items[1]!.amount).toBe(100_000)
    const b = await t.call('reports.officerKpis', { ...JUNE, officerId: p.b }, p.officerB)
    expect(b.items.map((i) => [i.issue, i.loanId, i.date])).toEqual([
      ['overdue_uncontacted', p.L3, '2025-06-30'],
      ['first_check_late', p.L3, '2025-06-19'],
    ])
    expect(b.items[0]!.contractNo).toMatch(/^HT-T-/)
  })

  it('exports the ranked table to Excel with numbers as numbers (元, percent)', async () => {
    const p = await portfolio()
    const x = await t.call('reports.exportKpis', JUNE, p.manager)
    expect(x.fileName).toBe('信贷员考核-2025-06-01-2025-06-30.xlsx')
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(x.contentBase64, 'base64') as never)
    const ws = wb.getWorksheet('信贷员考核')!
    const values = (n: number) => Array.from({ length: 13 }, (_, i) => ws.getRow(n).getCell(i + 1).value ?? null)
    expect(values(1).slice(0, 4)).toEqual(['排名', '信贷员', '贷款笔数', '本金余额（元）'])
    const name = (id: number) =>
      (t.backend.env.sqlite.prepare('select display_name from users where id = ?').get(id) as { display_name: string })
        .display_name
    // A: 3,000,000 分 = 30,000 元; 50 % on time, 100 % first checks, 50 % warnings, 4 contacts per loan,
    // 50 % promises, 40 % overdue, 40 % NPL, no recoveries, score 62.5 %.
    expect(values(2)).toEqual([1, name(p.a), 3, 30_000, 50, 100, 50, 4, 50, 40, 40, 0, 62.5])
    // B: 12,000 元; no routine check or promise due (empty cells); recoveries 300,000 分 = 3,000 元.
    expect(values(3)).toEqual([2, name(p.b), 1, 12_000, null, 0, 100, 0, null, 100, 0, 3_000, 50])
    expect(ws.getRow(2).getCell(4).numFmt).toBe('#,##0.00')
    expect(ws.getRow(3).getCell(12).numFmt).toBe('#,##0.00')
  })
})
