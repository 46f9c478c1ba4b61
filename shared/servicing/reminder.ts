// Texts officers copy into a phone call or SMS (DOMAIN §12: no threats, no third parties).
import { amountInWords, formatFen } from '../domain'

/** Reminder text for an installment due soon: amount in figures and 大写, due date, lender. */
export function reminderText(i: {
  readonly borrowerName: string
  readonly dueDate: string
  readonly amount: number
  readonly orgName: string
  readonly contractNo: string
}): string {
  const [y, m, d] = i.dueDate.split('-')
  return (
    `【${i.orgName}】${i.borrowerName}您好：您的贷款（合同号 ${i.contractNo}）将于${y}年${Number(m)}月${Number(d)}日到期应还` +
    `人民币 ${formatFen(i.amount)} 元（${amountInWords(i.amount)}），请按时存入还款账户或到网点办理。如已还款请忽略。`
  )
}

/** Reminder text for arrears (逾期): what is owed today, since when, and a request to pay. */
export function overdueReminderText(i: {
  readonly borrowerName: string
  readonly oldestDueDate: string
  readonly amount: number
  readonly orgName: string
  readonly contractNo: string
}): string {
  const [y, m, d] = i.oldestDueDate.split('-')
  return (
    `【${i.orgName}】${i.borrowerName}您好：您的贷款（合同号 ${i.contractNo}）自${y}年${Number(m)}月${Number(d)}日起逾期，截至今日应还` +
    `人民币 ${formatFen(i.amount)} 元（${amountInWords(i.amount)}），逾期将按合同计收罚息，请尽快还款。如已还款请忽略。`
  )
}
