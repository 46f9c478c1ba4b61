// Money is integer 分 (fen). Parsing and formatting live only here (STYLE §5).
import { invalid } from './errors'

/** An amount in 分 (fen): a safe integer. 1 元 = 100 分. */
export type Fen = number

/** Throws VALIDATION unless `v` is a safe integer ≥ min (default 0). */
export function assertFen(v: number, field: string, min = 0): Fen {
  if (!Number.isSafeInteger(v)) return invalid(field, '金额须为整数（分）')
  if (v < min) return invalid(field, min > 0 ? '金额须大于零' : '金额不得为负')
  return v
}

/** Adds amounts with an overflow guard: addFen(1, 2) = 3. */
export function addFen(a: Fen, b: Fen): Fen {
  const s = a + b
  if (!Number.isSafeInteger(s)) invalid('amount', '金额溢出')
  return s
}

/** Display form with thousands separators and 2 decimals: formatFen(123456) = '1,234.56'; -5 → '-0.05'. */
export function formatFen(fen: Fen): string {
  assertFen(fen, 'amount', Number.MIN_SAFE_INTEGER)
  const neg = fen < 0
  const abs = Math.abs(fen)
  const yuan = Math.floor(abs / 100)
  const cents = String(abs % 100).padStart(2, '0')
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${neg ? '-' : ''}${grouped}.${cents}`
}

/** Money as people read it, with the unit: yuanText(500000) = '5,000.00 元'. */
export function yuanText(fen: Fen): string {
  return `${formatFen(fen)} 元`
}

const YUAN_RE = /^(-)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/

/**
 * Parses a yuan amount typed by a person into 分, exactly (no float):
 * parseYuan('1,234.56') = 123456; parseYuan('0.5') = 50. Grouping commas must be in threes.
 */
export function parseYuan(text: string, field = 'amount'): Fen {
  const m = typeof text === 'string' ? YUAN_RE.exec(text.trim()) : null
  if (!m) return invalid(field, `金额格式无效：${String(text)}（如 1,234.56）`)
  const digits = (m[2] ?? '').replace(/,/g, '') + (m[3] ?? '').padEnd(2, '0')
  const fen = Number(digits)
  if (!Number.isSafeInteger(fen)) return invalid(field, '金额过大')
  return m[1] && fen !== 0 ? -fen : fen
}

/**
 * `part ÷ whole` as a decimal string with `places` decimals, rounded half-up, computed exactly in
 * integers (no float): ratio(523, 10_000) = "0.0523", ratio(1, 3) = "0.3333", ratio(2, 3) = "0.6667".
 * A zero whole gives "0.0000" (an empty portfolio has no bad loans).
 */
export function ratio(part: Fen, whole: Fen, places = 4): string {
  if (!Number.isSafeInteger(part) || !Number.isSafeInteger(whole) || part < 0 || whole < 0) {
    throw new RangeError(`ratio needs non-negative integers, got ${part} / ${whole}`)
  }
  const scale = 10n ** BigInt(places)
  const q = whole === 0 ? 0n : (2n * BigInt(part) * scale + BigInt(whole)) / (2n * BigInt(whole))
  const s = q.toString().padStart(places + 1, '0')
  return places === 0 ? s : `${s.slice(0, -places)}.${s.slice(-places)}`
}
