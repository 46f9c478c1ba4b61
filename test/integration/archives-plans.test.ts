import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeWorld, type World } from '../helpers/archives'

// EXPLAIN QUERY PLAN of every SELECT a search or list call runs: no full table scan of the big
// tables (borrowers, loans, loan_files, loan_file_items), so the figures hold at county size.
let w: World
beforeAll(async () => {
  w = await makeWorld()
  const b = await w.borrower('王芳', { phone: '13900001234' })
  const l = await w.loan(b.id)
  await w.t.call('archives.register', { loanId: l.id }, w.tokens.archivist)
  // The first read of the day refreshes every loan's loan_state (one scan of all loans, by design); the plans below are of the list itself.
  await w.t.call('loans.list', {}, w.tokens.manager)
})
afterAll(() => w.t.close())

async function plansOf(run: () => Promise<unknown>): Promise<{ sql: string; plan: string[] }[]> {
  const sqlite = w.t.backend.env.sqlite
  const seen: string[] = []
  const orig = sqlite.prepare.bind(sqlite)
  sqlite.prepare = ((sql: string) => {
    if (
      /^\s*select/i.test(sql) &&
      !/^\s*"(audit_log|users|settings|org|archive_categories)"/.test(sql.split(/\bfrom\b/i)[1] ?? '')
    )
      seen.push(sql)
    return orig(sql)
  }) as typeof sqlite.prepare
  try {
    await run()
  } finally {
    sqlite.prepare = orig
  }
  return seen.map((sql) => ({
    sql,
    plan: (
      orig(`explain query plan ${sql}`).all(...Array((sql.match(/\?/g) ?? []).length).fill('1')) as { detail: string }[]
    ).map((r) => r.detail),
  }))
}

const FULL_SCAN = /^SCAN (b|l|f|i|borrowers|loans|loan_files|loan_file_items)$/

describe('query plans of search and list paths use indexes', () => {
  const cases: [string, string, Record<string, unknown>][] = [
    ['search 2-char name', 'search.global', { q: '王芳' }],
    ['search initials', 'search.global', { q: 'wf' }],
    ['search 4-digit tail', 'search.global', { q: '1234' }],
    ['search 5-digit tail', 'search.global', { q: '12345' }],
    ['search 6-digit tail', 'search.global', { q: '123456' }],
    ['search full phone', 'search.global', { q: '13900001234' }],
    ['search contract prefix', 'search.global', { q: 'HT2026' }],
    ['search file number', 'search.global', { q: '3301-2026-DK-000001' }],
    ['borrower list default', 'borrowers.list', {}],
    ['borrower list by name', 'borrowers.list', { sort: 'name' }],
    ['borrower list village filter', 'borrowers.list', { village: '青山镇前进村' }],
    ['loan list', 'loans.list', {}],
  ]
  for (const [name, method, input] of cases) {
    for (const who of ['manager', 'officer'] as const) {
      it(`${name} (${who})`, async () => {
        const plans = await plansOf(() => w.t.call(method as 'search.global', input as never, w.tokens[who]))
        expect(plans.length).toBeGreaterThan(0)
        for (const p of plans) {
          // A list page may walk the table in rowid order: it stops after `limit` rows (no sort step).
          const inOrderPage =
            method !== 'search.global' && /limit \?/.test(p.sql) && !p.plan.some((d) => d.includes('TEMP B-TREE'))
          if (!inOrderPage)
            expect(
              p.plan.filter((d) => FULL_SCAN.test(d) || (method === 'search.global' && /^SCAN b USING INDEX/.test(d))),
              `${p.sql}\n${p.plan.join('\n')}`,
            ).toEqual([])
        }
      })
    }
  }
})
