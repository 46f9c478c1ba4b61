/** Roles of the cooperative's staff (DESIGN.md, Permissions in the backend). */
export const ROLES = ['admin', 'manager', 'officer', 'archivist', 'auditor'] as const
export type Role = (typeof ROLES)[number]

/** Every permission a contract method may require. */
export const PERMISSIONS = [
  'users.manage',
  'audit.read',
  'org.manage',
  'dashboard.view',
  'calculator.use',
  'borrowers.read',
  'borrowers.write',
  'loans.read',
  'loans.write',
  /** See every officer's portfolio, not only one's own. */
  'portfolio.all',
  /** Hand a portfolio over to another officer (责任移交). */
  'loans.transfer',
  'archives.read',
  'archives.write',
  /** Approve lending a file out and destruction lists. */
  'archives.approve',
  'repayments.post',
  /** 冲正 reversal of a posted repayment. */
  'repayments.reverse',
  /** Approve write-off (核销), restructure and extension beyond policy. */
  'loans.approve',
  'imports.run',
  /** See full ID numbers and phone numbers (others see them masked). */
  'pii.view',
  'reports.read',
  /** Write the manager's commentary on the monthly report. */
  'reports.comment',
] as const
export type Permission = (typeof PERMISSIONS)[number]

/** zh-CN names shown in FORBIDDEN messages. */
export const PERMISSION_LABELS: Record<Permission, string> = {
  'users.manage': '用户管理',
  'audit.read': '查看审计日志',
  'org.manage': '机构设置',
  'dashboard.view': '查看工作台',
  'calculator.use': '贷款计算器',
  'borrowers.read': '查看借款人',
  'borrowers.write': '登记和修改借款人',
  'loans.read': '查看贷款',
  'loans.write': '登记和修改贷款',
  'portfolio.all': '查看全部信贷员的贷款',
  'loans.transfer': '责任移交',
  'archives.read': '查看档案',
  'archives.write': '档案登记与借阅',
  'archives.approve': '档案审批（借阅、销毁）',
  'repayments.post': '登记还款',
  'repayments.reverse': '还款冲正',
  'loans.approve': '审批核销、展期、重组',
  'imports.run': '导入 Excel',
  'pii.view': '查看完整身份证号和手机号',
  'reports.read': '查看报表',
  'reports.comment': '填写月度报告点评',
}

/** zh-CN role names. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  manager: '主管',
  officer: '信贷员',
  archivist: '档案管理员',
  auditor: '稽核',
}

const everyone: Permission[] = [
  'dashboard.view',
  'calculator.use',
  'borrowers.read',
  'loans.read',
  'archives.read',
  'reports.read',
]

/**
 * Which role holds which permission; the backend checks this on every call.
 * Officers see their own portfolio only (no `portfolio.all`); archivists and auditors see
 * ID numbers and phones masked (no `pii.view`); auditors write nothing.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [...PERMISSIONS],
  manager: [
    ...everyone,
    'borrowers.write',
    'loans.write',
    'portfolio.all',
    'loans.transfer',
    'archives.approve',
    'repayments.post',
    'repayments.reverse',
    'loans.approve',
    'imports.run',
    'pii.view',
    'reports.comment',
  ],
  officer: [...everyone, 'borrowers.write', 'loans.write', 'repayments.post', 'imports.run', 'pii.view'],
  archivist: [...everyone, 'archives.write', 'portfolio.all'],
  auditor: [...everyone, 'audit.read', 'portfolio.all'],
}

/** True when `role` holds `permission`. */
export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission)
}
