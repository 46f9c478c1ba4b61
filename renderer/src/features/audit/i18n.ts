// Labels of the audit screen that are not in the app-wide dictionary: i18next namespace 'audit'.
// Method labels come from the contract (each method's zh-CN `summary` in shared/api); the chain
// anchor and business-row checks are issue 14.4.

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

  anchor: {
    title: '审计链锚点',
    hint: '请定期抄录或打印以下条数和哈希，另行保管。日后若有人截断或重写审计日志，校验时与此对照即可发现。',
    count: '记录条数',
    hash: '链头哈希',
    at: '更新时间',
    file: '数据目录中的锚点文件：{{name}}',
    print: '打印锚点',
    none: '尚无审计记录',
    fileBehind: '锚点文件记录 {{count}} 条（稍后自动更新）',
  },
  rows: {
    ok: '业务数据：已核对 {{count}} 行，均与写入时一致。',
    problems: '业务数据：{{changed}} 行在本程序之外被修改，{{deleted}} 行被删除。',
    changed: '被修改',
    deleted: '被删除',
    item: '{{table}} 表第 {{rowId}} 行（最后由第 {{auditId}} 条审计记录写入）{{kind}}',
    anchorBroken: '锚点不符：{{reason}}',
  },
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

  anchor: {
    title: 'Audit chain anchor',
    hint: 'Write down or print the count and hash below and keep them apart. If the audit log is later cut off or rewritten, verification against them shows it.',
    count: 'Entries',
    hash: 'Chain head hash',
    at: 'Updated',
    file: 'Anchor file in the data folder: {{name}}',
    print: 'Print anchor',
    none: 'No audit entries yet',
    fileBehind: 'The anchor file holds {{count}} entries (updated shortly)',
  },
  rows: {
    ok: 'Business data: {{count}} rows checked, all as written.',
    problems: 'Business data: {{changed}} rows changed and {{deleted}} rows deleted outside the app.',
    changed: 'changed',
    deleted: 'deleted',
    item: 'Table {{table}}, row {{rowId}} (last written by audit entry {{auditId}}) {{kind}}',
    anchorBroken: 'Anchor mismatch: {{reason}}',
  },
}
