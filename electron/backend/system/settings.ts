import { AppError } from '../../../shared/api'
import type { Db } from '../db/types'

/** Defaults for settings a cooperative may change. */
export const SETTING_DEFAULTS = {
  idleLockMinutes: '10',
  maxFailedLogins: '5',
  lockoutMinutes: '15',
} as const
export type SettingKey = keyof typeof SETTING_DEFAULTS

/** Whole-number bounds and zh-CN names of the settings; a fraction (idle 0.05 minutes) is refused. */
export const SETTING_RULES: Record<SettingKey, { min: number; max: number; label: string }> = {
  idleLockMinutes: { min: 1, max: 240, label: '无操作自动锁屏（分钟）' },
  maxFailedLogins: { min: 3, max: 20, label: '密码错误锁定次数' },
  lockoutMinutes: { min: 1, max: 1440, label: '账户锁定时长（分钟）' },
}

/** Checks a setting value before it is stored or used; throws VALIDATION naming the setting. */
export function checkSetting(key: SettingKey, value: unknown): number {
  const rule = SETTING_RULES[key]
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  if (typeof n !== 'number' || !Number.isInteger(n) || n < rule.min || n > rule.max) {
    const message = `${rule.label}须为 ${rule.min}–${rule.max} 之间的整数`
    throw new AppError('VALIDATION', message, [{ path: key, message }])
  }
  return n
}

export async function getSetting(db: Db, key: SettingKey): Promise<string> {
  const r = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst()
  return r?.value ?? SETTING_DEFAULTS[key]
}

/** A numeric setting; a stored value outside its rule (edited by hand) falls back to the default. */
export async function getNumberSetting(db: Db, key: SettingKey): Promise<number> {
  try {
    return checkSetting(key, await getSetting(db, key))
  } catch {
    return Number(SETTING_DEFAULTS[key])
  }
}
