// Risk monitoring handlers: evaluation runs (in a call or as a polled job), the 预警表 with
// actions and closing, rule settings, clocks, guarantee circles and customer class history.
import { AppError, hasPermission } from '../../../shared/api'
import { RULE_CODES, type RuleCode, type RuleSetting } from '../../../shared/risk'
import type { Ctx, Handlers } from '../context'
import { assertInPortfolio, caller, scopeOfficer } from '../scope'
import { allocationOrder } from '../servicing/core'
import { writeSheet } from '../imports/xlsx'
import { clockHandlers } from './clock-handlers'
import { circleHandlers } from './circles'
import { currentJob, runSummary, startJob } from './job'
import { classHistory, lastRunOn, loadRuleSettings, saveRuleSettings } from './risk-repo'
import { RISK_RULES } from './rules'
import { rawOf } from '../db/raw'
import { computeRun, storeRun } from './run'
import { RULE_LABELS, LEVEL_LABELS, ACTION_LABELS } from './labels'
import {
  type WarningFilter,
  allWarnings,
  closeWarning,
  findWarning,
  insertAction,
  listActions,
  listWarnings,
  openCounts,
} from './warnings-repo'

async function warningInScope(ctx: Ctx, id: number) {
  const w = await findWarning(ctx.db, id, scopeOfficer(ctx))
  if (!w) throw new AppError('NOT_FOUND', `预警 #${id} 不存在或不在您的管户范围内`)
  return w
}

function filterOf(ctx: Ctx, i: Omit<WarningFilter, 'scopeOfficerId'>): WarningFilter {
  return {
    asOf: i.asOf,
    level: i.level,
    status: i.status,
    rule: i.rule,
    loanId: i.loanId,
    officerId: i.officerId,
    scopeOfficerId: scopeOfficer(ctx),
  }
}

function rulesView(s: Record<RuleCode, RuleSetting>) {
  return RULE_CODES.map((rule) => ({ rule, ...s[rule], hasSource: RISK_RULES[rule] !== null }))
}

