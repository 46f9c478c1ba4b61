// 贷后检查 through the real dispatcher on a temp database (DOMAIN §8). Expected dates are counted
// by hand on a calendar (2024 leap year: Feb has 29 days; 2025/2026: 28) and written beside each
// assertion; coverage = collateral value / outstanding principal in basis points, by hand.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Input } from '../../shared/api'
import { firstCheckMissingRule, inspectionOverdueRule } from '../../electron/backend/inspections/rules'
import { makeWorld } from '../helpers/archives'

type World = Awaited<ReturnType<typeof makeWorld>>
let w: World
beforeEach(async () => {
  w = await makeWorld()
}) // test clock: 2026-03-02
afterEach(async () => {
  await w.t.close()
})

let n = 0
async function loanOf(opts: {
  disbursementDate: string
  termMonths?: number
  guaranteeType?: 'credit' | 'guarantee' | 'mortgage' | 'pledge'
  principal?: number
}) {
  n++
  const b = await w.borrower(`借款人${n}`)
  const term = opts.termMonths ?? 24
  const [y, m, d] = opts.disbursementDate.split('-').map(Number) as [number, number, number]
  const mat = new Date(Date.UTC(y, m - 1 + term, d)).toISOString().slice(0, 10)
  return w.t.call(
    'loans.create',
    {
      borrowerId: b.id,
      contractNo: `JC-${n}`,
      iouNo: `JJ-JC-${n}`,
      product: '农户小额信用贷款',
      principal: opts.principal ?? 8_000_000,
      annualRate: '6',
      termMonths: term,
      method: 'equal_principal',
      disbursementDate: opts.disbursementDate,
      maturityDate: mat,
      purpose: '种植',
      guaranteeType: opts.guaranteeType ?? 'credit',
    },
    w.tokens.officer,
  )
}

function draft(loanId: number, extra: Partial<Input<'inspections.saveDraft'>> = {}): Input<'inspections.saveDraft'> {
  return {
    loanId,
    type: 'first',
    inspectedOn: '2026-02-20',
    method: 'home_visit',
    fundUse: 'as_agreed',
    fundUsedAmount: 8_000_000,
    fundEvidence: '化肥发票',
    conclusion: '资金按约定用途使用，经营正常',
    ...extra,
  }
}

/** Draft → submitted by officer1 → confirmed by officer2. */
async function sign(input: Input<'inspections.saveDraft'>) {
  const r = await w.t.call('inspections.saveDraft', input, w.tokens.officer)
  await w.t.call('inspections.submit', { id: r.id, secondOfficerId: w.ids.officer2 }, w.tokens.officer)
  return w.t.call('inspections.confirm', { id: r.id }, w.tokens.officer2)
}

async function due(loanId: number, asOf = '2026-03-02') {
  const all = [] as { loanId: number; dueDate: string; kind: string; signal: string | null; daysOverdue: number }[]
  for (const bucket of ['overdue', 'next30'] as const)
    all.push(...(await w.t.call('inspections.calendar', { asOf, bucket, limit: 500 }, w.tokens.manager)).rows)
  const hit = all.find((r) => r.loanId === loanId)
  if (hit) return hit
  await w.t.call('inspections.refresh', { asOf }, w.tokens.manager)
  const rows = w.t.backend.env.sqlite
    .prepare('select due_date as dueDate, kind, signal from inspection_due where loan_id = ?')
    .get(loanId)
  return rows as { dueDate: string; kind: string; signal: string | null }
}

