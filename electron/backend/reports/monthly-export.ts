// The monthly report as one Excel sheet: amounts as numbers of 元 (formatted), counts as numbers.
import type { MonthlyView } from '../../../shared/api/reports'
import { CATEGORY_LABELS, formatFen, isNonPerforming, ratio } from '../../../shared/domain'
import { writeSheet } from '../imports/xlsx'

type Cell = string | number | null
const yuan = (fen: number) => fen / 100

function nplPercent(q: MonthlyView['quality']): string {
  const npl = q.byCategory.reduce((s, c) => s + (isNonPerforming(c.category) ? c.balance : 0), 0)
  return `${ratio(npl * 100, q.total.balance, 2)}%`
}

/** Rows: part, item, count, amount (元), note. */
export function monthlyRows(m: MonthlyView): Cell[][] {
  const rows: Cell[][] = []
  const prev = new Map(m.previous.byCategory.map((c) => [c.category, c]))
  rows.push([
    '资产质量',
    '贷款合计',
    m.quality.total.count,
    yuan(m.quality.total.balance),
    `上月末 ${m.previous.total.count} 笔，${formatFen(m.previous.total.balance)} 元`,
  ])
  for (const c of m.quality.byCategory) {
    const p = prev.get(c.category)!
    rows.push([
      '五级分类',
      CATEGORY_LABELS[c.category],
      c.count,
      yuan(c.balance),
      `上月末 ${p.count} 笔，${formatFen(p.balance)} 元`,
    ])
  }
  rows.push(['资产质量', '不良率', null, null, `本月末 ${nplPercent(m.quality)}，上月末 ${nplPercent(m.previous)}`])
  for (const s of m.sections) {
    for (const r of s.rows) {
      if (r.unit === 'count') rows.push([s.title, r.label, r.value, null, null])
      else if (r.unit === 'fen') rows.push([s.title, r.label, null, yuan(Number(r.value)), null])
      else rows.push([s.title, r.label, null, null, String(r.value)])
    }
  }
  for (const c of m.concerns) {
    rows.push([
      '关注贷款',
      `${c.contractNo} ${c.borrowerName}`,
      c.dpd,
      yuan(c.balance),
      `${CATEGORY_LABELS[c.category]}，逾期 ${c.dpd} 天，管户 ${c.officerName}`,
    ])
  }
  return rows
}

/** The .xlsx bytes of the monthly report; the commentary goes to the notes sheet. */
export function monthlyWorkbook(m: MonthlyView): Promise<Buffer> {
  return writeSheet({
    sheet: `贷后管理报告 ${m.month}`,
    headers: ['部分', '项目', '笔数/次数/天数', '金额（元）', '说明'],
    rows: monthlyRows(m),
    widths: [14, 30, 16, 18, 44],
    moneyColumns: [3],
    notes: [
      ['报告月份', m.month],
      ['截至日期', m.asOf],
      ['主管点评', m.commentary?.text ?? '（未填写）'],
    ],
  })
}
