import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { brokenPromiseRule } from '../../electron/backend/collections'
import { loginAs, makeBackend, setupAdmin, type TestBackend } from '../helpers/backend'
import { makeId } from '../helpers/archives'
import { insertLoan, userId } from '../helpers/loans'
import { numberingWorker } from '../helpers/numbering'

let t: TestBackend
afterEach(() => t?.close())

async function world() {
  t = await makeBackend()
  const admin = await setupAdmin(t)
  const officer = await loginAs(t, admin, 'officer', 'officer1')
  const officer2 = await loginAs(t, admin, 'officer', 'officer2')
  const manager = await loginAs(t, admin, 'manager', 'manager1')
  return { admin, officer, officer2, manager, officerId: userId(t, 'officer1'), officer2Id: userId(t, 'officer2') }
}

/** 12,000.00 元, 6 %, 12 months 等额本金 from 2025-01-10 (the servicing test's loan, hand-checked there). */
async function overdueLoan(token: string, officerId: number, borrowerName?: string) {
  const l = insertLoan(t, {
    officerId,
    principal: 1_200_000,
    annualRate: '6',
    termMonths: 12,
    method: 'equal_principal',
    ...(borrowerName ? { borrowerName } : {}),
  })
  await t.call('servicing.createPlan', { loanId: l.loanId }, token)
  return l
}

