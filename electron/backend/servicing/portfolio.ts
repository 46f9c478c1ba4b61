// Portfolio evaluation as of a date (read by warnings, classification, collections, reports),
// dated snapshots, the due-soon list with reminder texts, and the contact log.
import { AppError } from '../../../shared/api'
import type { EvaluationTotals, PortfolioView } from '../../../shared/api/servicing'
import { BUCKETS, CATEGORIES, DEFAULT_ALLOCATION_ORDER, addDays } from '../../../shared/domain'
import { type LoanEvaluation, evaluateLoan, reminderText } from '../../../shared/servicing'
import type { Ctx, Handlers } from '../context'
import { stmt } from './servicing-repo'
import { seesPii } from '../scope'
import { maskPhone } from '../../../shared/archives'
import { type ScanFilter, scanPortfolio } from './scan-repo'
import { allocationOrder, evaluate, loadContext, loadLoan, officerScope, orgName, totalsOf, who, yuan } from './core'

/** Evaluates every loan of the filter as of its date; `visit` sees each loan's evaluation (no rows kept). */
export function evaluateAll(ctx: Ctx, f: ScanFilter, visit: (loanId: number, e: LoanEvaluation) => void): void {
  const order = allocationOrder(ctx)
  const o = order === DEFAULT_ALLOCATION_ORDER ? {} : { order }
  scanPortfolio(ctx.env.sqlite, f, (l) => {
    visit(l.id, evaluateLoan({ rows: l.rows, payments: l.payments, annualRate: l.annualRate, markupPercent: l.markup, startDate: l.startDate, asOf: f.asOf, restructuredOn: l.restructuredOn, ...o }))
  })
}

/**
 * Stores replay checkpoints as of `asOf` (month-end): for each loan whose first installments are
 * settled in full with the rest untouched and no credit. Later scans replay only from there.
 */
export function refreshCheckpoints(ctx: Ctx, asOf: string): number {
  const order = allocationOrder(ctx)
  const found: [number, number, string, number][] = []
  scanPortfolio(ctx.env.sqlite, { asOf, officerId: null }, (l) => {
    const e = evaluateLoan({ rows: l.rows, payments: l.payments, annualRate: l.annualRate, markupPercent: l.markup, startDate: l.startDate, asOf, order, detail: true })
    if (e.credit !== 0) return
    const st = e.installments
    let k = 0
    while (k < st.length && st[k]!.status === 'paid' && st[k]!.seq !== Number.MAX_SAFE_INTEGER) k++
    if (k === 0) return
    for (let j = k; j < st.length; j++) {
      const r = st[j]!
      if (r.paidPrincipal + r.paidInterest + r.paidPenalty + r.paidCompound > 0) return
    }
    found.push([l.id, l.versionId, asOf, st[k - 1]!.seq])
  })
  // Written after the scan (no writes while its cursors are open); only for the loan's latest version.
  const up = stmt(ctx.env.sqlite, `insert into replay_checkpoints (loan_id, version_id, as_of, rows_settled)
    select @loan, @version, @asOf, @settled where not exists (select 1 from loan_plan_versions where loan_id = @loan and status = 'active' and id > @version)
    on conflict (loan_id) do update set version_id = excluded.version_id, as_of = excluded.as_of, rows_settled = excluded.rows_settled`)
  // One transaction (a savepoint inside the dispatcher's): never one commit per row.
  ctx.env.sqlite.transaction(() => {
    for (const [loan, version, at, settled] of found) up.run({ loan, version, asOf: at, settled })
  })()
  return found.length
}

