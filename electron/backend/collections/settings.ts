// Collections settings: contact hours, due-soon window, strategy table, scripts, font path.
import type { CollectionSettings } from '../../../shared/api/collections'
import {
  DEFAULT_CONTACT_HOURS,
  DEFAULT_SCRIPTS,
  STEPS,
  normalizeStrategy,
  parseHours,
} from '../../../shared/collections'
import type { Db } from '../db/types'
import { readSettings, writeSetting } from './collections-repo'

const K = {
  hours: 'collections.contactHours',
  dueSoon: 'collections.dueSoonDays',
  strategy: 'collections.strategy',
  scripts: 'collections.scripts',
  font: 'collections.fontPath',
} as const

function parseJson(s: string | undefined): unknown {
  if (!s) return null
  try {
    return JSON.parse(s) as unknown
  } catch {
    return null
  }
}

/** The settings with defaults for anything unset or malformed. */
export async function loadSettings(db: Db): Promise<CollectionSettings> {
  const m = await readSettings(db)
  const hours = m.get(K.hours)
  const days = Number(m.get(K.dueSoon))
  const rawScripts = parseJson(m.get(K.scripts))
  const scripts = { ...DEFAULT_SCRIPTS }
  if (rawScripts && typeof rawScripts === 'object') {
    for (const s of STEPS) {
      const v = (rawScripts as Record<string, unknown>)[s]
      if (typeof v === 'string') scripts[s] = v
    }
  }
  return {
    contactHours: hours && parseHours(hours) ? hours : DEFAULT_CONTACT_HOURS,
    dueSoonDays: Number.isInteger(days) && days >= 0 ? days : 7,
    strategy: normalizeStrategy(parseJson(m.get(K.strategy))),
    scripts,
    fontPath: m.get(K.font) ?? '',
  }
}

/** Stores every setting of the area. */
export async function saveSettings(db: Db, s: CollectionSettings): Promise<void> {
  await writeSetting(db, K.hours, s.contactHours)
  await writeSetting(db, K.dueSoon, String(s.dueSoonDays))
  await writeSetting(db, K.strategy, JSON.stringify(s.strategy))
  await writeSetting(db, K.scripts, JSON.stringify(s.scripts))
  await writeSetting(db, K.font, s.fontPath)
}
