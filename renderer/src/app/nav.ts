import type { Permission } from '@shared/api'
import type { ComponentType } from 'react'
import type { zhCN } from '../i18n/zh-CN'
import {
  IconAlert,
  IconArchive,
  IconAudit,
  IconCalculator,
  IconChart,
  IconCheck,
  IconDownload,
  IconHome,
  IconInbox,
  IconShield,
  IconUsers,
} from '../components/icons'
import { PendingProposalsBadge, PendingReversalsBadge } from '../features/servicing/ApprovalBadges'

/** One navigation entry; shown only when the user holds `permission`. */
export interface NavItem {
  path: string
  /** A key of the `nav` dictionary (zh-CN.ts / en.ts). */
  labelKey: `nav.${Exclude<keyof (typeof zhCN)['nav'], 'label'>}`
  permission: Permission
  icon: ComponentType<{ size?: number }>
  /** A count beside the label (e.g. requests waiting for approval); renders nothing when zero. */
  badge?: ComponentType
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
  // Maker-checker queues, for the approvers only (issue 9): the pages existed, reachable by URL alone.
  {
    path: '/servicing/reversals',
    labelKey: 'nav.reversals',
    permission: 'repayments.reverse',
    icon: IconCheck,
    badge: PendingReversalsBadge,
  },
  {
    path: '/risk/classification',
    labelKey: 'nav.classification',
    permission: 'loans.approve',
    icon: IconCheck,
    badge: PendingProposalsBadge,
  },
]

/** The nav item a route belongs to: the longest path it starts with ('/servicing/reversals' over '/servicing'). */
export function activeNavPath(route: string, items: readonly NavItem[]): string | null {
  let best: string | null = null
  for (const i of items) {
    const hit =
      i.path === '/'
        ? route === '/'
        : route === i.path || route.startsWith(`${i.path}/`) || route.startsWith(`${i.path}?`)
    if (hit && (best === null || i.path.length > best.length)) best = i.path
  }
  return best
}
