import type { Db } from '../db/types'

/** Defaults for settings a cooperative may change. */
export const SETTING_DEFAULTS = {
  idleLockMinutes: '10',
  maxFailedLogins: '5',
  lockoutMinutes: '15',
  /** How many backups to keep in the data folder (保留份数). */
  backupGenerations: '10',
} as const
export type SettingKey = keyof typeof SETTING_DEFAULTS

export async function getSetting(db: Db, key: SettingKey): Promise<string> {
  const r = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst()
  return r?.value ?? SETTING_DEFAULTS[key]
}

export async function getNumberSetting(db: Db, key: SettingKey): Promise<number> {
  return Number(await getSetting(db, key))
}
