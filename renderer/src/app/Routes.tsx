import { AuditPage } from '../features/audit/AuditPage'
import { CalculatorPage } from '../features/calculator/CalculatorPage'
import { DashboardPage } from '../features/dashboard/DashboardPage'
import { UsersPage } from '../features/users/UsersPage'
import { servicingRoute } from '../features/servicing/routes'
import { archivesRoute } from '../features/archives/routes'
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
    case '/settings/numbering':
      return <NumberingPage />
    default:
      return servicingRoute(route) ?? archivesRoute(route) ?? <NotFoundPage path={route} />
  }
}
