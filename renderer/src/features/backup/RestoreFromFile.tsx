import { Alert, Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { toApiError } from '../../api/hooks'
import { formatDateTime } from '../../app/format'
import { useInspectBackup } from './use-backup'

/** Restore from a chosen backup folder or database file: check first (shows what it holds), then restore. */
export function RestoreFromFile({ busy, onRestore }: { busy: boolean; onRestore: (path: string) => void }) {
  const { t } = useTranslation('backup')
  const inspect = useInspectBackup()
  const [path, setPath] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const info = inspect.data
  const check = async () => {
    setProblem(null)
    try {
      await inspect.mutate({ path: path.trim() })
    } catch (e) {
      setProblem(toApiError(e).message)
    }
  }
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t('fromFile')}
      </Title>
      <Stack gap="xs">
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            flex={1}
            placeholder={t('pathPlaceholder')}
            value={path}
            onChange={(e) => {
              setPath(e.currentTarget.value)
              inspect.reset()
            }}
          />
          <Button variant="light" disabled={path.trim() === ''} loading={inspect.loading} onClick={() => void check()}>
            {t('check')}
          </Button>
          <Button color="orange" disabled={busy || !info?.verified} onClick={() => onRestore(path.trim())}>
            {t('restore')}
          </Button>
        </Group>
        {problem && <Alert color="red">{problem}</Alert>}
        {info && (
          <Alert color={info.verified ? 'teal' : 'red'}>
            {info.verified
              ? t('checkOk', {
                  time: info.createdAt ? formatDateTime(info.createdAt) : t('unknownTime'),
                  borrowers: info.counts.borrowers ?? 0,
                  loans: info.counts.loans ?? 0,
                  repayments: info.counts.repayments ?? 0,
                })
              : t('checkFailed', { problem: info.problem ?? '' })}
          </Alert>
        )}
      </Stack>
    </Paper>
  )
}
