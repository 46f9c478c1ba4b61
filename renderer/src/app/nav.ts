import type { Permission } from '@shared/api'
import type { ComponentType } from 'react'
import type { zhCN } from '../i18n/zh-CN'
import {
  IconAlert,
  IconArchive,
  IconAudit,
  IconCalculator,
  IconChart,
  IconDownload,
  IconHome,
  IconInbox,
  IconShield,
  IconUsers,
} from '../components/icons'

/** One navigation entry; shown only when the user holds `permission`. */
export interface NavItem {
  path: string
  /** A key of the `nav` dictionary (zh-CN.ts / en.ts). */
  labelKey: `nav.${Exclude<keyof (typeof zhCN)['nav'], 'label'>}`
  permission: Permission
  icon: ComponentType<{ size?: number }>
}

/** Areas that exist, in navbar order (Alt+1… follows this order among the visible ones). */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', labelKey: 'nav.dashboard', permission: 'dashboard.view', icon: IconHome },
  { path: '/servicing', labelKey: 'nav.servicing', permission: 'loans.read', icon: IconInbox },
  { path: '/borrowers', labelKey: 'nav.borrowers', permission: 'borrowers.read', icon: IconUsers },
  { path: '/archives', labelKey: 'nav.archives', permission: 'archives.read', icon: IconArchive },
  { path: '/import', labelKey: 'nav.import', permission: 'imports.run', icon: IconDownload },
  { path: '/users', labelKey: 'nav.users', permission: 'users.manage', icon: IconUsers },
  { path: '/audit', labelKey: 'nav.audit', permission: 'audit.read', icon: IconAudit },
  // Last, so adding it shifts no one's Alt+N; every role has calculator.use.
  { path: '/calculator', labelKey: 'nav.calculator', permission: 'calculator.use', icon: IconCalculator },
  { path: '/reports', labelKey: 'nav.reports', permission: 'reports.read', icon: IconChart },
  { path: '/risk', labelKey: 'nav.risk', permission: 'loans.read', icon: IconAlert },
  { path: '/collections', labelKey: 'nav.collections', permission: 'loans.read', icon: IconInbox },
  { path: '/inspections', labelKey: 'nav.inspections', permission: 'loans.read', icon: IconInbox },
  { path: '/backup', labelKey: 'nav.backup', permission: 'org.manage', icon: IconShield },
]
