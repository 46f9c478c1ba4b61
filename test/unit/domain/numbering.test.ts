import { describe, expect, it } from 'vitest'
import { checkNumberPattern, formatDocNo, parseDocNo } from '../../../shared/domain/numbering'

// Issue 9, Numbering: 机构号-年度-流水号. Expected strings written out by hand from the pattern.
describe('document number patterns', () => {
  const v = { org: '320101', year: 2026 }
  it.each([
    ['{org}-{year}-HT-{seq:4}', 7, '320101-2026-HT-0007'],
    ['{org}-{year}-JJ-{seq:4}', 12345, '320101-2026-JJ-12345'], // wider than the padding: kept whole
    ['HT{year}{seq:6}', 1, 'HT2026000001'],
    ['{year}-{seq}', 42, '2026-42'],
  ])('%s with serial %i → %s, and back', (pattern, seq, text) => {
    expect(formatDocNo(pattern, { ...v, seq })).toBe(text)
    expect(parseDocNo(pattern, text, v)).toBe(seq)
  })

  it("numbers of another year, org or shape are not the pattern's", () => {
    expect(parseDocNo('{org}-{year}-HT-{seq:4}', '320101-2025-HT-0007', v)).toBeNull()
    expect(parseDocNo('{org}-{year}-HT-{seq:4}', '320102-2026-HT-0007', v)).toBeNull()
    expect(parseDocNo('{org}-{year}-HT-{seq:4}', '手写-001', v)).toBeNull()
    expect(parseDocNo('{org}.{year}-HT-{seq}', '320101x2026-HT-1', v)).toBeNull() // '.' is literal, not any character
  })

  it('refuses patterns without one serial or without the year', () => {
    expect(checkNumberPattern('{org}-HT')).toMatch(/流水号/)
    expect(checkNumberPattern('{org}-{seq}')).toMatch(/年度/)
    expect(checkNumberPattern('{org}-{year}-{seq}-{seq}')).toMatch(/流水号/)
    expect(checkNumberPattern('{org}-{year}-{month}-{seq}')).toMatch(/占位符/)
    expect(checkNumberPattern('{org}-{year}-HT-{seq:4}')).toBeNull()
  })
})
