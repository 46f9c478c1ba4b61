// The day's all-loans refresh of loan_state off the request path (issue 9): a worker thread computes
// the day's rows, only changed rows are written, and a repayment posted meanwhile keeps its state.
// Today is 2026-03-02 (test clock), the refresh is for 03-03. Every loan: 12,000.00 元, 6 %/year,
// 12 months equal principal: installment #1 1,060.00 (1,000.00 + 1,200,000 × 0.5 % = 6,000 分).
import Database from 'better-sqlite3-multiple-ciphers'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DB_FILE_NAME } from '../../electron/backend/db/connection'
import {
  applyStateChanges,
  computeStateChanges,
  refreshAllLoanStates,
} from '../../electron/backend/servicing/state-repo'
import { loginAs, makeBackend, setupAdmin, type TestBackend } from '../helpers/backend'
import { insertLoan, userId } from '../helpers/loans'

let t: TestBackend
afterEach(() => t?.close())

const MARK = 'servicing.loanStateAsOf'
type Row = Record<string, unknown> & { loan_id: number }

async function world(backgroundRefresh: boolean) {
  t = await makeBackend({ backgroundRefresh })
  const admin = await setupAdmin(t)
  const officer = await loginAs(t, admin, 'officer', 'officer1')
  const o1 = userId(t, 'officer1')
  const loan = async (disbursementDate: string) => {
    const l = insertLoan(t, { officerId: o1, principal: 1_200_000, disbursementDate })
    await t.call('servicing.createPlan', { loanId: l.loanId }, officer)
    return l.loanId
  }
  // A: #1 01-01, #2 02-01, #3 03-01 unpaid → overdue, 罚息 accrues daily (its row changes every day).
  const A = await loan('2025-12-01')
  // C: #1 02-20 unpaid → overdue 10 days on 03-02.
  const C = await loan('2026-01-20')
  // D: first installment 03-10: nothing due on 03-02 or 03-03 → its row is the same both days.
  const D = await loan('2026-02-10')
  const sqlite = t.backend.env.sqlite
  const rows = () => sqlite.prepare('select * from loan_state order by loan_id').all() as Row[]
  const row = (id: number) => sqlite.prepare('select * from loan_state where loan_id = ?').get(id) as Row
  const setRows = (rs: Row[], day: string) => {
    sqlite.prepare('delete from loan_state').run()
    for (const r of rs) {
      const cols = Object.keys(r)
      sqlite
        .prepare(`insert into loan_state (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`)
        .run(...cols.map((c) => r[c]))
    }
    sqlite.prepare('update settings set value = ? where key = ?').run(day, MARK)
  }
  /** The next day (a new login: the session of the day before has timed out). */
  const nextDay = async () => {
    t.clock.now = new Date('2026-03-03T01:00:00.000Z')
    return (await t.call('auth.login', { username: 'officer1', password: 'Passw0rd!' })).token
  }
  return { admin, officer, o1, A, C, D, sqlite, rows, row, setRows, nextDay }
}

/** Rows whose state (not the day it was computed for) differs: counted here, not by the code under test. */
function differing(a: Row[], b: Row[]): number {
  const key = (r: Row) => JSON.stringify({ ...r, state_as_of: null })
  const before = new Map(a.map((r) => [r.loan_id, key(r)]))
  return b.filter((r) => before.get(r.loan_id) !== key(r)).length
}

