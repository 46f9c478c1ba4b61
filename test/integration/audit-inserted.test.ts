import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { appendAudit } from '../../electron/backend/audit/chain'
import { mergeRuns } from '../../electron/backend/audit/inserted'
import { makeId, makeWorld, type World } from '../helpers/archives'
import { makeBackend } from '../helpers/backend'
import { xlsxBase64 } from '../helpers/xlsx'

// Issue 14, item 4 (the part rows-changed/deleted left open): a business row INSERTED behind the
// app's back — a repayment added with the sqlite3 shell — has no audit entry that created it, and
// audit.verify reports it (table, id). Rows the app wrote (API calls, imports, the migrations' seed
// rows baselined by the chain's first entry) are never reported.
let w: World
let loanId: number
beforeEach(async () => {
  w = await makeWorld()
  const b = await w.borrower('插入甲')
  loanId = (await w.loan(b.id)).id
  await w.t.call('servicing.createPlan', { loanId }, w.tokens.officer)
})
afterEach(() => w.t.close())

/** A second connection to the file (the sqlite3 shell): fires none of the app's triggers. */
function outsider<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(join(w.t.dir, 'daihou.sqlite'))
  try {
    return fn(db)
  } finally {
    db.close()
  }
}
const verify = () => w.t.call('audit.verify', {}, w.tokens.auditor)

describe('rows inserted outside the app are reported', () => {
  it('a fresh world with plans, settings and users verifies: nothing reported as inserted', async () => {
    const r = await verify()
    expect(r.rows.inserted).toBe(0)
    expect(r.ok).toBe(true)
  })

  it('a repayment inserted with raw SQL is reported as inserted (table, id); an API repayment is not', async () => {
    const viaApi = await w.t.call(
      'servicing.postRepayment',
      { loanId, amount: 1_000, paidDate: '2026-02-10', channel: 'cash' },
      w.tokens.officer,
    )
    const rawId = outsider((db) => {
      const cols = db.prepare('select * from repayments where id = ?').get(viaApi.repayment.id) as Record<
        string,
        unknown
      >
      // Same row as the API wrote, new id and receipt: only its origin differs.
      const row = { ...cols, id: undefined, receipt_no: 'FAKE-1', amount: 500_000 }
      delete row.id
      const names = Object.keys(row)
      const info = db
        .prepare(`insert into repayments (${names.join(', ')}) values (${names.map((n) => '@' + n).join(', ')})`)
        .run(row)
      return Number(info.lastInsertRowid)
    })
    const r = await verify()
    expect(r.ok).toBe(false)
    expect(r.rows.inserted).toBe(1)
    expect(r.rows.problems).toContainEqual({ table: 'repayments', rowId: rawId, auditId: 0, kind: 'inserted' })
    expect(r.rows.problems.some((p) => p.table === 'repayments' && p.rowId === viaApi.repayment.id)).toBe(false)
    expect(r.reason).toMatch(/1 行业务数据在本程序之外被插入/)
  })

  it('a borrower inserted with an explicit id far above the app’s ids is reported', async () => {
    // The app wrote borrowers 1…n; an outsider copies one under id 10 000 (a new ID number).
    const ids = [await w.borrower('插入乙'), await w.borrower('插入丙')].map((b) => b.id)
    outsider((db) => {
      const b = db.prepare('select * from borrowers where id = ?').get(ids[0]) as Record<string, unknown>
      db.prepare(
        `insert into borrowers (${Object.keys(b).join(', ')}) values (${Object.keys(b)
          .map((n) => '@' + n)
          .join(', ')})`,
      ).run({ ...b, id: 10_000, id_number: makeId('19900101', 77), id_tail: makeId('19900101', 77).slice(-6) })
    })
    const r = await verify()
    expect(r.rows.inserted).toBe(1)
    expect(r.rows.problems).toContainEqual({ table: 'borrowers', rowId: 10_000, auditId: 0, kind: 'inserted' })
  })

  it('an Excel import of new borrowers is not reported (its entry seals the rows it created)', async () => {
    const H = ['类型', '姓名/名称', '身份证号', '统一社会信用代码', '手机号', '村', '组', '地址', '职业']
    const rows = [1, 2, 3].map((n) => [
      '个人',
      `导入${'甲乙丙'[n - 1]}`,
      makeId('19850301', 900 + n),
      '',
      '13800001111',
      '青山镇前进村',
      '3组',
      '',
      '种植户',
    ])
    const created = await w.t.call(
      'imports.commit',
      { kind: 'borrowers', contentBase64: await xlsxBase64(H, rows) },
      w.tokens.officer,
    )
    expect(created.created).toBe(3)
    const r = await verify()
    expect(r.rows.inserted).toBe(0)
    expect(r.ok).toBe(true)
  })

  it('rows the app wrote survive a restart (no false alarm once the session’s pending rows are gone)', async () => {
    await w.t.call('servicing.loanList', {}, w.tokens.manager) // a read that refreshes the loan_state cache
    await w.t.call('risk.evaluate', { asOf: '2026-03-02' }, w.tokens.manager)
    await w.t.backend.close()
    const again = await makeBackend({ dir: w.t.dir })
    w = { ...w, t: { ...w.t, close: () => again.close() } }
    const token = (await again.call('auth.login', { username: 'auditor', password: 'Passw0rd!' })).token
    const r = await again.call('audit.verify', {}, token)
    expect(r.rows.inserted).toBe(0)
    expect(r.ok).toBe(true)
  })
})

