// reports.quality and reports.migration on a small portfolio whose every figure is worked out by
// hand below (DOMAIN §5 buckets, §6 floors). Loans: 1,200,000 分 each, 6 %, 12 months 等额本金
// (100,000 分 principal a month) unless said otherwise; due on the disbursement day of the month.
//   L1 东村, officer A, disbursed 2025-01-10, pays every installment on its due date through 06-10
//      → 2025-04-30: 3 rows paid, balance 900,000, DPD 0 (正常, M0); 06-30: 5 paid, 700,000, 正常, M0.
//   L2 东村, A, 2025-01-10, never pays: oldest unpaid 02-10.
//      → 04-30: DPD 18+31+30 = 79 (M3, 关注); 06-30: 18+31+30+31+30 = 140 (M3+, 次级 since > 90).
//   L3 西村, B, disbursed 2025-05-20 (not yet on 04-30), never pays: first due 06-20 → 06-30: DPD 10 (M1, 关注).
//   L5 东村, A, product 农户联保贷款, disbursed 2024-01-10, never pays: oldest unpaid 2024-02-10;
//      2024-02-10 → 2025-02-10 is 366 days (2024 is a leap year) → 04-30: 366+28+31+20 = 445;
//      06-30: 366+28+31+30+31+20 = 506 (M3+, 损失 since > 360).
//   L6 西村, B, 利随本清 3 months from 2025-01-10 (maturity 04-10), paid off on 05-15
//      → 04-30: DPD 20 (M1, 关注), 1,200,000; 06-30: principal 0 → closed.
import { afterEach, describe, expect, it } from 'vitest'
import { loginAs, makeBackend, setupAdmin, type TestBackend } from '../helpers/backend'
import { insertLoan, type LoanSeed, userId } from '../helpers/loans'

let t: TestBackend
afterEach(() => t?.close())

async function portfolio() {
  t = await makeBackend()
  const admin = await setupAdmin(t)
  const officerA = await loginAs(t, admin, 'officer', 'officerA')
  const officerB = await loginAs(t, admin, 'officer', 'officerB')
  const manager = await loginAs(t, admin, 'manager', 'manager1')
  const a = userId(t, 'officerA')
  const b = userId(t, 'officerB')
  const place = (loanId: number, village: string, product?: string) => {
    const db = t.backend.env.sqlite
    db.prepare('update borrowers set village = ? where id = (select borrower_id from loans where id = ?)').run(
      village,
      loanId,
    )
    if (product) db.prepare('update loans set product = ? where id = ?').run(product, loanId)
  }
  const loan = async (
    officer: string,
    officerId: number,
    village: string,
    opts: Omit<LoanSeed, 'officerId'>,
    product?: string,
  ) => {
    const { loanId } = insertLoan(t, { ...opts, officerId })
    place(loanId, village, product)
    await t.call('servicing.createPlan', { loanId }, officer)
    return loanId
  }
  const base = { principal: 1_200_000, annualRate: '6', termMonths: 12, method: 'equal_principal' as const }
  const L1 = await loan(officerA, a, '东村', { ...base, disbursementDate: '2025-01-10' })
  const L2 = await loan(officerA, a, '东村', { ...base, disbursementDate: '2025-01-10' })
  const L3 = await loan(officerB, b, '西村', { ...base, disbursementDate: '2025-05-20' })
  const L5 = await loan(officerA, a, '东村', { ...base, disbursementDate: '2024-01-10' }, '农户联保贷款')
  const L6 = await loan(officerB, b, '西村', {
    principal: 1_200_000,
    annualRate: '6',
    termMonths: 3,
    method: 'bullet',
    disbursementDate: '2025-01-10',
  })
  const rows = (await t.call('servicing.getPlan', { loanId: L1 }, officerA)).versions[0]!.rows
  for (const r of rows.slice(0, 5)) {
    await t.call(
      'servicing.postRepayment',
      { loanId: L1, paidDate: r.dueDate, amount: r.principal + r.interest, channel: 'cash' },
      officerA,
    )
  }
  // More than the payoff (principal + interest + 罚息 + 复利); the rest is kept as credit.
  await t.call(
    'servicing.postRepayment',
    { loanId: L6, paidDate: '2025-05-15', amount: 1_300_000, channel: 'cash', overpayment: 'credit' },
    officerB,
  )
  return { manager, officerA, officerB, a, b, L1, L2, L3, L5, L6 }
}

