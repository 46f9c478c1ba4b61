import type { ReactElement } from 'react'
import { CalendarPage } from './CalendarPage'
import { RecordPage } from './RecordPage'
import { ReportPrint } from './ReportPrint'
import { RouteSheetPage } from './RouteSheetPage'
import { SecurityPage } from './SecurityPage'
import { SettingsPage } from './SettingsPage'
import { TransferPage } from './TransferPage'

/** Pages of the inspections area by hash route (incl. `/loans/<id>/security`); null when not one of them. */
export function inspectionsRoute(route: string): ReactElement | null {
  const security = /^\/loans\/(\d+)\/security$/.exec(route)
  if (security) return <SecurityPage loanId={Number(security[1])} />
  switch (route) {
    case '/inspections':
      return <CalendarPage />
    case '/inspections/record':
      return <RecordPage />
    case '/inspections/report':
      return <ReportPrint />
    case '/inspections/route-sheet':
      return <RouteSheetPage />
    case '/inspections/settings':
      return <SettingsPage />
    case '/inspections/transfer':
      return <TransferPage />
    default:
      return null
  }
}