describe('schedule (DOMAIN §8) with hand-checked dates', () => {
  it('a new loan is due for its first check 30 days after disbursement; the calendar shows it this week, then overdue', async () => {
    const l = await loanOf({ disbursementDate: '2026-01-31' }) // Jan 31 + 28 (Feb) = Feb 28, + 2 = Mar 2
    const week = await w.t.call('inspections.calendar', { asOf: '2026-03-02', bucket: 'week' }, w.tokens.officer)
    expect(week.rows.find((r) => r.loanId === l.id)).toMatchObject({
      dueDate: '2026-03-02',
      kind: 'first',
      daysOverdue: 0,
    })
    const late = await w.t.call('inspections.calendar', { asOf: '2026-03-05', bucket: 'overdue' }, w.tokens.officer)
    expect(late.rows.find((r) => r.loanId === l.id)).toMatchObject({ dueDate: '2026-03-02', daysOverdue: 3 })
    expect(late.counts.overdue).toBe(1)
    // Officer 2 sees only their own portfolio.
    const other = await w.t.call('inspections.calendar', { asOf: '2026-03-05', bucket: 'overdue' }, w.tokens.officer2)
    expect(other.rows).toHaveLength(0)
  })

  it('责任移交 and settlement keep the calendar in step (officer copied onto the due row; closed loans drop out)', async () => {
    const l = await loanOf({ disbursementDate: '2026-01-31' })
    const cal = (token: string) => w.t.call('inspections.calendar', { asOf: '2026-03-02', bucket: 'week' }, token)
    expect((await cal(w.tokens.officer)).rows.map((r) => r.loanId)).toEqual([l.id])
    await w.t.call(
      'loans.transfer',
      { fromOfficerId: w.ids.officer, toOfficerId: w.ids.officer2, reason: '调岗', effectiveDate: '2026-03-01' },
      w.tokens.manager,
    )
    expect((await cal(w.tokens.officer)).rows).toEqual([])
    expect((await cal(w.tokens.officer2)).rows.map((r) => r.loanId)).toEqual([l.id])
    expect((await cal(w.tokens.officer2)).counts.week).toBe(1)
    w.t.backend.env.sqlite
      .prepare("update loans set status = 'settled', settled_date = '2026-03-01' where id = ?")
      .run(l.id)
    w.t.backend.env.sqlite
      .prepare(
        "insert into loan_closures (loan_id, kind, closed_date, created_at) values (?, 'settled', '2026-03-01', '2026-03-01')",
      )
      .run(l.id)
    expect((await cal(w.tokens.manager)).counts.week).toBe(0)
  })

  it('credit yearly from a leap-day check → Feb 28; non-performing monthly → Mar 29', async () => {
    const l = await loanOf({ disbursementDate: '2023-12-15' })
    await sign(draft(l.id, { inspectedOn: '2024-02-29' }))
    expect((await due(l.id)).dueDate).toBe('2025-02-28') // 2024-02-29 + 12 months: 2025 has no Feb 29
    w.t.backend.env.sqlite.prepare("update loans set category = 'substandard' where id = ?").run(l.id)
    await w.t.call('inspections.refresh', { asOf: '2026-03-02' }, w.tokens.manager)
    expect((await due(l.id)).dueDate).toBe('2024-03-29') // + 1 month, same day
  })

  it('month-end: a 关注 loan checked on Nov 30 is due Feb 28 (quarterly); guaranteed semiannual from Aug 31 → Feb 28', async () => {
    const a = await loanOf({ disbursementDate: '2025-10-20' })
    w.t.backend.env.sqlite.prepare("update loans set category = 'special_mention' where id = ?").run(a.id)
    await sign(draft(a.id, { inspectedOn: '2025-11-30' }))
    expect((await due(a.id)).dueDate).toBe('2026-02-28')
    const g = await loanOf({ disbursementDate: '2025-08-01', guaranteeType: 'guarantee' })
    await sign(draft(g.id, { inspectedOn: '2025-08-31' }))
    expect((await due(g.id)).dueDate).toBe('2026-02-28')
    const big = await loanOf({ disbursementDate: '2025-08-01', guaranteeType: 'guarantee', principal: 60_000_000 })
    await sign(draft(big.id, { inspectedOn: '2025-08-31' }))
    expect((await due(big.id)).dueDate).toBe('2025-11-30') // ≥ 50 万元: quarterly, Nov has 30 days
  })

  it('settings change the frequency and re-plan every loan', async () => {
    const l = await loanOf({ disbursementDate: '2025-06-01' })
    await sign(draft(l.id, { inspectedOn: '2025-06-20' }))
    expect((await due(l.id)).dueDate).toBe('2026-06-20')
    const s = await w.t.call('inspections.settings', {}, w.tokens.manager)
    await w.t.call('inspections.setSettings', { ...s, creditMonths: 6 }, w.tokens.manager)
    expect((await due(l.id)).dueDate).toBe('2025-12-20')
    expect((await w.t.fail('inspections.setSettings', { ...s }, w.tokens.officer)).code).toBe('FORBIDDEN')
  })
})

