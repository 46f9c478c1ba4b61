import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeId, makeWorld, type World } from '../helpers/archives'
import { BORROWER_HEADERS, readXlsx, xlsxBase64 } from '../helpers/xlsx'

// Issue 9, "Imports that change existing records": the preview lists each borrower whose data
// would change, field by field (old → new); nothing changes without confirming; the audit entry
// and the borrower's history name the borrower and the fields.

let w: World
beforeAll(async () => {
  w = await makeWorld()
})
afterAll(() => w.t.close())

const row = (o: {
  name: string
  id: string
  phone?: string
  village?: string
  income?: string | number
  officer?: string
}) => [
  '个人',
  o.name,
  o.id,
  '',
  o.phone ?? '13800001111',
  o.village ?? '青山镇前进村',
  '3组',
  '',
  '种植户',
  o.income ?? 50000,
  'AA',
  '',
  '',
  o.officer ?? '',
]

describe('import that changes existing borrowers: old → new, confirm first', () => {
  const wangId = makeId('19850301', 811)
  const liId = makeId('19850301', 813)

  it('a rename shows 王静 → 王晶 in the preview and changes nothing until confirmed', async () => {
    const first = await xlsxBase64(BORROWER_HEADERS, [
      row({ name: '王静', id: wangId }),
      row({ name: '李强', id: liId }),
    ])
    expect(await w.t.call('imports.commit', { kind: 'borrowers', contentBase64: first }, w.tokens.officer)).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
    })

    // 王静 renamed and her income changed (50,000.00 元 → 62,500.50 元); 李强 unchanged.
    const renamed = await xlsxBase64(BORROWER_HEADERS, [
      row({ name: '王晶', id: wangId, income: '62,500.50' }),
      row({ name: '李强', id: liId }),
    ])
    const p = await w.t.call('imports.preview', { kind: 'borrowers', contentBase64: renamed }, w.tokens.officer)
    expect(p).toMatchObject({ toCreate: 0, toUpdate: 1, unchanged: 1, changeCount: 1 })
    expect(p.changes).toEqual([
      {
        row: 2,
        id: expect.any(Number),
        label: '王静',
        fields: [
          { field: '姓名/名称', from: '王静', to: '王晶' },
          { field: '家庭年收入', from: '50,000.00 元', to: '62,500.50 元' },
        ],
      },
    ])

    // Without the confirmation nothing is written.
    const e = await w.t.fail('imports.commit', { kind: 'borrowers', contentBase64: renamed }, w.tokens.officer)
    expect(e.code).toBe('VALIDATION')
    expect(e.message).toMatch(/将修改 1 条已有借款人记录，请先预览修改内容并确认/)
    // A confirmation of a different change list is refused too.
    expect(
      (
        await w.t.fail(
          'imports.commit',
          { kind: 'borrowers', contentBase64: renamed, confirmedUpdates: 2 },
          w.tokens.officer,
        )
      ).message,
    ).toMatch(/请重新预览/)
    const names = async () =>
      (await w.t.call('borrowers.list', { limit: 500 }, w.tokens.manager)).rows.map((r) => r.name)
    expect(await names()).toContain('王静')
    expect(await names()).not.toContain('王晶')

    expect(
      await w.t.call(
        'imports.commit',
        { kind: 'borrowers', contentBase64: renamed, confirmedUpdates: 1 },
        w.tokens.officer,
      ),
    ).toEqual({ created: 0, updated: 1, unchanged: 1 })
    expect(await names()).toContain('王晶')
    expect(await names()).not.toContain('王静')
  })

  it('the audit entry and the borrower history name the borrower and the fields', async () => {
    const b = (await w.t.call('borrowers.list', { limit: 500 }, w.tokens.manager)).rows.find((r) => r.name === '王晶')!
    const expected = 'Excel 导入修改借款人 王静：姓名/名称 王静 → 王晶；家庭年收入 50,000.00 元 → 62,500.50 元'
    const audit = await w.t.call('audit.list', { entity: 'borrower' }, w.tokens.admin)
    expect(audit.entries[0]?.summary).toBe(expected)
    const d = await w.t.call('borrowers.get', { id: b.id }, w.tokens.officer)
    expect(d.timeline[0]?.summary).toBe(expected)
  })

  it('phones are masked in the change list for roles without pii.view and always in the audit line; officers are named', async () => {
    const changed = await xlsxBase64(BORROWER_HEADERS, [
      row({ name: '李强', id: liId, phone: '13900002222', officer: 'officer1' }),
    ])
    const asManager = await w.t.call('imports.preview', { kind: 'borrowers', contentBase64: changed }, w.tokens.manager)
    expect(asManager.changes[0]?.fields).toEqual([{ field: '手机号', from: '13800001111', to: '13900002222' }])
    // Assign to officer2 as the manager: the officer column shows display names, not ids.
    const moved = await xlsxBase64(BORROWER_HEADERS, [row({ name: '李强', id: liId, officer: 'officer2' })])
    const m = await w.t.call('imports.preview', { kind: 'borrowers', contentBase64: moved }, w.tokens.manager)
    const officers = await w.t.call('users.list', {}, w.tokens.admin)
    const dn = (u: string) => officers.find((x) => x.username === u)!.displayName
    expect(m.changes[0]?.fields).toEqual([{ field: '管户信贷员', from: dn('officer1'), to: dn('officer2') }])
    await w.t.call(
      'imports.commit',
      { kind: 'borrowers', contentBase64: changed, confirmedUpdates: 1 },
      w.tokens.manager,
    )
    const audit = await w.t.call('audit.list', { entity: 'borrower' }, w.tokens.admin)
    expect(audit.entries[0]?.summary).toBe('Excel 导入修改借款人 李强：手机号 138****1111 → 139****2222')
  })

  it('a loan changed by import names the contract and shows labels, not codes', async () => {
    const b = await w.borrower('贷改一')
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
    const l = (method: string, guarantee: string) => [
      [
        'DIFF-001',
        'DIFFJ-001',
        b.idNumber,
        '农户小额信用贷款',
        50000,
        '4.35',
        12,
        method,
        '2026-01-05',
        '2027-01-05',
        '种植',
        guarantee,
        '',
      ],
    ]
    await w.t.call(
      'imports.commit',
      { kind: 'loans', contentBase64: await xlsxBase64(LH, l('等额本息', '保证')) },
      w.tokens.officer,
    )
    const p = await w.t.call(
      'imports.preview',
      { kind: 'loans', contentBase64: await xlsxBase64(LH, l('等额本金', '抵押')) },
      w.tokens.officer,
    )
    expect(p.changes).toEqual([
      {
        row: 2,
        id: expect.any(Number),
        label: '合同 DIFF-001',
        fields: [
          { field: '还款方式', from: '等额本息', to: '等额本金' },
          { field: '担保方式', from: '保证', to: '抵押' },
        ],
      },
    ])
  })

  it('exports show labels, not codes (status, security type)', async () => {
    const b = await w.t.call('imports.export', { list: 'borrowers' }, w.tokens.manager)
    const brows = await readXlsx(b.contentBase64)
    expect(brows.slice(1).map((r) => r[14])).toEqual(expect.arrayContaining(['正常']))
    expect(brows.slice(1).some((r) => r[14] === 'active')).toBe(false)
    const l = await readXlsx((await w.t.call('imports.export', { list: 'loans' }, w.tokens.manager)).contentBase64)
    const row = l.find((r) => r[0] === 'DIFF-001')!
    expect([row[9], row[11]]).toEqual(['保证', '未结清']) // the change to 抵押 was only previewed, never confirmed
  })
})