function summarize(ctx: Ctx, asOf: string, top: number, officerId: number | null, keep?: (id: number, e: LoanEvaluation) => void): PortfolioView {
  const t0 = performance.now()
  const byBucket = new Map(BUCKETS.map((b) => [b, { bucket: b, loans: 0, outstandingPrincipal: 0 }]))
  const byCat = new Map(CATEGORIES.map((c) => [c, { category: c, loans: 0 }]))
  const v = { loans: 0, outstandingPrincipal: 0, overduePrincipal: 0, overdueInterest: 0, penaltyInterest: 0, compoundInterest: 0 }
  let worst: (EvaluationTotals & { loanId: number })[] = []
  evaluateAll(ctx, { asOf, officerId }, (id, e) => {
    v.loans++
    v.outstandingPrincipal += e.outstandingPrincipal
    v.overduePrincipal += e.overduePrincipal
    v.overdueInterest += e.overdueInterest
    v.penaltyInterest += e.penaltyInterest
    v.compoundInterest += e.compoundInterest
    const b = byBucket.get(e.bucket)!
    b.loans++
    b.outstandingPrincipal += e.outstandingPrincipal
    byCat.get(e.minCategory)!.loans++
    if (top > 0 && e.dpd > 0 && (worst.length < top || e.dpd > worst[worst.length - 1]!.dpd)) {
      worst.push({ ...totalsOf(e), loanId: id })
      worst.sort((a, b) => b.dpd - a.dpd || a.loanId - b.loanId)
      if (worst.length > top) worst = worst.slice(0, top)
    }
    keep?.(id, e)
  })
  return { asOf, ...v, ms: performance.now() - t0, buckets: [...byBucket.values()], categories: [...byCat.values()], worst }
}

