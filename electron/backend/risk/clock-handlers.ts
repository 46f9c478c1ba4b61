// 诉讼时效 / 保证期间 clocks of a loan, the limitation board, and recording what restarts a clock.
import { AppError } from '../../../shared/api'
import type { ClocksView } from '../../../shared/api'
import { daysBetween, formatFen } from '../../../shared/domain'
import type { Ctx, Handlers } from '../context'
import { caller, scopeOfficer } from '../scope'
import { loadLoan } from '../servicing/core'
import { expiryOf, guaranteeClock } from './clocks'
import {
  guaranteeInputs,
  insertConsent,
  insertLimitationEvent,
  latestExtension,
  limitationInputs,
  limitationRestarts,
} from './inputs-repo'
import { loansForBoard } from './board-repo'

const CHANNEL = { cash: '现金', transfer: '转账', payroll: '代扣', other: '其他' } as Record<string, string>
const EVENT = {
  demand_signed: '签收催收通知',
  acknowledgement: '债务人书面承认',
  public_notice: '公告催收',
  guarantor_demand: '向保证人主张',
} as Record<string, string>

async function clocks(ctx: Ctx, loanId: number, asOf: string): Promise<ClocksView> {
  const head = loadLoan(ctx, loanId)
  const inp = (await limitationInputs(ctx.db, asOf, loanId))[0] ?? {
    loanId,
    lastDue: null,
    lastPaid: null,
    lastEvent: null,
  }
  const expiry = expiryOf(inp)
  const { pays, events } = await limitationRestarts(ctx.db, loanId, asOf)
  const from = inp.lastDue ?? '9999-12-31'
  const restarts = [
    // Only what happens after the last installment fell due restarts the running period.
    ...pays
      .filter((p) => p.paid_date >= from)
      .map((p) => ({
        date: p.paid_date,
        kind: p.channel === 'payroll' ? 'auto_debit' : 'part_payment',
        evidence: `收据 ${p.receipt_no}，${CHANNEL[p.channel] ?? p.channel} ${formatFen(p.amount)} 元`,
      })),
    ...events
      .filter((e) => e.guarantor_id === null)
      .map((e) => ({ date: e.occurred_on, kind: e.kind, evidence: `${EVENT[e.kind] ?? e.kind}：${e.evidence}` })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  const guarantees = (await guaranteeInputs(ctx.db, loanId)).map((g) => {
    const c = guaranteeClock(g)
    return {
      guarantorId: g.guarantorId,
      name: g.name,
      mode: g.mode,
      principalDueDate: c.principalDueDate,
      periodEnd: c.periodEnd,
      daysLeft: daysBetween(asOf, c.periodEnd),
      demandedOn: g.demandedOn,
      guarantorLimitationExpiry: c.guarantorLimitationExpiry,
    }
  })
  return {
    loanId,
    contractNo: head.contractNo,
    borrowerName: head.borrowerName,
    asOf,
    lastDueDate: inp.lastDue,
    limitationExpiry: expiry,
    daysLeft: expiry ? daysBetween(asOf, expiry) : null,
    restarts,
    guarantees,
  }
}

export const clockHandlers = {
  'risk.clocks': async (ctx, input) => clocks(ctx, input.loanId, input.asOf),

  'risk.limitationBoard': async (ctx, input) => {
    const inputs = await limitationInputs(ctx.db, input.asOf)
    const due: { loanId: number; expiry: string; daysLeft: number; lastDue: string; lastRestart: string | null }[] = []
    for (const i of inputs) {
      const expiry = expiryOf(i)
      if (!expiry || !i.lastDue) continue
      const daysLeft = daysBetween(input.asOf, expiry)
      if (daysLeft > input.withinDays) continue
      const restart =
        [i.lastPaid, i.lastEvent]
          .filter((d): d is string => d !== null && d >= i.lastDue!)
          .sort()
          .pop() ?? null
      due.push({ loanId: i.loanId, expiry, daysLeft, lastDue: i.lastDue, lastRestart: restart })
    }
    due.sort((a, b) => a.daysLeft - b.daysLeft || a.loanId - b.loanId)
    const heads = await loansForBoard(
      ctx.db,
      due.map((d) => d.loanId),
      scopeOfficer(ctx),
    )
    const out = []
    for (const d of due) {
      const h = heads.get(d.loanId)
      if (!h) continue
      out.push({
        loanId: d.loanId,
        contractNo: h.contractNo,
        borrowerName: h.borrowerName,
        officerName: h.officerName,
        lastDueDate: d.lastDue,
        lastRestart: d.lastRestart,
        expiry: d.expiry,
        daysLeft: d.daysLeft,
      })
      if (out.length >= input.limit) break
    }
    return out
  },

  'risk.recordInterruption': async (ctx, input) => {
    const head = loadLoan(ctx, input.loanId)
    if (input.occurredOn > ctx.today())
      throw new AppError('VALIDATION', '日期不能晚于今天', [{ path: 'occurredOn', message: '日期不能晚于今天' }])
    let guarantorName = ''
    if (input.kind === 'guarantor_demand') {
      const g = (await guaranteeInputs(ctx.db, head.id)).find((x) => x.guarantorId === input.guarantorId)
      if (!g)
        throw new AppError('VALIDATION', '请选择本笔贷款的保证人', [{ path: 'guarantorId', message: '请选择保证人' }])
      guarantorName = `（保证人 ${g.name}）`
    }
    await insertLimitationEvent(ctx.db, {
      loanId: head.id,
      guarantorId: input.kind === 'guarantor_demand' ? input.guarantorId! : null,
      kind: input.kind,
      on: input.occurredOn,
      evidence: input.evidence,
      by: caller(ctx).userId,
      now: ctx.nowIso(),
    })
    ctx.audit({
      entity: 'loan',
      entityId: head.id,
      summary: `登记${EVENT[input.kind]}${guarantorName}：合同 ${head.contractNo}（${head.borrowerName}）${input.occurredOn}；证据：${input.evidence}`,
    })
    return clocks(ctx, head.id, ctx.today())
  },

  'risk.recordConsent': async (ctx, input) => {
    const head = loadLoan(ctx, input.loanId)
    const ext = await latestExtension(ctx.db, head.id)
    if (!ext) throw new AppError('CONFLICT', `贷款 ${head.contractNo} 没有展期记录`)
    const g = (await guaranteeInputs(ctx.db, head.id)).find((x) => x.guarantorId === input.guarantorId)
    if (!g)
      throw new AppError('VALIDATION', '请选择本笔贷款的保证人', [{ path: 'guarantorId', message: '请选择保证人' }])
    await insertConsent(ctx.db, {
      versionId: ext.id,
      guarantorId: g.guarantorId,
      consented: input.consented,
      on: input.recordedOn,
      evidence: input.evidence,
      by: caller(ctx).userId,
      now: ctx.nowIso(),
    })
    ctx.audit({
      entity: 'loan',
      entityId: head.id,
      summary: `登记保证人 ${g.name} ${input.consented ? '书面同意' : '不同意'}第 ${ext.version} 版展期：合同 ${head.contractNo}（${head.borrowerName}）${input.recordedOn}；证据：${input.evidence}`,
    })
    return { ok: true as const }
  },
} satisfies Partial<Handlers>
