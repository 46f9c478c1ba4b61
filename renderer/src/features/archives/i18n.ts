// UI text of the archives screens (borrowers, files, search, import): i18next namespace 'archives'.
// zh-CN is the source of the keys; `en` must have the same keys.

/** zh-CN texts of the archives namespace. */
export const zh = {
  borrowers: '借款人档案', borrowersSubtitle: '按村、信贷员、信用等级、状态筛选；点击查看详情', name: '姓名/名称', idNumber: '证件号', phone: '手机号',
  village: '村', group: '组', rating: '信用等级', officer: '管户信贷员', status: '状态', kind: '类型', individual: '个人', enterprise: '企业',
  all: '全部', total: '共 {{n}} 条', sort: '排序', sortId: '登记顺序', sortName: '姓名', sortVillage: '村', sortRating: '信用等级',
  exportXlsx: '导出 Excel', profile: '基本信息', household: '家庭成员', loans: '贷款', guarantees: '对外担保', collaterals: '抵质押物', files: '档案',
  timeline: '操作记录', birthDate: '出生日期', sex: '性别', M: '男', F: '女', address: '地址', occupation: '职业', income: '家庭年收入', legalRep: '法定代表人',
  relation: '关系', head: '户主', spouse: '配偶', child: '子女', parent: '父母', sibling: '兄弟姐妹', other: '其他', contractNo: '合同号',
  principal: '金额', maturity: '到期日', amount: '金额', mode: '方式', general: '一般保证', joint: '连带责任保证', periodEnd: '保证期至', value: '价值',
  fileNo: '档案编号', completeness: '完整度', none: '无', masked: '证件号与手机号已脱敏', active: '正常', inactive: '停用', blacklisted: '黑名单',
  workbench: '档案工作台', workbenchSubtitle: '缺件、借出与逾期、到期待销毁', asOf: '日期', missing: '缺件档案', lent: '借出中', overdue: '逾期未还',
  due: '到期待销毁', register: '档案登记', registerHint: '输入合同号登记档案，自动生成档案编号', registerBtn: '登记', location: '存放位置',
  registered: '已登记档案 {{fileNo}}', open: '查看', checklist: '档案清单', item: '项目', state: '状态', present: '已归档', absent: '缺失', na: '不适用',
  original: '原件', copy: '复印件', pages: '页数', scan: '扫描件', attach: '上传扫描件', attached: '已上传 {{name}}', deduplicated: '（内容已存在，未重复保存）',
  preview: '预览', verify: '校验完整性', verifyOk: '全部 {{n}} 个扫描件完好', verifyBad: '{{n}} 个扫描件异常', lend: '借出', lendTitle: '借阅登记',
  borrowerName: '借阅人', purpose: '用途', approver: '审批人', lentOn: '借出日期', dueBack: '应还日期', returnedOn: '归还日期', returnBtn: '归还',
  returned: '已归还', lendings: '借阅记录', condition: '状况', legalHold: '诉讼保全', keeper: '保管人', retention: '保管期限至', in_store: '在库',
  transferred: '已移交', destroyed: '已销毁', back: '返回', save: '保存', importTitle: 'Excel 导入', importSubtitle: '下载模板填写后上传；先预览，全部无误才导入',
  importKind: '导入内容', borrowersKind: '借款人', loansKind: '贷款', guarantorsKind: '保证人', collateralsKind: '抵质押物', template: '下载模板',
  chooseFile: '选择 Excel 文件', previewBtn: '预览校验', commitBtn: '导入', problems: '发现 {{n}} 处错误，请修改后重新上传', row: '行', column: '列',
  reason: '原因', previewOk: '共 {{total}} 行：新增 {{create}}，更新 {{update}}，未变 {{same}}', imported: '导入完成：新增 {{create}}，更新 {{update}}，未变 {{same}}',
  search: '搜索', searchHint: '姓名、拼音首字母、身份证号或后 4–6 位、手机号、合同号/借据号/档案号', searchEmpty: '没有找到匹配的记录',
  borrowerType: '借款人', loanType: '贷款', fileType: '档案', truncated: '结果较多，仅显示前 {{n}} 条', loading: '加载中…',
  propose: '编制销毁清单（{{n}} 卷）', proposed: '待审批', approved: '已审批', executed: '已销毁', approve: '审批', execute: '执行销毁',
  placeHold: '诉讼保全', releaseHold: '解除保全', holdReason: '保全原因（如案号）',
  conditionIntact: '完好', locationHint: 'A柜-3层-12盒',
}

