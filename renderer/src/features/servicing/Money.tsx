import { formatFen } from '@shared/domain'

/** An amount in 分 shown as 1,234.56, right-aligned in tables by the caller. */
export function Money({ fen }: { fen: number }) {
  return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatFen(fen)}</span>
}
