// Exact rates and integer arithmetic with half-up rounding. Rates arrive as annual-percent
// decimal strings ("4.35"); they become exact fractions so per-row interest needs no float
// and no Decimal object (schedules and penalty batches run millions of times).
import Decimal from 'decimal.js'
import { invalid } from './errors'

/** Decimal clone for the rare high-precision steps: 40 digits, ROUND_HALF_UP, no exponents. */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 })

/** An exact non-negative fraction num/den with safe-integer parts, reduced. */
export interface Fraction {
  readonly num: number
  readonly den: number
}

const RATE_RE = /^(0|[1-9]\d{0,2})(\.\d{1,8})?$/
const cache = new Map<string, Fraction>()

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b]
  return a
}

/** Reduced fraction num/den (both safe integers, den > 0). */
export function fraction(num: number, den: number): Fraction {
  const g = gcd(num, den) || 1
  return { num: num / g, den: den / g }
}

/**
 * Parses a non-negative decimal string into an exact fraction of its value:
 * parseDecimal('4.35') = 87/20. Throws VALIDATION naming `field` for anything else.
 */
export function parseDecimal(s: string, field: string): Fraction {
  let f = cache.get(s)
  if (f === undefined) {
    if (typeof s !== 'string' || !RATE_RE.test(s))
      return invalid(field, `应为非负十进制数字符串（如 "4.35"），收到 ${String(s)}`)
    const dot = s.indexOf('.')
    const digits = dot < 0 ? s : s.slice(0, dot) + s.slice(dot + 1)
    f = fraction(Number(digits), dot < 0 ? 1 : 10 ** (s.length - dot - 1))
    if (cache.size > 10_000) cache.clear()
    cache.set(s, f)
  }
  return f
}

/** Parses an annual-percent rate and checks 0 ≤ rate ≤ max (percent): '4.35' → 87/20. */
export function parsePercent(s: string, field: string, max = 36): Fraction {
  const f = parseDecimal(s, field)
  if (f.num > max * f.den) invalid(field, `利率不得超过 ${max}%`)
  return f
}

const LIMIT = 2 ** 52

/**
 * round_half_up(a·b / d) for non-negative integers a, b and positive integer d, exact.
 * mulDivHalfUp(100000, 435, 120000) = 363 (362.5 rounds up).
 */
export function mulDivHalfUp(a: number, b: number, d: number): number {
  const x = a * b
  if (x <= LIMIT && d <= LIMIT) {
    let q = Math.floor(x / d)
    let r = x - q * d
    if (r < 0) {
      q -= 1
      r += d
    } else if (r >= d) {
      q += 1
      r -= d
    }
    return r * 2 >= d ? q + 1 : q
  }
  const D = BigInt(d)
  return Number((2n * BigInt(a) * BigInt(b) + D) / (2n * D))
}

/** round_half_up(a·b·c / d) for non-negative integers, exact (BigInt when products get large). */
export function mul3DivHalfUp(a: number, b: number, c: number, d: number): number {
  const ab = a * b
  if (ab <= LIMIT) return mulDivHalfUp(ab, c, d)
  const D = BigInt(d)
  return Number((2n * BigInt(a) * BigInt(b) * BigInt(c) + D) / (2n * D))
}

/** Formats a Decimal without trailing zeros or exponent: 7.20 → '7.2'. */
export function decString(d: Decimal): string {
  return d.toFixed()
}

/** 月息 x‰ → annual percent: monthlyPermilleToAnnual('6') = '7.2' (annual = 12·x/10). */
export function monthlyPermilleToAnnual(permille: string): string {
  parseDecimal(permille, 'permille')
  return decString(new Dec(permille).times(12).div(10))
}

/** Annual percent → 月息 ‰: annualToMonthlyPermille('7.2') = '6', ('4.35') = '3.625'. */
export function annualToMonthlyPermille(annual: string): string {
  parseDecimal(annual, 'annualRate')
  return decString(new Dec(annual).times(10).div(12))
}

/** Penalty rate = contract × (1 + markup/100): penaltyRate('4.35', '50') = '6.525'. */
export function penaltyRate(annualRate: string, markupPercent: string): string {
  parseDecimal(annualRate, 'annualRate')
  parseDecimal(markupPercent, 'markupPercent')
  return decString(new Dec(annualRate).times(new Dec(markupPercent).div(100).plus(1)))
}
