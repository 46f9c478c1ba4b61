import { useTranslation } from 'react-i18next'
import { formatFen } from '@shared/domain'

/** An amount in 分 shown as 1,234.56 (as `1,234.56 元` when `unit`), tabular digits; tables right-align the cell. */
export function Money({ fen, unit = false }: { fen: number; unit?: boolean }) {
  const { t } = useTranslation('loan')
  return (
    <span style={{ fontVariantNumeric: 'tabular-nums' }}>
      {unit ? t('money', { amount: formatFen(fen) }) : formatFen(fen)}
    </span>
  )
}
