import type { ImportKind } from '../../../shared/api'
import { parseDateCell, parseYuanCell } from '../../../shared/domain/cells'

/** A parsed cell or a zh-CN reason it is bad. */
export type Parsed = { ok: true; value: unknown } | { ok: false; message: string }
export interface Column {
  key: string
  header: string
  required?: boolean
  note: string
  parse?: (s: string) => Parsed
}

const ok = (value: unknown): Parsed => ({ ok: true, value })
const bad = (message: string): Parsed => ({ ok: false, message })

/** 元 → 分 through the one cell parser shared with the servicing import. */
export function yuan(s: string): Parsed {
  return parseYuanCell(s)
}
/** A date through the one cell parser shared with the servicing import. */
export function date(s: string): Parsed {
  return parseDateCell(s)
}
function oneOf(map: Record<string, string>, label: string) {
  return (s: string): Parsed =>
    s in map ? ok(map[s]) : bad(`${label}应为 ${Object.keys(map).join('/')} 之一，实际为“${s}”`)
}
function int(min: number, max: number, label: string) {
  return (s: string): Parsed =>
    /^\d+$/.test(s) && Number(s) >= min && Number(s) <= max ? ok(Number(s)) : bad(`${label}应为 ${min}–${max} 的整数`)
}
const rate = (s: string): Parsed =>
  /^\d{1,2}(\.\d{1,4})?$/.test(s.replace(/%$/, ''))
    ? ok(s.replace(/%$/, ''))
    : bad(`年利率格式无效：${s}（应为百分数，如 4.35）`)
const upper = (s: string): Parsed => ok(s.toUpperCase())

export const KIND_LABEL = { individual: '个人', enterprise: '企业' }
const METHOD_MAP = {
  等额本息: 'annuity',
  等额本金: 'equal_principal',
  按季结息: 'quarterly_interest',
  按月结息: 'monthly_interest',
  利随本清: 'bullet',
}
const GUARANTEE_MAP = { 信用: 'credit', 保证: 'guarantee', 抵押: 'mortgage', 质押: 'pledge' }

