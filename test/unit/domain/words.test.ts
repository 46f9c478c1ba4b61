// Expected words written by hand from DOMAIN §9 (digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟万亿).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DomainError, amountInWords } from '../../../shared/domain'
import { parseAmountWords } from './words-parser'

describe('amountInWords (大写, DOMAIN §9)', () => {
  it.each([
    [0, '零元整'],
    [1000, '壹拾元整'], // a leading ten is 壹拾
    [168032, '壹仟陆佰捌拾元零叁角贰分'], // 元 digit zero and 角/分 follow → 零
    [50, '伍角'], // 角 without 分: no 整; below one yuan: no 元
    [5, '伍分'],
    [52, '伍角贰分'],
    [2, '贰分'],
    [100002, '壹仟元零贰分'], // 角 zero between 元 and 分 → one 零
    [100, '壹元整'],
    [150, '壹元伍角'],
    [1205, '壹拾贰元零伍分'],
    [10050, '壹佰元零伍角'],
    [100000000, '壹佰万元整'],
    [1000100, '壹万零壹元整'], // one 零 for the run 000
    [10001000, '壹拾万零壹拾元整'],
    [10100000, '壹拾万壹仟元整'], // zeros ending a section are not written
    [2000010000, '贰仟万零壹佰元整'],
    [2000100000, '贰仟万壹仟元整'],
    [200100000000, '贰拾亿零壹佰万元整'], // run across the 万 boundary: one 零
    [10000000000, '壹亿元整'],
    [10000100000, '壹亿零壹仟元整'], // zero 万-section inside: one 零
    [999999999999, '玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'], // ~1e12 分
    [1000000000000, '壹佰亿元整'],
    [100000000000000, '壹万亿元整'],
    [100010000000000, '壹万零壹亿元整'],
    [1234500000000000, '壹拾贰万叁仟肆佰伍拾亿元整'],
  ])('%i 分 → %s', (fen, words) => {
    expect(amountInWords(fen)).toBe(words)
  })

  it('negative or fractional 分 throw a VALIDATION DomainError (no 负 prefix)', () => {
    expect(() => amountInWords(-1)).toThrow(DomainError)
    expect(() => amountInWords(1.5)).toThrow(DomainError)
    expect(() => amountInWords(Number.NaN)).toThrow(DomainError)
  })

  it('round-trips through an independent parser for any amount up to 1e12 分 and beyond', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000_000 }),
        (fen) => parseAmountWords(amountInWords(fen)) === fen,
      ),
      { numRuns: 3000 },
    )
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        (fen) => parseAmountWords(amountInWords(fen)) === fen,
      ),
      { numRuns: 1000 },
    )
  })

  it('round-trips sparse amounts (many zeros) where 零 rules matter', () => {
    const sparse = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 9 })), { maxLength: 4 })
      .map((ds) => ds.reduce((a, [p, d]) => a + d * 10 ** p, 0))
      .filter((n) => Number.isSafeInteger(n))
    fc.assert(
      fc.property(sparse, (fen) => {
        const w = amountInWords(fen)
        return parseAmountWords(w) === fen && !w.includes('零零') && (fen === 0 || !/零[万亿元]/.test(w))
      }),
      { numRuns: 3000 },
    )
  })
})
