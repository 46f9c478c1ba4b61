import { Badge, Group, Paper, Table, Text, Title, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useQuery } from '../../api/hooks'
import { ErrorAlert } from '../../components/ErrorAlert'

const COLOR = { A: 'teal', B: 'yellow', C: 'orange' } as const

/** A customer class A/B/C as a coloured badge; "not evaluated" before the first risk evaluation. */
export function ClassBadge({ value }: { value: 'A' | 'B' | 'C' | null | undefined }) {
  const { t } = useTranslation('borrowers')
  if (!value)
    return (
      <Text span size="sm" c="dimmed" data-testid="borrower-class">
        {t('classNone')}
      </Text>
    )
  return (
    <Tooltip label={t('classHint')} multiline w={320}>
      <Badge color={COLOR[value]} variant="light" data-testid="borrower-class">
        {t('classLetter', { c: value })}
      </Badge>
    </Tooltip>
  )
}

/** 客户分类 of a borrower (DOMAIN §5): the class now and its history from the risk evaluations. */
export function ClassPanel({
  borrowerId,
  current,
}: {
  borrowerId: number
  current: 'A' | 'B' | 'C' | null | undefined
}) {
  const { t } = useTranslation('borrowers')
  const history = useQuery('risk.classHistory', { borrowerId }, { enabled: borrowerId > 0 })
  const rows = history.data ?? []
  return (
    <Paper withBorder p="md" data-testid="class-panel">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('classHistory')}</Title>
        <Group gap={6}>
          <Text size="sm" c="dimmed">
            {t('customerClass')}
          </Text>
          <ClassBadge value={current} />
        </Group>
      </Group>
      {history.error && <ErrorAlert error={history.error} />}
      {history.data && rows.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('classHistoryNone')}
        </Text>
      )}
      {rows.length > 0 && (
        <Table striped data-testid="class-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('asOf')}</Table.Th>
              <Table.Th>{t('change')}</Table.Th>
              <Table.Th>{t('detail')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={i}>
                <Table.Td>{r.asOf}</Table.Td>
                <Table.Td>{r.fromClass ? `${r.fromClass} → ${r.toClass}` : `${t('firstClass')} ${r.toClass}`}</Table.Td>
                <Table.Td>{r.detail}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  )
}
