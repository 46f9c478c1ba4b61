import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeId, makeWorld, type World } from '../helpers/archives'

// Issue 9, "Search": full pinyin (`wangjing` finds 王静), an ID number prefix and any 4+
// consecutive digits of a phone also find the borrower.

let w: World
let jing: number, jin: number, lv: number
beforeAll(async () => {
  w = await makeWorld()
  jing = (
    await w.t.call(
      'borrowers.create',
      { kind: 'individual', name: '王静', idNumber: makeId('19880612', 31, '330127'), phone: '13957246810' },
      w.tokens.officer,
    )
  ).id
  jin = (
    await w.t.call(
      'borrowers.create',
      { kind: 'individual', name: '王进', idNumber: makeId('19900101', 33, '330128'), phone: '13800001111' },
      w.tokens.officer,
    )
  ).id
  lv = (
    await w.t.call(
      'borrowers.create',
      { kind: 'individual', name: '吕芳', idNumber: makeId('19700101', 35, '330129'), phone: '18600002222' },
      w.tokens.officer,
    )
  ).id
})
afterAll(() => w.t.close())

const ids = async (q: string, token = w.tokens.manager) =>
  (await w.t.call('search.global', { q }, token)).hits.filter((h) => h.type === 'borrower').map((h) => h.id)

describe('search recall: full pinyin, ID prefix, phone digits', () => {
  it('full pinyin finds the name; a pinyin prefix finds every name starting with it', async () => {
    expect(await ids('wangjing')).toEqual([jing])
    expect(await ids('WangJing')).toEqual([jing])
    // 'wangjin' is 王进 exactly and a prefix of wangjing: exact first.
    expect(await ids('wangjin')).toEqual([jin, jing])
    // 吕 is typed 'lv' on a pinyin keyboard.
    expect(await ids('lvfang')).toEqual([lv])
    const hit = (await w.t.call('search.global', { q: 'wangjing' }, w.tokens.manager)).hits[0]
    expect(hit).toMatchObject({ field: 'pinyin', matchText: 'wangjing', ranges: [[0, 8]] })
  })

  it('an ID number prefix (area code + birth date) finds the borrower for roles with pii.view', async () => {
    expect(await ids('33012719880612')).toEqual([jing])
    expect(await ids('330128')).toEqual([jin])
    // Roles without pii.view (archivist) get no ID-prefix path.
    expect(await ids('33012719880612', w.tokens.archivist)).toEqual([])
  })

  it('any 4 or more consecutive digits of a phone find the borrower', async () => {
    expect(await ids('5724')).toEqual([jing]) // digits 4–7 of 13957246810
    expect(await ids('724681')).toEqual([jing])
    expect(await ids('0000')).toEqual(expect.arrayContaining([jin, lv]))
    expect(await ids('9572468')).toEqual([jing])
  })

  it('a changed phone is found by its new digits, not the old ones (index kept in step)', async () => {
    await w.t.call('borrowers.update', { id: jing, phone: '13711223344' }, w.tokens.officer)
    expect(await ids('1122')).toEqual([jing])
    expect(await ids('5724')).toEqual([])
  })
})
