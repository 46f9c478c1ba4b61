import type { TFunction } from 'i18next'
import { ROLES } from '@shared/api'

/** Select options for roles, labelled in the current language. */
export function roleOptions(t: TFunction) {
  return ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))
}
