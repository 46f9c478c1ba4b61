import { AuditPage } from '../features/audit/AuditPage'
import { CalculatorPage } from '../features/calculator/CalculatorPage'
import { DashboardPage } from '../features/dashboard/DashboardPage'
import { UsersPage } from '../features/users/UsersPage'
import { ReportsPage } from '../features/reports/ReportsPage'
import { servicingRoute } from '../features/servicing/routes'
import { archivesRoute } from '../features/archives/routes'
import { riskRoute } from '../features/risk/routes'
import { collectionsRoute } from '../features/collections/routes'
import { inspectionsRoute } from '../features/inspections/routes'
import { BackupPage } from '../features/backup/BackupPage'
import { NumberingPage } from '../features/numbering/NumberingPage'
import { NotFoundPage } from './NotFoundPage'

/**
 * Maps the hash route to a page. Pages are reachable by URL regardless of the navbar; a page
 * the user may not see shows the server's FORBIDDEN message.
 */
export function Routes({ route }: { route: string }) {
  switch (route) {
    case '/':
      return <DashboardPage />
    case '/users':
      return <UsersPage />
    case '/audit':
      return <AuditPage />
    case '/calculator':
      return <CalculatorPage />
    case '/reports':
      return <ReportsPage />
    case '/backup':
      return <BackupPage />
    case '/settings/numbering':
      return <NumberingPage />
    default:
      return (
        servicingRoute(route) ??
        archivesRoute(route) ??
        riskRoute(route) ??
        collectionsRoute(route) ??
        inspectionsRoute(route) ?? <NotFoundPage path={route} />
      )
  }
}
