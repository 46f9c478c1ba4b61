import { List, Text } from '@mantine/core'
import type { Output } from '@shared/api'
import { useTranslation } from 'react-i18next'

/** Business-row and anchor findings of `audit.verify`, under the chain verdict. */
export function VerifyDetails({ result }: { result: Output<'audit.verify'> }) {
  const { t } = useTranslation('audit')
  const { rows, anchor } = result
  const bad = rows.changed + rows.deleted
  // Table names shown by their label where the dictionary has one (labels, not codes).
  const table = (name: string) => t(`rows.tables.${name}` as 'rows.tables.repayments', { defaultValue: name })
  return (
    <>
      <Text size="sm" mt={4} data-testid="verify-rows">
        {bad === 0
          ? t('rows.ok', { count: rows.checked })
          : t('rows.problems', { changed: rows.changed, deleted: rows.deleted })}
      </Text>
      {rows.inserted > 0 && (
        <Text size="sm" mt={4} fw={700} data-testid="verify-inserted">
          {t('rows.insertedProblems', { count: rows.inserted })}
        </Text>
      )}
      {rows.problems.length > 0 && (
        <List size="xs" mt={4} spacing={2} data-testid="verify-problems">
          {rows.problems.slice(0, 20).map((p) => (
            <List.Item key={`${p.kind}:${p.table}:${p.rowId}`}>
              {p.kind === 'inserted'
                ? t('rows.insertedItem', { table: table(p.table), rowId: p.rowId })
                : t('rows.item', { ...p, table: table(p.table), kind: t(`rows.${p.kind}`) })}
            </List.Item>
          ))}
        </List>
      )}
      {anchor && !anchor.ok && (
        <Text size="sm" mt={4} fw={600}>
          {t('rows.anchorBroken', { reason: anchor.reason ?? '' })}
        </Text>
      )}
    </>
  )
}
