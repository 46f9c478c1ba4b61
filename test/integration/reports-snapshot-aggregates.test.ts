// The quality report, the migration matrix and the monthly report read month-end snapshots grouped
// in SQL, with the loans whose classification decision is in force added one by one. This test
// checks them against (1) the live evaluation of the same dates before any snapshot existed and
// (2) a straightforward per-loan computation written here: every snapshot row read with plain SQL,
// each loan's category = its last decision approved by the date (else the category the snapshot
// recorded, else the floor), never below the floor; then counted and summed loan by loan.
//
// Portfolio (1,200,000 分, 6 %, 12 months 等额本金 unless said; the DPD and floors are worked out in
// reports.test.ts for L1–L6): from = 2025-04-30, to = 2025-06-30.
//   L1 东村 A pays through 06-10 (normal).     L2 东村 A never pays (关注 → 次级).
//   L3 西村 B disbursed 05-20, never pays (new → 关注).  L5 东村 A 联保, never pays since 2024 (损失).
//   L6 西村 B 利随本清 3 months, paid off 05-15 (关注 → closed).
//   L7 西村 A, L8 东村 B, L9 东村 B, L10 西村 A pay like L1 (normal, 700,000 on 06-30).
// Decisions (approved, with the day they were decided):
//   L7 关注 on 03-15 (in force on both dates) · L8 次级 on 05-20 (on `to` only) · L9 可疑 on 07-05
//   (never in force here) · L10 关注 on 02-20 then 次级 on 06-10 (the later one counts on `to`) ·
//   L2 关注 on 04-15 (on 06-30 the floor 次级 wins: never below the floor) · L6 可疑 on 04-20
//   (decided, then closed) · L3 次级 on 06-25 (new, decided).
import { afterEach, describe, expect, it } from 'vitest'
import { loginAs, makeBackend, setupAdmin, type TestBackend } from '../helpers/backend'
import { insertLoan, type LoanSeed, userId } from '../helpers/loans'

let t: TestBackend
afterEach(() => t?.close())

const FROM = '2025-04-30'
const MID = '2025-05-31'
const TO = '2025-06-30'
const CATS = ['normal', 'special_mention', 'substandard', 'doubtful', 'loss'] as const
const BUCKETS = ['M0', 'M1', 'M2', 'M3', 'M3+'] as const
const STATES = ['new', ...CATS, 'closed'] as const
type Cat = (typeof CATS)[number]

