// Collections (催收) handlers: worklist, contact log with the hours rule, promises, flags, settings.
import { AppError } from '../../../shared/api'
import { demandAmounts, fillScript, nextStep, parseHours, withinHours } from '../../../shared/collections'
import { formatFen } from '../../../shared/domain'
import type { Ctx, Handlers } from '../context'
import { caller } from '../scope'
import { evaluate, loadContext, loadLoan, mustDate, orgName, yuan } from '../servicing/core'
import {
  flagOf,
  guarantorNames,
  insertContact,
  insertPromise,
  listContacts,
  loanParties,
  setFlag,
} from './collections-repo'
import { CHANNEL_LABELS, OUTCOME_LABELS, PARTY_LABELS } from './labels'
import { latestPromise, promisesWithStatus } from './promises'
import { loadSettings, saveSettings } from './settings'
import { buildWorklist, buildWorklistIds } from './worklist'

/** Contacts in person or by phone/SMS happen "now" and must respect the hours (DOMAIN §12). */
const TIMED_CHANNELS = new Set(['phone', 'sms', 'visit'])

async function checkHours(ctx: Ctx, channel: string): Promise<void> {
  if (!TIMED_CHANNELS.has(channel)) return
  const window = (await loadSettings(ctx.db)).contactHours
  const now = ctx.env.now()
  if (!withinHours(window, now.getHours(), now.getMinutes())) {
    const hhmm = `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`
    throw new AppError(
      'VALIDATION',
      `现在是 ${hhmm}，不在允许的催收联系时段（${window}）内：催收须在合理时间进行，请在时段内再联系`,
      [{ path: 'channel', message: `允许时段 ${window}` }],
    )
  }
}

