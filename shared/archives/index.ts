// Pure helpers for borrower archives and loan files (档案). No I/O, no clock.
import { addMonths } from '../domain'

/** Masks a 居民身份证 number or credit code: '330127199001011234' → '330***********1234'. */
export function maskIdNumber(id: string): string {
  if (id.length <= 7) return '*'.repeat(id.length)
  return id.slice(0, 3) + '*'.repeat(id.length - 7) + id.slice(-4)
}

/** Masks a mobile number: '13800138000' → '138****8000'. */
export function maskPhone(phone: string): string {
  if (phone.length < 8) return '*'.repeat(phone.length)
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4)
}

/** 档案编号 机构号-年度-类别-流水号: formatFileNo('3301', 2026, 'DK', 7) = '3301-2026-DK-000007'. */
export function formatFileNo(orgCode: string, year: number, category: string, seq: number): string {
  return `${orgCode}-${year}-${category}-${String(seq).padStart(6, '0')}`
}

/** Parses a file number back into its parts, or null. */
export function parseFileNo(s: string): { orgCode: string; year: number; category: string; seq: number } | null {
  const m = /^(\w+)-(\d{4})-([A-Z]{2,4})-(\d{6,})$/.exec(s.trim())
  if (!m) return null
  return { orgCode: m[1] as string, year: Number(m[2]), category: m[3] as string, seq: Number(m[4]) }
}

/**
 * Coverage ratio 抵押率覆盖 = value / outstanding in basis points, rounded down so cover is never
 * overstated: coverageBp(150_000_00, 100_000_00) = 15000 (150 %). Null when nothing is outstanding.
 */
export function coverageBp(valueFen: number, outstandingFen: number): number | null {
  if (outstandingFen <= 0) return null
  return Number((BigInt(valueFen) * 10000n) / BigInt(outstandingFen))
}

/** Formats basis points as a percent with two decimals: 15000 → '150.00%'. */
export function formatBp(bp: number): string {
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`
}

/** Destruction due date: settlement date + the category's retention years (5 years → same day). */
export function retentionDueDate(settledDate: string, retentionYears: number): string {
  return addMonths(settledDate, retentionYears * 12)
}

/** Share of applicable checklist items present, in whole percent (n.a. items do not count). */
export function completenessPercent(items: readonly { state: 'present' | 'missing' | 'na' }[]): number {
  const applicable = items.filter((i) => i.state !== 'na')
  if (applicable.length === 0) return 100
  return Math.floor((applicable.filter((i) => i.state === 'present').length * 100) / applicable.length)
}

/** A lending is overdue when not returned and its due-back date is before `asOf`. */
export function isLendingOverdue(l: { returnedOn: string | null; dueBack: string }, asOf: string): boolean {
  return l.returnedOn === null && l.dueBack < asOf
}

/** [start, end) ranges where `query` occurs in `text` (case-insensitive), for highlighting. */
export function highlightRanges(text: string, query: string): [number, number][] {
  const q = query.trim().toLowerCase()
  if (!q) return []
  const t = text.toLowerCase()
  const out: [number, number][] = []
  for (let i = t.indexOf(q); i >= 0; i = t.indexOf(q, i + q.length)) out.push([i, i + q.length])
  return out
}

/** What a search query looks like, deciding which indexed paths to use. */
export type QueryShape = 'digits' | 'latin' | 'cjk' | 'code' | 'mixed'

/** Classifies a query: '1234' digits, 'zsf' latin, '王芳' cjk, 'HT-2026-1' code. */
export function queryShape(q: string): QueryShape {
  if (/^\d+[Xx]?$/.test(q)) return 'digits'
  if (/^[a-z]+$/i.test(q)) return 'latin'
  if (/^[\u3400-\u9fff]+$/.test(q)) return 'cjk'
  if (/^[\w-]+$/.test(q)) return 'code'
  return 'mixed'
}
