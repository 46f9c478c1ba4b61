// zh-CN names for audit summaries and exports (the UI has its own i18n texts).
import type { Category } from '../../../shared/domain'
import type { RuleCode, WarningLevel } from '../../../shared/risk'

export const RULE_LABELS: Record<RuleCode, string> = {
  overdue: '逾期',
  limitation: '诉讼时效',
  guarantee_period: '保证期间',
  collateral_coverage: '抵质押覆盖率',
  maturity: '即将到期',
  guarantor_overdue: '保证人逾期',
  guarantee_circle: '担保圈',
  concentration: '集中度',
  extension_consent: '展期未获保证人同意',
  broken_promise: '承诺还款未履行',
  first_check: '首次检查未做',
  inspection_overdue: '贷后检查逾期',
}
export const LEVEL_LABELS: Record<WarningLevel, string> = { red: '红色', orange: '橙色', yellow: '黄色' }
export const ACTION_LABELS: Record<string, string> = {
  phone: '电话',
  visit: '上门',
  notice: '书面通知',
  legal: '法律措施',
  other: '其他',
}
export const CATEGORY_LABELS: Record<Category, string> = {
  normal: '正常',
  special_mention: '关注',
  substandard: '次级',
  doubtful: '可疑',
  loss: '损失',
}