export const collectionHandlers = {
  'collections.worklist': (ctx, input) => buildWorklist(ctx, input),
  'collections.worklistIds': async (ctx, input) => ({ loanIds: await buildWorklistIds(ctx, input) }),

  'collections.loan': async (ctx, input) => {
    const head = loadLoan(ctx, input.loanId)
    const asOf = input.asOf ?? ctx.today()
    const e = evaluate(ctx, loadContext(ctx, head, asOf), asOf)
    const [flags, settings, promises, parties, guarantors] = await Promise.all([
      flagOf(ctx.db, head.id),
      loadSettings(ctx.db),
      promisesWithStatus(ctx.db, [head.id], asOf),
      loanParties(ctx.db, [head.id]),
      guarantorNames(ctx.db, head.id),
    ])
    const accelerated = Boolean(flags.acceleratedOn && flags.acceleratedOn <= asOf)
    const amounts = demandAmounts(e, accelerated)
    const broken = latestPromise(promises.get(head.id))?.status === 'broken'
    const step = nextStep(settings.strategy, {
      customerClass: parties.get(head.id)?.customerClass ?? null,
      bucket: e.bucket,
      brokenPromise: broken,
    })
    const script = fillScript(settings.scripts[step], {
      borrower: head.borrowerName,
      contractNo: head.contractNo,
      dueDate: e.earliestUnpaidDueDate ?? '',
      dpd: String(e.dpd),
      overdueTotal: `${formatFen(amounts.total)} 元`,
      lender: orgName(ctx),
      officer: parties.get(head.id)?.officerName ?? '',
    })
    return {
      loanId: head.id,
      asOf,
      dpd: e.dpd,
      bucket: e.bucket,
      amounts,
      step,
      script,
      brokenPromise: broken,
      ...flags,
      parties: [
        { party: 'borrower' as const, name: head.borrowerName },
        ...guarantors.map((name) => ({ party: 'guarantor' as const, name })),
      ],
    }
  },

  'collections.logContact': async (ctx, input) => {
    const head = loadLoan(ctx, input.loanId)
    if (input.party === 'other' && (!input.reason || input.reason.length < 2 || !input.partyName)) {
      throw new AppError(
        'VALIDATION',
        '联系借款人、共同借款人、保证人以外的人，须填写其姓名和联系原因（不得向无关第三人催收或透露债务）',
        [{ path: input.partyName ? 'reason' : 'partyName', message: '请填写联系对象姓名和原因' }],
      )
    }
    await checkHours(ctx, input.channel)
    const now = ctx.nowIso()
    const id = await insertContact(ctx.db, {
      loanId: head.id,
      contactAt: now,
      contactDate: ctx.today(),
      channel: input.channel,
      party: input.party,
      partyName: input.partyName ?? null,
      reason: input.reason ?? null,
      flagged: input.party === 'other',
      outcome: input.outcome,
      note: input.note ?? null,
      createdBy: caller(ctx).userId,
      createdAt: now,
    })
    const who = `${PARTY_LABELS[input.party]}${input.partyName ? ` ${input.partyName}` : ''}`
    ctx.audit({
      entity: 'loan',
      entityId: head.id,
      summary: `催收联系：合同 ${head.contractNo}（${head.borrowerName}），${CHANNEL_LABELS[input.channel]}联系${who}，结果：${OUTCOME_LABELS[input.outcome]}${input.party === 'other' ? `；联系第三人已标记，原因：${input.reason}` : ''}`,
    })
    return (await listContacts(ctx.db, head.id)).find((c) => c.id === id)!
  },

  'collections.contacts': async (ctx, input) => listContacts(ctx.db, loadLoan(ctx, input.loanId).id),

  'collections.promise': async (ctx, input) => {
    const head = loadLoan(ctx, input.loanId)
    const today = ctx.today()
    const madeOn = input.madeOn ?? today
    mustDate(madeOn <= today, 'madeOn', '承诺日期不能晚于今天')
    mustDate(madeOn >= head.disbursementDate, 'madeOn', '承诺日期不能早于放款日')
    mustDate(input.promisedOn >= madeOn, 'promisedOn', '承诺还款日不能早于作出承诺的日期')
    const id = await insertPromise(ctx.db, {
      loanId: head.id,
      madeOn,
      promisedOn: input.promisedOn,
      amount: input.amount,
      createdBy: caller(ctx).userId,
      createdAt: ctx.nowIso(),
    })
    ctx.audit({
      entity: 'loan',
      entityId: head.id,
      summary: `登记还款承诺：合同 ${head.contractNo}（${head.borrowerName}）${madeOn} 承诺于 ${input.promisedOn} 前还款 ${yuan(input.amount)}`,
    })
    return { id }
  },

  'collections.promises': async (ctx, input) => {
    const head = loadLoan(ctx, input.loanId)
    return (await promisesWithStatus(ctx.db, [head.id], input.asOf ?? ctx.today())).get(head.id) ?? []
  },

  'collections.declareDue': async (ctx, input) => {
    const head = loadLoan(ctx, input.loanId)
    mustDate(input.date <= ctx.today(), 'date', '宣布提前到期日期不能晚于今天')
    await setFlag(ctx.db, head.id, 'accelerated', input.date, input.reason, caller(ctx).userId, ctx.nowIso())
    ctx.audit({
      entity: 'loan',
      entityId: head.id,
      summary: `宣布贷款提前到期：合同 ${head.contractNo}（${head.borrowerName}）自 ${input.date} 起全部本息到期；原因：${input.reason}`,
    })
    return { ok: true as const }
  },

  'collections.referLitigation': async (ctx, input) => {
    const head = loadLoan(ctx, input.loanId)
    mustDate(input.date <= ctx.today(), 'date', '移交诉讼日期不能晚于今天')
    await setFlag(ctx.db, head.id, 'litigation', input.date, input.reason, caller(ctx).userId, ctx.nowIso())
    ctx.audit({
      entity: 'loan',
      entityId: head.id,
      summary: `移交诉讼：合同 ${head.contractNo}（${head.borrowerName}）${input.date}；原因：${input.reason}`,
    })
    return { ok: true as const }
  },

  'collections.settings': async (ctx) => loadSettings(ctx.db),

  'collections.saveSettings': async (ctx, input) => {
    if (!parseHours(input.contactHours)) {
      throw new AppError('VALIDATION', '联系时段无效：开始时间须早于结束时间，如 08:00-21:00', [
        { path: 'contactHours', message: '时段无效' },
      ])
    }
    await saveSettings(ctx.db, input)
    ctx.audit({
      entity: 'settings',
      entityId: 'collections',
      summary: `修改催收设置：联系时段 ${input.contactHours}，到期提醒 ${input.dueSoonDays} 天，催收策略和话术${input.fontPath ? `，通知书字体 ${input.fontPath}` : ''}`,
    })
    return loadSettings(ctx.db)
  },
} satisfies Partial<Handlers>