async function portfolio() {
  t = await makeBackend()
  const admin = await setupAdmin(t)
  const officerA = await loginAs(t, admin, 'officer', 'officerA')
  const officerB = await loginAs(t, admin, 'officer', 'officerB')
  const manager = await loginAs(t, admin, 'manager', 'manager1')
  const a = userId(t, 'officerA')
  const b = userId(t, 'officerB')
  const db = t.backend.env.sqlite
  const loan = async (token: string, officerId: number, village: string, opts: Omit<LoanSeed, 'officerId'>) => {
    const { loanId } = insertLoan(t, { ...opts, officerId })
    db.prepare('update borrowers set village = ? where id = (select borrower_id from loans where id = ?)').run(
      village,
      loanId,
    )
    await t.call('servicing.createPlan', { loanId }, token)
    return loanId
  }
  const base = { principal: 1_200_000, annualRate: '6', termMonths: 12, method: 'equal_principal' as const }
  const payFive = async (loanId: number, token: string) => {
    const rows = (await t.call('servicing.getPlan', { loanId }, token)).versions[0]!.rows
    for (const r of rows.slice(0, 5)) {
      await t.call(
        'servicing.postRepayment',
        { loanId, paidDate: r.dueDate, amount: r.principal + r.interest, channel: 'cash' },
        token,
      )
    }
  }
  const L1 = await loan(officerA, a, '东村', { ...base, disbursementDate: '2025-01-10' })
  const L2 = await loan(officerA, a, '东村', { ...base, disbursementDate: '2025-01-10' })
  const L3 = await loan(officerB, b, '西村', { ...base, disbursementDate: '2025-05-20' })
  const L5 = await loan(officerA, a, '东村', { ...base, disbursementDate: '2024-01-10' })
  db.prepare("update loans set product = '农户联保贷款' where id = ?").run(L5)
  const L6 = await loan(officerB, b, '西村', {
    ...base,
    termMonths: 3,
    method: 'bullet',
    disbursementDate: '2025-01-10',
  })
  const L7 = await loan(officerA, a, '西村', { ...base, disbursementDate: '2025-01-10' })
  const L8 = await loan(officerB, b, '东村', { ...base, disbursementDate: '2025-01-10' })
  const L9 = await loan(officerB, b, '东村', { ...base, disbursementDate: '2025-01-10' })
  const L10 = await loan(officerA, a, '西村', { ...base, disbursementDate: '2025-01-10' })
  for (const [id, token] of [
    [L1, officerA],
    [L7, officerA],
    [L8, officerB],
    [L9, officerB],
    [L10, officerA],
  ] as const) {
    await payFive(id, token)
  }
  await t.call(
    'servicing.postRepayment',
    { loanId: L6, paidDate: '2025-05-15', amount: 1_300_000, channel: 'cash', overpayment: 'credit' },
    officerB,
  )
  // Approved decisions written straight (the propose/decide workflow and its floor check as of the
  // day are risk-classification's tests; the app's clock is in 2026 here, these days are in 2025).
  const manager1 = userId(t, 'manager1')
  const decide = (loanId: number, category: Cat, on: string) =>
    db
      .prepare(
        `insert into classification_proposals (loan_id, from_category, category, suggested, floor, reason, status,
        proposed_by, proposed_at, decided_by, decided_at, decided_on)
        values (?, 'normal', ?, 'normal', 'normal', '测试：人工认定', 'approved', ?, ?, ?, ?, ?)`,
      )
      .run(loanId, category, a, `${on}T01:00:00.000Z`, manager1, `${on}T02:00:00.000Z`, on)
  decide(L7, 'special_mention', '2025-03-15')
  decide(L8, 'substandard', '2025-05-20')
  decide(L9, 'doubtful', '2025-07-05')
  decide(L10, 'special_mention', '2025-02-20')
  decide(L10, 'substandard', '2025-06-10')
  decide(L2, 'special_mention', '2025-04-15')
  decide(L6, 'doubtful', '2025-04-20')
  decide(L3, 'substandard', '2025-06-25')
  return { manager, officerA, officerB, a, b, L1, L2, L3, L5, L6, L7, L8, L9, L10 }
}

/** Snapshot rows of a date as the per-loan computation reads them (plain SQL, newest snapshot). */
function rowsOf(asOf: string) {
  return t.backend.env.sqlite
    .prepare(
      `select r.loan_id, r.min_category, r.category, r.bucket, r.dpd, r.outstanding_principal, l.officer_id, l.product, b.village
      from portfolio_snapshot_rows r join loans l on l.id = r.loan_id join borrowers b on b.id = l.borrower_id
      where r.snapshot_id = (select max(id) from portfolio_snapshots where as_of = ?) and r.outstanding_principal > 0`,
    )
    .all(asOf) as {
    loan_id: number
    min_category: Cat
    category: Cat | null
    bucket: string
    dpd: number
    outstanding_principal: number
    officer_id: number
    product: string
    village: string
  }[]
}

/** A loan's category on `asOf`: last approved decision by then, else recorded, else floor; never below the floor. */
function categoryOn(asOf: string, loanId: number, floor: Cat, recorded: Cat | null): Cat {
  const d = t.backend.env.sqlite
    .prepare(
      `select category from classification_proposals where loan_id = ? and status = 'approved' and decided_on <= ?
      order by id desc limit 1`,
    )
    .get(loanId, asOf) as { category: Cat } | undefined
  const c = d?.category ?? recorded ?? floor
  return CATS.indexOf(c) >= CATS.indexOf(floor) ? c : floor
}

