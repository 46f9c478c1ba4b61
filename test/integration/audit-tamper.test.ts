import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { auditHash, type AuditRecord } from '../../electron/backend/audit/chain'
import { ANCHOR_FILE } from '../../electron/backend/audit/anchor'
import { makeWorld, type World } from '../helpers/archives'
import { makeBackend } from '../helpers/backend'

// issue 14, item 4: business rows are sealed by the audit entry that wrote them; the chain head is
// anchored in a file beside the database. Tampering is done the way an outsider would: a second
// connection to the file (the sqlite3 shell), which fires none of the app's triggers.
let w: World
let loanId: number
let repaymentId: number
let guarantorId: number
beforeEach(async () => {
  w = await makeWorld()
  const b = await w.borrower('封存甲')
  const l = await w.loan(b.id)
  loanId = l.id
  guarantorId = (
    await w.t.call(
      'loans.addGuarantor',
      {
        loanId,
        kind: 'person',
        name: '保证乙',
        idNumber: '110101198001010053',
        mode: 'joint',
        amount: 1_000_000,
        periodStart: '2026-01-10',
        periodEnd: '2029-01-10',
      },
      w.tokens.officer,
    )
  ).id
  await w.t.call('servicing.createPlan', { loanId }, w.tokens.officer)
  repaymentId = (
    await w.t.call(
      'servicing.postRepayment',
      { loanId, amount: 1_000, paidDate: '2026-02-10', channel: 'cash' },
      w.tokens.officer,
    )
  ).repayment.id
})
afterEach(() => w.t.close())

/** A second connection to the database file: edits behind the app's back. */
function outsider<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(join(w.t.dir, 'daihou.sqlite'))
  try {
    return fn(db)
  } finally {
    db.close()
  }
}
const verify = () => w.t.call('audit.verify', {}, w.tokens.auditor)

describe('business rows changed or deleted behind the app are reported', () => {
  it('a clean database verifies, with the written rows checked', async () => {
    const r = await verify()
    expect(r.ok).toBe(true)
    expect(r.rows.checked).toBeGreaterThan(10)
    expect(r.anchor).toMatchObject({ ok: true })
  })

  it('a repayment amount edited with raw SQL is reported as changed', async () => {
    outsider((db) => db.prepare('update repayments set amount = amount + 100 where id = ?').run(repaymentId))
    const r = await verify()
    expect(r.ok).toBe(false)
    expect(r.rows.problems).toContainEqual(
      expect.objectContaining({ table: 'repayments', rowId: repaymentId, kind: 'changed' }),
    )
    expect(r.reason).toMatch(/被修改或删除/)
  })

  it('a deleted guarantor row is reported as deleted', async () => {
    outsider((db) => db.prepare('delete from guarantors where id = ?').run(guarantorId))
    const r = await verify()
    expect(r.rows.problems).toEqual([
      expect.objectContaining({ table: 'guarantors', rowId: guarantorId, kind: 'deleted' }),
    ])
    expect(r.rows.deleted).toBe(1)
  })

  it('the app’s own later edits and a later ADD COLUMN are not tampering', async () => {
    await w.t.call('loans.update', { id: loanId, purpose: '购买农机' }, w.tokens.officer)
    await w.t.call('loans.update', { id: loanId, purpose: '购买种苗' }, w.tokens.officer)
    // An UPSERT touching a row already touched in the same call (row tracking must not abort it).
    const items = [{ code: 'application', name: '借款申请书', active: true }]
    await w.t.call('archives.setTemplate', { category: 'DK', items }, w.tokens.manager)
    await w.t.call('archives.setTemplate', { category: 'DK', items }, w.tokens.manager)
    outsider((db) => db.exec(`alter table loans add column extra_note text default '备注'`))
    const r = await verify()
    expect(r.rows.problems).toEqual([])
    expect(r.ok).toBe(true)
  })
})

describe('the anchor beside the database catches truncation and recomputed chains', () => {
  it('the anchor file holds the chain head; audit.anchor shows it', async () => {
    const a = await w.t.call('audit.anchor', {}, w.tokens.auditor)
    expect(a.fileName).toBe(ANCHOR_FILE)
    expect(a.file).toMatchObject({ count: a.current.count, hash: a.current.hash })
    const file = JSON.parse(readFileSync(join(w.t.dir, ANCHOR_FILE), 'utf8')) as { count: number; hash: string }
    const last = outsider((db) => db.prepare('select id, hash from audit_log order by id desc limit 1').get()) as {
      id: number
      hash: string
    }
    expect(file).toMatchObject({ count: last.id, hash: last.hash })
  })

  it('a cut-off tail is detected against the anchor', async () => {
    await w.t.call('audit.anchor', {}, w.tokens.auditor) // anchor written
    outsider((db) => {
      db.exec('drop trigger audit_log_no_delete')
      db.prepare('delete from audit_log where id > (select max(id) - 3 from audit_log)').run()
    })
    const r = await verify()
    expect(r.ok).toBe(false)
    expect(r.anchor?.ok).toBe(false)
    expect(r.reason).toMatch(/截断/)
    // A new write must not move the anchor over the evidence.
    await w.t.call('loans.update', { id: loanId, purpose: '继续使用' }, w.tokens.officer)
    expect((await verify()).anchor?.ok).toBe(false)
  })

  it('an edited repayment with its seal and the whole chain recomputed is still detected', async () => {
    await w.t.call('audit.anchor', {}, w.tokens.auditor)
    outsider((db) => {
      db.exec('drop trigger audit_log_no_update')
      db.prepare('update repayments set amount = 1 where id = ?').run(repaymentId)
      // Rewrite every entry's hash from the first one on, as a careful forger would (the seal lists
      // are dropped, so the rows look unsealed); the chain is internally consistent again.
      const rows = db.prepare('select * from audit_log order by id').all() as Record<string, string | number | null>[]
      let prev = '0'.repeat(64)
      for (const row of rows) {
        const rec: AuditRecord = {
          at: row.at as string,
          userId: row.user_id as number | null,
          username: row.username as string | null,
          method: row.method as string,
          entity: row.entity as string,
          entityId: row.entity_id as string | null,
          summary: row.summary as string,
        }
        const hash = auditHash(row.id as number, rec, prev, null)
        db.prepare(
          'update audit_log set prev_hash = ?, hash = ?, rows_ref = null, rows_digest = null where id = ?',
        ).run(prev, hash, row.id)
        prev = hash
      }
    })
    const r = await verify()
    expect(r.checked).toBeGreaterThan(5) // the chain itself verifies
    expect(r.firstBrokenId).toBeNull()
    expect(r.anchor?.ok).toBe(false) // but its head no longer matches the anchor
    expect(r.ok).toBe(false)
    expect(r.reason).toMatch(/锚点/)
  })

  it('the anchor survives a restart and a clean restart still verifies', async () => {
    const dir = w.t.dir
    await w.t.call('audit.anchor', {}, w.tokens.auditor)
    await w.t.backend.close()
    expect(existsSync(join(dir, ANCHOR_FILE))).toBe(true)
    const again = await makeBackend({ dir })
    const token = (await again.call('auth.login', { username: 'auditor', password: 'Passw0rd!' })).token
    const r = await again.call('audit.verify', {}, token)
    expect(r.ok).toBe(true)
    expect(r.anchor?.ok).toBe(true)
    await again.backend.close()
    w = { ...w, t: { ...w.t, close: async () => undefined } }
  })
})
