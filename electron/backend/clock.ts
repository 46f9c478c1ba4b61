/**
 * Calendar days are the user's local days (this PC's time zone); timestamps are stored in UTC.
 * For China, 2026-03-02T20:00Z is already 2026-03-03.
 */
export function localDate(at: Date): string {
  const m = String(at.getMonth() + 1).padStart(2, '0')
  const d = String(at.getDate()).padStart(2, '0')
  return `${at.getFullYear()}-${m}-${d}`
}

/** Start of a local calendar day (+ `plusDays`) as a UTC ISO timestamp, for filtering stored timestamps. */
export function localDayStartUtc(date: string, plusDays = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(y, m - 1, d + plusDays).toISOString()
}
