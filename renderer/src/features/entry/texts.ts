import { currentLanguage } from '../../i18n'

// UI text of the borrower and loan entry forms (zh-CN first, en second). Kept beside the
// feature like the servicing and archives texts, so the area ships without touching the shared
// dictionaries other work is editing; same keys in both languages.
const zh = {
  newBorrower: '新增借款人', editBorrower: '编辑借款人', newLoan: '新增贷款', editLoan: '编辑贷款', edit: '编辑',
  individual: '个人', enterprise: '企业/个体工商户', kind: '借款人类型', save: '保存', cancel: '取消', close: '关闭', required: '此项必填',
  name: '姓名', entName: '名称', idNumber: '身份证号', idHint: '18 位，末位可为 X', creditCode: '统一社会信用代码', phone: '手机号',
  village: '村', villageHint: '选择或输入村名', group: '组', address: '地址', occupation: '职业', income: '家庭年收入（元）',
  rating: '信用等级', legalRep: '法定代表人', businessScope: '经营范围', entPhone: '联系电话',
  born: '出生日期 {date} · {sex}', M: '男', F: '女',
  badId: '身份证号无效（位数、出生日期或校验位不符）', badIdChars: '身份证号应为 17 位数字加 1 位数字或 X',
  badCreditCode: '统一社会信用代码无效（字符或校验位不符）', badPhone: '手机号无效（应为 11 位，以 13–19 开头）',
  existing: '查看已登记的借款人 #{id}', borrowerSaved: '已保存借款人 {name}', borrowerCreated: '已登记借款人 {name}',
  borrower: '借款人', borrowerSearch: '输入姓名、拼音首字母、身份证号或手机号搜索', contractNo: '合同号', iouNo: '借据号',
  product: '贷款产品', amount: '金额（元）', rateMode: '利率单位', annual: '年利率 %', monthly: '月息 ‰', rateAnnual: '年利率',
  rateMonthly: '月息', rateEquals: '= 年利率 {annual}%（月息 {monthly}‰）', rateTooFine: '折算后的年利率超过 4 位小数，请改用年利率录入',
  term: '期限（月）', method: '还款方式', disbursementDate: '放款日', maturityDate: '到期日', maturityHint: '= 放款日 + 期限',
  dueDay: '每月还款日', dueDayHint: '可空：默认为放款日对应日', purpose: '借款用途', guaranteeType: '担保方式', officer: '主责任人',
  credit: '信用', guarantee: '保证', mortgage: '抵押', pledge: '质押',
  annuity: '等额本息', equal_principal: '等额本金', quarterly_interest: '按季结息、到期还本', monthly_interest: '按月结息、到期还本', bullet: '利随本清',
  preview: '还款计划预览', firstPayment: '首期还款', firstDue: '首期应还日', periods: '期数', totalInterest: '利息合计', totalPayment: '本息合计',
  previewEmpty: '填写金额、利率、期限和放款日后显示', makePlan: '登记后立即生成还款计划', planLocked: '已生成还款计划：金额、利率、期限、还款方式和日期不能在此修改，请办理展期、重组或提前还款',
  loanCreated: '已登记贷款 {contractNo}', loanSaved: '已保存贷款 {contractNo}', planCreated: '已生成还款计划，共 {n} 期', planFailed: '还款计划未生成：{msg}',
  createPlan: '生成还款计划', goServicing: '前往贷后办理', loading: '加载中…', choose: '请选择',
}
const en: typeof zh = {
  newBorrower: 'New borrower', editBorrower: 'Edit borrower', newLoan: 'New loan', editLoan: 'Edit loan', edit: 'Edit',
  individual: 'Individual', enterprise: 'Enterprise / sole trader', kind: 'Borrower type', save: 'Save', cancel: 'Cancel', close: 'Close', required: 'Required',
  name: 'Name', entName: 'Name', idNumber: 'ID number', idHint: '18 characters, the last may be X', creditCode: 'Unified credit code', phone: 'Mobile',
  village: 'Village', villageHint: 'Pick or type', group: 'Group', address: 'Address', occupation: 'Occupation', income: 'Household income (yuan)',
  rating: 'Credit rating', legalRep: 'Legal representative', businessScope: 'Business scope', entPhone: 'Phone',
  born: 'Born {date} · {sex}', M: 'male', F: 'female',
  badId: 'Invalid ID number (length, birth date or check character)', badIdChars: 'An ID number is 17 digits followed by a digit or X',
  badCreditCode: 'Invalid unified credit code (characters or check character)', badPhone: 'Invalid mobile number (11 digits starting 13–19)',
  existing: 'Open the registered borrower #{id}', borrowerSaved: 'Saved {name}', borrowerCreated: 'Registered {name}',
  borrower: 'Borrower', borrowerSearch: 'Search by name, pinyin initials, ID or phone', contractNo: 'Contract no.', iouNo: 'IOU no.',
  product: 'Product', amount: 'Amount (yuan)', rateMode: 'Rate unit', annual: 'Annual %', monthly: 'Monthly ‰', rateAnnual: 'Annual rate',
  rateMonthly: 'Monthly rate', rateEquals: '= {annual}% a year ({monthly}‰ a month)', rateTooFine: 'The annual rate would have more than 4 decimals; enter it as an annual rate',
  term: 'Term (months)', method: 'Repayment method', disbursementDate: 'Disbursed on', maturityDate: 'Matures on', maturityHint: '= disbursement + term',
  dueDay: 'Monthly due day', dueDayHint: 'Optional: defaults to the disbursement day', purpose: 'Purpose', guaranteeType: 'Security', officer: 'Responsible officer',
  credit: 'Unsecured', guarantee: 'Guarantee', mortgage: 'Mortgage', pledge: 'Pledge',
  annuity: 'Equal installments', equal_principal: 'Equal principal', quarterly_interest: 'Quarterly interest, bullet principal', monthly_interest: 'Monthly interest, bullet principal', bullet: 'Bullet',
  preview: 'Plan preview', firstPayment: 'First payment', firstDue: 'First due', periods: 'Installments', totalInterest: 'Total interest', totalPayment: 'Total repaid',
  previewEmpty: 'Shown once amount, rate, term and disbursement date are filled in', makePlan: 'Generate the repayment plan right away', planLocked: 'A repayment plan exists: amount, rate, term, method and dates cannot be changed here; use extension, restructuring or prepayment',
  loanCreated: 'Registered loan {contractNo}', loanSaved: 'Saved loan {contractNo}', planCreated: 'Repayment plan generated: {n} installments', planFailed: 'Plan not generated: {msg}',
  createPlan: 'Generate plan', goServicing: 'Open servicing', loading: 'Loading…', choose: 'Choose',
}

/** A key of the entry-form texts. */
export type EntryKey = keyof typeof zh

/** Text of the entry forms in the current UI language, with `{var}` substitution. */
export function et(key: EntryKey, vars: Record<string, string | number> = {}): string {
  const s = (currentLanguage() === 'en' ? en : zh)[key]
  return s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''))
}
