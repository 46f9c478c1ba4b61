// How Excel import cells are read, once, for every importer (borrowers/loans/guarantors/
// collateral and the servicing plan/repayment import): same accepted formats, same messages.
// Cells arrive as trimmed text (date cells already as YYYY-MM-DD, numbers as their digits).
import { isValidDate } from './dates'
import { type Fen, parseYuan } from './money'

/** A parsed cell or a zh-CN reason it is bad. */
export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string }

const good = <T>(value: T): CellResult<T> => ({ ok: true, value })
const bad = <T>(message: string): CellResult<T> => ({ ok: false, message })

/**
 * A non-negative amount in 元 → 分, exactly (no floats). Accepts `50000`, `1,234.56`, `¥1,234.5`,
 * `1234.56元`, `１２３４` is not accepted (full-width digits are a typing slip to fix).
 * Grouping commas must be in threes: `1,23,4` is refused, not guessed.
 */
export function parseYuanCell(text: string): CellResult<Fen> {
  let v: Fen
  try {
    v = parseYuan(text.replace(/[¥￥元\s]/g, ''))
  } catch {
    return bad(`金额格式无效：${text}（应为元，如 50000 或 1,234.56）`)
  }
  return v < 0 ? bad('金额不得为负') : good(v)
}

/**
 * A calendar date → `YYYY-MM-DD`. Accepts `2026-01-05`, `2026/1/5`, `2026.1.5`, `20260105` and
 * `2026年1月5日`; refuses impossible dates (`2026-02-30`).
 */
export function parseDateCell(text: string): CellResult<string> {
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(text.trim())
  const d = m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : ''
  return d && isValidDate(d) ? good(d) : bad(`日期无效：${text}（应为 YYYY-MM-DD）`)
}
