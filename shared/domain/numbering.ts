// 合同号/借据号 patterns (issue 9, Numbering): 机构号-年度-流水号 with the serial per kind and year.
// A pattern holds the tokens {org} (机构号), {year} (年度) and {seq} or {seq:N} (流水号 padded to N digits).
import { invalid } from './errors'

/** Default patterns: 320101-2026-HT-0001 and 320101-2026-JJ-0001. */
export const DEFAULT_NUMBER_PATTERNS = { contract: '{org}-{year}-HT-{seq:4}', iou: '{org}-{year}-JJ-{seq:4}' } as const

const SEQ = /\{seq(?::(\d))?\}/

/** Checks a pattern: exactly one {seq}/{seq:N} (N 1–9), {year} present, only known tokens, ≤ 40 characters. */
export function checkNumberPattern(pattern: string): string | null {
  if (!pattern || pattern.length > 40) return '编号规则须为 1–40 个字符'
  if ((pattern.match(/\{seq(:\d)?\}/g) ?? []).length !== 1) return '编号规则须含且只含一个流水号 {seq} 或 {seq:4}'
  if (!pattern.includes('{year}')) return '编号规则须含年度 {year}（流水号按年重新编号）'
  const rest = pattern.replace(/\{(org|year|seq(:\d)?)\}/g, '')
  if (/[{}]/.test(rest)) return '编号规则只能使用 {org}、{year}、{seq} 三个占位符'
  return null
}

/** Formats a number: formatDocNo('{org}-{year}-HT-{seq:4}', { org: '320101', year: 2026, seq: 7 }) = '320101-2026-HT-0007'. */
export function formatDocNo(pattern: string, v: { org: string; year: number; seq: number }): string {
  const problem = checkNumberPattern(pattern)
  if (problem) invalid('pattern', problem)
  return pattern
    .replace(/\{org\}/g, v.org)
    .replace(/\{year\}/g, String(v.year))
    .replace(SEQ, (_, n: string | undefined) => String(v.seq).padStart(Number(n ?? 1), '0'))
}

/**
 * The serial of a number made by the pattern for this org and year, or null when it was typed by
 * hand in another shape: parseDocNo('{org}-{year}-HT-{seq:4}', '320101-2026-HT-0012', …) = 12.
 */
export function parseDocNo(pattern: string, value: string, v: { org: string; year: number }): number | null {
  if (checkNumberPattern(pattern)) return null
  const esc = (s: string) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
  const [before = '', after = ''] = pattern.split(SEQ).filter((_, i) => i !== 1)
  const fill = (s: string) => esc(s.replace(/\{org\}/g, v.org).replace(/\{year\}/g, String(v.year)))
  const m = new RegExp(`^${fill(before)}(\\d+)${fill(after)}$`).exec(value)
  return m ? Number(m[1]) : null
}
