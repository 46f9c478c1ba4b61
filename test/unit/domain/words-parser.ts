// Test-only inverse of amountInWords: 大写 → 分. Written independently of the code under test
// (a plain positional reader), so round-trips check the words, not the same algorithm twice.
const DIGITS = '零壹贰叁肆伍陆柒捌玖'
const SMALL: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 }

/** Parses '壹仟陆佰捌拾元零叁角贰分' → 168032; throws on anything it does not understand. */
export function parseAmountWords(text: string): number {
  if (text === '零元整') return 0
  let s = text
  let fen = 0
  const tail = /(?:([壹贰叁肆伍陆柒捌玖])角)?(?:([壹贰叁肆伍陆柒捌玖])分)?$/.exec(s)
  if (tail && (tail[1] || tail[2])) {
    fen += (tail[1] ? DIGITS.indexOf(tail[1]) * 10 : 0) + (tail[2] ? DIGITS.indexOf(tail[2]) : 0)
    s = s.slice(0, s.length - tail[0].length)
    if (s.endsWith('零')) s = s.slice(0, -1)
  } else if (s.endsWith('整')) s = s.slice(0, -1)
  else throw new Error(`no 整/角/分 ending: ${text}`)
  if (s === '') return fen
  if (!s.endsWith('元')) throw new Error(`missing 元: ${text}`)
  s = s.slice(0, -1)
  // Integer part: sections separated by 亿 and 万 (万亿 = 10^12).
  let total = 0
  let section = 0 // value within the current 万-section
  let digit = -1
  let high = 0 // value of completed higher units waiting for 亿
  for (const ch of s) {
    const d = DIGITS.indexOf(ch)
    if (d > 0) {
      if (digit >= 0) throw new Error(`two digits in a row: ${text}`)
      digit = d
    } else if (d === 0) {
      if (digit >= 0) throw new Error(`零 after a digit: ${text}`)
    } else if (ch in SMALL) {
      if (digit < 0) throw new Error(`unit without digit: ${text}`)
      section += digit * (SMALL[ch] ?? 0)
      digit = -1
    } else if (ch === '万') {
      section += Math.max(digit, 0)
      digit = -1
      high += section * 10_000
      section = 0
    } else if (ch === '亿') {
      section += Math.max(digit, 0)
      digit = -1
      total += (high + section) * 100_000_000
      high = 0
      section = 0
    } else throw new Error(`unexpected ${ch} in ${text}`)
  }
  total += high + section + Math.max(digit, 0)
  return total * 100 + fen
}
