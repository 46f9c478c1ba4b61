// Reasonable hours for contacting debtors (DOMAIN §12; setting, default 08:00–21:00 local time).

/** Default allowed contact window. */
export const DEFAULT_CONTACT_HOURS = '08:00-21:00'

/** Minutes after midnight of `HH:MM`, or null when malformed. */
function minutesOf(hhmm: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm)
  if (!m) return null
  const h = Number(m[1]),
    mi = Number(m[2])
  return h <= 24 && mi < 60 && h * 60 + mi <= 1440 ? h * 60 + mi : null
}

/** Parses `HH:MM-HH:MM` into minute bounds (start inclusive, end exclusive); null when malformed. */
export function parseHours(window: string): { start: number; end: number } | null {
  const [a, b] = window.split('-')
  const start = a === undefined ? null : minutesOf(a.trim())
  const end = b === undefined ? null : minutesOf(b.trim())
  return start !== null && end !== null && start < end ? { start, end } : null
}

/**
 * True when a contact at local `hour:minute` lies inside the window. 21:00 itself is outside
 * the default window (the end is exclusive); 08:00 is inside.
 */
export function withinHours(window: string, hour: number, minute: number): boolean {
  const w = parseHours(window) ?? parseHours(DEFAULT_CONTACT_HOURS)!
  const t = hour * 60 + minute
  return t >= w.start && t < w.end
}