describe('triggers make a special check due', () => {
  it('a guarantor-trouble signal: special check 7 days later; a signed check clears it', async () => {
    const l = await loanOf({ disbursementDate: '2025-06-01' })
    await sign(draft(l.id, { inspectedOn: '2025-06-20' }))
    await w.t.call(
      'inspections.raiseSignal',
      { loanId: l.id, kind: 'guarantor', raisedOn: '2026-02-26', detail: '保证人外出务工失联' },
      w.tokens.officer,
    )
    expect(await due(l.id)).toMatchObject({ dueDate: '2026-03-05', kind: 'special', signal: 'guarantor' }) // Feb 26 + 7 = Mar 5
    await sign(draft(l.id, { type: 'special', inspectedOn: '2026-03-01', fundUse: null }))
    expect((await due(l.id)).dueDate).toBe('2027-03-01')
  })

  it('overdue: the refresh raises one signal per episode (day after the earliest unpaid due date)', async () => {
    const l = await loanOf({ disbursementDate: '2025-12-10' })
    await w.t.call('servicing.createPlan', { loanId: l.id }, w.tokens.officer)
    await sign(draft(l.id, { inspectedOn: '2025-12-28' }))
    const r = await w.t.call('inspections.refresh', { asOf: '2026-03-02' }, w.tokens.manager)
    expect(r.raised).toBe(1)
    // First installment due 2026-01-10 unpaid → overdue from Jan 11; special check due Jan 18.
    expect(await due(l.id)).toMatchObject({ dueDate: '2026-01-18', kind: 'special', signal: 'overdue' })
    expect((await w.t.call('inspections.refresh', { asOf: '2026-03-02' }, w.tokens.manager)).raised).toBe(0)
    const warn = await inspectionOverdueRule(w.t.backend.env.db, '2026-03-02')
    expect(warn.find((x) => x.loanId === l.id)?.detail).toBe('专项检查应于 2026-01-18 完成，已逾期 43 天') // Jan 18 → Mar 2: 13 + 28 + 2 = 43
  })

  it('a collateral value falling (revalued outside an inspection) calls for a special check', async () => {
    const l = await loanOf({ disbursementDate: '2025-06-01', guaranteeType: 'mortgage' })
    const c = await w.t.call(
      'loans.addCollateral',
      {
        loanId: l.id,
        type: '房产',
        description: '青山村 12 号',
        appraisedValue: 10_000_000,
        appraisedOn: '2025-05-20',
      },
      w.tokens.officer,
    )
    await sign(draft(l.id, { inspectedOn: '2025-06-20' }))
    expect(await due(l.id)).toMatchObject({ dueDate: '2025-12-20', kind: 'routine' }) // revaluation 2026-05-20 is later
    await w.t.call(
      'loans.revalueCollateral',
      { collateralId: c.id, value: 7_000_000, valuedOn: '2026-02-10' },
      w.tokens.officer,
    )
    expect(await due(l.id)).toMatchObject({ dueDate: '2025-12-20', kind: 'routine' }) // still earlier than Feb 17
    await sign(draft(l.id, { type: 'routine', inspectedOn: '2026-01-05', fundUse: null }))
    // Now the fall (Feb 10, after the Jan 5 check) is open: special due Feb 17.
    expect(await due(l.id)).toMatchObject({ dueDate: '2026-02-17', kind: 'special', signal: 'collateral_fall' })
  })
})

