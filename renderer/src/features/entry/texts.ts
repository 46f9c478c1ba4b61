import { i18next } from '../../i18n'
import type { zh } from './i18n'

// For the entry forms' plain validation modules (no React, so no useTranslation); the texts
// themselves live in the i18next namespace `entry` (./i18n.ts).

/** A key of the entry namespace. */
export type EntryKey = keyof typeof zh

/** Text of the entry namespace in the current UI language (i18next, `{{var}}` substitution). */
export function et(key: EntryKey, vars: Record<string, string | number> = {}): string {
  return i18next.t(key, { ns: 'entry', ...vars })
}
