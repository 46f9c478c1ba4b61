import { AuditPage } from '../features/audit/AuditPage'
import { DashboardPage } from '../features/dashboard/DashboardPage'
import { UsersPage } from '../features/users/UsersPage'
import { NotFoundPage } from './NotFoundPage'
import { servicingRoute } from '../features/servicing/routes'

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
    default:
      return servicingRoute(route) ?? <NotFoundPage path={route} />
  }
}