const cats = (q: { byCategory: { category: string; count: number; balance: number }[] }) =>
  Object.fromEntries(q.byCategory.map((c) => [c.category, [c.count, c.balance]]))
const buckets = (q: { byBucket: { bucket: string; count: number; balance: number }[] }) =>
  Object.fromEntries(q.byBucket.map((c) => [c.bucket, [c.count, c.balance]]))

describe('reports.quality (DOMAIN §5, §6)', () => {
  it('counts and balances by category and bucket, all listed with zeros, and the NPL ratio', async () => {
    const p = await portfolio()
    const q = await t.call('reports.quality', { asOf: '2025-06-30' }, p.manager)
    expect(q.asOf).toBe('2025-06-30')
    expect(q.total).toEqual({ count: 4, balance: 700_000 + 3 * 1_200_000 })
    expect(cats(q)).toEqual({
      normal: [1, 700_000],
      special_mention: [1, 1_200_000],
      substandard: [1, 1_200_000],
      doubtful: [0, 0],
      loss: [1, 1_200_000],
    })
    expect(buckets(q)).toEqual({ M0: [1, 700_000], M1: [1, 1_200_000], M2: [0, 0], M3: [0, 0], 'M3+': [2, 2_400_000] })
    // 2,400,000 ÷ 4,300,000 = 0.55813… → 0.5581
    expect(q.nplRatio).toBe('0.5581')
  })

  it('as of a past date ignores later payments, disbursements and payoffs', async () => {
    const p = await portfolio()
    const q = await t.call('reports.quality', { asOf: '2025-04-30' }, p.manager)
    expect(q.total).toEqual({ count: 4, balance: 900_000 + 3 * 1_200_000 })
    expect(cats(q)).toEqual({
      normal: [1, 900_000],
      special_mention: [2, 2_400_000],
      substandard: [0, 0],
      doubtful: [0, 0],
      loss: [1, 1_200_000],
    })
    expect(buckets(q)).toEqual({
      M0: [1, 900_000],
      M1: [1, 1_200_000],
      M2: [0, 0],
      M3: [1, 1_200_000],
      'M3+': [1, 1_200_000],
    })
    // 1,200,000 ÷ 4,500,000 = 0.26666… → 0.2667
    expect(q.nplRatio).toBe('0.2667')
  })

  it('slices by village and product; an officer gets only the own portfolio whatever officerId says', async () => {
    const p = await portfolio()
    const east = await t.call('reports.quality', { asOf: '2025-06-30', village: '东村' }, p.manager)
    expect(east.total).toEqual({ count: 3, balance: 3_100_000 })
    expect(east.nplRatio).toBe('0.7742') // 2,400,000 ÷ 3,100,000 = 0.774193…
    const product = await t.call('reports.quality', { asOf: '2025-06-30', product: '农户联保贷款' }, p.manager)
    expect(product.total).toEqual({ count: 1, balance: 1_200_000 })
    expect(product.nplRatio).toBe('1.0000')
    const byOfficer = await t.call('reports.quality', { asOf: '2025-06-30', officerId: p.a }, p.manager)
    expect(byOfficer.total.count).toBe(3)
    const own = await t.call('reports.quality', { asOf: '2025-06-30', officerId: p.a }, p.officerB)
    expect(own.total).toEqual({ count: 1, balance: 1_200_000 }) // L3 only
    expect(own.nplRatio).toBe('0.0000')
  })

  it('exports Excel with amounts as numbers in 元', async () => {
    const p = await portfolio()
    const out = await t.call('reports.exportQuality', { asOf: '2025-06-30' }, p.manager)
    expect(out.fileName).toBe('资产质量-2025-06-30.xlsx')
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(out.contentBase64, 'base64') as never)
    const ws = wb.getWorksheet('资产质量')!
    const loss = ws.getRow(6)
    expect(loss.getCell(2).value).toBe('损失')
    expect(loss.getCell(4).value).toBe(12_000)
    expect(loss.getCell(4).numFmt).toBe('#,##0.00')
    const npl = ws.getRow(13)
    expect(npl.getCell(1).value).toBe('不良率')
    expect(npl.getCell(2).value).toBe('55.81%')
  })
})

