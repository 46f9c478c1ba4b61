// Calendar dates as 'YYYY-MM-DD' strings; arithmetic on integer day numbers (days since
// 1970-01-01, proleptic Gregorian) so nothing depends on time zones or the clock.
import { invalid } from './errors'

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

/** True for Gregorian leap years (2024, 2000; not 1900). */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

/** Days in month `m` (1–12) of year `y`: daysInMonth(2024, 2) = 29. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : (DAYS_IN_MONTH[m - 1] ?? 0)
}

/** Day number of a civil date (1970-01-01 → 0); Hinnant's days_from_civil. */
export function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** Civil date of a day number: [year, month, day]. */
export function civilFromDayNumber(n: number): [number, number, number] {
  const z = n + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d]
}

const C0 = 48 // '0'

/** Packs a strict 'YYYY-MM-DD' (years 1000–9999) as y·10000 + m·100 + d, or -1 if not a real date. */
function packYmd(s: string): number {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1
  // Unrolled: this parses every due date of a batch run; (c >>> 0) > 9 rejects non-digits.
  const y1 = s.charCodeAt(0) - C0,
    y2 = s.charCodeAt(1) - C0,
    y3 = s.charCodeAt(2) - C0,
    y4 = s.charCodeAt(3) - C0
  const m1 = s.charCodeAt(5) - C0,
    m2 = s.charCodeAt(6) - C0,
    d1 = s.charCodeAt(8) - C0,
    d2 = s.charCodeAt(9) - C0
  if (
    y1 >>> 0 > 9 ||
    y2 >>> 0 > 9 ||
    y3 >>> 0 > 9 ||
    y4 >>> 0 > 9 ||
    m1 >>> 0 > 9 ||
    m2 >>> 0 > 9 ||
    d1 >>> 0 > 9 ||
    d2 >>> 0 > 9
  )
    return -1
  const y = y1 * 1000 + y2 * 100 + y3 * 10 + y4,
    m = m1 * 10 + m2,
    d = d1 * 10 + d2
  return y < 1000 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m) ? -1 : y * 10000 + m * 100 + d
}

/** Parses a strict 'YYYY-MM-DD' (years 1000–9999) into [y, m, d], or null if not a real date. */
export function parseYmd(s: string): [number, number, number] | null {
  const v = packYmd(s)
  return v < 0 ? null : [Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100]
}

/** True if `s` is a real calendar date written 'YYYY-MM-DD' ('2023-02-29' is not). */
export function isValidDate(s: string): boolean {
  return parseYmd(s) !== null
}

/** Parses a date into its day number or throws a VALIDATION DomainError naming `field`. */
export function toDayNumber(s: string, field = 'date'): number {
  const v = packYmd(s)
  if (v < 0) return invalid(field, `日期无效：${String(s)}（应为 YYYY-MM-DD）`)
  // Years ≥ 1000 keep every quotient positive, so truncation (| 0) equals floor here.
  const y = (v / 10000) | 0,
    m = ((v / 100) | 0) % 100,
    d = v % 100
  const yy = m <= 2 ? y - 1 : y
  const era = (yy / 400) | 0
  const yoe = yy - era * 400
  const doy = (((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) | 0) + d - 1
  return era * 146097 + yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy - 719468
}

const DD: string[] = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'))
// Every date string of a month, built once and shared: schedules format millions of due
// dates, and equal strings then also share memory. Indexed by ym − 12000 (year 1000).
const monthCache: (readonly string[] | undefined)[] = new Array<undefined>(9000 * 12).fill(undefined)

/** The month's date strings indexed by day 1–31, days past its end mapped to its last day. */
function monthDates(ym: number): readonly string[] {
  let dates = monthCache[ym - 12000]
  if (dates === undefined) {
    const y = Math.floor(ym / 12),
      m = (ym % 12) + 1
    if (y < 1000 || y > 9999) invalid('date', `日期超出支持范围（1000–9999 年）`)
    const dim = daysInMonth(y, m)
    const prefix = `${y}-${DD[m]}-`
    dates = DD.map((dd, d) => prefix + (d > dim ? DD[dim] : dd))
    monthCache[ym - 12000] = dates
  }
  return dates
}

/** Formats year/month/day as 'YYYY-MM-DD'. */
export function formatYmd(y: number, m: number, d: number): string {
  return monthDates(y * 12 + m - 1)[d] ?? ''
}

/** Formats a day number as 'YYYY-MM-DD'. */
export function fromDayNumber(n: number): string {
  const [y, m, d] = civilFromDayNumber(n)
  return formatYmd(y, m, d)
}

/**
 * Date in month index `ym` (y*12 + m-1) on `day`, or the month's last day if it lacks `day`:
 * monthDate(2024*12+1, 31) = '2024-02-29'.
 */
export function monthDate(ym: number, day: number): string {
  return monthDates(ym)[day > 31 ? 31 : day] ?? ''
}

/**
 * Adds calendar months (民法典 200–204): same day-of-month, else the month's last day.
 * addMonths('2024-01-31', 1) = '2024-02-29'; addMonths('2024-02-29', 12) = '2025-02-28'.
 */
export function addMonths(date: string, months: number): string {
  const p = parseYmd(date)
  if (!p) return invalid('date', `日期无效：${String(date)}（应为 YYYY-MM-DD）`)
  if (!Number.isSafeInteger(months)) return invalid('months', '月数须为整数')
  return monthDate(p[0] * 12 + p[1] - 1 + months, p[2])
}

/** Adds (or with a negative n subtracts) days: addDays('2024-02-28', 1) = '2024-02-29'. */
export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days)
}

/**
 * Days from `a` to `b`, counting `a` but not `b` (算头不算尾); negative if b < a.
 * daysBetween('2024-04-10', '2024-12-10') = 244.
 */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(b, 'to') - toDayNumber(a, 'from')
}

/** The later of two ISO dates (string order is date order for 'YYYY-MM-DD'). */
export function maxDate(a: string, b: string): string {
  return a >= b ? a : b
}

/**
 * The calendar day of `at` in the local time zone of the machine (the user's day, not UTC):
 * in China 2026-03-02T20:00Z is already 2026-03-03. The one way both backend and UI get "today".
 */
export function localDate(at: Date): string {
  return formatYmd(at.getFullYear(), at.getMonth() + 1, at.getDate())
}