export const en: typeof zh = {
  borrowers: 'Borrowers', borrowersSubtitle: 'Filter by village, officer, rating, status; click for details', name: 'Name', idNumber: 'ID no.', phone: 'Phone',
  village: 'Village', group: 'Group', rating: 'Rating', officer: 'Officer', status: 'Status', kind: 'Kind', individual: 'Individual', enterprise: 'Enterprise',
  all: 'All', total: '{{n}} in total', sort: 'Sort', sortId: 'Registration', sortName: 'Name', sortVillage: 'Village', sortRating: 'Rating',
  exportXlsx: 'Export Excel', profile: 'Profile', household: 'Household', loans: 'Loans', guarantees: 'Guarantees given', collaterals: 'Collateral', files: 'Files',
  timeline: 'Timeline', birthDate: 'Born', sex: 'Sex', M: 'Male', F: 'Female', address: 'Address', occupation: 'Occupation', income: 'Household income', legalRep: 'Legal rep.',
  relation: 'Relation', head: 'Head', spouse: 'Spouse', child: 'Child', parent: 'Parent', sibling: 'Sibling', other: 'Other', contractNo: 'Contract no.',
  principal: 'Amount', maturity: 'Maturity', amount: 'Amount', mode: 'Mode', general: 'General', joint: 'Joint', periodEnd: 'Until', value: 'Value',
  fileNo: 'File no.', completeness: 'Complete', none: 'None', masked: 'ID numbers and phones are masked', active: 'Active', inactive: 'Inactive', blacklisted: 'Blacklisted',
  workbench: 'Archive workbench', workbenchSubtitle: 'Missing documents, files lent and overdue, files due for destruction', asOf: 'As of', missing: 'Missing documents',
  lent: 'Lent', overdue: 'Overdue', due: 'Due for destruction', register: 'Register file', registerHint: 'Enter a contract no.; the file number is generated',
  registerBtn: 'Register', location: 'Location', registered: 'Registered {{fileNo}}', open: 'Open', checklist: 'Checklist', item: 'Item', state: 'State',
  present: 'Present', absent: 'Missing', na: 'N/A', original: 'Original', copy: 'Copy', pages: 'Pages', scan: 'Scan', attach: 'Attach scan', attached: 'Attached {{name}}',
  deduplicated: ' (already stored, not duplicated)', preview: 'Preview', verify: 'Verify integrity', verifyOk: 'All {{n}} scans intact', verifyBad: '{{n}} scans damaged',
  lend: 'Lend', lendTitle: 'Lend file', borrowerName: 'Lent to', purpose: 'Purpose', approver: 'Approver', lentOn: 'Lent on', dueBack: 'Due back',
  returnedOn: 'Returned on', returnBtn: 'Return', returned: 'Returned', lendings: 'Borrowing register', condition: 'Condition', legalHold: 'Legal hold',
  keeper: 'Keeper', retention: 'Keep until', in_store: 'In store', transferred: 'Transferred', destroyed: 'Destroyed', back: 'Back', save: 'Save',
  importTitle: 'Excel import', importSubtitle: 'Fill in the template and upload; preview first, import only when every row is valid', importKind: 'Import',
  borrowersKind: 'Borrowers', loansKind: 'Loans', guarantorsKind: 'Guarantors', collateralsKind: 'Collateral', template: 'Download template',
  chooseFile: 'Choose Excel file', previewBtn: 'Preview', commitBtn: 'Import', problems: '{{n}} problems found; fix them and upload again', row: 'Row',
  column: 'Column', reason: 'Reason', previewOk: '{{total}} rows: {{create}} new, {{update}} updated, {{same}} unchanged',
  imported: 'Imported: {{create}} new, {{update}} updated, {{same}} unchanged', search: 'Search',
  searchHint: 'Name, pinyin initials, ID no. or its last 4–6 digits, phone, contract/IOU/file no.', searchEmpty: 'Nothing found',
  borrowerType: 'Borrower', loanType: 'Loan', fileType: 'File', truncated: 'Many results; showing the first {{n}}', loading: 'Loading…',
  propose: 'Propose destruction ({{n}} files)', proposed: 'Proposed', approved: 'Approved', executed: 'Destroyed', approve: 'Approve', execute: 'Destroy',
  placeHold: 'Legal hold', releaseHold: 'Release hold', holdReason: 'Reason (e.g. case no.)',
  conditionIntact: 'Intact', locationHint: 'Cabinet A-shelf 3-box 12',
}

/** A key of the archives namespace. */
export type ArchivesKey = keyof typeof zh
