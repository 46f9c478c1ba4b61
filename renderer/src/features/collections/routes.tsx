import type { ReactElement } from 'react'
import { LoanCollectionPage } from './LoanCollectionPage'
import { NoticePreviewPage } from './NoticePreviewPage'
import { SettingsPage } from './SettingsPage'
import { WorklistPage } from './WorklistPage'

/** Pages of the collections area by hash route; null when the route is not one of them. */
export function collectionsRoute(route: string): ReactElement | null {
  switch (route) {
    case '/collections':
      return <WorklistPage />
    case '/collections/loan':
      return <LoanCollectionPage />
    case '/collections/notice':
      return <NoticePreviewPage />
    case '/collections/settings':
      return <SettingsPage />
    default:
      return null
  }
}
