import { currentLanguage } from '../../i18n'

// UI text of the servicing screens (zh-CN first, en second). Kept beside the feature so the
// area can ship without editing the shared dictionaries; same keys in both languages.
const zh = {
  title: '贷后管理', listSubtitle: '选择贷款查看还款计划、登记还款、打印单据', open: '办理', loan: '贷款', contractNo: '合同号', iouNo: '借据号',
  borrower: '借款人', principal: '本金', rate: '年利率', status: '状态', maturity: '到期日', disbursed: '放款日', method: '还款方式',
  asOf: '查询日期', plan: '还款计划', version: '版本', reason: '原因', effective: '生效日', current: '现行', voided: '已作废',
  seq: '期次', dueDate: '应还日', interest: '利息', paidPrincipal: '已还本金', paidInterest: '已还利息', penalty: '罚息', compound: '复利',
  stateLabel: '状态', paid: '已还清', due: '今日到期', overdue: '逾期', future: '未到期', createPlan: '生成还款计划', noPlan: '尚未生成还款计划',
  overduePrincipal: '逾期本金', overdueInterest: '逾期利息', dpd: '逾期天数', bucket: '账龄', minClass: '最低分类', payoff: '结清金额',
  outstanding: '本金余额', accrued: '应计利息', credit: '挂账余额',
  postTitle: '登记还款', paidDate: '还款日期', amount: '金额（元）', channel: '渠道', receiptNo: '收据号（可空，自动编号）', preview: '预览冲销',
  confirm: '确认登记', allocation: '冲销明细', overpayment: '多缴金额', choose: '多缴部分如何处理', toCredit: '挂账', shorten: '提前还本，缩短期限',
  lower: '提前还本，减少月供', settleChoice: '结清', posted: '已登记，收据号', repayments: '还款记录', reverse: '冲正', reverseReason: '冲正原因',
  reversed: '已冲正', printReceipt: '打印收据', printSchedule: '打印还款计划', printSettlement: '打印结清证明', settle: '办理结清',
  receiptTitle: '还 款 收 据', scheduleTitle: '还 款 计 划 表', settlementTitle: '贷 款 结 清 证 明', amountWords: '金额（大写）',
  amountFigures: '金额（小写）', lender: '贷款人（盖章）', officerSign: '经办人', printedAt: '打印日期', total: '合计', print: '打印',
  dueSoon: '近期到期', days: '天数', reminder: '提醒话术', copy: '复制', copied: '已复制', logContact: '登记联系', outcome: '联系结果',
  lastContact: '最近联系', bulk: '批量收款', bulkHint: '每行一笔：借据号、还款日期、金额；回车换行，先校验再提交，全部无误才登记',
  validate: '校验', commit: '全部登记', rowErrors: '行有错误', committed: '已登记', addRow: '添加一行', back: '返回',
  cash: '现金', transfer: '转账', payroll: '代扣', other: '其他', phone: '电话', sms: '短信', visit: '上门',
  M0: '正常', normal: '正常', special_mention: '关注', substandard: '次级', doubtful: '可疑', loss: '损失',
  annuity: '等额本息', equal_principal: '等额本金', quarterly_interest: '按季结息到期还本', monthly_interest: '按月结息到期还本', bullet: '利随本清',
  custom: '自定义', initial: '初始计划', extension: '展期', restructure: '重组', prepayment: '提前还本', settlement: '结清', import: '导入',
  receipt: '收据号', repayment: '还款', recovery: '核销后收回', actions: '贷款处置', writeOff: '核销', markup: '罚息上浮', paidInterestAll: '已还利息及罚息', date: '日期', months: '月数', importTitle: '导入还款计划和还款记录',
  importHint: 'Excel 两个工作表：“还款计划”（借据号、期次、应还日、本金(元)、利息(元)）和“还款记录”（借据号、还款日、金额(元)、渠道、收据号）；有任何错误则不导入', chooseFile: '选择文件',
  settledCert: '兹证明下列借款已于 {date} 全部结清，本息已还清，借贷双方债权债务关系终止。', active: '正常', settled: '已结清', written_off: '已核销',
}
const en: typeof zh = {
  title: 'Loan servicing', listSubtitle: 'Open a loan to see its plan, post repayments, print documents', open: 'Open', loan: 'Loan', contractNo: 'Contract no.',
  iouNo: 'IOU no.', borrower: 'Borrower', principal: 'Principal', rate: 'Rate', status: 'Status', maturity: 'Maturity', disbursed: 'Disbursed',
  method: 'Method', asOf: 'As of', plan: 'Repayment plan', version: 'Version', reason: 'Reason', effective: 'Effective', current: 'current',
  voided: 'voided', seq: '#', dueDate: 'Due date', interest: 'Interest', paidPrincipal: 'Paid principal', paidInterest: 'Paid interest',
  penalty: 'Penalty', compound: 'Compound', stateLabel: 'State', paid: 'Paid', due: 'Due today', overdue: 'Overdue', future: 'Future',
  createPlan: 'Create plan', noPlan: 'No plan yet', overduePrincipal: 'Overdue principal', overdueInterest: 'Overdue interest', dpd: 'DPD',
  bucket: 'Bucket', minClass: 'Min. class', payoff: 'Payoff', outstanding: 'Outstanding', accrued: 'Accrued interest', credit: 'Credit',
  postTitle: 'Post repayment', paidDate: 'Paid on', amount: 'Amount (CNY)', channel: 'Channel', receiptNo: 'Receipt no. (optional)',
  preview: 'Preview', confirm: 'Confirm', allocation: 'Allocation', overpayment: 'Overpayment', choose: 'Overpayment handling', toCredit: 'Keep as credit',
  shorten: 'Prepay, shorten term', lower: 'Prepay, lower payment', settleChoice: 'Settle', posted: 'Posted, receipt', repayments: 'Repayments',
  reverse: 'Reverse', reverseReason: 'Reason', reversed: 'Reversed', printReceipt: 'Print receipt', printSchedule: 'Print schedule',
  printSettlement: 'Print certificate', settle: 'Settle', receiptTitle: 'Repayment receipt', scheduleTitle: 'Repayment schedule',
  settlementTitle: 'Settlement certificate', amountWords: 'Amount in words', amountFigures: 'Amount', lender: 'Lender (seal)', officerSign: 'Officer',
  printedAt: 'Printed', total: 'Total', print: 'Print', dueSoon: 'Due soon', days: 'Days', reminder: 'Reminder text', copy: 'Copy', copied: 'Copied',
  logContact: 'Log contact', outcome: 'Outcome', lastContact: 'Last contact', bulk: 'Collection sheet',
  bulkHint: 'One payment per row: IOU no., date, amount; Enter adds a row; validate, then commit all or nothing', validate: 'Validate',
  commit: 'Commit all', rowErrors: 'rows with errors', committed: 'Committed', addRow: 'Add row', back: 'Back', cash: 'Cash', transfer: 'Transfer',
  payroll: 'Payroll', other: 'Other', phone: 'Phone', sms: 'SMS', visit: 'Visit', M0: 'Current', normal: 'Normal', special_mention: 'Special mention',
  substandard: 'Substandard', doubtful: 'Doubtful', loss: 'Loss',
  annuity: 'Annuity', equal_principal: 'Equal principal', quarterly_interest: 'Quarterly interest', monthly_interest: 'Monthly interest',
  bullet: 'Bullet', custom: 'Custom', initial: 'Initial', extension: 'Extension', restructure: 'Restructure', prepayment: 'Prepayment',
  settlement: 'Settlement', import: 'Import', receipt: 'Receipt no.', repayment: 'Repayment', recovery: 'Recovery', actions: 'Actions', writeOff: 'Write off', markup: 'Penalty markup', paidInterestAll: 'Paid interest and penalties', date: 'Date', months: 'Months', importTitle: 'Import plans and payment history',
  importHint: 'Two sheets: 还款计划 (IOU no., period, due date, principal, interest) and 还款记录 (IOU no., date, amount, channel, receipt no.); nothing is imported while any row has a problem', chooseFile: 'Choose file',
  settledCert: 'This certifies that the loan below was settled in full on {date}.', active: 'Active', settled: 'Settled', written_off: 'Written off',
}

/** A key of the servicing texts. */
export type ServicingKey = keyof typeof zh

/** Text of the servicing screens in the current UI language. */
export function st(key: ServicingKey, vars: Record<string, string> = {}): string {
  const s = (currentLanguage() === 'en' ? en : zh)[key]
  return s.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '')
}
