import { z } from 'zod'
import { method } from './contract'
import { isoDate } from './common'
import { RULE_CODES, WARNING_LEVELS } from '../risk/rules'

const int = z.number().int()
const id = int.positive()
const text = (label: string, max = 200) =>
  z.string().trim().min(2, `请填写${label}（至少 2 个字）`).max(max, `${label}最多 ${max} 个字`)
const level = z.enum(WARNING_LEVELS)
const rule = z.enum(RULE_CODES)
const customerClass = z.enum(['A', 'B', 'C'])
const category = z.enum(['normal', 'special_mention', 'substandard', 'doubtful', 'loss'])

/** Fields `servicing.asOf` gains from risk: class, suggested and decided category, 诉讼时效 expiry. */
export const loanRiskFields = {
  customerClass,
  suggestedCategory: category,
  category,
  limitationExpiry: z.string().nullable(),
}

/** Kinds of action taken on a warning. */
export const WARNING_ACTION_KINDS = ['phone', 'visit', 'notice', 'legal', 'other'] as const

/** One warning on the 预警表. */
export const warningView = z.object({
  id,
  loanId: id,
  rule,
  level,
  status: z.enum(['open', 'closed']),
  openedOn: z.string(),
  detail: z.string(),
  contractNo: z.string(),
  borrowerName: z.string(),
  officerId: int,
  officerName: z.string().nullable(),
  closedOn: z.string().nullable(),
  closeKind: z.enum(['manual', 'auto']).nullable(),
  closeReason: z.string().nullable(),
  actions: int,
})
export type WarningView = z.infer<typeof warningView>

export const warningActionView = z.object({
  id,
  kind: z.string(),
  note: z.string(),
  actedOn: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
})

/** Result of one evaluation run. */
export const evaluationRunView = z.object({
  asOf: z.string(),
  loans: int,
  warningsOpened: int,
  warningsResolved: int,
  stored: z.boolean(),
  ms: z.number(),
})

/** The in-process evaluation job, polled by the UI. */
export const jobView = z.object({
  id: int,
  asOf: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  step: int,
  steps: int,
  phase: z.string(),
  result: evaluationRunView.nullable(),
  error: z.string().nullable(),
})
export type JobView = z.infer<typeof jobView>

const ruleSetting = z.object({
  enabled: z.boolean(),
  level,
  params: z.record(z.string(), z.number().min(0).max(100_000)),
})
export const ruleSettingView = ruleSetting.extend({ rule, hasSource: z.boolean() })

const warningFilter = {
  asOf: isoDate.optional(),
  level: level.optional(),
  status: z.enum(['open', 'closed']).optional(),
  rule: rule.optional(),
  loanId: id.optional(),
  officerId: id.optional(),
}

/** A restart (interruption) of the 诉讼时效 with its evidence. */
export const restartView = z.object({ date: z.string(), kind: z.string(), evidence: z.string() })
/** A loan's clocks: 诉讼时效 and each guarantee's 保证期间. */
export const clocksView = z.object({
  loanId: id,
  contractNo: z.string(),
  borrowerName: z.string(),
  asOf: z.string(),
  lastDueDate: z.string().nullable(),
  limitationExpiry: z.string().nullable(),
  daysLeft: int.nullable(),
  restarts: z.array(restartView),
  guarantees: z.array(
    z.object({
      guarantorId: id,
      name: z.string(),
      mode: z.string(),
      principalDueDate: z.string(),
      periodEnd: z.string(),
      daysLeft: int,
      demandedOn: z.string().nullable(),
      guarantorLimitationExpiry: z.string().nullable(),
    }),
  ),
})
export type ClocksView = z.infer<typeof clocksView>

export const limitationRowView = z.object({
  loanId: id,
  contractNo: z.string(),
  borrowerName: z.string(),
  officerName: z.string().nullable(),
  lastDueDate: z.string(),
  lastRestart: z.string().nullable(),
  expiry: z.string(),
  daysLeft: int,
})

export const circleView = z.object({
  members: z.array(z.object({ borrowerId: id, name: z.string(), outstandingPrincipal: int, maxDpd: int })),
  cycles: z.array(z.array(id)),
  exposure: int,
  overdueMembers: int,
})
export type CircleView = z.infer<typeof circleView>

