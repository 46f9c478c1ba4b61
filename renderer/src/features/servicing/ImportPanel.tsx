import { Alert, Button, Card, FileButton, Group, List, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from '../../api/hooks'
import { ErrorAlert } from '../../components/ErrorAlert'

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let bin = ''
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(bin)
}

/** Import plans and payment histories from Excel: preview with per-row problems, then all or nothing. */
export function ImportPanel({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('servicing')
  const [content, setContent] = useState<string | null>(null)
  const [name, setName] = useState('')
  const preview = useMutation('servicing.importPreview')
  const commit = useMutation('servicing.importCommit')
  const pick = async (f: File | null) => {
    if (!f) return
    const b64 = await toBase64(f)
    setContent(b64)
    setName(f.name)
    commit.reset()
    await preview.mutate({ contentBase64: b64 }).catch(() => undefined)
  }
  const p = preview.data
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        {t('importTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('importHint')}
      </Text>
      <Group>
        <FileButton onChange={(f) => void pick(f)} accept=".xlsx">
          {(props) => (
            <Button variant="default" {...props}>
              {t('chooseFile')}
            </Button>
          )}
        </FileButton>
        {name && <Text size="sm">{name}</Text>}
        {p && p.problemCount === 0 && content && (
          <Button
            loading={commit.loading}
            onClick={() => void commit.mutate({ contentBase64: content }).then(onDone, () => undefined)}
          >
            {t('commit')}
          </Button>
        )}
      </Group>
      {preview.error && <ErrorAlert error={preview.error} mb="sm" />}
      {commit.error && <ErrorAlert error={commit.error} mb="sm" />}
      {p && (
        <Alert mt="sm" color={p.problemCount ? 'orange' : 'blue'}>
          {p.loans} · {p.installments} · {p.repayments} {p.problemCount ? `· ${p.problemCount} ${t('rowErrors')}` : ''}
          {p.problemCount > 0 && (
            <List size="sm" mt="xs">
              {p.problems.slice(0, 50).map((x, k) => (
                <List.Item key={k}>{t('problemAt', { sheet: x.sheet, row: x.row, message: x.message })}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      {commit.data && (
        <Alert mt="sm" color="green">
          {t('committed')} {commit.data.loans} · {commit.data.installments} · {commit.data.repayments}
        </Alert>
      )}
    </Card>
  )
}