function expectedQuality(asOf: string, keep: (r: ReturnType<typeof rowsOf>[number]) => boolean = () => true) {
  const byCategory = CATS.map((category) => ({ category, count: 0, balance: 0 }))
  const byBucket = BUCKETS.map((bucket) => ({ bucket, count: 0, balance: 0 }))
  const total = { count: 0, balance: 0 }
  for (const r of rowsOf(asOf).filter(keep)) {
    const c = byCategory.find((x) => x.category === categoryOn(asOf, r.loan_id, r.min_category, r.category))!
    const b = byBucket.find((x) => x.bucket === r.bucket)!
    for (const x of [c, b, total]) {
      x.count++
      x.balance += r.outstanding_principal
    }
  }
  const npl = byCategory.slice(2).reduce((s, c) => s + c.balance, 0)
  // 4 places, half-up, from integers: npl·10⁴ ÷ total rounded.
  const nplRatio = total.balance === 0 ? '0.0000' : (Math.round((npl * 10_000) / total.balance) / 10_000).toFixed(4)
  return { asOf, total, byCategory, byBucket, nplRatio }
}

function expectedMigration(from: string, to: string, officerId?: number) {
  const mine = (r: { officer_id: number }) => officerId === undefined || r.officer_id === officerId
  const before = new Map(
    rowsOf(from)
      .filter(mine)
      .map((r) => [r.loan_id, categoryOn(from, r.loan_id, r.min_category, r.category)] as const),
  )
  const cells = new Map<string, { from: string; to: string; count: number; balance: number }>()
  const add = (f: string, to: string, balance: number) => {
    const c = cells.get(`${f}>${to}`) ?? { from: f, to, count: 0, balance: 0 }
    c.count++
    c.balance += balance
    cells.set(`${f}>${to}`, c)
  }
  for (const r of rowsOf(to).filter(mine)) {
    add(before.get(r.loan_id) ?? 'new', categoryOn(to, r.loan_id, r.min_category, r.category), r.outstanding_principal)
    before.delete(r.loan_id)
  }
  for (const c of before.values()) add(c, 'closed', 0)
  const rank = (s: string) => STATES.indexOf(s as (typeof STATES)[number])
  return { rows: [...cells.values()].sort((x, y) => rank(x.from) - rank(y.from) || rank(x.to) - rank(y.to)) }
}

