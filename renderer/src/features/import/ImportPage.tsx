import { Alert, Button, FileButton, Group, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { ImportKind } from '@shared/api'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { toApiError } from '../../api/hooks'
import { PageHeader } from '../../components/PageHeader'
import { ChangeList } from './ChangeList'
import { useImport } from './use-import'

/** Excel import: template download, preview listing every bad row and every change to existing records, confirmed all-or-nothing commit. */
export function ImportPage() {
  const { t } = useTranslation('archives')
  const [kind, setKind] = useState<ImportKind>('borrowers')
  const imp = useImport(kind)
  const [confirmed, setConfirmed] = useState(false)
  const preview = imp.preview

  const fail = (e: unknown) => notifications.show({ color: 'red', message: toApiError(e).message })
  const choose = (f: File | null) => {
    setConfirmed(false)
    if (f) imp.choose(f).catch(fail)
  }
  const commit = () =>
    imp
      .commit()
      .then((r) =>
        notifications.show({
          color: 'teal',
          message: t('imported', { create: r.created, update: r.updated, same: r.unchanged }),
        }),
      )
      .catch(fail)

  return (
    <Stack>
      <PageHeader title={t('importTitle')} subtitle={t('importSubtitle')} />
      <Paper withBorder p="md">
        <Group align="end">
          <SegmentedControl
            value={kind}
            onChange={(v) => {
              setKind(v as ImportKind)
              imp.reset()
            }}
            data={[
              { value: 'borrowers', label: t('borrowersKind') },
              { value: 'loans', label: t('loansKind') },
              { value: 'guarantors', label: t('guarantorsKind') },
              { value: 'collaterals', label: t('collateralsKind') },
            ]}
          />
          <Button variant="default" onClick={() => void imp.template().catch(fail)}>
            {t('template')}
          </Button>
          <FileButton onChange={choose} accept=".xlsx">
            {(p) => (
              <Button loading={imp.busy} {...p}>
                {t('chooseFile')}
              </Button>
            )}
          </FileButton>
          {imp.file && (
            <Text size="sm" c="dimmed">
              {imp.file.name}
            </Text>
          )}
        </Group>
      </Paper>
      {preview && (
        <Paper withBorder p="md" data-testid="import-preview">
          {preview.problemCount > 0 ? (
            <>
              <Alert color="red" mb="sm" role="alert">
                {t('problems', { n: preview.problemCount })}
              </Alert>
              <Table striped data-testid="import-problems">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('row')}</Table.Th>
                    <Table.Th>{t('column')}</Table.Th>
                    <Table.Th>{t('reason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.problems.map((p, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{p.row}</Table.Td>
                      <Table.Td>{p.column}</Table.Td>
                      <Table.Td>{p.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          ) : (
            <>
              {preview.changeCount > 0 && (
                <ChangeList
                  changes={preview.changes}
                  total={preview.changeCount}
                  confirmed={confirmed}
                  onConfirm={setConfirmed}
                />
              )}
              <Group justify="space-between">
                <Text>
                  {t('previewOk', {
                    total: preview.total,
                    create: preview.toCreate,
                    update: preview.toUpdate,
                    same: preview.unchanged,
                  })}
                </Text>
                <Button loading={imp.busy} disabled={preview.toUpdate > 0 && !confirmed} onClick={() => void commit()}>
                  {preview.toUpdate > 0 ? t('commitChanges') : t('commitBtn')}
                </Button>
              </Group>
            </>
          )}
        </Paper>
      )}
    </Stack>
  )
}