describe('催收通知书 (DOMAIN §12)', () => {
  it('amounts are the overdue principal, interest, 罚息 and 复利 as of the date, equal to servicing.asOf', async () => {
    const w = await world()
    const { loanId } = await overdueLoan(w.officer, w.officerId)
    // Hand figures (servicing test, 9 % penalty rate /360): as of 2025-04-25 installments #1–#3 are unpaid:
    // principal 3 × 1000.00; interest 60.00 + 55.00 + 50.00; 罚息 18.50 + 11.50 + 3.75; 复利 1.11 + 0.63 + 0.19.
    const n = await t.call('notices.create', { loanId, addressee: 'borrower', asOf: '2025-04-25' }, w.officer)
    expect(n.amounts).toEqual({
      principal: 300000,
      interest: 16500,
      penaltyInterest: 3375,
      compoundInterest: 193,
      total: 320068,
    })
    for (const asOf of ['2025-04-25', '2025-09-03', '2026-02-28']) {
      const e = await t.call('servicing.asOf', { loanId, asOf }, w.officer)
      const m = await t.call('notices.create', { loanId, addressee: 'borrower', asOf }, w.officer)
      expect(m.amounts).toEqual({
        principal: e.overduePrincipal,
        interest: e.overdueInterest,
        penaltyInterest: e.penaltyInterest,
        compoundInterest: e.compoundInterest,
        total: e.overduePrincipal + e.overdueInterest + e.penaltyInterest + e.compoundInterest,
      })
    }
    const doc = await t.call('notices.get', { noticeId: n.id }, w.officer)
    expect(doc.totalWords).toBe('叁仟贰佰元零陆角捌分')
    expect(doc.noticeNo).toBe('CS-2026-000001')
    expect(doc.deadline).toBe('2025-05-10') // default 15 days after the as-of date
  })

  it('declared due early (宣布提前到期): the notice demands the whole balance', async () => {
    const w = await world()
    const { loanId } = await overdueLoan(w.officer, w.officerId)
    expect(
      (await t.fail('collections.declareDue', { loanId, date: '2025-04-20', reason: '连续逾期三期' }, w.officer)).code,
    ).toBe('FORBIDDEN')
    await t.call('collections.declareDue', { loanId, date: '2025-04-20', reason: '连续逾期三期' }, w.manager)
    const e = await t.call('servicing.asOf', { loanId, asOf: '2025-04-25' }, w.officer)
    const n = await t.call('notices.create', { loanId, addressee: 'borrower', asOf: '2025-04-25' }, w.officer)
    expect(n.amounts.principal).toBe(1_200_000)
    expect(n.amounts.total).toBe(e.payoff)
    // Before the declaration only the overdue part is demanded.
    const before = await t.call('notices.create', { loanId, addressee: 'borrower', asOf: '2025-04-19' }, w.officer)
    expect(before.amounts.principal).toBe(300000)
  })

  it('a guarantor notice is refused after the 保证期间 ended (民法典 692/693)', async () => {
    const w = await world()
    const { loanId } = await overdueLoan(w.officer, w.officerId)
    const g = await t.call(
      'loans.addGuarantor',
      {
        loanId,
        kind: 'person',
        name: '李保证',
        idNumber: makeId('19700101', 11),
        mode: 'joint',
        amount: 1_200_000,
        periodStart: '2025-01-10',
        periodEnd: '2025-06-30',
      },
      w.officer,
    )
    const ok = await t.call(
      'notices.create',
      { loanId, addressee: 'guarantor', guarantorId: g.id, asOf: '2025-06-30' },
      w.officer,
    )
    expect(ok.noticeNo).toMatch(/^CS-2026-/)
    const err = await t.fail(
      'notices.create',
      { loanId, addressee: 'guarantor', guarantorId: g.id, asOf: '2025-07-01' },
      w.officer,
    )
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toContain('2025-06-30')
    expect(err.message).toContain('692')
  })

  it('numbers run per year without gaps; a voided notice keeps its number', async () => {
    const w = await world()
    const { loanId } = await overdueLoan(w.officer, w.officerId)
    const a = await t.call('notices.create', { loanId, addressee: 'borrower', asOf: '2025-04-25' }, w.officer)
    await t.call('notices.void', { noticeId: a.id, reason: '金额日期填错' }, w.officer)
    // A refused call (no overdue amount yet) consumes no number.
    await t.fail('notices.create', { loanId, addressee: 'borrower', asOf: '2025-02-01' }, w.officer)
    const b = await t.call('notices.create', { loanId, addressee: 'borrower', asOf: '2025-04-26' }, w.officer)
    expect([a.noticeNo, b.noticeNo]).toEqual(['CS-2026-000001', 'CS-2026-000002'])
    const list = await t.call('notices.list', { loanId }, w.officer)
    expect(list.find((n) => n.id === a.id)).toMatchObject({
      status: 'voided',
      voidReason: '金额日期填错',
      noticeNo: 'CS-2026-000001',
    })
    expect((await t.fail('notices.pdf', { noticeIds: [a.id] }, w.officer)).code).toBe('CONFLICT')
    // Another officer's loan is not visible.
    expect((await t.fail('notices.get', { noticeId: b.id }, w.officer2)).code).toBe('NOT_FOUND')
  })

  it('a returned borrower 回执 restarts the 诉讼时效 (limitation_events demand_signed); a guarantor one records the demand', async () => {
    const w = await world()
    const { loanId } = await overdueLoan(w.officer, w.officerId)
    const g = await t.call(
      'loans.addGuarantor',
      {
        loanId,
        kind: 'person',
        name: '王保证',
        idNumber: makeId('19700101', 13),
        mode: 'joint',
        amount: 1_200_000,
        periodStart: '2025-01-10',
        periodEnd: '2026-06-30',
      },
      w.officer,
    )
    // 12 installments from 2025-02-10: the last is due 2026-01-10 → 3 years: 2029-01-10 (民法典 188/189).
    const asOfView = () => t.call('servicing.asOf', { loanId, asOf: '2026-03-02' }, w.officer)
    expect((await asOfView()).limitationExpiry).toBe('2029-01-10')
    const n = await t.call('notices.create', { loanId, addressee: 'borrower', asOf: '2026-02-27' }, w.officer)
    expect(
      (
        await t.fail(
          'notices.recordReceipt',
          { noticeId: n.id, returnedOn: '2026-03-01', signer: '借款人', relation: 'self' },
          w.officer,
        )
      ).code,
    ).toBe('CONFLICT')
    expect(
      (await t.fail('notices.recordService', { noticeId: n.id, servedOn: '2026-03-02', method: 'ems' }, w.officer))
        .code,
    ).toBe('VALIDATION')
    await t.call('notices.recordService', { noticeId: n.id, servedOn: '2026-03-02', method: 'in_person' }, w.officer)
    const r = await t.call(
      'notices.recordReceipt',
      { noticeId: n.id, returnedOn: '2026-03-02', signer: '张三', relation: 'family' },
      w.officer,
    )
    expect(r.status).toBe('returned')
    const ev = t.backend.env.sqlite
      .prepare('select kind, occurred_on, evidence, guarantor_id, notice_id from limitation_events where loan_id = ?')
      .all(loanId)
    expect(ev).toEqual([
      {
        kind: 'demand_signed',
        occurred_on: '2026-03-02',
        evidence: expect.stringContaining(n.noticeNo),
        guarantor_id: null,
        notice_id: n.id,
      },
    ])
    expect(String((ev[0] as { evidence: string }).evidence)).toContain('张三（同住成年家属）')
    // New 3 years from the signature: 2026-03-02 → 2029-03-02.
    expect((await asOfView()).limitationExpiry).toBe('2029-03-02')
    const gn = await t.call(
      'notices.create',
      { loanId, addressee: 'guarantor', guarantorId: g.id, asOf: '2026-03-02' },
      w.officer,
    )
    await t.call('notices.recordService', { noticeId: gn.id, servedOn: '2026-03-02', method: 'notary' }, w.officer)
    await t.call(
      'notices.recordReceipt',
      { noticeId: gn.id, returnedOn: '2026-03-02', signer: '王保证', relation: 'self' },
      w.officer,
    )
    const gev = t.backend.env.sqlite
      .prepare(`select kind, guarantor_id from limitation_events where loan_id = ? and kind = 'guarantor_demand'`)
      .all(loanId)
    expect(gev).toEqual([{ kind: 'guarantor_demand', guarantor_id: g.id }])
  })

  it('a 回执 scan goes to the scan store and the loan file checklist item 催收通知书回执', async () => {
    const w = await world()
    const archivist = await loginAs(t, w.admin, 'archivist', 'arch1')
    const { loanId } = await overdueLoan(w.officer, w.officerId)
    const file = await t.call('archives.register', { loanId }, archivist)
    const n = await t.call('notices.create', { loanId, addressee: 'borrower', asOf: '2026-02-27' }, w.officer)
    await t.call('notices.recordService', { noticeId: n.id, servedOn: '2026-03-02', method: 'in_person' }, w.officer)
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
    const bad = await t.fail(
      'notices.recordReceipt',
      {
        noticeId: n.id,
        returnedOn: '2026-03-02',
        signer: '张三',
        relation: 'self',
        scan: { filename: 'r.png', mime: 'application/pdf', contentBase64: png.toString('base64') },
      },
      w.officer,
    )
    expect(bad.code).toBe('VALIDATION')
    const r = await t.call(
      'notices.recordReceipt',
      {
        noticeId: n.id,
        returnedOn: '2026-03-02',
        signer: '张三',
        relation: 'self',
        scan: { filename: '回执.png', mime: 'image/png', contentBase64: png.toString('base64') },
      },
      w.officer,
    )
    const sha = createHash('sha256').update(png).digest('hex')
    expect(r.receiptScanSha256).toBe(sha)
    expect(existsSync(join(t.dir, 'scans', sha.slice(0, 2), sha))).toBe(true)
    const item = t.backend.env.sqlite
      .prepare(`select state, scan_sha256 from loan_file_items where file_id = ? and code = 'collection_receipt'`)
      .get(file.id)
    expect(item).toEqual({ state: 'present', scan_sha256: sha })
    const audit = t.backend.env.sqlite
      .prepare(`select summary from audit_log where method = 'notices.recordReceipt'`)
      .get() as { summary: string }
    expect(audit.summary).toContain(file.fileNo)
  })

  it('the PDF embeds a CJK font and holds the notice number and amounts', async () => {
    const w = await world()
    const { loanId } = await overdueLoan(w.officer, w.officerId, '赵铁柱')
    const n = await t.call('notices.create', { loanId, addressee: 'borrower', asOf: '2025-04-25' }, w.officer)
    const pdf = await t.call('notices.pdf', { noticeIds: [n.id] }, w.officer)
    const buf = Buffer.from(pdf.contentBase64, 'base64')
    expect(buf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(buf.toString('latin1')).toMatch(/\/FontFile[23]?/)
    expect(pdf.fileName).toMatch(/\.pdf$/)
    const list = await t.call('notices.list', { loanId }, w.officer)
    expect(list[0]!.status).toBe('printed')
    await t.call(
      'collections.saveSettings',
      { ...(await t.call('collections.settings', {}, w.admin)), fontPath: '/nonexistent/simsun.ttc' },
      w.admin,
    )
    const err = await t.fail('notices.pdf', { noticeIds: [n.id] }, w.officer)
    expect(err.message).toContain('中文字体')
  })
})

describe('promises to pay', () => {
  it('kept from repayments; a reversal breaks it again; the broken-promise rule names the loan', async () => {
    const w = await world()
    const { loanId } = await overdueLoan(w.officer, w.officerId)
    // Clock: 2026-03-02. Promise made 02-20 to pay 1,000.00 by 02-25; paid 02-24.
    const p = await t.call(
      'collections.promise',
      { loanId, promisedOn: '2026-02-25', amount: 100000, madeOn: '2026-02-20' },
      w.officer,
    )
    expect((await t.call('collections.promises', { loanId }, w.officer))[0]).toMatchObject({
      id: p.id,
      status: 'broken',
    })
    const r = await t.call(
      'servicing.postRepayment',
      { loanId, paidDate: '2026-02-24', amount: 100000, channel: 'cash' },
      w.officer,
    )
    expect((await t.call('collections.promises', { loanId }, w.officer))[0]!.status).toBe('kept')
    expect(await brokenPromiseRule(t.backend.env.db, '2026-03-02')).toEqual([])
    await t.call('servicing.reverseRepayment', { repaymentId: r.repayment.id, reason: '收款账户错误' }, w.manager)
    expect((await t.call('collections.promises', { loanId }, w.officer))[0]!.status).toBe('broken')
    const rule = await brokenPromiseRule(t.backend.env.db, '2026-03-02')
    expect(rule).toEqual([{ loanId, detail: expect.stringContaining('2026-02-25') }])
    // The risk evaluation turns it into a warning (rule broken_promise) on the loan.
    await t.call('risk.evaluate', { asOf: '2026-03-02', store: true }, w.manager)
    const warned = await t.call('risk.warnings', { rule: 'broken_promise', loanId }, w.manager)
    expect(warned.items.map((x) => [x.loanId, x.rule, x.status])).toEqual([[loanId, 'broken_promise', 'open']])
    // Before the promised day passes it is open, and the rule is silent.
    expect(await brokenPromiseRule(t.backend.env.db, '2026-02-25')).toEqual([])
    // A new promise supersedes: open, not broken.
    await t.call('collections.promise', { loanId, promisedOn: '2026-03-10', amount: 50000 }, w.officer)
    const list = await t.call('collections.promises', { loanId }, w.officer)
    expect(list.map((x) => x.status)).toEqual(['broken', 'open'])
    expect(list[1]!.madeOn).toBe('2026-03-02')
    expect(await brokenPromiseRule(t.backend.env.db, '2026-03-02')).toEqual([])
    const wl = await t.call('collections.worklist', {}, w.officer)
    expect(wl.rows.find((x) => x.loanId === loanId)).toMatchObject({
      brokenPromise: false,
      promiseDue: { promisedOn: '2026-03-10', amount: 50000 },
    })
  })
})

describe('contact log', () => {
  it('calls outside the allowed hours are refused with the reason; a third party needs a reason and is flagged', async () => {
    const w = await world()
    const { loanId } = await overdueLoan(w.officer, w.officerId)
    // Moving the clock by hours idles sessions out: log in again at each time.
    let token = w.officer
    const login = async (username: string, password: string) =>
      (await t.call('auth.login', { username, password })).token
    const at = async () => (token = await login('officer1', 'Passw0rd!'))
    const admin = async () => login('admin', 'Admin1234')
    t.clock.now = new Date(2026, 2, 2, 21, 30) // local 21:30
    const late = await t.fail(
      'collections.logContact',
      { loanId, channel: 'phone', party: 'borrower', outcome: 'no_answer' },
      await at(),
    )
    expect(late.code).toBe('VALIDATION')
    expect(late.message).toContain('21:30')
    expect(late.message).toContain('08:00-21:00')
    // A letter is not a call: allowed at any hour.
    await t.call(
      'collections.logContact',
      { loanId, channel: 'letter', party: 'borrower', outcome: 'other' },
      await at(),
    )
    t.clock.now = new Date(2026, 2, 2, 7, 59)
    expect(
      (
        await t.fail(
          'collections.logContact',
          { loanId, channel: 'visit', party: 'borrower', outcome: 'refused' },
          await at(),
        )
      ).code,
    ).toBe('VALIDATION')
    t.clock.now = new Date(2026, 2, 2, 8, 0)
    await t.call(
      'collections.logContact',
      { loanId, channel: 'phone', party: 'borrower', outcome: 'promised', note: '答应月底还' },
      await at(),
    )
    t.clock.now = new Date(2026, 2, 2, 20, 59)
    const noReason = await t.fail(
      'collections.logContact',
      { loanId, channel: 'phone', party: 'other', partyName: '邻居', outcome: 'other' },
      await at(),
    )
    expect(noReason.message).toContain('原因')
    const c = await t.call(
      'collections.logContact',
      {
        loanId,
        channel: 'phone',
        party: 'other',
        partyName: '村主任',
        reason: '借款人失联，询问下落',
        outcome: 'unreachable',
      },
      await at(),
    )
    expect(c.flagged).toBe(true)
    // The window is a setting.
    const s = await t.call('collections.settings', {}, await admin())
    await t.call('collections.saveSettings', { ...s, contactHours: '09:00-17:00' }, await admin())
    t.clock.now = new Date(2026, 2, 2, 17, 0)
    expect(
      (
        await t.fail(
          'collections.logContact',
          { loanId, channel: 'sms', party: 'borrower', outcome: 'other' },
          await at(),
        )
      ).message,
    ).toContain('09:00-17:00')
    const log = await t.call('collections.contacts', { loanId }, token)
    expect(log).toHaveLength(3)
    const wl = await t.call('collections.worklist', {}, token)
    expect(wl.rows.find((x) => x.loanId === loanId)).toMatchObject({ lastContactOn: '2026-03-02', daysSinceContact: 0 })
  })

  it('the worklist pages on the server, most days overdue first; a past date evaluates; select-all ids; village filter', async () => {
    const w = await world()
    const loan = async (disbursementDate: string, village: string, cls: string | null = null) => {
      const l = insertLoan(t, { officerId: w.officerId, principal: 1_200_000, disbursementDate })
      await t.call('servicing.createPlan', { loanId: l.loanId }, w.officer)
      t.backend.env.sqlite
        .prepare(
          'update borrowers set village = ?, customer_class = ? where id = (select borrower_id from loans where id = ?)',
        )
        .run(village, cls, l.loanId)
      return l.loanId
    }
    // First installments fall due one month after disbursement, nothing paid. DPD on 2026-03-02 (today):
    // 2025-02-10 → 385, 2025-07-10 → 235, 2025-12-10 → 82 (days counted with Python's date arithmetic).
    const mid = await loan('2025-06-10', '前进村')
    const old = await loan('2025-01-10', '青山村')
    const recent = await loan('2025-11-10', '青山村')
    // A C-class loan due 2026-03-05, within the 7-day window: listed after the overdue ones (DPD 0).
    const soonC = await loan('2026-02-05', '青山村', 'C')
    // Not overdue and not C: not on the list.
    await loan('2026-02-05', '青山村', 'A')
    const p1 = await t.call('collections.worklist', { limit: 2 }, w.officer)
    expect(p1.total).toBe(4)
    expect(p1.rows.map((r) => [r.loanId, r.dpd])).toEqual([
      [old, 385],
      [mid, 235],
    ])
    const p2 = await t.call('collections.worklist', { offset: 2, limit: 2 }, w.officer)
    expect(p2.rows.map((r) => [r.loanId, r.dpd])).toEqual([
      [recent, 82],
      [soonC, 0],
    ])
    expect(p2.rows[1]!.nextDueDate).toBe('2026-03-05')
    // The same list from a full evaluation of a past date: yesterday, every DPD one less.
    const past = await t.call('collections.worklist', { asOf: '2026-03-01', limit: 10 }, w.officer)
    expect(past.rows.map((r) => [r.loanId, r.dpd])).toEqual([
      [old, 384],
      [mid, 234],
      [recent, 81],
      [soonC, 0],
    ])
    // Amounts on a page equal the loan's own evaluation.
    const e = await t.call('servicing.asOf', { loanId: mid, asOf: '2026-03-02' }, w.officer)
    expect(p1.rows[1]!.amounts.total).toBe(
      e.overduePrincipal + e.overdueInterest + e.penaltyInterest + e.compoundInterest,
    )
    const village = await t.call('collections.worklist', { village: '青山村' }, w.officer)
    expect(village.total).toBe(3)
    expect(village.rows.map((r) => r.loanId)).toEqual([old, recent, soonC])
    expect((await t.call('collections.worklistIds', {}, w.officer)).loanIds).toEqual([old, mid, recent, soonC])
    expect((await t.call('collections.worklistIds', { village: '前进村' }, w.officer2)).loanIds).toEqual([])
    expect((await t.fail('collections.worklist', { limit: 501 }, w.officer)).code).toBe('VALIDATION')
  })

  it('the worklist is scoped to the officer, shows the step and today’s amounts; the manager sees all', async () => {
    const w = await world()
    const a = await overdueLoan(w.officer, w.officerId, '甲')
    const b = await overdueLoan(w.officer2, w.officer2Id, '乙')
    const mine = await t.call('collections.worklist', {}, w.officer)
    expect(mine.rows.map((r) => r.loanId)).toEqual([a.loanId])
    const all = await t.call('collections.worklist', {}, w.manager)
    expect(all.rows.map((r) => r.loanId).sort()).toEqual([a.loanId, b.loanId].sort())
    const byOfficer = await t.call('collections.worklist', { officerId: w.officer2Id }, w.manager)
    expect(byOfficer.rows.map((r) => r.loanId)).toEqual([b.loanId])
    const row = all.rows[0]!
    const e = await t.call('servicing.asOf', { loanId: row.loanId, asOf: '2026-03-02' }, w.manager)
    // First unpaid installment due 2025-02-10 → DPD 385 on 2026-03-02: M3+ → legal review.
    expect(row).toMatchObject({ dpd: 385, bucket: 'M3+', step: 'legal_review' })
    expect(row.amounts.total).toBe(e.overduePrincipal + e.overdueInterest + e.penaltyInterest + e.compoundInterest)
    await t.call(
      'collections.referLitigation',
      { loanId: a.loanId, date: '2026-03-01', reason: '多次催收无果' },
      w.manager,
    )
    const again = await t.call('collections.worklist', {}, w.officer)
    expect(again.rows[0]!.litigationOn).toBe('2026-03-01')
  })
})

describe('notice numbering under two concurrent writers (two processes, one database)', () => {
  it('numbers are unique and gap-free', async () => {
    const w = await world()
    const loans: number[] = []
    for (let i = 0; i < 30; i++) loans.push((await overdueLoan(w.officer, w.officerId)).loanId)
    const a = numberingWorker(
      t.dir,
      'officer1',
      'notices',
      loans.filter((_, i) => i % 2 === 0),
      '2025-04-25',
    )
    const b = numberingWorker(
      t.dir,
      'officer1',
      'notices',
      loans.filter((_, i) => i % 2 === 1),
      '2025-04-25',
    )
    await Promise.all([a.ready, b.ready])
    a.go()
    b.go()
    const [ra, rb] = await Promise.all([a.done, b.done])
    expect([...ra.errors, ...rb.errors]).toEqual([])
    const all = [...ra.numbers, ...rb.numbers]
    const year = all[0]!.slice(3, 7)
    expect(all.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `CS-${year}-${String(i + 1).padStart(6, '0')}`))
    expect(ra.numbers).toHaveLength(15)
  }, 90_000)
})
