import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeWorld, type World } from '../helpers/archives'

// Issue 9, "Numbering": 合同号/借据号 from a pattern in settings (机构号-年度-流水号), still editable;
// serials per year, no gaps and no duplicates under concurrent saves. setupAdmin's 机构号 is 3301.

let w: World
let borrowerId: number
beforeAll(async () => {
  w = await makeWorld()
  borrowerId = (await w.borrower('编号甲')).id
})
afterAll(() => w.t.close())

const create = (contractNo: string, iouNo: string, disbursementDate = '2026-03-01') =>
  w.t.call(
    'loans.create',
    {
      borrowerId,
      contractNo,
      iouNo,
      product: '农户小额信用贷款',
      principal: 1_000_000,
      annualRate: '4.35',
      termMonths: 12,
      method: 'annuity',
      disbursementDate,
      maturityDate: `${Number(disbursementDate.slice(0, 4)) + 1}${disbursementDate.slice(4)}`,
      purpose: '种植',
      guaranteeType: 'credit',
    },
    w.tokens.officer,
  )
const propose = (date = '2026-03-01') => w.t.call('numbering.propose', { date }, w.tokens.officer)

describe('document numbering from a pattern', () => {
  it('proposes 机构号-年度-HT-流水号 and advances only when a loan is saved', async () => {
    expect(await propose()).toEqual({ contractNo: '3301-2026-HT-0001', iouNo: '3301-2026-JJ-0001' })
    expect(await propose()).toEqual({ contractNo: '3301-2026-HT-0001', iouNo: '3301-2026-JJ-0001' }) // not reserved: no gap if the form is abandoned
    await create('3301-2026-HT-0001', '3301-2026-JJ-0001')
    expect(await propose()).toEqual({ contractNo: '3301-2026-HT-0002', iouNo: '3301-2026-JJ-0002' })
    // The serial restarts each year.
    expect(await propose('2027-01-05')).toEqual({ contractNo: '3301-2027-HT-0001', iouNo: '3301-2027-JJ-0001' })
  })

  it('an edited number is kept as typed; a hand-typed number in the pattern is skipped by later proposals', async () => {
    await create('手写-001', '3301-2026-JJ-0002')
    expect(await propose()).toEqual({ contractNo: '3301-2026-HT-0002', iouNo: '3301-2026-JJ-0003' })
  })

  it('concurrent saves of the same proposal: one wins, the other gets a fresh number; serials stay contiguous', async () => {
    const worker = async () => {
      for (;;) {
        const p = await propose()
        try {
          return (await create(p.contractNo, p.iouNo)).contractNo
        } catch (e) {
          if ((e as { code?: string }).code !== 'CONFLICT') throw e
        }
      }
    }
    const got = await Promise.all([worker(), worker(), worker(), worker()])
    expect(got.sort()).toEqual(['3301-2026-HT-0002', '3301-2026-HT-0003', '3301-2026-HT-0004', '3301-2026-HT-0005'])
  })

  it('the pattern is a setting (org.manage); a bad one is refused with a zh-CN reason', async () => {
    expect(
      (
        await w.t.fail(
          'numbering.setPatterns',
          { contractPattern: '{org}-HT', iouPattern: '{org}-{year}-{seq}' },
          w.tokens.admin,
        )
      ).message,
    ).toMatch(/^合同号编号规则须含且只含一个流水号/)
    expect(
      (
        await w.t.fail(
          'numbering.setPatterns',
          { contractPattern: '{org}-{year}-{seq}', iouPattern: '{org}-{year}-{seq}' },
          w.tokens.officer,
        )
      ).code,
    ).toBe('FORBIDDEN')
    const v = await w.t.call(
      'numbering.setPatterns',
      { contractPattern: 'HT{year}{seq:5}', iouPattern: '{org}JJ{year}{seq:5}' },
      w.tokens.admin,
    )
    expect(v).toMatchObject({
      contractExample: expect.stringMatching(/^HT\d{4}00001$/),
      iouExample: expect.stringMatching(/^3301JJ\d{4}00001$/),
    })
    // A new pattern starts its own count from the stored serial for the year.
    // Contracts used serials 1–5 (one contract was typed by hand); IOUs used 1–6.
    expect(await propose()).toEqual({ contractNo: 'HT202600006', iouNo: '3301JJ202600007' })
    const audit = await w.t.call('audit.list', { method: 'numbering.' }, w.tokens.admin)
    expect(audit.entries[0]?.summary).toMatch(
      /^修改编号规则：合同号 \{org\}-\{year\}-HT-\{seq:4\} → HT\{year\}\{seq:5\}/,
    )
  })
})