export const portfolioHandlers = {
  'servicing.evaluatePortfolio': async (ctx, input) => summarize(ctx, input.asOf, input.top, officerScope(ctx)),

  'servicing.snapshot': async (ctx, input) => {
    const sqlite = ctx.env.sqlite
    const ins = stmt(sqlite, `insert into portfolio_snapshot_rows (snapshot_id, loan_id, dpd, bucket, min_category, outstanding_principal,
      overdue_principal, overdue_interest, penalty_interest, compound_interest, payoff) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    const head = stmt(sqlite, `insert into portfolio_snapshots (as_of, loans, outstanding_principal, overdue_principal, created_by, created_at)
      values (?, 0, 0, 0, ?, ?)`).run(input.asOf, who(ctx).userId, ctx.nowIso())
    const id = Number(head.lastInsertRowid)
    // Rows are written after the scan: no writes while its cursors are open.
    const rows: (number | string)[][] = []
    const s = summarize(ctx, input.asOf, 0, null, (loanId, e) =>
      rows.push([id, loanId, e.dpd, e.bucket, e.minCategory, e.outstandingPrincipal, e.overduePrincipal, e.overdueInterest, e.penaltyInterest, e.compoundInterest, e.payoff]),
    )
    for (const r of rows) ins.run(...r)
    refreshCheckpoints(ctx, input.asOf)
    stmt(sqlite, 'update portfolio_snapshots set loans = ?, outstanding_principal = ?, overdue_principal = ? where id = ?').run(s.loans, s.outstandingPrincipal, s.overduePrincipal, id)
    ctx.audit({ entity: 'portfolio_snapshot', entityId: id, summary: `保存组合快照：截至 ${input.asOf}，${s.loans} 笔贷款，本金余额 ${yuan(s.outstandingPrincipal)}，逾期本金 ${yuan(s.overduePrincipal)}` })
    return { id, asOf: input.asOf, loans: s.loans, outstandingPrincipal: s.outstandingPrincipal, overduePrincipal: s.overduePrincipal, createdAt: ctx.nowIso() }
  },

  'servicing.listSnapshots': async (ctx) => {
    const rs = stmt(ctx.env.sqlite, 'select id, as_of, loans, outstanding_principal, overdue_principal, created_at from portfolio_snapshots order by as_of desc, id desc limit 200').raw().all() as unknown[][]
    return rs.map((r) => ({ id: r[0] as number, asOf: r[1] as string, loans: r[2] as number, outstandingPrincipal: r[3] as number, overduePrincipal: r[4] as number, createdAt: r[5] as string }))
  },

  'servicing.dueSoon': async (ctx, input) => {
    const scope = officerScope(ctx)
    if (scope !== null && input.officerId !== undefined && input.officerId !== scope) throw new AppError('FORBIDDEN', '只能查看本人管户的到期提醒')
    const officer = scope ?? input.officerId ?? null
    const until = addDays(input.asOf, input.days)
    const rs = stmt(ctx.env.sqlite, `select v.loan_id, i.seq, i.due_date from plan_installments i
      join loan_plan_versions v on v.id = i.plan_version_id join loans l on l.id = v.loan_id
      where i.due_date >= ? and i.due_date <= ? and v.status = 'active' and l.status = 'active' and (? is null or l.officer_id = ?)
        and v.version = (select max(version) from loan_plan_versions x where x.loan_id = v.loan_id and x.status = 'active')
      order by i.due_date, v.loan_id limit 500`).raw().all(input.asOf, until, officer, officer) as [number, number, string][]
    const org = orgName(ctx)
    const out = []
    for (const [loanId, seq, dueDate] of rs) {
      const head = loadLoan(ctx, loanId)
      const e = evaluate(ctx, loadContext(ctx, head, input.asOf), input.asOf)
      const row = e.installments.find((r) => r.seq === seq)
      if (!row) continue
      const arrears = e.overduePrincipal + e.overdueInterest + e.penaltyInterest + e.compoundInterest
      const amount = Math.max(0, row.principal + row.interest - row.paidPrincipal - row.paidInterest + arrears - e.credit)
      if (amount === 0) continue
      const last = stmt(ctx.env.sqlite, 'select contact_date from contact_log where loan_id = ? order by id desc limit 1').raw().get(loanId) as [string] | undefined
      out.push({
        loanId, contractNo: head.contractNo, borrowerName: head.borrowerName, phone: head.borrowerPhone && (seesPii(ctx) ? head.borrowerPhone : maskPhone(head.borrowerPhone)), officerId: head.officerId, seq, dueDate, amount,
        reminder: reminderText({ borrowerName: head.borrowerName, dueDate, amount, orgName: org, contractNo: head.contractNo }), lastContact: last?.[0] ?? null,
      })
    }
    return out
  },

  'servicing.logContact': async (ctx, input) => {
    const head = loadLoan(ctx, input.loanId)
    const info = stmt(ctx.env.sqlite, `insert into contact_log (loan_id, due_date, contact_date, channel, outcome, note, created_by, created_at)
      values (?, ?, ?, ?, ?, ?, ?, ?)`).run(head.id, input.dueDate ?? null, input.contactDate, input.channel, input.outcome, input.note ?? null, who(ctx).userId, ctx.nowIso())
    const labels = { phone: '电话', sms: '短信', visit: '上门', other: '其他' }
    ctx.audit({ entity: 'loan', entityId: head.id, summary: `联系记录：合同 ${head.contractNo}（${head.borrowerName}）${input.contactDate} ${labels[input.channel]}，${input.outcome}` })
    return contacts(ctx, head.id).find((c) => c.id === Number(info.lastInsertRowid))!
  },

  'servicing.listContacts': async (ctx, input) => contacts(ctx, loadLoan(ctx, input.loanId).id),
} satisfies Partial<Handlers>

function contacts(ctx: Ctx, loanId: number) {
  const rs = stmt(ctx.env.sqlite, `select c.id, c.loan_id, c.due_date, c.contact_date, c.channel, c.outcome, c.note, u.display_name, c.created_at
    from contact_log c left join users u on u.id = c.created_by where c.loan_id = ? order by c.id desc`).raw().all(loanId) as unknown[][]
  return rs.map((r) => ({
    id: r[0] as number, loanId: r[1] as number, dueDate: r[2] as string | null, contactDate: r[3] as string, channel: r[4] as string,
    outcome: r[5] as string, note: r[6] as string | null, createdBy: r[7] as string | null, createdAt: r[8] as string,
  }))
}
