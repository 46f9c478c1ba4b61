import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Input } from '../../shared/api'
import { loginAs, makeBackend, setupAdmin, type TestBackend } from '../helpers/backend'

let t: TestBackend
let admin: string

beforeAll(async () => {
  t = await makeBackend()
  admin = await setupAdmin(t)
})
afterAll(() => t.close())

const LOAN: Input<'calculator.exportPlan'> = {
  principal: 10_000_000, // 100,000.00 元
  rateMode: 'annual',
  rate: '4.35',
  termMonths: 12,
  method: 'annuity',
  startDate: '2024-01-31',
}

async function load(b64: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(b64, 'base64') as never)
  const ws = wb.worksheets[0]
  if (!ws) throw new Error('no worksheet')
  return ws
}

/** Rows as arrays of raw cell values (index 0 = column A). */
function rowsOf(ws: ExcelJS.Worksheet): { n: number; v: unknown[] }[] {
  const out: { n: number; v: unknown[] }[] = []
  ws.eachRow((r) => out.push({ n: r.number, v: (r.values as unknown[]).slice(1) }))
  return out
}

describe('calculator.exportPlan (还款计划 Excel, recomputed by the backend)', () => {
  it('等额本息 100,000.00 元 at 4.35 % over 12 months: payment 8,530.99, interest 2,371.90, 大写 total', async () => {
    // Hand-checked independently with python3's decimal module (prec 50, ROUND_HALF_UP):
    //   P = 10000000 分, r = Decimal('4.35')/1200, n = 12
    //   payment = (P·r·(1+r)^12 / ((1+r)^12 − 1)).quantize(1, ROUND_HALF_UP) = 853099 分
    //   each row: interest = (bal·r).quantize(1, ROUND_HALF_UP); principal = payment − interest;
    //   row 12 takes the remaining balance 850020 + interest 3081 = 853101 分 (absorbs rounding).
    //   Σ interest = 36250 + 33289 + 30317 + 27335 + 24341 + 21337 + 18322 + 15296 + 12259
    //               + 9211 + 6152 + 3081 = 237190 分 = 2,371.90 元.
    //   Due dates keep day 31, falling on the month's last day: 2024-02-29, 2024-03-31, … 2025-01-31.
    const out = await t.call('calculator.exportPlan', LOAN, admin)
    expect(out.filename).toMatch(/\.xlsx$/)
    expect(out.rows).toBe(12)
    const bytes = Buffer.from(out.contentBase64, 'base64')
    expect(bytes.subarray(0, 2).toString()).toBe('PK')

    const ws = await load(out.contentBase64)
    const rows = rowsOf(ws)
    expect(rows[0]?.v[0]).toBe('还款计划表')
    expect(rows[1]?.v[0]).toBe('青山县农村信用合作联社')
    const text = rows.map((r) => r.v.map((x) => (x == null ? '' : String(x))).join('|')).join('\n')
    expect(text).toContain('人民币壹拾万元整')
    expect(text).toContain('年利率 4.35%（月息 3.625‰）')
    expect(text).toContain('等额本息')
    expect(text).toContain('2025-01-31')

    const head = rows.find((r) => r.v[0] === '期数')
    expect(head?.v).toEqual(['期数', '还款日', '本金（元）', '利息（元）', '还款额（元）', '剩余本金（元）'])
    const data = rows.filter((r) => head && r.n > head.n && typeof r.v[0] === 'number')
    expect(data).toHaveLength(12)
    expect(data[0]?.v).toEqual([1, '2024-02-29', 8168.49, 362.5, 8530.99, 91831.51])
    expect(data[1]?.v[1]).toBe('2024-03-31')
    expect(data[11]?.v).toEqual([12, '2025-01-31', 8500.2, 30.81, 8531.01, 0])
    // Amounts are numbers in 元 shown with thousands separators.
    expect(ws.getRow(data[0]!.n).getCell(5).numFmt).toBe('#,##0.00')
    expect(ws.getRow(data[0]!.n).getCell(6).numFmt).toBe('#,##0.00')

    const total = rows.find((r) => r.v[0] === '合计')
    expect(total?.v.slice(2, 5)).toEqual([100000, 2371.9, 102371.9])
    expect(ws.getRow(total!.n).getCell(4).numFmt).toBe('#,##0.00')
    // DOMAIN §9: an amount with 角 but no 分 ends in 角, without 整.
    const words = (label: string) => rows.find((r) => r.v[0] === label)?.v[2]
    expect(words('合计应还利息（大写）')).toBe('人民币贰仟叁佰柒拾壹元玖角')
    expect(words('合计应还本息（大写）')).toBe('人民币壹拾万贰仟叁佰柒拾壹元玖角')
  })

  it('月息 ‰ is converted at input: 6‰ = 7.2 % a year', async () => {
    const out = await t.call(
      'calculator.exportPlan',
      { ...LOAN, rateMode: 'monthly_permille', rate: '6', method: 'equal_principal' },
      admin,
    )
    const rows = rowsOf(await load(out.contentBase64))
    const text = rows.map((r) => r.v.join('|')).join('\n')
    expect(text).toContain('月息 6‰（年利率 7.2%）')
    expect(text).toContain('等额本金')
    // Equal principal: 10000000 / 12 = 833333.3 → 833333 分 per row; row 1 interest = 10000000 × 0.6 % = 60000 分.
    const first = rows.find((r) => r.v[0] === 1)
    expect(first?.v.slice(2, 5)).toEqual([8333.33, 600, 8933.33])
  })

  it('bad inputs come back as VALIDATION naming the calculator field, in zh-CN', async () => {
    const rate = await t.fail('calculator.exportPlan', { ...LOAN, rate: '4.3.5' }, admin)
    expect(rate.code).toBe('VALIDATION')
    expect(rate.fields?.[0]?.path).toBe('rate')
    const term = await t.fail('calculator.exportPlan', { ...LOAN, termMonths: 361 }, admin)
    expect(term.fields?.[0]).toEqual({ path: 'termMonths', message: '期限须为 1–360 个月的整数' })
    const zero = await t.fail('calculator.exportPlan', { ...LOAN, principal: 0 }, admin)
    expect(zero.fields?.[0]?.path).toBe('principal')
  })

  it('every role may use the calculator (calculator.use), e.g. the auditor', async () => {
    const auditor = await loginAs(t, admin, 'auditor')
    const out = await t.call('calculator.exportPlan', { ...LOAN, method: 'bullet' }, auditor)
    expect(out.rows).toBe(1)
  })
})
