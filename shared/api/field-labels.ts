/**
 * zh-CN names of input fields, used by the zod error map so every validation message names
 * the field the user can find on the form (`金额：应为整数`). Unknown keys fall back to the key.
 */
export const FIELD_LABELS: Record<string, string> = {
  active: '启用', address: '地址', adminDisplayName: '管理员姓名', adminPassword: '管理员密码', adminUsername: '管理员用户名',
  amount: '金额', annualRate: '年利率', appraisedOn: '评估日期', appraisedValue: '评估价值', approverId: '审批人', asOf: '基准日',
  beforeId: '起始记录', borrowerId: '借款人', borrowerName: '借阅人', branchCode: '机构号', businessScope: '经营范围',
  category: '五级分类', certNo: '权证号', channel: '渠道', code: '代码', collateralId: '抵质押物', condition: '状况',
  contactDate: '联系日期', contentBase64: '文件内容', contractNo: '合同号', creditCode: '统一社会信用代码', creditRating: '信用等级',
  customRows: '自定义计划', date: '日期', days: '天数', description: '描述', dir: '排序方向', disabled: '停用',
  disbursementDate: '发放日期', displayName: '姓名', dryRun: '试运行', dueBack: '应还日期', dueDate: '到期日', dueDay: '还款日',
  effectiveDate: '生效日期', entity: '对象', executedOn: '执行日期', extensionMonths: '展期月数', fileId: '档案', fileIds: '档案',
  filename: '文件名', from: '起始日期', fromOfficerId: '移出信贷员', guaranteeType: '担保方式', headBorrowerId: '户主',
  householdId: '家庭', householdIncome: '家庭收入', id: '编号', idNumber: '身份证号', includeDisabled: '含停用用户',
  insuranceExpiry: '保险到期日', insurancePolicy: '保单号', insured: '已投保', interestBasis: '计息方式', iouNo: '借据号',
  itemId: '项目', items: '明细', kind: '类型', legalRep: '法定代表人', lendingId: '借阅记录', lentOn: '借出日期', limit: '条数',
  list: '清单', listId: '清单', loanId: '贷款', loanIds: '贷款', location: '坐落', maturityDate: '到期日期', method: '还款方式',
  mime: '文件类型', mode: '保证方式', name: '名称', newPassword: '新密码', note: '备注', occupation: '职业', officerId: '信贷员',
  offset: '起始位置', oldPassword: '原密码', openOnly: '仅未结', orgName: '机构名称', original: '原件',
  otherRightCertNo: '他项权证号', outcome: '结果', overdueOnly: '仅逾期', overpayment: '多付款', ownerName: '所有权人', pages: '页数',
  paidDate: '还款日期', password: '密码', periodEnd: '保证期间止', periodStart: '保证期间起', phone: '手机号', principal: '本金',
  product: '贷款产品', purpose: '用途', q: '查询内容', rate: '利率', rateMode: '利率方式', reason: '原因', receiptNo: '回单号',
  relation: '与户主关系', repaymentId: '还款记录', retentionYears: '保管年限', returnedOn: '归还日期', role: '角色', rows: '行',
  settledDate: '结清日期', sha256: '校验值', sort: '排序', startDate: '开始日期', state: '状态', status: '状态',
  termMonths: '期限（月）', to: '截止日期', toOfficerId: '接收信贷员', top: '条数', type: '类型', username: '用户名',
  value: '价值', valuedOn: '估值日期', valuer: '评估人', village: '村', villageGroup: '组', year: '年份',
}

/** The zh-CN label of an input path, e.g. `['rows', 2, 'amount']` → `第 3 行金额`. */
export function fieldLabel(path: readonly PropertyKey[]): string {
  let label = ''
  for (const key of path) {
    if (typeof key === 'number') label += `第 ${key + 1} 项`
    else if (typeof key === 'string') label += FIELD_LABELS[key] ?? key
  }
  return label
}