export const riskHandlers = {
  'risk.evaluate': async (ctx, input) => {
    const store = input.store ?? input.asOf === ctx.today()
    const c = await computeRun(ctx.db, rawOf(ctx.db), input.asOf, allocationOrder(ctx))
    const r = await storeRun(ctx.db, rawOf(ctx.db), c, { write: store, by: caller(ctx).userId, now: ctx.nowIso() })
    ctx.audit({
      entity: 'risk_run',
      entityId: input.asOf,
      summary: store ? runSummary(r, r.classChanges) : `风险评估试算（不保存）：截至 ${input.asOf}，${r.loans} 笔贷款`,
    })
    return {
      asOf: r.asOf,
      loans: r.loans,
      warningsOpened: r.warningsOpened,
      warningsResolved: r.warningsResolved,
      stored: store,
      ms: c.ms,
    }
  },

  'risk.startJob': async (ctx, input) => {
    const asOf = input.asOf ?? ctx.today()
    return startJob(ctx, {
      asOf,
      store: input.store ?? asOf === ctx.today(),
      onlyIfNotRunToday: input.onlyIfNotRunToday ?? false,
    })
  },

  'risk.job': async (ctx) => currentJob(ctx.env),

  'risk.warnings': async (ctx, input) =>
    listWarnings(ctx.db, filterOf(ctx, input), { offset: input.offset, limit: input.limit }),

  'risk.warning': async (ctx, input) => {
    const w = await warningInScope(ctx, input.id)
    return { ...w, history: await listActions(ctx.db, w.id) }
  },

  'risk.counts': async (ctx) => ({
    ...(await openCounts(ctx.db, scopeOfficer(ctx))),
    lastRunOn: await lastRunOn(ctx.db),
  }),

  'risk.addAction': async (ctx, input) => {
    const w = await warningInScope(ctx, input.warningId)
    if (w.status !== 'open') throw new AppError('CONFLICT', '预警已关闭，不能再登记处置')
    const id = await insertAction(ctx.db, {
      warningId: w.id,
      kind: input.kind,
      note: input.note,
      actedOn: input.actedOn,
      by: caller(ctx).userId,
      now: ctx.nowIso(),
    })
    ctx.audit({
      entity: 'risk_warning',
      entityId: w.id,
      summary: `预警处置：合同 ${w.contractNo}（${w.borrowerName}）${RULE_LABELS[w.rule]}，${input.actedOn} ${ACTION_LABELS[input.kind]}：${input.note}`,
    })
    return (await listActions(ctx.db, w.id)).find((a) => a.id === id)!
  },

  'risk.closeWarning': async (ctx, input) => {
    const w = await warningInScope(ctx, input.warningId)
    if (w.status !== 'open') throw new AppError('CONFLICT', '预警已关闭')
    if (w.level === 'red' && !hasPermission(caller(ctx).role, 'loans.approve'))
      throw new AppError('FORBIDDEN', '红色预警须由主管复核后关闭')
    await closeWarning(ctx.db, w.id, { on: ctx.today(), kind: 'manual', reason: input.reason, by: caller(ctx).userId })
    ctx.audit({
      entity: 'risk_warning',
      entityId: w.id,
      summary: `关闭${LEVEL_LABELS[w.level]}预警：合同 ${w.contractNo}（${w.borrowerName}）${RULE_LABELS[w.rule]}；原因：${input.reason}`,
    })
    return (await findWarning(ctx.db, w.id, null))!
  },

  'risk.exportWarnings': async (ctx, input) => {
    const items = await allWarnings(ctx.db, filterOf(ctx, input))
    const headers = [
      '级别',
      '规则',
      '合同号',
      '借款人',
      '管户信贷员',
      '预警内容',
      '开立日',
      '状态',
      '处置次数',
      '关闭日',
      '关闭原因',
    ]
    const rows = items.map((w) => [
      LEVEL_LABELS[w.level],
      RULE_LABELS[w.rule],
      w.contractNo,
      w.borrowerName,
      w.officerName,
      w.detail,
      w.openedOn,
      w.status === 'open' ? '未关闭' : w.closeKind === 'auto' ? '自动解除' : '已关闭',
      w.actions,
      w.closedOn,
      w.closeReason,
    ])
    const buf = await writeSheet({ sheet: '预警表', headers, rows })
    return { filename: `预警表-${ctx.today()}.xlsx`, contentBase64: buf.toString('base64'), rows: rows.length }
  },

  'risk.rules': async (ctx) => rulesView(await loadRuleSettings(ctx.db)),

  'risk.setRules': async (ctx, input) => {
    const s = await loadRuleSettings(ctx.db)
    const changed: string[] = []
    for (const r of input.rules) {
      const next: RuleSetting = { enabled: r.enabled, level: r.level, params: { ...s[r.rule].params } }
      for (const [k, v] of Object.entries(r.params)) if (k in next.params) next.params[k] = v
      if (JSON.stringify(next) !== JSON.stringify(s[r.rule]))
        changed.push(
          `${RULE_LABELS[r.rule]}（${next.enabled ? '启用' : '停用'}，${LEVEL_LABELS[next.level]}${Object.entries(
            next.params,
          )
            .map(([k, v]) => `，${k}=${v}`)
            .join('')}）`,
        )
      s[r.rule] = next
    }
    await saveRuleSettings(ctx.db, s)
    ctx.audit({
      entity: 'settings',
      entityId: 'risk.rules',
      summary: changed.length ? `修改预警规则：${changed.join('；')}` : '预警规则未变化',
    })
    return rulesView(s)
  },

  'risk.classHistory': async (ctx, input) => {
    const b = await ctx.db
      .selectFrom('borrowers')
      .select(['officer_id'])
      .where('id', '=', input.borrowerId)
      .executeTakeFirst()
    if (!b) throw new AppError('NOT_FOUND', `借款人 #${input.borrowerId} 不存在`)
    if (b.officer_id !== null) assertInPortfolio(ctx, b.officer_id, '借款人')
    return classHistory(ctx.db, input.borrowerId)
  },
  ...clockHandlers,
  ...circleHandlers,
} satisfies Partial<Handlers>