describe('sign-off', () => {
  it('two officers: the same user is refused as second officer and cannot confirm; a manager reviews', async () => {
    const l = await loanOf({ disbursementDate: '2026-01-31' })
    const d = await w.t.call('inspections.saveDraft', draft(l.id), w.tokens.officer)
    expect(d.status).toBe('draft')
    const self = await w.t.fail('inspections.submit', { id: d.id, secondOfficerId: w.ids.officer }, w.tokens.officer)
    expect(self.code).toBe('VALIDATION')
    expect(self.message).toContain('不能是本人')
    expect(
      (await w.t.fail('inspections.submit', { id: d.id, secondOfficerId: w.ids.archivist }, w.tokens.officer)).code,
    ).toBe('VALIDATION')
    await w.t.call('inspections.submit', { id: d.id, secondOfficerId: w.ids.officer2 }, w.tokens.officer)
    expect((await w.t.fail('inspections.confirm', { id: d.id }, w.tokens.officer)).code).toBe('FORBIDDEN')
    expect((await w.t.fail('inspections.confirm', { id: d.id }, w.tokens.manager)).code).toBe('FORBIDDEN') // not the named second officer
    expect((await w.t.call('inspections.pending', {}, w.tokens.officer2)).toConfirm.map((x) => x.id)).toEqual([d.id])
    const c = await w.t.call('inspections.confirm', { id: d.id }, w.tokens.officer2)
    expect(c).toMatchObject({ status: 'confirmed', officerName: '测试officer', secondOfficerName: '测试officer' })
    expect((await w.t.fail('inspections.review', { id: d.id }, w.tokens.officer2)).code).toBe('FORBIDDEN')
    const r = await w.t.call('inspections.review', { id: d.id, note: '同意' }, w.tokens.manager)
    expect(r).toMatchObject({ status: 'reviewed', reviewNote: '同意' })
  })

  it('a signed record is immutable (service and database); a correction is a new record pointing at it', async () => {
    const l = await loanOf({ disbursementDate: '2026-01-31' })
    const s = await sign(draft(l.id))
    const edit = await w.t.fail(
      'inspections.saveDraft',
      { ...draft(l.id, { conclusion: '改写' }), id: s.id },
      w.tokens.officer,
    )
    expect(edit.code).toBe('CONFLICT')
    expect((await w.t.fail('inspections.discard', { id: s.id }, w.tokens.officer)).code).toBe('CONFLICT')
    expect(
      (
        await w.t.fail(
          'inspections.attach',
          { inspectionId: s.id, filename: 'a.png', mime: 'image/png', contentBase64: PNG },
          w.tokens.officer,
        )
      ).code,
    ).toBe('CONFLICT')
    const sqlite = w.t.backend.env.sqlite
    expect(() => sqlite.prepare("update inspections set conclusion = 'x' where id = ?").run(s.id)).toThrow(/immutable/)
    expect(() => sqlite.prepare('delete from inspections where id = ?').run(s.id)).toThrow(/immutable/)
    expect((await w.t.call('inspections.get', { id: s.id }, w.tokens.officer)).conclusion).toBe(
      '资金按约定用途使用，经营正常',
    )
    const c = await w.t.call('inspections.correct', { id: s.id }, w.tokens.officer)
    expect(c).toMatchObject({ status: 'draft', correctsId: s.id, conclusion: s.conclusion })
    expect((await w.t.call('inspections.get', { id: s.id }, w.tokens.officer)).correctedById).toBe(c.id)
  })

  it('a first check needs 资金流向 and a conclusion before it can be signed; drafts are kept', async () => {
    const l = await loanOf({ disbursementDate: '2026-01-31' })
    const d = await w.t.call(
      'inspections.saveDraft',
      draft(l.id, { fundUse: null, conclusion: null }),
      w.tokens.officer,
    )
    expect(
      (await w.t.fail('inspections.submit', { id: d.id, secondOfficerId: w.ids.officer2 }, w.tokens.officer))
        .fields?.[0]?.path,
    ).toBe('conclusion')
    await w.t.call('inspections.saveDraft', { ...draft(l.id, { fundUse: null }), id: d.id }, w.tokens.officer)
    expect(
      (await w.t.fail('inspections.submit', { id: d.id, secondOfficerId: w.ids.officer2 }, w.tokens.officer))
        .fields?.[0]?.path,
    ).toBe('fundUse')
    expect((await w.t.call('inspections.pending', {}, w.tokens.officer)).drafts.map((x) => x.id)).toEqual([d.id])
    expect(
      (await w.t.fail('inspections.saveDraft', draft(l.id, { inspectedOn: '2026-03-03' }), w.tokens.officer)).code,
    ).toBe('VALIDATION') // future
  })
})