describe('background loan-state refresh', () => {
  it('gives the same rows as the synchronous refresh, writes only changed rows, serves reads meanwhile', async () => {
    const w = await world(true)
    // The first read of a never-refreshed database refreshes inline (every row is missing).
    expect((await t.call('servicing.loanList', {}, w.officer)).total).toBe(3)
    const day1 = w.rows()
    expect(day1).toHaveLength(3)
    // What the synchronous path computes for 03-03 …
    const officer = await w.nextDay()
    refreshAllLoanStates(t.backend.env.db, '2026-03-03')
    const sync = w.rows()
    // … A and C accrue 罚息 from 03-02 to 03-03; D's payoff accrues a day's interest (1,200,000 ×
    // 6 % / 360 = 200 分), nothing else of it changes.
    expect(differing(day1, sync)).toBe(3)
    const d1 = day1.find((r) => r.loan_id === w.D)!,
      dSync = sync.find((r) => r.loan_id === w.D)!
    expect({ ...dSync, payoff: 0, state_as_of: '' }).toEqual({ ...d1, payoff: 0, state_as_of: '' })
    expect(Number(dSync.payoff) - Number(d1.payoff)).toBe(200)
    // Back to the 03-02 rows: the first read of 03-03 starts the worker and is answered at once.
    w.setRows(day1, '2026-03-02')
    const during = await t.call('servicing.loanList', {}, officer)
    const refresher = t.backend.stateRefresh!
    expect(refresher.running).not.toBeNull()
    // Served from the previous rows, DPD counted to today: A's #1 was due 01-01 → 61 days on 03-03.
    expect(during.rows.find((r) => r.id === w.A)).toMatchObject({ dpd: 61, displayStatus: 'overdue' })
    const run = await refresher.running
    expect(run).toMatchObject({ day: '2026-03-03', changed: 3, written: 3 })
    expect(w.rows()).toEqual(sync)
    expect(w.sqlite.prepare('select value from settings where key = ?').pluck().get(MARK)).toBe('2026-03-03')
    // A second run the same day finds nothing to write.
    w.sqlite.prepare('update settings set value = ? where key = ?').run('2026-03-02', MARK)
    refresher.request('2026-03-03')
    expect(await refresher.running).toMatchObject({ changed: 0, written: 0 })
    expect(w.rows()).toEqual(sync)
  })

  it('a repayment posted while the refresh computes keeps its state (the per-loan refresh wins)', async () => {
    const w = await world(false)
    await t.call('servicing.loanList', {}, w.officer)
    const officer = await w.nextDay()
    // The worker's part, on a read-only connection of its own inside one read transaction.
    const ro = new Database(join(t.dir, DB_FILE_NAME), { readonly: true })
    ro.exec('begin')
    const changes = computeStateChanges(ro, '2026-03-03')
    ro.exec('commit')
    ro.close()
    expect(changes.map(([r]) => r[0]).sort()).toEqual([w.A, w.C, w.D].sort())
    // Meanwhile C pays #1 in full (02-20 → 03-03, 11 days late): 1,060.00 + 罚息 100,000 × 9 % × 11/360
    // = 275 分 + 复利 6,000 × 9 % × 11/360 = 16.5 分 → 106,291.5, rounded half-up to 106,292 分.
    await t.call(
      'servicing.postRepayment',
      { loanId: w.C, paidDate: '2026-03-03', amount: 106_292, channel: 'cash' },
      officer,
    )
    // The posting refreshed C (or marked it for the next read): either way not the row the worker compared with.
    const cAfterPost = w.row(w.C)
    const workerC = changes.find(([r]) => r[0] === w.C)!
    expect([cAfterPost.state_as_of, cAfterPost.oldest_unpaid_due]).not.toEqual([workerC[1]![9], workerC[1]![1]])
    // Writing the worker's rows now: A's and D's land, C's (computed before the payment) is refused.
    expect(applyStateChanges(w.sqlite, changes, { concurrent: true })).toBe(2)
    expect(w.row(w.C)).toEqual(cAfterPost)
    expect(w.row(w.A)).toMatchObject({ state_as_of: '2026-03-03' })
    // The next read sees C paid: its oldest unpaid installment is #2 (due 03-20), so only A is overdue.
    const list = await t.call('servicing.loanList', {}, officer)
    expect(list.rows.filter((r) => r.displayStatus === 'overdue').map((r) => r.id)).toEqual([w.A])
    expect(list.rows.find((r) => r.id === w.C)).toMatchObject({ oldestUnpaidDue: '2026-03-20', dpd: 0 })
  })

  it('loan_state follows each loan: officer, status, category, product and maturity copied by triggers', async () => {
    const w = await world(false)
    await t.call('servicing.loanList', {}, w.officer)
    expect(w.row(w.A)).toMatchObject({ officer_id: w.o1, status: 'active', category: 'normal' })
    const officer2 = await loginAs(t, w.admin, 'officer', 'officer2')
    const o2 = userId(t, 'officer2')
    // Any area's write to the loan (here a plain update: a transfer and a reclassification) is copied.
    w.sqlite.prepare(`update loans set officer_id = ?, category = 'substandard' where id = ?`).run(o2, w.A)
    expect(w.row(w.A)).toMatchObject({ officer_id: o2, category: 'substandard' })
    const mine = await t.call('servicing.loanList', {}, w.officer)
    expect(mine.rows.map((r) => r.id).sort()).toEqual([w.C, w.D].sort())
    // A is overdue (3 installments, 1,060 + 1,055 + 1,050 = 3,165.00 元 of principal and interest).
    const theirs = await t.call('servicing.loanList', { category: 'substandard' }, officer2)
    expect([theirs.total, theirs.overdue.loans, theirs.overdue.amount]).toEqual([1, 1, 316_500])
    w.sqlite.prepare(`update loans set status = 'written_off' where id = ?`).run(w.C)
    expect(w.row(w.C)).toMatchObject({ status: 'written_off' })
    const due = await t.call('servicing.loanList', { status: 'overdue' }, w.officer)
    expect(due.total).toBe(0)
  })
})
