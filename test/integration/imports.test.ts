import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeId, makeWorld, type World } from '../helpers/archives'
import { BORROWER_HEADERS, readXlsx, xlsxBase64 } from '../helpers/xlsx'

let w: World
beforeAll(async () => {
  w = await makeWorld()
})
afterAll(() => w.t.close())

const person = (name: string, id: string, phone = '13800001111', income: string | number = '85,000.50') => [
  '个人',
  name,
  id,
  '',
  phone,
  '青山镇前进村',
  '3组',
  '',
  '种植户',
  income,
  'AA',
  '',
  '',
  '',
]

describe('Excel import: template, preview with every bad row, all-or-nothing commit, idempotent re-import', () => {
  it('the template has the import headers and a notes sheet', async () => {
    const t = await w.t.call('imports.template', { kind: 'borrowers' }, w.tokens.officer)
    expect(t.filename).toBe('借款人导入模板.xlsx')
    expect((await readXlsx(t.contentBase64))[0]).toEqual(BORROWER_HEADERS)
    for (const kind of ['loans', 'guarantors', 'collaterals'] as const)
      expect((await w.t.call('imports.template', { kind }, w.tokens.officer)).contentBase64.length).toBeGreaterThan(100)
  })

  it('reports row, column and a zh-CN reason for every bad row; commit writes nothing', async () => {
    const good = [
      person('甲一', makeId('19800101', 501)),
      person('甲二', makeId('19800101', 503)),
      person('甲三', makeId('19800101', 505)),
    ]
    const bad = [
      person('坏一', makeId('19800101', 507).slice(0, 17) + 'Y'), // bad check char
      person('坏二', makeId('19800101', 509), '12345'), // bad phone
      ['个人', '坏三', makeId('19800101', 511), '', '', '', '', '', '', '-5', 'Z', '', '', ''], // negative income, bad rating
    ]
    const b64 = await xlsxBase64(BORROWER_HEADERS, [...good.slice(0, 2), bad[0]!, bad[1]!, good[2]!, bad[2]!])
    const p = await w.t.call('imports.preview', { kind: 'borrowers', contentBase64: b64 }, w.tokens.officer)
    expect(p).toMatchObject({ total: 6, valid: 3, toCreate: 3 })
    expect([...new Set(p.problems.map((x) => x.row))]).toEqual([4, 5, 7])
    expect(p.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 4, column: '身份证号', message: expect.stringMatching(/无效/) }),
        expect.objectContaining({ row: 5, column: '手机号' }),
        expect.objectContaining({ row: 7, column: '家庭年收入(元)' }),
        expect.objectContaining({ row: 7, column: '信用等级' }),
      ]),
    )
    const e = await w.t.fail('imports.commit', { kind: 'borrowers', contentBase64: b64 }, w.tokens.officer)
    expect(e.code).toBe('VALIDATION')
    expect(e.message).toMatch(/未导入任何数据/)
    expect((await w.t.call('borrowers.list', {}, w.tokens.manager)).rows.map((r) => r.name)).not.toContain('甲一')

    const fixed = await xlsxBase64(BORROWER_HEADERS, [
      ...good,
      person('坏一', makeId('19800101', 507)),
      person('坏二', makeId('19800101', 509)),
      person('坏三', makeId('19800101', 511)),
    ])
    expect(await w.t.call('imports.commit', { kind: 'borrowers', contentBase64: fixed }, w.tokens.officer)).toEqual({
      created: 6,
      updated: 0,
      unchanged: 0,
    })
    const one = (await w.t.call('borrowers.list', { limit: 500 }, w.tokens.manager)).rows.find(
      (r) => r.name === '甲一',
    )!
    expect(one).toMatchObject({
      householdIncome: 8_500_050,
      officerId: w.ids.officer,
      nameInitials: 'jy',
      birthDate: '1980-01-01',
    })
    // Re-importing the same file creates no duplicates.
    expect(await w.t.call('imports.commit', { kind: 'borrowers', contentBase64: fixed }, w.tokens.officer)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 6,
    })
    const changed = await xlsxBase64(BORROWER_HEADERS, [person('甲一', makeId('19800101', 501), '13800002222')])
    expect(
      await w.t.call(
        'imports.commit',
        { kind: 'borrowers', contentBase64: changed, confirmedUpdates: 1 },
        w.tokens.officer,
      ),
    ).toEqual({ created: 0, updated: 1, unchanged: 0 })
    const audit = await w.t.call('audit.list', { entity: 'import' }, w.tokens.admin)
    expect(audit.entries[0]?.summary).toMatch(/Excel 导入借款人：新增 0，更新 1/)
  })

  it('duplicate rows within a file and missing required headers are reported', async () => {
    const b64 = await xlsxBase64(BORROWER_HEADERS, [
      person('重一', makeId('19810101', 601)),
      person('重二', makeId('19810101', 601)),
    ])
    const p = await w.t.call('imports.preview', { kind: 'borrowers', contentBase64: b64 }, w.tokens.officer)
    expect(p.problems).toEqual([{ row: 3, column: '身份证号', message: '与第 2 行重复' }])
    const e = await w.t.fail(
      'imports.preview',
      { kind: 'borrowers', contentBase64: await xlsxBase64(['姓名/名称'], [['x']]) },
      w.tokens.officer,
    )
    expect(e.message).toMatch(/表头缺少必填列：类型/)
    expect(
      (
        await w.t.fail(
          'imports.preview',
          { kind: 'borrowers', contentBase64: Buffer.from('not excel').toString('base64') },
          w.tokens.officer,
        )
      ).message,
    ).toMatch(/xlsx/)
  })

  it('loans, guarantors and collateral import by contract number, idempotently', async () => {
    const b = await w.borrower('贷一')
    const LH = [
      '合同号',
      '借据号',
      '借款人证件号',
      '贷款产品',
      '金额(元)',
      '年利率(%)',
      '期限(月)',
      '还款方式',
      '发放日',
      '到期日',
      '借款用途',
      '担保方式',
      '责任人用户名',
    ]
    const loans = await xlsxBase64(LH, [
      [
        'IMP-001',
        'IMPJ-001',
        b.idNumber,
        '农户小额信用贷款',
        50000,
        '4.35',
        12,
        '等额本息',
        '2026-01-05',
        '2027-01-05',
        '种植',
        '保证',
        '',
      ],
      [
        'IMP-002',
        'IMPJ-002',
        b.idNumber,
        '农户小额信用贷款',
        '80,000.00',
        '5.2',
        24,
        '按季结息',
        new Date(Date.UTC(2026, 0, 6)),
        '2028/1/6',
        '养殖',
        '抵押',
        '',
      ],
    ])
    expect(await w.t.call('imports.commit', { kind: 'loans', contentBase64: loans }, w.tokens.officer)).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
    })
    expect(await w.t.call('imports.commit', { kind: 'loans', contentBase64: loans }, w.tokens.officer)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 2,
    })
    const l2 = (await w.t.call('loans.list', { limit: 500 }, w.tokens.officer)).rows.find(
      (l) => l.contractNo === 'IMP-002',
    )!
    expect(l2).toMatchObject({
      principal: 8_000_000,
      disbursementDate: '2026-01-06',
      maturityDate: '2028-01-06',
      method: 'quarterly_interest',
    })
    const badOfficer = await xlsxBase64(LH, [
      [
        'IMP-003',
        'IMPJ-003',
        b.idNumber,
        'p',
        1,
        '4',
        1,
        '利随本清',
        '2026-01-01',
        '2026-02-01',
        'x',
        '信用',
        'officer2',
      ],
    ])
    expect(
      (await w.t.call('imports.preview', { kind: 'loans', contentBase64: badOfficer }, w.tokens.officer)).problems[0]
        ?.message,
    ).toMatch(/只能导入自己/)

    const GH = [
      '合同号',
      '保证人类型',
      '保证人名称',
      '证件号',
      '手机号',
      '保证方式',
      '保证金额(元)',
      '保证期间起',
      '保证期间止',
    ]
    const g = await xlsxBase64(GH, [
      ['IMP-001', '个人', '保一', makeId('19750505', 701), '', '连带', 50000, '2026-01-05', '2030-01-05'],
    ])
    expect(await w.t.call('imports.commit', { kind: 'guarantors', contentBase64: g }, w.tokens.officer)).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
    })
    expect(await w.t.call('imports.commit', { kind: 'guarantors', contentBase64: g }, w.tokens.officer)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 1,
    })
    const CH = [
      '合同号',
      '抵质押物类型',
      '描述',
      '所有权人',
      '权属证书号',
      '他项权证号',
      '坐落位置',
      '评估价值(元)',
      '评估日期',
      '是否投保',
    ]
    const c = await xlsxBase64(CH, [
      ['IMP-002', '房产', '住宅 100㎡', '贷一', '不动产权第001号', '他项001', '前进村', 120000, '2026-01-02', '是'],
    ])
    expect(await w.t.call('imports.commit', { kind: 'collaterals', contentBase64: c }, w.tokens.officer)).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
    })
    const d = await w.t.call('loans.get', { id: l2.id }, w.tokens.officer)
    expect(d.collaterals[0]).toMatchObject({ currentValue: 12_000_000, insured: true })
    expect(d.coverageBp).toBe(15000)
  })

  it("exports a list to .xlsx with the caller's masking", async () => {
    const x = await w.t.call('imports.export', { list: 'borrowers' }, w.tokens.archivist)
    const rows = await readXlsx(x.contentBase64)
    expect(rows[0]?.[3]).toBe('身份证号')
    expect(rows.length - 1).toBe(x.rows)
    expect(rows.slice(1).every((r) => r[3] === '' || r[3]!.includes('*'))).toBe(true)
    for (const list of ['loans', 'files', 'lendings'] as const)
      expect((await w.t.call('imports.export', { list }, w.tokens.manager)).filename).toMatch(/\.xlsx$/)
  })
})
