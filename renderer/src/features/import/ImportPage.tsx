import { useTranslation } from 'react-i18next'
import { Alert, Button, FileButton, Group, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { ImportKind, Output } from '@shared/api'
import { useState } from 'react'
import { api } from '../../api/client'
import { toApiError } from '../../api/hooks'
import { PageHeader } from '../../components/PageHeader'
import { downloadBase64, fileToBase64 } from '../../app/download'

/** Excel import: template download, preview listing every bad row, all-or-nothing commit. */
export function ImportPage() {
  const { t } = useTranslation('archives')
  const [kind, setKind] = useState<ImportKind>('borrowers')
  const [file, setFile] = useState<{ name: string; b64: string } | null>(null)
  const [preview, setPreview] = useState<Output<'imports.preview'> | null>(null)
  const [busy, setBusy] = useState(false)

  const fail = (e: unknown) => notifications.show({ color: 'red', message: toApiError(e).message })
  const choose = async (f: File | null) => {
    if (!f) return
    setPreview(null)
    setBusy(true)
    try {
      const b64 = await fileToBase64(f)
      setFile({ name: f.name, b64 })
      setPreview(await api.call('imports.preview', { kind, contentBase64: b64 }))
    } catch (e) {
      fail(e)
    } finally {
      setBusy(false)
    }
  }
  const commit = async () => {
    if (!file) return
    setBusy(true)
    try {
      const r = await api.call('imports.commit', { kind, contentBase64: file.b64 })
      notifications.show({ color: 'teal', message: t('imported', { create: r.created, update: r.updated, same: r.unchanged }) })
      setPreview(null)
      setFile(null)
    } catch (e) {
      fail(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack>
      <PageHeader title={t('importTitle')} subtitle={t('importSubtitle')} />
      <Paper withBorder p="md">
        <Group align="end">
          <SegmentedControl value={kind} onChange={(v) => { setKind(v as ImportKind); setPreview(null); setFile(null) }}
            data={[{ value: 'borrowers', label: t('borrowersKind') }, { value: 'loans', label: t('loansKind') }, { value: 'guarantors', label: t('guarantorsKind') }, { value: 'collaterals', label: t('collateralsKind') }]} />
          <Button variant="default" onClick={() => void api.call('imports.template', { kind }).then((t) => downloadBase64(t.filename, t.contentBase64), fail)}>{t('template')}</Button>
          <FileButton onChange={(f) => void choose(f)} accept=".xlsx">{(p) => <Button loading={busy} {...p}>{t('chooseFile')}</Button>}</FileButton>
          {file && <Text size="sm" c="dimmed">{file.name}</Text>}
        </Group>
      </Paper>
      {preview && (
        <Paper withBorder p="md" data-testid="import-preview">
          {preview.problemCount > 0 ? (
            <>
              <Alert color="red" mb="sm" role="alert">{t('problems', { n: preview.problemCount })}</Alert>
              <Table striped data-testid="import-problems">
                <Table.Thead><Table.Tr><Table.Th>{t('row')}</Table.Th><Table.Th>{t('column')}</Table.Th><Table.Th>{t('reason')}</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>{preview.problems.map((p, i) => <Table.Tr key={i}><Table.Td>{p.row}</Table.Td><Table.Td>{p.column}</Table.Td><Table.Td>{p.message}</Table.Td></Table.Tr>)}</Table.Tbody>
              </Table>
            </>
          ) : (
            <Group justify="space-between">
              <Text>{t('previewOk', { total: preview.total, create: preview.toCreate, update: preview.toUpdate, same: preview.unchanged })}</Text>
              <Button loading={busy} onClick={() => void commit()}>{t('commitBtn')}</Button>
            </Group>
          )}
        </Paper>
      )}
    </Stack>
  )
}