/** Columns of each import template, by kind. Headers are what the template and the reader use. */
export const IMPORT_COLUMNS: Record<ImportKind, Column[]> = {
  borrowers: [
    {
      key: 'kind',
      header: '类型',
      required: true,
      note: '个人 或 企业',
      parse: oneOf({ 个人: 'individual', 企业: 'enterprise', 个体工商户: 'enterprise' }, '类型'),
    },
    { key: 'name', header: '姓名/名称', required: true, note: '借款人姓名或企业名称' },
    { key: 'idNumber', header: '身份证号', note: '个人必填，18 位', parse: upper },
    { key: 'creditCode', header: '统一社会信用代码', note: '企业必填，18 位', parse: upper },
    { key: 'phone', header: '手机号', note: '11 位手机号' },
    { key: 'village', header: '村', note: '如 青山镇前进村' },
    { key: 'villageGroup', header: '组', note: '如 3组' },
    { key: 'address', header: '地址', note: '' },
    { key: 'occupation', header: '职业', note: '' },
    { key: 'householdIncome', header: '家庭年收入(元)', note: '单位：元', parse: yuan },
    {
      key: 'creditRating',
      header: '信用等级',
      note: 'AAA/AA/A/B/C',
      parse: oneOf({ AAA: 'AAA', AA: 'AA', A: 'A', B: 'B', C: 'C' }, '信用等级'),
    },
    { key: 'legalRep', header: '法定代表人', note: '企业必填' },
    { key: 'businessScope', header: '经营范围', note: '' },
    { key: 'officer', header: '管户信贷员用户名', note: '留空则为导入人' },
  ],
  loans: [
    { key: 'contractNo', header: '合同号', required: true, note: '唯一；重复导入按合同号更新' },
    { key: 'iouNo', header: '借据号', required: true, note: '唯一' },
    {
      key: 'borrowerKey',
      header: '借款人证件号',
      required: true,
      note: '身份证号或统一社会信用代码（借款人须已登记）',
      parse: upper,
    },
    { key: 'product', header: '贷款产品', required: true, note: '如 农户小额信用贷款' },
    { key: 'principal', header: '金额(元)', required: true, note: '单位：元', parse: yuan },
    { key: 'annualRate', header: '年利率(%)', required: true, note: '如 4.35', parse: rate },
    { key: 'termMonths', header: '期限(月)', required: true, note: '1–360', parse: int(1, 360, '期限') },
    {
      key: 'method',
      header: '还款方式',
      required: true,
      note: Object.keys(METHOD_MAP).join('/'),
      parse: oneOf(METHOD_MAP, '还款方式'),
    },
    { key: 'disbursementDate', header: '发放日', required: true, note: 'YYYY-MM-DD', parse: date },
    { key: 'maturityDate', header: '到期日', required: true, note: 'YYYY-MM-DD', parse: date },
    { key: 'purpose', header: '借款用途', required: true, note: '' },
    {
      key: 'guaranteeType',
      header: '担保方式',
      required: true,
      note: '信用/保证/抵押/质押',
      parse: oneOf(GUARANTEE_MAP, '担保方式'),
    },
    { key: 'officer', header: '责任人用户名', note: '留空则为导入人' },
  ],
  guarantors: [
    { key: 'contractNo', header: '合同号', required: true, note: '贷款须已登记' },
    {
      key: 'kind',
      header: '保证人类型',
      required: true,
      note: '个人/企业',
      parse: oneOf({ 个人: 'person', 企业: 'company' }, '保证人类型'),
    },
    { key: 'name', header: '保证人名称', required: true, note: '' },
    { key: 'idNumber', header: '证件号', required: true, note: '身份证号或统一社会信用代码', parse: upper },
    { key: 'phone', header: '手机号', note: '' },
    {
      key: 'mode',
      header: '保证方式',
      required: true,
      note: '一般/连带',
      parse: oneOf({ 一般: 'general', 一般保证: 'general', 连带: 'joint', 连带责任保证: 'joint' }, '保证方式'),
    },
    { key: 'amount', header: '保证金额(元)', required: true, note: '单位：元', parse: yuan },
    { key: 'periodStart', header: '保证期间起', required: true, note: 'YYYY-MM-DD', parse: date },
    { key: 'periodEnd', header: '保证期间止', required: true, note: 'YYYY-MM-DD', parse: date },
  ],
  collaterals: [
    { key: 'contractNo', header: '合同号', required: true, note: '贷款须已登记' },
    { key: 'type', header: '抵质押物类型', required: true, note: '如 房产/土地经营权/存单' },
    { key: 'description', header: '描述', required: true, note: '' },
    { key: 'ownerName', header: '所有权人', note: '' },
    { key: 'certNo', header: '权属证书号', required: true, note: '同一贷款下唯一；重复导入按此更新' },
    { key: 'otherRightCertNo', header: '他项权证号', note: '' },
    { key: 'location', header: '坐落位置', note: '' },
    { key: 'appraisedValue', header: '评估价值(元)', required: true, note: '单位：元', parse: yuan },
    { key: 'appraisedOn', header: '评估日期', required: true, note: 'YYYY-MM-DD', parse: date },
    {
      key: 'insured',
      header: '是否投保',
      note: '是/否',
      parse: oneOf({ 是: 1, 否: 0 } as unknown as Record<string, string>, '是否投保'),
    },
  ],
}

/** Parses one sheet row into a record by header, collecting every bad cell. */
export function parseRow(cols: Column[], headerIndex: Map<string, number>, cells: string[]) {
  const rec: Record<string, unknown> = {}
  const problems: { column: string; message: string }[] = []
  for (const c of cols) {
    const i = headerIndex.get(c.header)
    const raw = i === undefined ? '' : (cells[i] ?? '')
    if (!raw) {
      if (c.required) problems.push({ column: c.header, message: `${c.header}不能为空` })
      rec[c.key] = null
      continue
    }
    const p = c.parse ? c.parse(raw) : ok(raw)
    if (p.ok) rec[c.key] = p.value
    else problems.push({ column: c.header, message: p.message })
  }
  return { rec, problems }
}