describe('collateral revaluation, guarantor check, rules, attachments, report filing', () => {
  it('a revaluation signed in an inspection changes the coverage shown by loans.get', async () => {
    const l = await loanOf({ disbursementDate: '2025-06-01', guaranteeType: 'mortgage', principal: 8_000_000 })
    const c = await w.t.call(
      'loans.addCollateral',
      {
        loanId: l.id,
        type: '房产',
        description: '青山村 12 号',
        appraisedValue: 10_000_000,
        appraisedOn: '2025-05-20',
      },
      w.tokens.officer,
    )
    expect((await w.t.call('loans.get', { id: l.id }, w.tokens.officer)).coverageBp).toBe(12_500) // 100,000 / 80,000 = 125 %
    await sign(
      draft(l.id, {
        type: 'collateral',
        inspectedOn: '2026-02-15',
        fundUse: null,
        collateralId: c.id,
        revaluedAmount: 6_000_000,
        collateralStatus: '房屋结构开裂',
      }),
    )
    const after = await w.t.call('loans.get', { id: l.id }, w.tokens.officer)
    expect(after.coverageBp).toBe(7_500) // 60,000 / 80,000 = 75 %
    expect(after.collaterals[0]!.valuations.at(-1)).toMatchObject({ value: 6_000_000, valuedOn: '2026-02-15' })
  })

  it('the guarantor check lists the guarantor’s own loans with their status', async () => {
    const gb = await w.borrower('保证人甲')
    const own = await w.loan(gb.id)
    const l = await loanOf({ disbursementDate: '2025-06-01', guaranteeType: 'guarantee' })
    const g = await w.t.call(
      'loans.addGuarantor',
      {
        loanId: l.id,
        kind: 'borrower',
        borrowerId: gb.id,
        mode: 'joint',
        amount: 8_000_000,
        periodStart: '2025-06-01',
        periodEnd: '2028-06-01',
      },
      w.tokens.officer,
    )
    const r = await w.t.call('inspections.guarantorLoans', { guarantorId: g.id, asOf: '2026-03-02' }, w.tokens.officer)
    expect(r.guarantorName).toBe('保证人甲')
    expect(r.loans).toEqual([
      expect.objectContaining({ loanId: own.id, role: 'borrower', status: 'active', category: 'normal', dpd: 0 }),
    ])
  })

  it('firstCheckMissingRule: no signed first check 30 days after disbursement', async () => {
    const a = await loanOf({ disbursementDate: '2026-01-10' })
    const b = await loanOf({ disbursementDate: '2026-01-10' })
    await sign(draft(b.id, { inspectedOn: '2026-01-28' }))
    const hits = await firstCheckMissingRule(w.t.backend.env.db, '2026-02-10') // Jan 10 + 30 = Feb 9 < Feb 10
    expect(hits).toEqual([
      { loanId: a.id, detail: '贷款于 2026-01-10 发放，已 31 天仍未完成首次检查（资金流向），应在发放后 30 天内完成' },
    ])
    expect(await firstCheckMissingRule(w.t.backend.env.db, '2026-02-09')).toEqual([])
  })

  it('photos are stored once by SHA-256; the manager’s review marks 贷后检查报告 present in the loan file', async () => {
    const l = await loanOf({ disbursementDate: '2026-01-31' })
    const file = await w.t.call('archives.register', { loanId: l.id }, w.tokens.admin)
    const d = await w.t.call('inspections.saveDraft', draft(l.id), w.tokens.officer)
    const a1 = await w.t.call(
      'inspections.attach',
      { inspectionId: d.id, filename: '家访.png', mime: 'image/png', contentBase64: PNG },
      w.tokens.officer,
    )
    const a2 = await w.t.call(
      'inspections.attach',
      { inspectionId: d.id, filename: '家访2.png', mime: 'image/png', contentBase64: PNG },
      w.tokens.officer,
    )
    expect(a1.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(a2.id).toBe(a1.id)
    expect(
      (
        await w.t.fail(
          'inspections.attach',
          {
            inspectionId: d.id,
            filename: 'x.png',
            mime: 'image/png',
            contentBase64: Buffer.from('not a png').toString('base64'),
          },
          w.tokens.officer,
        )
      ).code,
    ).toBe('VALIDATION')
    const back = await w.t.call('inspections.attachment', { inspectionId: d.id, sha256: a1.sha256 }, w.tokens.officer)
    expect(back.contentBase64).toBe(PNG)
    await w.t.call('inspections.submit', { id: d.id, secondOfficerId: w.ids.officer2 }, w.tokens.officer)
    await w.t.call('inspections.confirm', { id: d.id }, w.tokens.officer2)
    const item = () =>
      w.t.backend.env.sqlite
        .prepare("select state from loan_file_items where file_id = ? and code = 'inspection'")
        .get(file.id) as { state: string }
    expect(item().state).toBe('missing')
    await w.t.call('inspections.review', { id: d.id }, w.tokens.manager)
    expect(item().state).toBe('present')
  })

  it('route sheet lists the borrowers to visit with amounts due; quick entry makes drafts', async () => {
    const l = await loanOf({ disbursementDate: '2025-12-10' })
    await w.t.call('servicing.createPlan', { loanId: l.id }, w.tokens.officer)
    const sheet = await w.t.call('inspections.routeSheet', { asOf: '2026-03-02' }, w.tokens.officer)
    const row = sheet.rows.find((r) => r.loanId === l.id)!
    // Equal principal 80,000 / 24 = 3,333.33 per month; Jan 10 and Feb 10 unpaid → principal 6,666.66 + interest + 罚息 > 6,666.66 元.
    expect(row.amountDue).toBeGreaterThan(666_666)
    expect(row.dpd).toBe(51) // Jan 10 → Mar 2: 21 + 28 + 2
    expect(sheet.villages).toContain('青山镇前进村')
    const q = await w.t.call(
      'inspections.quickEntry',
      { results: [{ loanId: l.id, inspectedOn: '2026-03-02', method: 'home_visit', conclusion: '家中无人，已留言' }] },
      w.tokens.officer,
    )
    expect(await w.t.call('inspections.get', { id: q.created[0]! }, w.tokens.officer)).toMatchObject({
      status: 'draft',
      type: 'routine',
      conclusion: '家中无人，已留言',
    })
  })
})

// A 1×1 PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='
