// Issue 10: the customer class A/B/C (DOMAIN §5) as a filter of the loan list (贷后管理) and of the
// borrower list, and shown on each row. The class is the one stored by the last risk evaluation
// (borrowers.customer_class); here it is set directly so the test checks the filter, not the rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeWorld, type World } from '../helpers/archives'

let w: World
const loans: Record<string, number> = {}
const borrowers: Record<string, number> = {}
beforeAll(async () => {
  w = await makeWorld()
  // Four borrowers of officer1, one loan each: classes A, B, C and none yet (never evaluated);
  // plus one class-B borrower of officer2 (outside officer1's scope).
  for (const [key, cls, token] of [
    ['a', 'A', w.tokens.officer],
    ['b', 'B', w.tokens.officer],
    ['c', 'C', w.tokens.officer],
    ['none', null, w.tokens.officer],
    ['b2', 'B', w.tokens.officer2],
  ] as const) {
    const b = await w.borrower(`分类${key}`, { token })
    borrowers[key] = b.id
    loans[key] = (await w.loan(b.id, { token })).id
    w.t.backend.env.sqlite.prepare('update borrowers set customer_class = ? where id = ?').run(cls, b.id)
  }
})
afterAll(() => w.t.close())

const list = (input: Record<string, unknown>, token = w.tokens.manager) =>
  w.t.call('servicing.loanList', input as never, token)

describe('loan list: customerClass filter', () => {
  it('each class returns exactly its loans, with the class on the row and the total counted', async () => {
    const b = await list({ customerClass: 'B' })
    expect(b.rows.map((r) => r.id).sort()).toEqual([loans.b, loans.b2].sort())
    expect(b.total).toBe(2)
    expect(b.rows.every((r) => r.customerClass === 'B')).toBe(true)
    expect((await list({ customerClass: 'A' })).rows.map((r) => r.id)).toEqual([loans.a])
    expect((await list({ customerClass: 'C' })).total).toBe(1)
  })

  it('no filter lists every loan (5), the unevaluated borrower with class null', async () => {
    const all = await list({})
    expect(all.total).toBe(5)
    expect(all.rows.find((r) => r.id === loans.none)?.customerClass).toBeNull()
  })

  it('combines with the other filters and with the officer scope', async () => {
    // officer1 sees only his own B loan, not officer2's.
    const mine = await list({ customerClass: 'B' }, w.tokens.officer)
    expect(mine.rows.map((r) => r.id)).toEqual([loans.b])
    expect(mine.total).toBe(1)
    expect((await list({ customerClass: 'B', officerId: w.ids.officer2 })).rows.map((r) => r.id)).toEqual([loans.b2])
    expect((await list({ customerClass: 'B', village: '青山镇前进村', sort: 'balance' })).total).toBe(2)
    expect((await list({ customerClass: 'A', status: 'settled' })).total).toBe(0)
  })

  it('a class outside A/B/C is refused in zh-CN', async () => {
    const e = await w.t.fail('servicing.loanList', { customerClass: 'D' }, w.tokens.manager)
    expect(e.code).toBe('VALIDATION')
    expect(e.message).toMatch(/[\u4e00-\u9fa5]/)
  })
})

describe('borrower list: customerClass filter', () => {
  it('lists the borrowers of a class, with the class on the view', async () => {
    const c = await w.t.call('borrowers.list', { customerClass: 'C' }, w.tokens.manager)
    expect(c.rows.map((r) => r.id)).toEqual([borrowers.c])
    expect(c.total).toBe(1)
    expect(c.rows[0]!.customerClass).toBe('C')
    const b = await w.t.call('borrowers.list', { customerClass: 'B' }, w.tokens.officer)
    expect(b.rows.map((r) => r.id)).toEqual([borrowers.b])
  })
})
