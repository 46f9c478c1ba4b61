import { Badge, Button, Group, Table, Text, Tooltip } from '@mantine/core'
import type { BackupView } from '@shared/api'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../app/format'

/** "1.2 MB" / "850 KB": sizes of backups. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  return `${Math.max(1, Math.round(bytes / 1024))} KB`
}

const KIND_COLORS: Record<BackupView['kind'], string> = {
  manual: 'blue',
  daily: 'teal',
  'pre-migration': 'grape',
  'pre-restore': 'orange',
}

/** The backups listed with date, kind, size, verification result and what they hold. */
export function BackupTable({
  rows,
  busy,
  onRestore,
  onDrill,
}: {
  rows: BackupView[]
  busy: boolean
  onRestore: (b: BackupView) => void
  onDrill: (b: BackupView) => void
}) {
  const { t } = useTranslation('backup')
  if (rows.length === 0) return <Text c="dimmed">{t('empty')}</Text>
  return (
    <Table striped highlightOnHover verticalSpacing={6} data-testid="backup-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('col.time')}</Table.Th>
          <Table.Th>{t('col.kind')}</Table.Th>
          <Table.Th ta="right">{t('col.size')}</Table.Th>
          <Table.Th>{t('col.result')}</Table.Th>
          <Table.Th>{t('col.contents')}</Table.Th>
          <Table.Th ta="right">{t('col.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((b) => (
          <Table.Tr key={b.id} data-testid={`backup-row-${b.kind}`} data-backup-id={b.id}>
            <Table.Td>{formatDateTime(b.createdAt)}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={KIND_COLORS[b.kind]}>
                {t(`kinds.${b.kind}`)}
              </Badge>
            </Table.Td>
            <Table.Td ta="right" ff="monospace">
              {formatSize(b.sizeBytes)}
            </Table.Td>
            <Table.Td>
              {b.verified ? (
                <Badge color="teal">{t('verified')}</Badge>
              ) : (
                <Tooltip label={b.problem ?? ''} multiline w={320}>
                  <Badge color="red">{t('failed')}</Badge>
                </Tooltip>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm">
                {t('contents', {
                  borrowers: b.counts.borrowers ?? 0,
                  loans: b.counts.loans ?? 0,
                  repayments: b.counts.repayments ?? 0,
                })}
              </Text>
            </Table.Td>
            <Table.Td>
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <Button size="compact-sm" variant="subtle" disabled={busy || !b.verified} onClick={() => onDrill(b)}>
                  {t('drill')}
                </Button>
                <Button
                  size="compact-sm"
                  variant="light"
                  color="orange"
                  disabled={busy || !b.verified}
                  onClick={() => onRestore(b)}
                  data-testid="backup-restore"
                >
                  {t('restore')}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
