import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { contract, METHOD_NAMES, type MethodDef } from '../../shared/api'
import { makeWorld, type World } from '../helpers/archives'

// issue 14: the permission policy written from the roles' job descriptions (DESIGN.md, Permissions;
// DOMAIN.md), not from ROLE_PERMISSIONS, so a wrong entry in the table fails here:
//  稽核 auditor: reads and checks, writes nothing (beyond their own login session).
//  档案管理员 archivist: keeps files; posts no repayment, approves no loan action.
//  信贷员 officer: works the own portfolio only; another officer's borrowers and loans do not exist for them.
//  主管 manager (and admin): the only ones who approve (核销 write-off, 重组 restructure, destruction lists).
const defs = contract as Record<string, MethodDef>
/** The only writes any logged-in person makes about themself. */
const OWN_SESSION = new Set(['auth.login', 'auth.logout', 'auth.changePassword', 'system.setup'])
/** Approval methods by name, so approvals other areas add later are covered too. */
const APPROVALS = METHOD_NAMES.filter((m) => defs[m]!.write && /approve|writeOff|restructure|releaseHold/i.test(m))

let w: World
let mine: { borrower: number; loan: number }
let theirs: { borrower: number; loan: number }
let theirContract = ''
beforeAll(async () => {
  w = await makeWorld()
  const b1 = await w.borrower('本人甲')
  const l1 = await w.loan(b1.id)
  const b2 = await w.borrower('他人乙', { token: w.tokens.officer2 })
  const l2 = await w.loan(b2.id, { token: w.tokens.officer2 })
  for (const [l, token] of [
    [l1.id, w.tokens.officer],
    [l2.id, w.tokens.officer2],
  ] as const)
    await w.t.call('servicing.createPlan', { loanId: l }, token)
  for (const l of [l1.id, l2.id]) await w.t.call('archives.register', { loanId: l }, w.tokens.archivist)
  theirContract = l2.contractNo
  mine = { borrower: b1.id, loan: l1.id }
  theirs = { borrower: b2.id, loan: l2.id }
})
afterAll(() => w.t.close())

const code = async (method: string, input: unknown, token: string) => {
  const r = await w.t.backend.dispatch({ method, input, token })
  return r.ok ? 'OK' : r.error.code
}

describe('稽核 auditor writes nothing', () => {
  it('every write method except the own session answers FORBIDDEN, and nothing is written', async () => {
    const writes = METHOD_NAMES.filter((m) => defs[m]!.write && !OWN_SESSION.has(m))
    expect(writes.length).toBeGreaterThan(40)
    const before = w.t.backend.env.sqlite.prepare('select count(*) as n from audit_log').get() as { n: number }
    for (const m of writes)
      expect(await code(m, { loanId: mine.loan, id: mine.loan }, w.tokens.auditor), m).toBe('FORBIDDEN')
    const after = w.t.backend.env.sqlite.prepare('select count(*) as n from audit_log').get() as { n: number }
    expect(after.n).toBe(before.n)
  })
})

describe('档案管理员 archivist posts no repayment and approves no loan action', () => {
  it('repayments, reversals, write-off, restructure and every approval are FORBIDDEN', async () => {
    const payment = { loanId: mine.loan, amount: 100_00, paidDate: '2026-03-01' }
    for (const m of [
      'servicing.postRepayment',
      'servicing.bulkPost',
      'servicing.reverseRepayment',
      'servicing.settle',
      'servicing.recordRecovery',
    ]) {
      expect(await code(m, payment, w.tokens.archivist), m).toBe('FORBIDDEN')
    }
    for (const m of APPROVALS)
      expect(await code(m, { loanId: mine.loan, listId: 1, fileId: 1 }, w.tokens.archivist), m).toBe('FORBIDDEN')
    expect(await w.t.call('servicing.listRepayments', { loanId: mine.loan }, w.tokens.admin)).toEqual([])
  })
})

describe('only 主管 managers (and admin) approve', () => {
  it('officers, archivists and auditors are FORBIDDEN every approval; managers and admin pass the permission check', async () => {
    expect(APPROVALS).toEqual(
      expect.arrayContaining(['servicing.writeOff', 'servicing.restructure', 'archives.approveDestruction']),
    )
    for (const m of APPROVALS) {
      for (const role of ['officer', 'officer2', 'archivist', 'auditor'] as const)
        expect(await code(m, {}, w.tokens[role]), `${m} ${role}`).toBe('FORBIDDEN')
      // An empty input fails validation, which the dispatcher checks only after permission.
      for (const role of ['manager', 'admin'] as const)
        expect(await code(m, {}, w.tokens[role]), `${m} ${role}`).not.toBe('FORBIDDEN')
    }
  })

  it('a manager actually writes a loan off; the officer who manages it cannot', async () => {
    const input = { loanId: mine.loan, date: '2026-03-02', reason: '借款人死亡，无遗产可供清偿' }
    expect(await code('servicing.writeOff', input, w.tokens.officer)).toBe('FORBIDDEN')
    const r = await w.t.backend.dispatch({ method: 'servicing.writeOff', input, token: w.tokens.manager })
    expect(r.ok ? 'OK' : `${r.error.code} ${r.error.message}`).toBe('OK')
    expect((await w.t.call('loans.get', { id: mine.loan }, w.tokens.manager)).loan.status).toBe('written_off')
  })
})