/** Risk monitoring (DOMAIN §5–§7): evaluation runs, warnings, clocks, guarantee circles. */
export const riskMethods = {
  'risk.evaluate': method({
    input: z.object({ asOf: isoDate, store: z.boolean().optional() }),
    output: evaluationRunView,
    access: 'loans.write',
    write: true,
    summary: '风险评估（全部贷款与预警规则）',
  }),
  'risk.startJob': method({
    input: z.object({
      asOf: isoDate.optional(),
      store: z.boolean().optional(),
      onlyIfNotRunToday: z.boolean().optional(),
    }),
    output: jobView.nullable(),
    access: 'loans.read',
    write: false,
    summary: '启动风险评估任务',
  }),
  'risk.job': method({
    input: z.object({}),
    output: jobView.nullable(),
    access: 'loans.read',
    write: false,
    summary: '风险评估任务进度',
  }),
  'risk.warnings': method({
    input: z.object({ ...warningFilter, offset: int.min(0).default(0), limit: int.min(1).max(500).default(50) }),
    output: z.object({ total: int, items: z.array(warningView) }),
    access: 'loans.read',
    write: false,
    summary: '预警表',
  }),
  'risk.warning': method({
    input: z.object({ id }),
    output: warningView.extend({ history: z.array(warningActionView) }),
    access: 'loans.read',
    write: false,
    summary: '预警详情',
  }),
  'risk.counts': method({
    input: z.object({}),
    output: z.object({ red: int, orange: int, yellow: int, lastRunOn: z.string().nullable() }),
    access: 'loans.read',
    write: false,
    summary: '预警数量（按级别）',
  }),
  'risk.addAction': method({
    input: z.object({
      warningId: id,
      kind: z.enum(WARNING_ACTION_KINDS),
      note: text('处置情况', 500),
      actedOn: isoDate,
    }),
    output: warningActionView,
    access: 'loans.write',
    write: true,
    summary: '登记预警处置',
  }),
  'risk.closeWarning': method({
    input: z.object({ warningId: id, reason: text('关闭原因') }),
    output: warningView,
    access: 'loans.write',
    write: true,
    summary: '关闭预警（红色须主管复核）',
  }),
  'risk.exportWarnings': method({
    input: z.object(warningFilter),
    output: z.object({ filename: z.string(), contentBase64: z.string(), rows: int }),
    access: 'loans.read',
    write: false,
    summary: '导出预警表',
  }),
  'risk.rules': method({
    input: z.object({}),
    output: z.array(ruleSettingView),
    access: 'loans.read',
    write: false,
    summary: '预警规则设置',
  }),
  'risk.setRules': method({
    input: z.object({ rules: z.array(ruleSetting.extend({ rule })).min(1) }),
    output: z.array(ruleSettingView),
    access: 'loans.approve',
    write: true,
    summary: '修改预警规则',
  }),
  'risk.clocks': method({
    input: z.object({ loanId: id, asOf: isoDate }),
    output: clocksView,
    access: 'loans.read',
    write: false,
    summary: '诉讼时效与保证期间',
  }),
  'risk.limitationBoard': method({
    input: z.object({
      asOf: isoDate,
      withinDays: int.min(0).max(3650).default(365),
      limit: int.min(1).max(500).default(100),
    }),
    output: z.array(limitationRowView),
    access: 'loans.read',
    write: false,
    summary: '诉讼时效看板',
  }),
  'risk.recordInterruption': method({
    input: z.object({
      loanId: id,
      kind: z.enum(['acknowledgement', 'demand_signed', 'guarantor_demand']),
      guarantorId: id.optional(),
      occurredOn: isoDate,
      evidence: text('证据'),
    }),
    output: clocksView,
    access: 'loans.write',
    write: true,
    summary: '登记时效中断（承认、签收催收、向保证人主张）',
  }),
  'risk.recordConsent': method({
    input: z.object({
      loanId: id,
      guarantorId: id,
      consented: z.boolean(),
      recordedOn: isoDate,
      evidence: text('证据'),
    }),
    output: z.object({ ok: z.literal(true) }),
    access: 'loans.write',
    write: true,
    summary: '登记保证人对展期的书面同意',
  }),
  'risk.circles': method({
    input: z.object({}),
    output: z.array(circleView),
    access: 'loans.read',
    write: false,
    summary: '担保圈',
  }),
  'risk.classHistory': method({
    input: z.object({ borrowerId: id }),
    output: z.array(
      z.object({ fromClass: customerClass.nullable(), toClass: customerClass, asOf: z.string(), detail: z.string() }),
    ),
    access: 'borrowers.read',
    write: false,
    summary: '客户分类变化',
  }),
}