describe('reports from month-end snapshots', () => {
  it('a snapshot of the date gives the same figures as the live evaluation, slices and scope included', async () => {
    const p = await portfolio()
    const inputs = [
      { asOf: '2025-06-30' },
      { asOf: '2025-06-30', village: '东村' },
      { asOf: '2025-04-30', product: '农户联保贷款' },
    ]
    const live = await Promise.all(inputs.map((i) => t.call('reports.quality', i, p.manager)))
    const liveOwn = await t.call('reports.quality', { asOf: '2025-06-30' }, p.officerB)
    const liveMigration = await t.call('reports.migration', { from: '2025-04-30', to: '2025-06-30' }, p.manager)
    await t.call('servicing.snapshot', { asOf: '2025-04-30' }, p.manager)
    await t.call('servicing.snapshot', { asOf: '2025-06-30' }, p.manager)
    const rows = t.backend.env.sqlite.prepare('select count(*) as n from portfolio_snapshot_rows').get() as {
      n: number
    }
    expect(rows.n).toBeGreaterThan(0)
    for (const [k, i] of inputs.entries()) expect(await t.call('reports.quality', i, p.manager)).toEqual(live[k])
    expect(await t.call('reports.quality', { asOf: '2025-06-30' }, p.officerB)).toEqual(liveOwn)
    expect(await t.call('reports.migration', { from: '2025-04-30', to: '2025-06-30' }, p.manager)).toEqual(
      liveMigration,
    )
    // The snapshot is what the report reads (the month-end record): a changed row shows.
    t.backend.env.sqlite
      .prepare('update portfolio_snapshot_rows set outstanding_principal = 1 where loan_id = ?')
      .run(p.L1)
    const q = await t.call('reports.quality', { asOf: '2025-06-30' }, p.manager)
    expect(q.total.balance).toBe(live[0]!.total.balance - 700_000 + 1)
  })
})

describe('reports.migration', () => {
  it('moves each loan from its category on `from` to the one on `to`, with new and closed', async () => {
    const p = await portfolio()
    const m = await t.call('reports.migration', { from: '2025-04-30', to: '2025-06-30' }, p.manager)
    expect(m.rows).toEqual([
      { from: 'new', to: 'special_mention', count: 1, balance: 1_200_000 }, // L3
      { from: 'normal', to: 'normal', count: 1, balance: 700_000 }, // L1
      { from: 'special_mention', to: 'substandard', count: 1, balance: 1_200_000 }, // L2
      { from: 'special_mention', to: 'closed', count: 1, balance: 0 }, // L6
      { from: 'loss', to: 'loss', count: 1, balance: 1_200_000 }, // L5
    ])
  })

  it('refuses a range that runs backwards, in zh-CN', async () => {
    const p = await portfolio()
    const e = await t.fail('reports.migration', { from: '2025-06-30', to: '2025-04-30' }, p.manager)
    expect(e.code).toBe('VALIDATION')
    expect(e.message).toContain('起始日期须早于截止日期')
  })
})