describe('信贷员 officer sees only the own portfolio', () => {
  it('lists and search exclude another officer’s borrowers and loans', async () => {
    const loans = await w.t.call('loans.list', { limit: 500 }, w.tokens.officer)
    expect(loans.rows.map((l) => l.id)).toContain(mine.loan)
    expect(loans.rows.map((l) => l.id)).not.toContain(theirs.loan)
    expect(loans.rows.every((l) => l.officerId === w.ids.officer)).toBe(true)
    const borrowers = await w.t.call('borrowers.list', { limit: 500 }, w.tokens.officer)
    expect(borrowers.rows.map((b) => b.id)).toContain(mine.borrower)
    expect(borrowers.rows.map((b) => b.id)).not.toContain(theirs.borrower)
    expect((await w.t.call('search.global', { q: '他人乙' }, w.tokens.officer)).hits).toEqual([])
    expect((await w.t.call('search.global', { q: '他人乙' }, w.tokens.manager)).hits.length).toBeGreaterThan(0)
    const due = await w.t.call('servicing.dueSoon', { asOf: '2026-03-02', days: 30 }, w.tokens.officer)
    expect(due.rows.map((d) => d.loanId)).not.toContain(theirs.loan)
  })

  it('every read about one loan or borrower that works on the own one answers NOT_FOUND/FORBIDDEN on another officer’s', async () => {
    let compared = 0
    for (const m of METHOD_NAMES.filter((x) => !defs[x]!.write)) {
      const input = defs[m]!.input
      const keys = input instanceof z.ZodObject ? Object.keys(input.shape) : []
      const area = m.split('.')[0]
      const target = keys.includes('loanId')
        ? 'loan'
        : keys.includes('borrowerId') && !keys.includes('limit')
          ? 'borrower'
          : keys.includes('id') && area === 'loans'
            ? 'loan'
            : keys.includes('id') && area === 'borrowers'
              ? 'borrower'
              : null
      if (!target) continue
      const make = (x: { borrower: number; loan: number }) => {
        const v = x[target]
        return {
          ...(keys.includes('asOf') && { asOf: '2026-03-02' }),
          ...(keys.includes('loanId') ? { loanId: v } : keys.includes('borrowerId') ? { borrowerId: v } : { id: v }),
        }
      }
      if ((await code(m, make(mine), w.tokens.officer)) !== 'OK') continue
      compared++
      // Refused, or (a list filtered by the id) answered without a trace of the other portfolio.
      const r = await w.t.backend.dispatch({ method: m, input: make(theirs), token: w.tokens.officer })
      if (r.ok) expect(JSON.stringify(r.value), m).not.toMatch(new RegExp(`他人乙|${theirContract}`))
      else expect(['NOT_FOUND', 'FORBIDDEN'], m).toContain(r.error.code)
      expect(await code(m, make(theirs), w.tokens.manager), `${m} manager`).toBe('OK')
    }
    expect(compared).toBeGreaterThanOrEqual(6)
  })

  it('writes on another officer’s loan or borrower fail as if it did not exist', async () => {
    expect(await code('loans.update', { id: theirs.loan, purpose: '改用途' }, w.tokens.officer)).toBe('NOT_FOUND')
    expect(await code('borrowers.update', { id: theirs.borrower, village: '别村' }, w.tokens.officer)).toBe('NOT_FOUND')
    const pay = (loanId: number) => ({ loanId, amount: 100_00, paidDate: '2026-03-01', channel: 'cash' })
    expect(['NOT_FOUND', 'FORBIDDEN']).toContain(
      await code('servicing.postRepayment', pay(theirs.loan), w.tokens.officer),
    )
    const own = await w.loan((await w.borrower('本人丙')).id)
    await w.t.call('servicing.createPlan', { loanId: own.id }, w.tokens.officer)
    expect(await code('servicing.postRepayment', pay(own.id), w.tokens.officer)).toBe('OK') // the same input works on the own loan
  })
})
