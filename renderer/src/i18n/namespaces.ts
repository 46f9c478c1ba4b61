// Per-feature i18next namespaces. Each feature keeps its dictionary in
// `features/<area>/i18n.ts` exporting `zh` (zh-CN, the source of the keys) and `en: typeof zh`,
// and is listed here once; components read it with `useTranslation('<area>')`.
// The app-wide strings stay in the default namespace (`zh-CN.ts` / `en.ts`).

import * as backup from '../features/backup/i18n'

/** Every feature namespace; add one line per feature. */
export const namespaces = {
  backup,
} satisfies Record<string, { zh: object; en: object }>

export type Namespaces = typeof namespaces
