import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeId, makeWorld, type World } from '../helpers/archives'

let w: World
const fangIds: number[] = []
beforeAll(async () => {
  w = await makeWorld()
  // Seven 王芳 (more than one page of a typical prefix search), plus near misses.
  for (let i = 0; i < 7; i++)
    fangIds.push(
      (
        await w.t.call(
          'borrowers.create',
          {
            kind: 'individual',
            name: '王芳',
            idNumber: makeId('19900101', 200 + i),
            phone: `1390000${String(1000 + i)}`,
          },
          i % 2 ? w.tokens.officer2 : w.tokens.officer,
        )
      ).id,
    )
  await w.borrower('王芳芳')
  await w.borrower('汪芳')
  await w.borrower('王方')
  await w.t.call(
    'borrowers.create',
    { kind: 'individual', name: '张三丰', idNumber: makeId('19700315', 11), phone: '13812345678' },
    w.tokens.officer,
  )
  await w.borrower('张森')
})
afterAll(() => w.t.close())

describe('global search: complete recall for short queries, ranked, highlighted', () => {
  it('a 2-character name finds every borrower of that name, exact matches first', async () => {
    const r = await w.t.call('search.global', { q: '王芳' }, w.tokens.manager)
    const names = r.hits.map((h) => h.title)
    expect(
      r.hits
        .filter((h) => h.title === '王芳')
        .map((h) => h.id)
        .sort((a, b) => a - b),
    ).toEqual(fangIds)
    expect(names.slice(0, 7)).toEqual(Array(7).fill('王芳'))
    expect(names).toContain('王芳芳')
    expect(names).not.toContain('汪芳')
    expect(names).not.toContain('王方')
    expect(r.hits[0]?.ranges).toEqual([[0, 2]])
  })

  it('a single character finds names starting with it', async () => {
    const r = await w.t.call('search.global', { q: '张', limit: 200 }, w.tokens.manager)
    expect(r.hits.map((h) => h.title)).toEqual(expect.arrayContaining(['张三丰', '张森']))
  })

  it('pinyin initials: "zsf" finds 张三丰, "zs" finds 张三丰 and 张森', async () => {
    const r = await w.t.call('search.global', { q: 'zsf' }, w.tokens.manager)
    expect(r.hits[0]).toMatchObject({ title: '张三丰', field: 'initials', matchText: 'zsf', ranges: [[0, 3]] })
    const r2 = await w.t.call('search.global', { q: 'ZS' }, w.tokens.manager)
    expect(r2.hits.map((h) => h.title)).toEqual(expect.arrayContaining(['张三丰', '张森']))
  })

  it('full ID number, and its last 4, 5 or 6 digits', async () => {
    const id = makeId('19700315', 11)
    expect((await w.t.call('search.global', { q: id }, w.tokens.manager)).hits[0]).toMatchObject({
      title: '张三丰',
      field: 'idNumber',
      score: 100,
    })
    for (const n of [4, 5, 6]) {
      const r = await w.t.call('search.global', { q: id.slice(-n) }, w.tokens.manager)
      expect(r.hits.map((h) => h.title)).toContain('张三丰')
      const hit = r.hits.find((h) => h.title === '张三丰')!
      expect(hit.field).toBe('idTail')
      expect(hit.ranges).toEqual([[18 - n, 18]])
    }
  })

  it('full phone and its last 4 digits', async () => {
    expect((await w.t.call('search.global', { q: '13812345678' }, w.tokens.manager)).hits[0]).toMatchObject({
      title: '张三丰',
      field: 'phone',
    })
    const tail = await w.t.call('search.global', { q: '5678' }, w.tokens.manager)
    expect(tail.hits.find((h) => h.title === '张三丰')?.field).toBe('phoneTail')
  })

  it('contract, 借据 and file numbers, exact first then prefix', async () => {
    const b = await w.borrower('合同人')
    const l = await w.loan(b.id, { contractNo: 'HT2026-7001' })
    await w.loan(b.id, { contractNo: 'HT2026-70011' })
    const f = await w.t.call('archives.register', { loanId: l.id }, w.tokens.archivist)
    const r = await w.t.call('search.global', { q: 'ht2026-7001' }, w.tokens.manager)
    expect(r.hits[0]).toMatchObject({ type: 'loan', id: l.id, field: 'contractNo', score: 100 })
    expect(r.hits.map((h) => h.subtitle)).toContain('借据 ' + l.iouNo)
    expect((await w.t.call('search.global', { q: l.iouNo }, w.tokens.manager)).hits[0]).toMatchObject({
      type: 'loan',
      field: 'iouNo',
    })
    expect((await w.t.call('search.global', { q: f.fileNo }, w.tokens.manager)).hits[0]).toMatchObject({
      type: 'file',
      id: f.id,
      score: 100,
    })
    expect((await w.t.call('search.global', { q: '3301-2026-DK' }, w.tokens.manager)).hits.map((h) => h.id)).toContain(
      f.id,
    )
  })

  it('masks ID numbers and phones in results for roles without pii.view, and scopes officers', async () => {
    const r = await w.t.call('search.global', { q: makeId('19700315', 11).slice(-4) }, w.tokens.archivist)
    const hit = r.hits.find((h) => h.title === '张三丰')!
    expect(hit.matchText).toContain('*')
    expect(hit.subtitle).not.toContain('13812345678')
    expect(hit.ranges).toEqual([[14, 18]])
    const mine = await w.t.call('search.global', { q: '王芳' }, w.tokens.officer)
    expect(mine.hits.filter((h) => h.title === '王芳')).toHaveLength(4) // officer1 registered 4 of the 7
  })
})
