import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it } from 'vitest'
import { loginAs, makeBackend, setupAdmin, type TestBackend } from '../helpers/backend'
import { insertLoan, userId } from '../helpers/loans'

let t: TestBackend
afterEach(() => t?.close())

async function workbook(plan: (string | number)[][], history: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet('还款计划').addRows([['借据号', '期次', '应还日', '本金(元)', '利息(元)'], ...plan])
  wb.addWorksheet('还款记录').addRows([['借据号', '还款日', '金额(元)', '渠道', '收据号'], ...history])
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
}

describe('servicing: Excel import of plans and payment history', () => {
  it('previews per-row problems, imports nothing while any remain, then imports all and replays the history', async () => {
    t = await makeBackend()
    const admin = await setupAdmin(t)
    const officer = await loginAs(t, admin, 'officer', 'officer1')
    const l = insertLoan(t, { officerId: userId(t, 'officer1'), principal: 300_000, termMonths: 3 })
    const plan = [
      [l.iouNo, 1, '2025-02-10', '1,000.00', '15.00'],
      [l.iouNo, 2, '2025-03-10', '1000', '10'],
      [l.iouNo, 3, '2025-04-10', '1000.00', '5.00'],
    ]
    const bad = await workbook(
      [...plan.slice(0, 2), [l.iouNo, 3, '2025-04-10', '999.00', '5.00'], ['NOPE', 1, '2025-02-10', '1', '0']],
      [
        [l.iouNo, '2025-02-10', '1015.00', '现金', 'OLD-001'],
        [l.iouNo, '2025-03-12', '9999', '转账', 'OLD-001'],
        [
          l.iouNo,
          '2025-13-12',
          '1',
          '微信',
          '',
        ] /* 2025/03/12 is a valid date now: one cell parser for both importers */,
      ],
    )
    const p = await t.call('servicing.importPreview', { contentBase64: bad }, officer)
    const messages = p.problems.map((x) => `${x.sheet}!${x.row} ${x.message}`)
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^还款计划!2 .*各期本金合计 2,999.00 元 与贷款金额 3,000.00 元 不符/),
        expect.stringMatching(/^还款计划!5 借据号 NOPE 不存在/),
        expect.stringMatching(/^还款记录!3 收据号 OLD-001 重复/),
        expect.stringMatching(/^还款记录!3 该笔还款超过/),
        expect.stringMatching(/^还款记录!4 还款日无效/),
        expect.stringMatching(/^还款记录!4 渠道应为/),
      ]),
    )
    const err = await t.fail('servicing.importCommit', { contentBase64: bad }, officer)
    expect(err.message).toContain('未导入任何数据')
    expect((await t.call('servicing.getPlan', { loanId: l.loanId }, officer)).versions).toEqual([])

    const good = await workbook(plan, [
      [l.iouNo, '2025-02-10', '1015.00', '现金', 'OLD-001'],
      [l.iouNo, '2025-03-20', '500.00', '代扣', ''],
    ])
    const r = await t.call('servicing.importCommit', { contentBase64: good }, officer)
    expect(r).toMatchObject({ loans: 1, installments: 3, repayments: 2, problemCount: 0 })
    const v = (await t.call('servicing.getPlan', { loanId: l.loanId }, officer)).versions[0]!
    expect([v.reason, v.totalPrincipal, v.totalInterest]).toEqual(['import', 300_000, 3_000])
    const e = await t.call('servicing.asOf', { loanId: l.loanId, asOf: '2025-03-20' }, officer)
    expect(e.installments[0]!.status).toBe('paid')
    expect(e.installments[1]!.status).toBe('overdue') // 500.00 paid 10 days late on 1,010.00
    expect((await t.call('servicing.listRepayments', { loanId: l.loanId }, officer)).map((x) => x.receiptNo)).toEqual([
      'OLD-001',
      'SK-2025-000001',
    ])
    expect((await t.fail('servicing.importCommit', { contentBase64: good }, officer)).message).toContain(
      '未导入任何数据',
    )
  })
})