describe('the chain’s first entry', () => {
  it('keeps the seals of the rows it wrote next to its baseline: the org row edited outside is still caught', async () => {
    // system.setup wrote the org row in the first entry, which also records the baseline run.
    const orgId = outsider((db) => {
      const row = db.prepare('select rowid as id from org limit 1').get() as { id: number }
      db.prepare('update org set name = ? where rowid = ?').run('篡改的机构名', row.id)
      return row.id
    })
    const r = await verify()
    expect(r.rows.problems).toContainEqual(expect.objectContaining({ table: 'org', rowId: orgId, kind: 'changed' }))
  })
})

describe('bulk writers (the demo generator) list their rows as runs', () => {
  it('rows written in bulk on the app connection verify; a run supersedes older per-row seals', async () => {
    const sqlite = w.t.backend.env.sqlite
    // On the app's own connection (row tracking on): rewrite every borrower, add 50 more.
    const first = sqlite.prepare('select * from borrowers order by id limit 1').get() as Record<string, unknown>
    sqlite.transaction(() => {
      sqlite.prepare(`update borrowers set occupation = '养殖户'`).run()
      for (let n = 0; n < 50; n++) {
        const id = makeId('19700101', 500 + n)
        const row = { ...first, id: null, id_number: id, id_tail: id.slice(-6) }
        const names = Object.keys(row)
        sqlite
          .prepare(`insert into borrowers (${names.join(', ')}) values (${names.map((k) => '@' + k).join(', ')})`)
          .run(row)
      }
    })()
    await w.t.backend.env.db.transaction().execute((trx) =>
      appendAudit(trx, {
        at: '2026-03-02T01:00:00.000Z',
        userId: null,
        username: null,
        method: 'demo.generate',
        entity: 'borrower',
        entityId: null,
        summary: '批量写入（测试）',
        ranges: true,
      }),
    )
    const r = await verify()
    // Without the run superseding them, the API-sealed borrowers would read as changed (occupation).
    expect(r.rows.changed).toBe(0)
    expect(r.rows.inserted).toBe(0)
    expect(r.ok).toBe(true)
  })
})

describe('a schema upgrade (RESEAL entry) restarts the baseline', () => {
  it('rows present at the upgrade are accepted; a row inserted after it is reported', async () => {
    const copy = () =>
      outsider((db) => {
        const b = db.prepare('select * from borrowers order by id limit 1').get() as Record<string, unknown>
        const id = makeId('19900101', Math.floor(Math.random() * 900) + 1)
        const row = { ...b, id: null, id_number: id, id_tail: id.slice(-6) }
        const names = Object.keys(row)
        return Number(
          db
            .prepare(`insert into borrowers (${names.join(', ')}) values (${names.map((n) => '@' + n).join(', ')})`)
            .run(row).lastInsertRowid,
        )
      })
    const before = copy()
    expect((await verify()).rows.problems).toContainEqual(expect.objectContaining({ rowId: before, kind: 'inserted' }))
    // What createBackend writes after running migrations on a database that already has a chain.
    await w.t.backend.env.db.transaction().execute((trx) =>
      appendAudit(trx, {
        at: '2026-03-02T01:00:00.000Z',
        userId: null,
        username: null,
        method: 'system.migrate',
        entity: 'system',
        entityId: null,
        summary: '数据库升级（测试）',
        reseal: true,
      }),
    )
    const r = await verify()
    expect(r.rows.inserted).toBe(0)
    expect(r.firstBrokenId).toBeNull()
    const after = copy()
    const r2 = await verify()
    expect(r2.rows.inserted).toBe(1)
    expect(r2.rows.problems).toContainEqual({ table: 'borrowers', rowId: after, auditId: 0, kind: 'inserted' })
  })
})

describe('known rowids merge into runs (the gaps are what the SQL looks in)', () => {
  it('touching and overlapping runs merge; a gap stays', () => {
    // [1..3] + [4..4] touch → [1..4]; [6..9] overlaps [8..12] → [6..12]; 5 is the gap.
    expect(
      mergeRuns([
        [8, 12],
        [1, 3],
        [6, 9],
        [4, 4],
      ]),
    ).toEqual([
      [1, 4],
      [6, 12],
    ])
  })
})
