// The 预警表's totals come from the counts summary that triggers keep (migration 0020); these
// checks compare each total with the rows the board actually lists, and with hand-counted figures,
// after warnings are opened, re-levelled, auto-resolved and closed by hand.
import { afterEach, describe, expect, it } from 'vitest'
import { makeWorld, type World } from '../helpers/archives'

let w: World
afterEach(() => w?.t.close())

type Filter = { rule?: 'overdue' | 'first_check'; level?: 'red' | 'orange' | 'yellow'; status?: 'open' | 'closed' }

/** Board total (summary) and the number of rows the board lists (page query) for one filter. */
async function board(f: Filter) {
  const r = await w.t.call('risk.warnings', { ...f, limit: 500 }, w.tokens.manager)
  return { total: r.total, listed: r.items.length }
}

/** Every combination of rule × level × status (each optional): the summary total equals the rows listed. */
async function expectTotalsMatchRows() {
  for (const rule of [undefined, 'overdue', 'first_check'] as const)
    for (const level of [undefined, 'red', 'orange', 'yellow'] as const)
      for (const status of [undefined, 'open', 'closed'] as const) {
        const f: Filter = { ...(rule ? { rule } : {}), ...(level ? { level } : {}), ...(status ? { status } : {}) }
        const b = await board(f)
        expect(b.total, JSON.stringify(f)).toBe(b.listed)
      }
}

async function today(date: string) {
  w.t.clock.now = new Date(`${date}T02:00:00Z`)
  w.tokens.officer = (await w.t.call('auth.login', { username: 'officer1', password: 'Passw0rd!' })).token
  w.tokens.manager = (await w.t.call('auth.login', { username: 'manager', password: 'Passw0rd!' })).token
}
const run = (asOf: string) => w.t.call('risk.evaluate', { asOf, store: true }, w.tokens.manager)

describe('warnings board totals (counts summary)', () => {
  it('stay exact through opening, re-levelling, auto-resolving and closing by hand', async () => {
    w = await makeWorld()
    // Three loans of 50,000.00 元, annuity, 12 months from 2026-01-10: first due 2026-02-10, unpaid.
    const loans: number[] = []
    for (const name of ['计数甲', '计数乙', '计数丙']) {
      const b = await w.borrower(name)
      const l = await w.loan(b.id)
      await w.t.call('servicing.createPlan', { loanId: l.id }, w.tokens.officer)
      loans.push(l.id)
    }
    // 02-11: DPD 1 on each → 3 yellow overdue warnings.
    await run('2026-02-11')
    expect(await board({ rule: 'overdue', status: 'open', level: 'yellow' })).toEqual({ total: 3, listed: 3 })
    await expectTotalsMatchRows()
    // 03-13: DPD 31 (18 days left in Feb + 13) → the same 3 warnings re-levelled to orange, none yellow.
    await run('2026-03-13')
    expect(await board({ rule: 'overdue', level: 'orange' })).toEqual({ total: 3, listed: 3 })
    expect((await board({ rule: 'overdue', level: 'yellow' })).total).toBe(0)
    await expectTotalsMatchRows()
    // Pay the first loan's arrears on 03-13 → its overdue warning is auto-resolved: 2 open, 1 closed.
    await today('2026-03-13')
    const s = await w.t.call('servicing.asOf', { loanId: loans[0]!, asOf: '2026-03-13' }, w.tokens.officer)
    const arrears = s.overduePrincipal + s.overdueInterest + s.penaltyInterest + s.compoundInterest + s.dueToday
    await w.t.call(
      'servicing.postRepayment',
      { loanId: loans[0]!, paidDate: '2026-03-13', amount: arrears, channel: 'cash' },
      w.tokens.officer,
    )
    await run('2026-03-13')
    expect(await board({ rule: 'overdue', status: 'open' })).toEqual({ total: 2, listed: 2 })
    expect(await board({ rule: 'overdue', status: 'closed' })).toEqual({ total: 1, listed: 1 })
    // A manager closes one of the two open (orange) ones by hand: 1 open, 2 closed.
    const open = (await w.t.call('risk.warnings', { rule: 'overdue', status: 'open' }, w.tokens.manager)).items
    await w.t.call('risk.closeWarning', { warningId: open[0]!.id, reason: '已与借款人协商还款计划' }, w.tokens.manager)
    expect(await board({ rule: 'overdue', status: 'open' })).toEqual({ total: 1, listed: 1 })
    expect(await board({ rule: 'overdue', status: 'closed', level: 'orange' })).toEqual({ total: 2, listed: 2 })
    await expectTotalsMatchRows()
    // Dashboard counts per level (summary) equal the open warnings listed per level.
    const counts = await w.t.call('risk.counts', {}, w.tokens.manager)
    for (const level of ['red', 'orange', 'yellow'] as const)
      expect(counts[level], level).toBe((await board({ level, status: 'open' })).listed)
  })
})
