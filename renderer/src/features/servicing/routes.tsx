import type { ReactElement } from 'react'
import { BulkPage } from './BulkPage'
import { DueSoonPage } from './DueSoonPage'
import { LoanServicingPage } from './LoanServicingPage'
import { ReceiptPrint, SchedulePrint, SettlementPrint } from './PrintViews'
import { ServicingListPage } from './ServicingListPage'
import { ReversalRequestsPage } from './ReversalRequestsPage'

/** Pages of the servicing area by hash route; null when the route is not one of them. */
export function servicingRoute(route: string): ReactElement | null {
  switch (route) {
    case '/servicing':
      return <ServicingListPage />
    case '/servicing/loan':
      return <LoanServicingPage />
    case '/servicing/due-soon':
      return <DueSoonPage />
    case '/servicing/bulk':
      return <BulkPage />
    case '/servicing/reversals':
      return <ReversalRequestsPage />
    case '/servicing/print/receipt':
      return <ReceiptPrint />
    case '/servicing/print/schedule':
      return <SchedulePrint />
    case '/servicing/print/settlement':
      return <SettlementPrint />
    default:
      return null
  }
}
