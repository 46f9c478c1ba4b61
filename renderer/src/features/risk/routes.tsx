import type { ReactElement } from 'react'
import { ClassificationPage } from './ClassificationPage'
import { LoanRiskPage } from './LoanRiskPage'
import { CirclesPage, LimitationPage, RulesPage } from './MorePages'
import { PrintBoard } from './PrintBoard'
import { RiskBoardPage } from './RiskBoardPage'

/** Pages of the risk area by hash route; null when the route is not one of them. */
export function riskRoute(route: string): ReactElement | null {
  switch (route) {
    case '/risk':
      return <RiskBoardPage />
    case '/risk/print':
      return <PrintBoard />
    case '/risk/loan':
      return <LoanRiskPage />
    case '/risk/classification':
      return <ClassificationPage />
    case '/risk/limitation':
      return <LimitationPage />
    case '/risk/circles':
      return <CirclesPage />
    case '/risk/settings':
      return <RulesPage />
    default:
      return null
  }
}
