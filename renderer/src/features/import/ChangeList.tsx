import { Alert, Checkbox, Table, Text } from '@mantine/core'
import type { ImportChange } from '@shared/api'
import { useTranslation } from 'react-i18next'

/** The existing records an import would change, each field old → new, and the box that confirms them. */
export function ChangeList({
  changes,
  total,
  confirmed,
  onConfirm,
}: {
  changes: ImportChange[]
  total: number
  confirmed: boolean
  onConfirm: (v: boolean) => void
}) {
  const { t } = useTranslation('archives')
  return (
    <>
      <Alert color="yellow" mb="sm" title={t('changesTitle', { n: total })}>
        {t('changesHint')}
      </Alert>
      <Table striped withTableBorder data-testid="import-changes" mb="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('row')}</Table.Th>
            <Table.Th>{t('changeRecord')}</Table.Th>
            <Table.Th>{t('changeField')}</Table.Th>
            <Table.Th>{t('changeFrom')}</Table.Th>
            <Table.Th>{t('changeTo')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.flatMap((c) =>
            c.fields.map((f, i) => (
              <Table.Tr key={`${c.row}-${f.field}`}>
                <Table.Td>{i === 0 ? c.row : ''}</Table.Td>
                <Table.Td fw={i === 0 ? 600 : undefined}>{i === 0 ? c.label : ''}</Table.Td>
                <Table.Td>{f.field}</Table.Td>
                <Table.Td c="dimmed" td="line-through">
                  {f.from}
                </Table.Td>
                <Table.Td fw={600}>{f.to}</Table.Td>
              </Table.Tr>
            )),
          )}
        </Table.Tbody>
      </Table>
      {total > changes.length && (
        <Text size="sm" c="dimmed" mb="sm">
          {t('changesMore', { n: changes.length })}
        </Text>
      )}
      <Checkbox
        checked={confirmed}
        onChange={(e) => onConfirm(e.currentTarget.checked)}
        label={t('changesConfirm', { n: total })}
        mb="sm"
      />
    </>
  )
}
