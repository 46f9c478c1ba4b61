// Labels of the audit screen that are not in the app-wide dictionary: i18next namespace 'audit'.
// Method labels come from the contract (each method's zh-CN `summary` in shared/api).

/** zh-CN texts of the audit namespace. */
export const zh = {
  entities: {
    borrower: '借款人', borrowers: '借款人', loan: '贷款', loans: '贷款', loan_file: '档案', archives: '档案', user: '用户', users: '用户',
    repayment: '还款', repayment_batch: '批量收款', destruction_list: '销毁清单', org: '机构', system: '系统', import: 'Excel 导入',
    imports: 'Excel 导入', portfolio_snapshot: '组合快照', officer_transfer: '责任移交', archive_template: '档案清单模板', auth: '登录与会话',
    audit: '审计', calculator: '贷款计算器', servicing: '贷后', search: '搜索', household: '农户家庭', guarantor: '保证人', collateral: '抵质押物',
  },
  otherEntity: '其他',
  entityNo: '编号 {{id}}',
  systemUser: '系统',
  who: '操作人',
  areaAll: '{{area}}（全部操作）',
}
/** English texts of the audit namespace. */
export const en: typeof zh = {
  entities: {
    borrower: 'Borrower', borrowers: 'Borrower', loan: 'Loan', loans: 'Loan', loan_file: 'File', archives: 'File', user: 'User', users: 'User',
    repayment: 'Repayment', repayment_batch: 'Repayment batch', destruction_list: 'Destruction list', org: 'Organisation', system: 'System',
    import: 'Excel import', imports: 'Excel import', portfolio_snapshot: 'Portfolio snapshot', officer_transfer: 'Officer transfer',
    archive_template: 'Checklist template', auth: 'Sign-in', audit: 'Audit', calculator: 'Calculator', servicing: 'Servicing', search: 'Search',
    household: 'Household', guarantor: 'Guarantor', collateral: 'Collateral',
  },
  otherEntity: 'Other',
  entityNo: 'No. {{id}}',
  systemUser: 'System',
  who: 'By',
  areaAll: '{{area}} (all operations)',
}
