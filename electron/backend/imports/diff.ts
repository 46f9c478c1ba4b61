import type { ImportKind } from '../../../shared/api'
import { maskPhone } from '../../../shared/archives'
import { formatFen } from '../../../shared/domain'
import type { Action } from './plan'

/** One field an import would change on an existing record, as people read it. */
export interface FieldChange {
  field: string
  from: string
  to: string
}
/** An existing record an import would change, named, with its fields old → new. */
export interface RecordChange {
  row: number
  id: number
  label: string
  fields: FieldChange[]
}

type Fmt = 'text' | 'money' | 'rate' | 'officer' | 'borrower' | 'phone' | Record<string, string>

const BORROWER_KIND = { individual: '个人', enterprise: '企业' }
const METHOD = {
  annuity: '等额本息',
  equal_principal: '等额本金',
  quarterly_interest: '按季结息',
  monthly_interest: '按月结息',
  bullet: '利随本清',
}
const GUARANTEE = { credit: '信用', guarantee: '保证', mortgage: '抵押', pledge: '质押' }

/** The columns people recognise, per kind, with their zh-CN label and how to show a value (derived columns are left out). */
const FIELDS: Record<ImportKind, Record<string, [string, Fmt]>> = {
  borrowers: {
    kind: ['类型', BORROWER_KIND],
    name: ['姓名/名称', 'text'],
    credit_code: ['统一社会信用代码', 'text'],
    phone: ['手机号', 'phone'],
    village: ['村', 'text'],
    village_group: ['组', 'text'],
    address: ['地址', 'text'],
    occupation: ['职业', 'text'],
    household_income: ['家庭年收入', 'money'],
    credit_rating: ['信用等级', 'text'],
    legal_rep: ['法定代表人', 'text'],
    business_scope: ['经营范围', 'text'],
    officer_id: ['管户信贷员', 'officer'],
  },
  loans: {
    borrower_id: ['借款人', 'borrower'],
    iou_no: ['借据号', 'text'],
    product: ['贷款产品', 'text'],
    principal: ['金额', 'money'],
    annual_rate: ['年利率', 'rate'],
    term_months: ['期限(月)', 'text'],
    method: ['还款方式', METHOD],
    disbursement_date: ['发放日', 'text'],
    maturity_date: ['到期日', 'text'],
    purpose: ['借款用途', 'text'],
    guarantee_type: ['担保方式', GUARANTEE],
    officer_id: ['责任人', 'officer'],
  },
  guarantors: {
    kind: ['保证人类型', { person: '个人', company: '企业' }],
    name: ['保证人名称', 'text'],
    phone: ['手机号', 'phone'],
    mode: ['保证方式', { general: '一般保证', joint: '连带责任保证' }],
    amount: ['保证金额', 'money'],
    period_start: ['保证期间起', 'text'],
    period_end: ['保证期间止', 'text'],
  },
  collaterals: {
    type: ['抵质押物类型', 'text'],
    description: ['描述', 'text'],
    owner_name: ['所有权人', 'text'],
    other_right_cert_no: ['他项权证号', 'text'],
    location: ['坐落位置', 'text'],
    appraised_value: ['评估价值', 'money'],
    appraised_on: ['评估日期', 'text'],
    insured: ['是否投保', { 1: '是', 0: '否' }],
  },
}

/** What the formatter needs to name people instead of showing ids. */
export interface Names {
  officers: Map<number, string>
  borrowers: Map<number, string>
  maskPii: boolean
}

/** A stored or imported value as shown to people: amounts `5,000.00 元`, labels for codes, names for ids; empty → （空）. */
function show(v: unknown, fmt: Fmt, names: Names): string {
  if (v === null || v === undefined || v === '') return '（空）'
  if (fmt === 'money') return `${formatFen(Number(v))} 元`
  if (fmt === 'rate') return `${String(v)}%`
  if (fmt === 'officer') return names.officers.get(Number(v)) ?? '（未知用户）'
  if (fmt === 'borrower') return names.borrowers.get(Number(v)) ?? '（未知借款人）'
  if (fmt === 'phone') return names.maskPii ? maskPhone(String(v)) : String(v)
  if (typeof fmt === 'object') return fmt[String(v)] ?? String(v)
  return String(v)
}

/** Ids the change list will need names for (officers and borrowers on both sides). */
export function idsToName(actions: readonly Action[]): { borrowerIds: number[] } {
  const borrowerIds: number[] = []
  for (const a of actions) {
    if (a.kind !== 'update') continue
    for (const v of [a.before?.borrower_id, a.values.borrower_id]) if (typeof v === 'number') borrowerIds.push(v)
  }
  return { borrowerIds }
}

/** The records an import would change, field by field (old → new), in file order. */
export function describeChanges(kind: ImportKind, actions: readonly Action[], names: Names): RecordChange[] {
  const fields = FIELDS[kind]
  const out: RecordChange[] = []
  for (const a of actions) {
    if (a.kind !== 'update' || !a.before || a.id === undefined) continue
    const before = a.before
    const changed = Object.entries(fields)
      .filter(([col]) => (before[col] ?? null) !== (a.values[col] ?? null))
      .map(([col, [field, fmt]]) => ({
        field,
        from: show(before[col], fmt, names),
        to: show(a.values[col], fmt, names),
      }))
    if (changed.length) out.push({ row: a.row, id: a.id, label: a.label ?? '', fields: changed })
  }
  return out
}

/** The audit line of one changed record: names the record and every field, old → new (phones always masked). */
export function changeSummary(kind: ImportKind, c: RecordChange): string {
  const what = { borrowers: '借款人', loans: '贷款', guarantors: '保证人', collaterals: '抵质押物' }[kind]
  return `Excel 导入修改${what} ${c.label}：${c.fields.map((f) => `${f.field} ${f.from} → ${f.to}`).join('；')}`
}
