// 预警 warning rules: the catalog, their settings (on/off, thresholds, level) and the level of a
// hit. The rules themselves run in the backend; this is what settings and labels share.

/** Warning levels, most severe first: 红 red, 橙 orange, 黄 yellow. */
export const WARNING_LEVELS = ['red', 'orange', 'yellow'] as const
/** One of WARNING_LEVELS. */
export type WarningLevel = (typeof WARNING_LEVELS)[number]

/**
 * Every rule code. `broken_promise` (collections), `first_check` and `inspection_overdue`
 * (inspections) have no data source in this area: their areas plug a rule in at merge.
 */
export const RULE_CODES = [
  'overdue',
  'limitation',
  'guarantee_period',
  'collateral_coverage',
  'maturity',
  'guarantor_overdue',
  'guarantee_circle',
  'concentration',
  'extension_consent',
  'broken_promise',
  'first_check',
  'inspection_overdue',
] as const
/** One of RULE_CODES. */
export type RuleCode = (typeof RULE_CODES)[number]

/** Settings of one rule: on/off, its level (or the base level of a banded rule) and thresholds. */
export interface RuleSetting {
  enabled: boolean
  level: WarningLevel
  /** Rule-specific numbers, e.g. { orangeDpd: 31, redDpd: 91 } or { days: 30 }. */
  params: Record<string, number>
}

/** Defaults; a cooperative changes them in settings (stored as JSON under `risk.rules`). */
export const DEFAULT_RULE_SETTINGS: Record<RuleCode, RuleSetting> = {
  // DPD bands: ≥ minDpd yellow, ≥ orangeDpd orange, ≥ redDpd red (DOMAIN §5 buckets M1 / M2–M3 / M3+).
  overdue: { enabled: true, level: 'yellow', params: { minDpd: 1, orangeDpd: 31, redDpd: 91 } },
  // 诉讼时效 expiring within 90/60/30 days (yellow / orange / orange) or expired (red), DOMAIN §7.
  limitation: { enabled: true, level: 'yellow', params: { days: 90 } },
  // 保证期间 ending within 90/60/30 days with no demand on the guarantor yet (never interrupted).
  guarantee_period: { enabled: true, level: 'yellow', params: { days: 90 } },
  // Current collateral value ÷ outstanding principal below minRatioPercent %.
  collateral_coverage: { enabled: true, level: 'orange', params: { minRatioPercent: 100 } },
  maturity: { enabled: true, level: 'yellow', params: { days: 30 } },
  guarantor_overdue: { enabled: true, level: 'orange', params: { minDpd: 1 } },
  guarantee_circle: { enabled: true, level: 'orange', params: { minDpd: 1 } },
  // One borrower's outstanding principal above sharePercent % of the portfolio (only from minLoans loans on).
  concentration: { enabled: true, level: 'yellow', params: { sharePercent: 5, minLoans: 50 } },
  extension_consent: { enabled: true, level: 'orange', params: {} },
  broken_promise: { enabled: true, level: 'orange', params: {} },
  first_check: { enabled: true, level: 'yellow', params: { days: 30 } },
  inspection_overdue: { enabled: true, level: 'yellow', params: {} },
}

/** Settings merged over the defaults; unknown keys are dropped, missing ones defaulted. */
export function mergeRuleSettings(
  stored: Partial<Record<string, Partial<RuleSetting>>> | null,
): Record<RuleCode, RuleSetting> {
  const out = {} as Record<RuleCode, RuleSetting>
  for (const code of RULE_CODES) {
    const d = DEFAULT_RULE_SETTINGS[code],
      s = stored?.[code]
    out[code] = {
      enabled: typeof s?.enabled === 'boolean' ? s.enabled : d.enabled,
      level: s?.level && WARNING_LEVELS.includes(s.level) ? s.level : d.level,
      params: {
        ...d.params,
        ...Object.fromEntries(Object.entries(s?.params ?? {}).filter(([k, v]) => k in d.params && Number.isFinite(v))),
      },
    }
  }
  return out
}

/** Severity rank: red 0, orange 1, yellow 2. */
export function levelRank(l: WarningLevel): number {
  return WARNING_LEVELS.indexOf(l)
}

/**
 * Level of an overdue warning: overdueLevel(90, { minDpd: 1, orangeDpd: 31, redDpd: 91 }) = 'orange';
 * 91 → 'red'; 0 → null (no warning).
 */
export function overdueLevel(dpd: number, p: Record<string, number>): WarningLevel | null {
  if (dpd >= (p.redDpd ?? 91)) return 'red'
  if (dpd >= (p.orangeDpd ?? 31)) return 'orange'
  if (dpd >= (p.minDpd ?? 1)) return 'yellow'
  return null
}

/** Level of an expiry alert: expired red, within 60 days orange, within 90 yellow (DOMAIN §7). */
export function expiryLevel(daysLeft: number, windowDays: number): WarningLevel | null {
  if (daysLeft < 0) return 'red'
  if (daysLeft > windowDays) return null
  return daysLeft <= 60 ? 'orange' : 'yellow'
}
