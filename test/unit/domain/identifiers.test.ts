// Check characters computed with an independent python3 script:
//   W=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]; "10X98765432"[sum(int(c)*w)%11]
//   CS='0123456789ABCDEFGHJKLMNPQRTUWXY'; CS[(31 - sum(CS.index(c)*w) % 31) % 31]
import { describe, expect, it } from 'vitest'
import {
  creditCodeCheckChar,
  isValidCreditCode,
  isValidMobile,
  isValidResidentId,
  parseResidentId,
  residentIdCheckChar,
} from '../../../shared/domain'

describe('居民身份证 (GB 11643)', () => {
  it('accepts valid numbers, upper- or lower-case X, and reports birth date and sex', () => {
    expect(parseResidentId('11010519491231002X')).toEqual({
      birthDate: '1949-12-31',
      sex: 'F',
      normalized: '11010519491231002X',
    })
    expect(parseResidentId('11010519491231002x')).toEqual({
      birthDate: '1949-12-31',
      sex: 'F',
      normalized: '11010519491231002X',
    })
    expect(parseResidentId('440308199901010012')).toEqual({
      birthDate: '1999-01-01',
      sex: 'M',
      normalized: '440308199901010012',
    })
    expect(isValidResidentId('320583198808081237')).toBe(true)
  })
  it('the birth date must exist: 2000-02-29 yes, 1900-02-29 no', () => {
    expect(isValidResidentId('110105200002291235')).toBe(true)
    expect(isValidResidentId('110105190002291239')).toBe(false) // check char right, date impossible
    expect(isValidResidentId('510108202402294569')).toBe(true)
    expect(isValidResidentId('110105199913010011')).toBe(false) // month 13
  })
  it('rejects a wrong check char, wrong length or stray characters', () => {
    expect(isValidResidentId('110105194912310021')).toBe(false)
    expect(isValidResidentId('11010519491231002')).toBe(false)
    expect(isValidResidentId('11010519491231002XX')).toBe(false)
    expect(isValidResidentId('A10105194912310021')).toBe(false)
    expect(isValidResidentId(' 11010519491231002X')).toBe(false)
  })
})

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts valid codes (check char by mod 31)', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true)
    expect(isValidCreditCode('91110000600037341L')).toBe(true)
    expect(isValidCreditCode('121000004000000010')).toBe(true)
    expect(isValidCreditCode('93350128MA2YFXXX03')).toBe(true)
  })
  it('rejects wrong check chars, forbidden letters (I O Z S V) and wrong length', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false)
    expect(isValidCreditCode('91350100M000100YI3')).toBe(false)
    expect(isValidCreditCode('91350100O000100Y43')).toBe(false)
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false)
    expect(isValidCreditCode('91350100m000100y43')).toBe(false)
  })
})

describe('mobile', () => {
  it('matches ^1[3-9]\\d{9}$', () => {
    expect(isValidMobile('13800138000')).toBe(true)
    expect(isValidMobile('19912345678')).toBe(true)
    expect(isValidMobile('12800138000')).toBe(false)
    expect(isValidMobile('1380013800')).toBe(false)
    expect(isValidMobile('+8613800138000')).toBe(false)
  })
})

describe('check characters (used to generate valid demo identifiers)', () => {
  it('residentIdCheckChar gives the GB 11643 check char', () => {
    // Hand check for 11010519491231002: Σ digit·weight = 167 (1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2);
    // 167 mod 11 = 2 → "10X98765432"[2] = 'X'.
    expect(residentIdCheckChar('11010519491231002')).toBe('X')
    expect(isValidResidentId(`11010519491231002${residentIdCheckChar('11010519491231002')}`)).toBe(true)
  })
  it('creditCodeCheckChar gives the GB 32100 check char and null outside the charset', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3') // the known-valid code 91350100M000100Y43
    expect(creditCodeCheckChar('91350100I000100Y4')).toBeNull() // I is not in the charset
  })
})
