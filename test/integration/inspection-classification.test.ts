// Issue 11 → issue 10: a signed 贷后检查's proposed category goes to the 五级分类 workflow (a proposal
// by the inspector, decided by a manager), and an approved category moves the next inspection date
// (DOMAIN §8: guaranteed loans semiannual, 关注 loans quarterly by default).
//
// Hand-checked figures: the helper loan is disbursed 2026-01-10 (annuity, 12 months, 保证 5 万元),
// first installment due 2026-02-10, unpaid; the test clock is 2026-03-02, so DPD = 18 days left in
// February (28 days) + 2 in March = 20 → floor and suggestion 关注 (DPD ≥ 1), decided 正常.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Input } from '../../shared/api'
import { makeWorld, type World } from '../helpers/archives'

let w: World
let loanId: number
beforeEach(async () => {
  w = await makeWorld()
  const b = await w.borrower('检查转分类')
  loanId = (await w.loan(b.id)).id
  await w.t.call('servicing.createPlan', { loanId }, w.tokens.officer)
})
afterEach(() => w.t.close())

function draft(extra: Partial<Input<'inspections.saveDraft'>>): Input<'inspections.saveDraft'> {
  return {
    loanId,
    type: 'routine',
    inspectedOn: '2026-02-25',
    method: 'home_visit',
    conclusion: '养殖场受灾停产，首期未还，还款来源不足',
    ...extra,
  }
}

/** Draft by officer1 → submitted → confirmed by officer2 (the record is signed). */
async function sign(input: Input<'inspections.saveDraft'>) {
  const r = await w.t.call('inspections.saveDraft', input, w.tokens.officer)
  await w.t.call('inspections.submit', { id: r.id, secondOfficerId: w.ids.officer2 }, w.tokens.officer)
  return w.t.call('inspections.confirm', { id: r.id }, w.tokens.officer2)
}

const history = () => w.t.call('classification.history', { loanId }, w.tokens.manager)
const dueDate = () =>
  (
    w.t.backend.env.sqlite.prepare('select due_date from inspection_due where loan_id = ?').get(loanId) as {
      due_date: string
    }
  ).due_date

describe('a signed inspection proposing a category files a classification proposal', () => {
  it('the proposal carries the category, the inspector as proposer and the conclusion with the record number', async () => {
    expect((await history()).category).toBe('normal')
    const rec = await sign(draft({ proposedCategory: 'special_mention' }))
    const h = await history()
    expect(h.category).toBe('normal') // maker-checker: nothing decided yet
    expect(h.items).toHaveLength(1)
    expect(h.items[0]).toMatchObject({
      fromCategory: 'normal',
      category: 'special_mention',
      suggested: 'special_mention',
      status: 'pending',
      proposedBy: '测试officer', // officer1, the inspector — not officer2 who confirmed
    })
    expect(h.items[0]!.reason).toContain(`贷后检查 #${rec.id}`)
    expect(h.items[0]!.reason).toContain('养殖场受灾停产')
    const pending = await w.t.call('classification.pending', {}, w.tokens.manager)
    expect(pending.map((p) => p.loanId)).toEqual([loanId])
    // The confirmation's audit entry says where the proposal went.
    const audit = await w.t.call('audit.list', { entity: 'inspection' }, w.tokens.auditor)
    expect(audit.entries[0]!.summary).toMatch(/建议分类已提交审批（调整 #\d+）/)
  })

  it('no duplicate while one is pending; a second proposal is noted as not filed', async () => {
    await sign(
      draft({ inspectedOn: '2026-02-01', type: 'first', fundUse: 'as_agreed', proposedCategory: 'special_mention' }),
    )
    await sign(draft({ proposedCategory: 'substandard' }))
    const h = await history()
    expect(h.items.map((p) => [p.category, p.status])).toEqual([['special_mention', 'pending']])
    const audit = await w.t.call('audit.list', { entity: 'inspection' }, w.tokens.auditor)
    expect(audit.entries[0]!.summary).toMatch(/建议分类未提交审批：该笔贷款已有待审批的分类调整/)
  })

  it('a proposed category equal to the decided one, or below the DPD floor, files nothing', async () => {
    await sign(draft({ proposedCategory: 'normal' })) // decided is 正常 already
    expect((await history()).items).toEqual([])
    w.t.backend.env.sqlite.prepare("update loans set category = 'special_mention' where id = ?").run(loanId)
    await sign(draft({ inspectedOn: '2026-02-26', proposedCategory: 'normal' })) // DPD 20: floor 关注
    expect((await history()).items).toEqual([])
    const audit = await w.t.call('audit.list', { entity: 'inspection' }, w.tokens.auditor)
    expect(audit.entries[0]!.summary).toMatch(/建议分类未提交审批：不能分为“正常”/)
  })

  it('a record without a proposed category files nothing', async () => {
    await sign(draft({}))
    expect((await history()).items).toEqual([])
  })
})

describe('an approved category moves the next inspection date', () => {
  // Without a signed first check the due date stays the first check's (2026-01-10 + 30 = 2026-02-09).
  beforeEach(() =>
    sign(draft({ type: 'first', inspectedOn: '2026-02-01', fundUse: 'as_agreed', conclusion: '按约定用途使用' })),
  )

  it('保证 semiannual 2026-02-25 → 2026-08-25; approved 关注 (quarterly) → 2026-05-25; an officer cannot approve', async () => {
    await sign(draft({ proposedCategory: 'special_mention' }))
    // Last signed check 2026-02-25; guaranteed loan under 50 万元: + 6 months = 2026-08-25.
    expect(dueDate()).toBe('2026-08-25')
    const [p] = (await history()).items
    const refused = await w.t.fail('classification.decide', { proposalId: p!.id, approve: true }, w.tokens.officer2)
    expect(refused.code).toBe('FORBIDDEN')
    await w.t.call('classification.decide', { proposalId: p!.id, approve: true, comment: '同意' }, w.tokens.manager)
    expect((await history()).category).toBe('special_mention')
    // 关注: quarterly (specialMentionMonths 3) beats semiannual: 2026-02-25 + 3 months = 2026-05-25.
    expect(dueDate()).toBe('2026-05-25')
  })

  it('a rejected proposal leaves the date where it was', async () => {
    await sign(draft({ proposedCategory: 'special_mention' }))
    const [p] = (await history()).items
    await w.t.call('classification.decide', { proposalId: p!.id, approve: false, comment: '再观察' }, w.tokens.manager)
    expect(dueDate()).toBe('2026-08-25')
  })
})
