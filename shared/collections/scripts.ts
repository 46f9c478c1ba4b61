// Collection scripts (催收话术) per strategy step, with the loan's figures filled in.
import type { Step } from './strategy'

/** Placeholders a script may use. */
export const SCRIPT_FIELDS = ['borrower', 'contractNo', 'dueDate', 'dpd', 'overdueTotal', 'lender', 'officer'] as const
export type ScriptFields = Record<(typeof SCRIPT_FIELDS)[number], string>

/** Seed scripts; editable in settings. Wording avoids threats and disclosure to others (DOMAIN §12). */
export const DEFAULT_SCRIPTS: Record<Step, string> = {
  none: '',
  reminder:
    '{borrower}您好，我是{lender}信贷员{officer}。您的贷款（合同 {contractNo}）将于 {dueDate} 到期还款，请提前备好资金。谢谢！',
  phone:
    '{borrower}您好，我是{lender}信贷员{officer}。您的贷款（合同 {contractNo}）已逾期 {dpd} 天，截至今天应还 {overdueTotal}。请问您哪天能还上？逾期会产生罚息并影响征信。',
  notice_visit:
    '{borrower}您好，我是{lender}信贷员{officer}，今天上门送达催收通知书。您的贷款（合同 {contractNo}）已逾期 {dpd} 天，应还 {overdueTotal}，请在通知书规定的期限内归还，并在回执上签字按印。',
  legal_review:
    '{borrower}您好，我是{lender}信贷员{officer}。您的贷款（合同 {contractNo}）已逾期 {dpd} 天，应还 {overdueTotal}。如仍不归还，本社将依法提起诉讼。请尽快与我们联系协商还款。',
}

/** Fills `{field}` placeholders; unknown placeholders stay as written. */
export function fillScript(template: string, f: ScriptFields): string {
  return template.replace(/\{(\w+)\}/g, (all, k: string) => (k in f ? f[k as keyof ScriptFields] : all))
}
