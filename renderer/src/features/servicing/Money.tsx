import { formatFen } from '@shared/domain'

/** An amount in 分 shown as 1,234.56 (with ` 元` when `unit`), tabular digits; tables right-align the cell. */
export function Money({ fen, unit = false }: { fen: number; unit?: boolean }) {
  return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatFen(fen)}{unit ? ' 元' : ''}</span>
}