describe('reports.monthly (贷后管理报告)', () => {
  // June 2025 of the same portfolio. On 2025-05-31: L1 paid through 05-10 → 800,000, 正常; L2 DPD
  // 18+31+30+31 = 110 → 次级; L3 (disbursed 05-20, first due 06-20) DPD 0 → 正常; L5 DPD
  // 366+28+31+30+21 = 476 → 损失; L6 paid off on 05-15 → not outstanding. June's only payment is L1's
  // 06-10 installment: 100,000 principal + 800,000 × 6 %/12 = 4,000 interest = 104,000.
  it('compares the month-ends, lists the month activity and the loans of concern', async () => {
    const p = await portfolio()
    await t.call(
      'servicing.logContact',
      { loanId: p.L2, contactDate: '2025-06-12', channel: 'phone', outcome: '承诺月底还款' },
      p.officerA,
    )
    await t.call(
      'collections.promise',
      { loanId: p.L2, promisedOn: '2025-06-30', amount: 100_000, madeOn: '2025-06-12' },
      p.officerA,
    )
    const m = await t.call('reports.monthly', { month: '2025-06' }, p.manager)
    expect([m.asOf, m.previousAsOf]).toEqual(['2025-06-30', '2025-05-31'])
    expect(m.previous.total).toEqual({ count: 4, balance: 800_000 + 3 * 1_200_000 })
    expect(cats(m.previous)).toMatchObject({
      normal: [2, 2_000_000],
      substandard: [1, 1_200_000],
      loss: [1, 1_200_000],
    })
    expect(m.quality.total).toEqual({ count: 4, balance: 4_300_000 })
    expect(m.migration.rows).toEqual([
      { from: 'normal', to: 'normal', count: 1, balance: 700_000 },
      { from: 'normal', to: 'special_mention', count: 1, balance: 1_200_000 },
      { from: 'substandard', to: 'substandard', count: 1, balance: 1_200_000 },
      { from: 'loss', to: 'loss', count: 1, balance: 1_200_000 },
    ])
    const row = (key: string, label: string) =>
      m.sections.find((s) => s.key === key)!.rows.find((r) => r.label === label)!.value
    expect(row('activity', '收回还款（笔）')).toBe(1)
    expect(row('activity', '收回还款金额')).toBe(104_000)
    expect(row('activity', '新发放贷款（笔）')).toBe(0)
    expect(row('contacts', '联系记录（次）')).toBe(1)
    expect(row('contacts', '月末逾期贷款（笔）')).toBe(3)
    expect(row('collections', '还款承诺（笔）')).toBe(1)
    expect(row('inspections', '完成检查（次）')).toBe(0)
    expect(m.sections.map((s) => s.key)).toEqual(['activity', 'contacts', 'warnings', 'inspections', 'collections'])
    expect(m.concerns.map((c) => [c.loanId, c.category, c.dpd])).toEqual([
      [p.L5, 'loss', 506],
      [p.L2, 'substandard', 140],
      [p.L3, 'special_mention', 10],
    ])
    expect(m.commentary).toBeNull()

    const may = await t.call('reports.monthly', { month: '2025-05' }, p.manager)
    expect(may.sections[0]!.rows.find((r) => r.label === '收回还款金额')!.value).toBe(104_500 + 1_300_000)
    expect(may.sections[0]!.rows.find((r) => r.label === '新发放贷款金额')!.value).toBe(1_200_000)
  })

  it('a manager writes the commentary (audited), an officer may not; Excel carries it', async () => {
    const p = await portfolio()
    const denied = await t.fail(
      'reports.saveCommentary',
      { month: '2025-06', text: '逾期上升，重点催收东村' },
      p.officerA,
    )
    expect(denied.code).toBe('FORBIDDEN')
    await t.call('reports.saveCommentary', { month: '2025-06', text: '逾期上升，重点催收东村' }, p.manager)
    const m = await t.call('reports.monthly', { month: '2025-06' }, p.manager)
    expect(m.commentary).toMatchObject({ text: '逾期上升，重点催收东村', updatedBy: '测试manager' })
    const audit = t.backend.env.sqlite
      .prepare("select summary from audit_log where entity = 'monthly_report'")
      .all() as { summary: string }[]
    expect(audit.map((a) => a.summary)).toEqual(['填写 2025-06 月度贷后管理报告点评（11 字）'])
    const out = await t.call('reports.exportMonthly', { month: '2025-06' }, p.manager)
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(out.contentBase64, 'base64') as never)
    const ws = wb.worksheets[0]!
    const values = ws
      .getSheetValues()
      .flat()
      .filter((v) => v !== undefined && v !== null)
    expect(values).toContain('收回还款金额')
    expect(values).toContain(1_040) // 104,000 分 as 1,040 元
    const notes = wb.getWorksheet('填写说明')!
    expect(notes.getRow(3).getCell(2).value).toBe('逾期上升，重点催收东村')
  })

  it('refuses a malformed month in zh-CN', async () => {
    const p = await portfolio()
    const e = await t.fail('reports.monthly', { month: '2025-13' }, p.manager)
    expect(e.message).toContain('月份格式应为 YYYY-MM')
  })
})
