import { List, Text } from '@mantine/core'
import type { Output } from '@shared/api'
import { useTranslation } from 'react-i18next'

/** Business-row and anchor findings of `audit.verify`, under the chain verdict. */
export function VerifyDetails({ result }: { result: Output<'audit.verify'> }) {
  const { t } = useTranslation('audit')
  const { rows, anchor } = result
  const bad = rows.changed + rows.deleted
  return (
    <>
      <Text size="sm" mt={4} data-testid="verify-rows">
        {bad === 0
          ? t('rows.ok', { count: rows.checked })
          : t('rows.problems', { changed: rows.changed, deleted: rows.deleted })}
      </Text>
      {rows.problems.length > 0 && (
        <List size="xs" mt={4} spacing={2}>
          {rows.problems.slice(0, 20).map((p) => (
            <List.Item key={`${p.table}:${p.rowId}`}>{t('rows.item', { ...p, kind: t(`rows.${p.kind}`) })}</List.Item>
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
