import { Alert, Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { toApiError } from '../../api/hooks'
import { formatDateTime } from '../../app/format'
import { needsBackupPassphrase, type PassphraseRequest } from './BackupPassphraseModal'
import { useInspectBackup } from './use-backup'

/**
 * Restore from a chosen backup folder or database file: check first (shows what it holds), then
 * restore. A backup made under an earlier passphrase asks for it (and restores with it).
 */
export function RestoreFromFile({
  busy,
  onRestore,
  onNeedsPassphrase,
}: {
  busy: boolean
  onRestore: (path: string, passphrase?: string) => void
  onNeedsPassphrase: (r: PassphraseRequest) => void
}) {
  const { t } = useTranslation('backup')
  const inspect = useInspectBackup()
  const [path, setPath] = useState('')
  const [passphrase, setPassphrase] = useState<string | undefined>(undefined)
  const [problem, setProblem] = useState<string | null>(null)
  const info = inspect.data
  const check = async () => {
    setProblem(null)
    setPassphrase(undefined)
    const at = path.trim()
    try {
      await inspect.mutate({ path: at })
    } catch (e) {
      if (!needsBackupPassphrase(e)) return setProblem(toApiError(e).message)
      onNeedsPassphrase({
        message: toApiError(e).message,
        run: async (p) => {
          await inspect.mutate({ path: at, passphrase: p })
          setPassphrase(p)
        },
      })
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
          <Button color="orange" disabled={busy || !info?.verified} onClick={() => onRestore(path.trim(), passphrase)}>
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
