import { BUCKET_LABELS, CATEGORY_LABELS, formatFen, isNonPerforming, ratio } from '../../../shared/domain'
import { kpiWorkbook, migrationWorkbook } from './extra-exports'
import { kpiTable, officerKpis } from './kpis'
import { qualityTrend } from './trend'
import type { Handlers } from '../context'
import { writeSheet } from '../imports/xlsx'
import { caller } from '../scope'
import { monthlyReport } from './monthly'
import { monthlyWorkbook } from './monthly-export'
import { saveCommentary } from './monthly-repo'
import { migrationOf, qualityReport } from './quality'

export const reportHandlers = {
  'reports.quality': async (ctx, input) => await qualityReport(ctx, input.asOf, input),

  'reports.migration': async (ctx, input) => migrationOf(ctx, input.from, input.to),

  'reports.monthly': async (ctx, input) => monthlyReport(ctx, input.month),

  'reports.saveCommentary': async (ctx, input) => {
    await saveCommentary(ctx.db, { month: input.month, text: input.text, userId: caller(ctx).userId, at: ctx.nowIso() })
    ctx.audit({
      entity: 'monthly_report',
      entityId: input.month,
      summary: `填写 ${input.month} 月度贷后管理报告点评（${input.text.length} 字）`,
    })
    return { ok: true as const }
  },

  'reports.exportMonthly': async (ctx, input) => {
    const m = await monthlyReport(ctx, input.month)
    const buf = await monthlyWorkbook(m)
    return { fileName: `贷后管理报告-${input.month}.xlsx`, contentBase64: buf.toString('base64') }
  },

  'reports.exportQuality': async (ctx, input) => {
    const q = await qualityReport(ctx, input.asOf, input)
    // Amounts leave as numbers of 元 (cells formatted #,##0.00) so the sheet can sum them.
    const yuan = (fen: number) => fen / 100
    const npl = q.byCategory.reduce((s, c) => s + (isNonPerforming(c.category) ? c.balance : 0), 0)
    const rows: (string | number | null)[][] = [
      ...q.byCategory.map((c) => ['五级分类', CATEGORY_LABELS[c.category], c.count, yuan(c.balance)]),
      ...q.byBucket.map((b) => ['逾期账龄', BUCKET_LABELS[b.bucket], b.count, yuan(b.balance)]),
      ['合计', '', q.total.count, yuan(q.total.balance)],
      ['不良率', `${ratio(npl * 100, q.total.balance, 2)}%`, null, null],
    ]
    const slice = [input.village && `村：${input.village}`, input.product && `产品：${input.product}`]
      .filter(Boolean)
      .join('，')
    const buf = await writeSheet({
      sheet: '资产质量',
      headers: ['项目', '类别', '笔数', '本金余额（元）'],
      rows,
      widths: [14, 16, 10, 18],
      moneyColumns: [3],
      notes: [
        ['截至日期', q.asOf],
        ['范围', slice || '全部'],
        ['本金余额合计', `${formatFen(q.total.balance)} 元`],
      ],
    })
    return { fileName: `资产质量-${q.asOf}.xlsx`, contentBase64: buf.toString('base64') }
  },

  'reports.kpis': async (ctx, input) => ({ ...input, rows: await kpiTable(ctx, input) }),

  'reports.officerKpis': async (ctx, input) => officerKpis(ctx, input),

  'reports.exportKpis': async (ctx, input) => {
    const buf = await kpiWorkbook({ ...input, rows: await kpiTable(ctx, input) })
    return { fileName: `信贷员考核-${input.from}-${input.to}.xlsx`, contentBase64: buf.toString('base64') }
  },

  'reports.exportMigration': async (ctx, input) => {
    const buf = await migrationWorkbook(await migrationOf(ctx, input.from, input.to), input.from, input.to)
    return { fileName: `五级分类迁徙-${input.from}-${input.to}.xlsx`, contentBase64: buf.toString('base64') }
  },

  'reports.trend': async (ctx, input) => ({ points: await qualityTrend(ctx, input.to, input.months) }),
} satisfies Partial<Handlers>