describe('reports from month-end snapshots, grouped in SQL (issue 15, county speed)', () => {
  it('equal the live evaluation and a per-loan computation, with decisions in force and loans moving', async () => {
    const p = await portfolio()
    const inputs = [
      { asOf: TO },
      { asOf: FROM },
      { asOf: TO, village: '东村' },
      { asOf: TO, village: '西村', officerId: p.a },
      { asOf: FROM, product: '农户联保贷款' },
      { asOf: TO, officerId: p.b },
    ]
    const ask = async () => ({
      quality: await Promise.all(inputs.map((i) => t.call('reports.quality', i, p.manager))),
      own: await t.call('reports.quality', { asOf: TO }, p.officerB),
      migration: await t.call('reports.migration', { from: FROM, to: TO }, p.manager),
      ownMigration: await t.call('reports.migration', { from: FROM, to: TO }, p.officerA),
      monthly: await t.call('reports.monthly', { month: '2025-06' }, p.manager),
    })
    const live = await ask()
    for (const asOf of [FROM, MID, TO]) await t.call('servicing.snapshot', { asOf }, p.manager)
    const fromSnapshots = await ask()
    expect(fromSnapshots).toEqual(live)

    // The per-loan computation over the snapshot rows gives the same figures.
    const keepOf = (i: (typeof inputs)[number]) => (r: ReturnType<typeof rowsOf>[number]) =>
      (i.village === undefined || r.village === i.village) &&
      (i.product === undefined || r.product === i.product) &&
      (i.officerId === undefined || r.officer_id === i.officerId)
    for (const [k, i] of inputs.entries()) expect(fromSnapshots.quality[k]).toEqual(expectedQuality(i.asOf, keepOf(i)))
    expect(fromSnapshots.own).toEqual(expectedQuality(TO, (r) => r.officer_id === p.b))
    expect(fromSnapshots.migration).toEqual(expectedMigration(FROM, TO))
    expect(fromSnapshots.ownMigration).toEqual(expectedMigration(FROM, TO, p.a))
    expect(fromSnapshots.monthly.quality).toEqual(expectedQuality(TO))
    expect(fromSnapshots.monthly.previous).toEqual(expectedQuality(MID))
    expect(fromSnapshots.monthly.migration).toEqual(expectedMigration(MID, TO))

    // By hand, the decided loans' cells: L8 正常 → 次级 (decided 05-20), L10 关注 → 次级 (the later
    // decision), L7 关注 → 关注, L6 可疑 → closed, L3 new → 次级; L9's decision (07-05) is not yet in
    // force. L2: 关注 (decision = floor on 04-30) → 次级 (floor 140 DPD beats the 关注 decision).
    // 正常 → 正常 is L1 and L9 at 700,000 each; 关注 → 次级 is L2 (1,200,000) and L10 (700,000).
    expect(fromSnapshots.migration.rows).toEqual([
      { from: 'new', to: 'substandard', count: 1, balance: 1_200_000 },
      { from: 'normal', to: 'normal', count: 2, balance: 1_400_000 },
      { from: 'normal', to: 'substandard', count: 1, balance: 700_000 },
      { from: 'special_mention', to: 'special_mention', count: 1, balance: 700_000 },
      { from: 'special_mention', to: 'substandard', count: 2, balance: 1_900_000 },
      { from: 'doubtful', to: 'closed', count: 1, balance: 0 },
      { from: 'loss', to: 'loss', count: 1, balance: 1_200_000 },
    ])
    // Loans of concern on 06-30 (overdue only): L5 损失 506 days, L2 次级 140, L3 次级 10 (decided).
    expect(fromSnapshots.monthly.concerns.map((c) => [c.loanId, c.category, c.dpd])).toEqual([
      [p.L5, 'loss', 506],
      [p.L2, 'substandard', 140],
      [p.L3, 'substandard', 10],
    ])
  })

  it('reads the category a month-end run recorded, never below the floor; a decision still wins', async () => {
    const p = await portfolio()
    for (const asOf of [FROM, TO]) await t.call('servicing.snapshot', { asOf }, p.manager)
    // What the risk month-end run records beside the floor: L1 关注 (above its 正常 floor), L5 正常
    // (below its 损失 floor: the floor wins), L8 可疑 on 06-30 (the 次级 decision wins).
    const db = t.backend.env.sqlite
    const record = (loanId: number, asOf: string, category: Cat) =>
      db
        .prepare(
          `update portfolio_snapshot_rows set category = ? where loan_id = ?
          and snapshot_id = (select max(id) from portfolio_snapshots where as_of = ?)`,
        )
        .run(category, loanId, asOf)
    record(p.L1, TO, 'special_mention')
    record(p.L5, FROM, 'normal')
    record(p.L8, TO, 'doubtful')
    for (const i of [{ asOf: TO }, { asOf: FROM }, { asOf: TO, village: '东村' }]) {
      expect(await t.call('reports.quality', i, p.manager)).toEqual(
        expectedQuality(i.asOf, (r) => i.village === undefined || r.village === i.village),
      )
    }
    const m = await t.call('reports.migration', { from: FROM, to: TO }, p.manager)
    expect(m).toEqual(expectedMigration(FROM, TO))
    // By hand: L1 now 正常 → 关注 (700,000); L8 正常 → 次级 as before; L5 损失 → 损失.
    expect(m.rows).toContainEqual({ from: 'normal', to: 'special_mention', count: 1, balance: 700_000 })
    expect(m.rows).toContainEqual({ from: 'loss', to: 'loss', count: 1, balance: 1_200_000 })
    const q = await t.call('reports.quality', { asOf: TO }, p.manager)
    // 06-30 categories: 正常 L9 (700,000); 关注 L1, L7 (1,400,000); 次级 L2, L3, L8, L10
    // (1,200,000 + 1,200,000 + 700,000 + 700,000 = 3,800,000); 损失 L5 (1,200,000). Total 7,100,000;
    // NPL (3,800,000 + 1,200,000) ÷ 7,100,000 = 0.704225… → 0.7042.
    expect(q.byCategory.map((c) => [c.category, c.count, c.balance])).toEqual([
      ['normal', 1, 700_000],
      ['special_mention', 2, 1_400_000],
      ['substandard', 4, 3_800_000],
      ['doubtful', 0, 0],
      ['loss', 1, 1_200_000],
    ])
    expect(q.nplRatio).toBe('0.7042')
  })
})
