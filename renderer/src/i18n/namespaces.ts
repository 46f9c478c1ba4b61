// Per-feature i18next namespaces. Each feature keeps its dictionary in
// `features/<area>/i18n.ts` exporting `zh` (zh-CN, the source of the keys) and `en: typeof zh`,
// and is listed here once; components read it with `useTranslation('<area>')`.
// The app-wide strings stay in the default namespace (`zh-CN.ts` / `en.ts`).

import * as archives from '../features/archives/i18n'
import * as audit from '../features/audit/i18n'
import * as backup from '../features/backup/i18n'
import * as borrowers from '../features/borrowers/i18n'
import * as collections from '../features/collections/i18n'
import * as entry from '../features/entry/i18n'
import * as inspections from '../features/inspections/i18n'
import * as loan from '../features/servicing/i18n-loan'
import * as numbering from '../features/numbering/i18n'
import * as reports from '../features/reports/i18n'
import * as risk from '../features/risk/i18n'
import * as servicing from '../features/servicing/i18n'
import * as today from '../features/dashboard/i18n'
import * as unlock from '../features/unlock/i18n'

/** Every feature namespace; add one line per feature. */
export const namespaces = {
  archives,
  audit,
  backup,
  borrowers,
  collections,
  entry,
  inspections,
  loan,
  numbering,
  reports,
  risk,
  servicing,
  today,
  unlock,
} satisfies Record<string, { zh: object; en: object }>

export type Namespaces = typeof namespaces
