import type { ReactElement } from 'react'
import { BorrowerDetailPage } from '../borrowers/BorrowerDetailPage'
import { BorrowersPage } from '../borrowers/BorrowersPage'
import { ImportPage } from '../import/ImportPage'
import { FilePage } from './FilePage'
import { WorkbenchPage } from './WorkbenchPage'

/** Pages of the archives area (borrowers, files, import) by hash route; null when not one of them. */
export function archivesRoute(route: string): ReactElement | null {
  switch (route) {
    case '/borrowers':
      return <BorrowersPage />
    case '/borrowers/detail':
      return <BorrowerDetailPage />
    case '/archives':
      return <WorkbenchPage />
    case '/archives/file':
      return <FilePage />
    case '/import':
      return <ImportPage />
    default:
      return null
  }
}
