// Form state of an inspection record ⇄ the API's input/view (amounts typed in 元, stored in 分).
import type { Input, InspectionView } from '@shared/api'
import { formatFen, parseYuan } from '@shared/domain'

type SaveInput = Input<'inspections.saveDraft'>

/** What the form edits: strings for text inputs, as typed. */
export interface RecordForm {
  type: SaveInput['type']
  inspectedOn: string
  method: SaveInput['method']
  fundUse: string
  fundUsedAmount: string
  fundEvidence: string
  businessStatus: string
  incomeStatus: string
  repaymentSource: string
  guarantorId: string
  guarantorStatus: string
  collateralId: string
  collateralStatus: string
  revaluedAmount: string
  signals: string[]
  conclusion: string
  proposedCategory: string
  nextDate: string
}

/** An empty form for a loan, of the type the calendar asked for. */
export function emptyForm(type: SaveInput['type'], today: string): RecordForm {
  return {
    type,
    inspectedOn: today,
    method: 'home_visit',
    fundUse: '',
    fundUsedAmount: '',
    fundEvidence: '',
    businessStatus: '',
    incomeStatus: '',
    repaymentSource: '',
    guarantorId: '',
    guarantorStatus: '',
    collateralId: '',
    collateralStatus: '',
    revaluedAmount: '',
    signals: [],
    conclusion: '',
    proposedCategory: '',
    nextDate: '',
  }
}

const yuan = (fen: number | null) => (fen === null ? '' : formatFen(fen).replace(/,/g, ''))

/** A stored record back into the form. */
export function formOf(v: InspectionView): RecordForm {
  return {
    type: v.type,
    inspectedOn: v.inspectedOn,
    method: v.method,
    fundUse: v.fundUse ?? '',
    fundUsedAmount: yuan(v.fundUsedAmount),
    fundEvidence: v.fundEvidence ?? '',
    businessStatus: v.businessStatus ?? '',
    incomeStatus: v.incomeStatus ?? '',
    repaymentSource: v.repaymentSource ?? '',
    guarantorId: v.guarantorId ? String(v.guarantorId) : '',
    guarantorStatus: v.guarantorStatus ?? '',
    collateralId: v.collateralId ? String(v.collateralId) : '',
    collateralStatus: v.collateralStatus ?? '',
    revaluedAmount: yuan(v.revaluedAmount),
    signals: v.signals,
    conclusion: v.conclusion ?? '',
    proposedCategory: v.proposedCategory ?? '',
    nextDate: v.nextDate ?? '',
  }
}

const opt = (s: string) => (s.trim() === '' ? null : s.trim())
const money = (s: string) => (s.trim() === '' ? null : parseYuan(s.trim()))

/** The API input (throws a DomainError on a malformed amount). */
export function inputOf(f: RecordForm, loanId: number, id: number | undefined): SaveInput {
  return {
    ...(id ? { id } : {}),
    loanId,
    type: f.type,
    inspectedOn: f.inspectedOn,
    method: f.method,
    fundUse: f.type === 'first' ? (opt(f.fundUse) as SaveInput['fundUse']) : null,
    fundUsedAmount: f.type === 'first' ? money(f.fundUsedAmount) : null,
    fundEvidence: f.type === 'first' ? opt(f.fundEvidence) : null,
    businessStatus: opt(f.businessStatus),
    incomeStatus: opt(f.incomeStatus),
    repaymentSource: opt(f.repaymentSource),
    guarantorId: f.guarantorId ? Number(f.guarantorId) : null,
    guarantorStatus: opt(f.guarantorStatus),
    collateralId: f.collateralId ? Number(f.collateralId) : null,
    collateralStatus: opt(f.collateralStatus),
    revaluedAmount: money(f.revaluedAmount),
    signals: f.signals as SaveInput['signals'],
    conclusion: opt(f.conclusion),
    proposedCategory: (opt(f.proposedCategory) as SaveInput['proposedCategory']) ?? null,
    nextDate: opt(f.nextDate),
  }
}
