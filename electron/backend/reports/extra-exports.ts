// Excel sheets of the KPI table and the migration matrix: numbers as numbers, amounts in 元 with the
// #,##0.00 format, ratios as percentages (numbers) so the sheet can sort and sum them.
import type { KpiView, MigrationView } from '../../../shared/api/reports'
import { type MIGRATION_STATES } from '../../../shared/api/reports'
import { CATEGORY_LABELS, type Category } from '../../../shared/domain'
import { writeSheet } from '../imports/xlsx'

const yuan = (fen: number) => fen / 100
/** "0.8750" → 87.5 (percent, a number); null stays empty. */
const pct = (r: string | null) => (r === null ? null : Math.round(Number(r) * 10000) / 100)

/** The ranked KPI table as .xlsx bytes. */
export function kpiWorkbook(k: KpiView): Promise<Buffer> {
  return writeSheet({
    sheet: '信贷员考核',
    headers: [
      '排名',
      '信贷员',
      '贷款笔数',
      '本金余额（元）',
      '检查按时率（%）',
      '首次检查及时率（%）',
      `预警 ${k.warningDays} 天内处置率（%）`,
      '逾期户均联系（次）',
      '承诺兑现率（%）',
      '逾期率（%）',
      '不良率（%）',
      '核销后收回（元）',
      '综合得分（%）',
    ],
    rows: k.rows.map((r) => [
      r.rank,
      r.officerName,
      r.loans,
      yuan(r.balance),
      pct(r.inspectionsOnTimeRate),
      pct(r.firstCheckRate),
      pct(r.warningsHandledRate),
      r.contactsPerOverdueLoan === null ? null : Number(r.contactsPerOverdueLoan),
      pct(r.promisesKeptRate),
      pct(r.overdueRate),
      pct(r.nplRatio),
      yuan(r.recoveries),
      pct(r.score),
    ]),
    widths: [6, 12, 10, 16, 14, 16, 18, 16, 14, 10, 10, 16, 14],
    moneyColumns: [3, 11],
    notes: [
      ['考核期间', `${k.from} 至 ${k.to}`],
      ['预警处置时限', `${k.warningDays} 天`],
      ['说明', '比率为百分数；无应检查、预警或承诺时留空；综合得分为四项过程指标（检查、首检、预警、承诺）的平均值'],
    ],
  })
}

const STATE_LABELS: Record<(typeof MIGRATION_STATES)[number], string> = {
  new: '新发放',
  closed: '结清/核销',
  ...(CATEGORY_LABELS as Record<Category, string>),
}

/** The migration matrix as rows from → to with count and balance, then a count grid. */
export function migrationWorkbook(m: MigrationView, from: string, to: string): Promise<Buffer> {
  return writeSheet({
    sheet: '五级分类迁徙',
    headers: ['期初分类', '期末分类', '笔数', '期末本金余额（元）'],
    rows: m.rows.map((r) => [STATE_LABELS[r.from], STATE_LABELS[r.to], r.count, yuan(r.balance)]),
    widths: [14, 14, 10, 20],
    moneyColumns: [3],
    notes: [
      ['期初日期', from],
      ['期末日期', to],
      ['说明', '期初未发放的贷款记为“新发放”，期末已结清或核销的记为“结清/核销”（余额为 0）'],
    ],
  })
}
