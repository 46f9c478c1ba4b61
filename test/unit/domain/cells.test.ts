import { describe, expect, it } from 'vitest'
import { parseDateCell, parseYuanCell } from '../../../shared/domain/cells'

// Issue 14 item 8: one parser for numbers and dates in both Excel importers (borrowers/loans/
// guarantors/collateral in imports/kinds.ts and the servicing plan/repayment import), one table.
// Expected 分 worked by hand: 1,234.56 元 = 1234 × 100 + 56 = 123456 分.

const yuanCases: [string, number | null][] = [
  ['50000', 5_000_000],
  ['1,234.56', 123_456],
  ['¥1,234.5', 123_450],
  ['￥ 80,000.00', 8_000_000],
  ['1234.56元', 123_456],
  ['0', 0],
  ['0.05', 5],
  ['-5', null], // negative: refused
  ['1,23,4', null], // grouping not in threes: refused, not guessed
  ['12.345', null], // more than 2 decimals
  ['五万', null],
  ['', null],
]

const dateCases: [string, string | null][] = [
  ['2026-01-05', '2026-01-05'],
  ['2026/1/5', '2026-01-05'],
  ['2026.1.5', '2026-01-05'],
  ['20260105', '2026-01-05'],
  ['2026年1月5日', '2026-01-05'],
  [' 2026-12-31 ', '2026-12-31'],
  ['2024-02-29', '2024-02-29'], // leap year
  ['2026-02-29', null], // not a leap year
  ['2026-13-01', null],
  ['26-1-5', null],
  ['2026-01', null],
]

describe('Excel cell parser shared by both importers', () => {
  it.each(yuanCases)('amount %s → %s 分', (text, fen) => {
    const r = parseYuanCell(text)
    if (fen === null) expect(r.ok).toBe(false)
    else expect(r).toEqual({ ok: true, value: fen })
  })

  it.each(dateCases)('date %s → %s', (text, iso) => {
    const r = parseDateCell(text)
    if (iso === null) expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/^日期无效/) })
    else expect(r).toEqual({ ok: true, value: iso })
  })

  it('bad amounts say why in zh-CN', () => {
    expect(parseYuanCell('-5')).toEqual({ ok: false, message: '金额不得为负' })
    expect(parseYuanCell('五万')).toEqual({ ok: false, message: '金额格式无效：五万（应为元，如 50000 或 1,234.56）' })
  })
})
