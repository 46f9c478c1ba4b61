// 金额大写 amounts in words (DOMAIN §9), for notices, receipts and 借据.
import { invalid } from './errors'

/** 大写 digits 零 … 玖. */
export const WORD_DIGITS = '零壹贰叁肆伍陆柒捌玖'
const POS = ['', '拾', '佰', '仟'] as const
/** Section units: ones, 万 (10⁴), 亿 (10⁸), 万 (10¹², read 万亿 with the 亿 that follows). */
const SECTION = ['', '万', '亿', '万'] as const
/** Largest amount accepted: Number.MAX_SAFE_INTEGER 分 (≈ 90 万亿元). */
export const MAX_WORDS_FEN = Number.MAX_SAFE_INTEGER

function digit(d: number): string {
  return WORD_DIGITS.charAt(d)
}

/** Integer yuan in words without 元: 1680 → 壹仟陆佰捌拾, 100010000 → 壹亿零壹万. */
function integerWords(n: number): string {
  const sections: number[] = []
  for (let v = n; v > 0; v = Math.floor(v / 10000)) sections.push(v % 10000)
  let out = ''
  let zero = false // a run of zeros is pending, to be written as one 零 before the next digit
  for (let s = sections.length - 1; s >= 0; s--) {
    const sec = sections[s] ?? 0
    if (sec === 0) {
      if (s === 2 && out !== '') out += '亿' // 壹万亿, 壹万亿零壹: 亿 is written even if its section is zero
      zero = out !== ''
      continue
    }
    for (let p = 3; p >= 0; p--) {
      const d = Math.floor(sec / 10 ** p) % 10
      if (d === 0) {
        if (out !== '') zero = true
        continue
      }
      if (zero) out += '零'
      zero = false
      out += digit(d) + (POS[p] ?? '')
    }
    out += SECTION[s] ?? ''
    // Zeros ending a section are not written (贰仟万壹仟); a next section starting with zero
    // digits sets the flag again as its loop meets them (贰仟万零壹佰).
    zero = false
  }
  return out
}

/**
 * Amount in 分 → 大写 (DOMAIN §9): 0 → 零元整; 1000 → 壹拾元整; 168032 → 壹仟陆佰捌拾元零叁角贰分;
 * 100002 → 壹仟元零贰分; 50 → 伍角; 5 → 伍分. Negative or non-integer amounts throw a
 * VALIDATION DomainError (notices never show negative amounts; a sign would be easy to miss).
 */
export function amountInWords(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) return invalid('amount', '大写金额须为非负整数（分）')
  const yuan = Math.floor(fen / 100)
  const jiao = Math.floor(fen / 10) % 10
  const f = fen % 10
  if (fen === 0) return '零元整'
  let out = yuan > 0 ? integerWords(yuan) + '元' : ''
  if (jiao === 0 && f === 0) return out + '整'
  // 零 after 元 when the 元 digit is zero (…捌拾元零叁角) or 角 is zero (…元零贰分) — once.
  if (yuan > 0 && (yuan % 10 === 0 || jiao === 0)) out += '零'
  if (jiao > 0) out += digit(jiao) + '角'
  if (f > 0) out += digit(f) + '分'
  return out
}
