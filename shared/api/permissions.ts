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
] as const
export type Permission = (typeof PERMISSIONS)[number]

/** zh-CN names shown in FORBIDDEN messages. */
export const PERMISSION_LABELS: Record<Permission, string> = {
  'users.manage': '用户管理',
  'audit.read': '查看审计日志',
  'org.manage': '机构设置',
  'dashboard.view': '查看工作台',
  'calculator.use': '贷款计算器',
}

/** zh-CN role names. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  manager: '主管',
  officer: '信贷员',
  archivist: '档案管理员',
  auditor: '稽核',
}

const everyone: Permission[] = ['dashboard.view', 'calculator.use']

/** Which role holds which permission; the backend checks this on every call. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [...PERMISSIONS],
  manager: [...everyone],
  officer: [...everyone],
  archivist: [...everyone],
  auditor: [...everyone, 'audit.read'],
}

/** True when `role` holds `permission`. */
export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission)
}
