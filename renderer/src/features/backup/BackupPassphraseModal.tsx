import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { toApiError } from '../../api/hooks'

/** A backup made under another database passphrase: what to do once its passphrase is typed. */
export interface PassphraseRequest {
  /** The server's message (why the passphrase is asked). */
  message: string
  /** Verifies / drills / restores with the backup's passphrase; throws the server's error. */
  run: (passphrase: string) => Promise<void>
}

/** True when the server asks for a backup's own passphrase (made before a passphrase change). */
export function needsBackupPassphrase(e: unknown): boolean {
  return toApiError(e).data.needsBackupPassphrase === true
}

/**
 * Asks for the passphrase of a backup made before a passphrase change. Wrong tries are counted by
 * the server (the message says how many are left); a restored backup takes the current passphrase.
 */
export function BackupPassphraseModal({
  request,
  onClose,
}: {
  request: PassphraseRequest | null
  onClose: () => void
}) {
  const { t } = useTranslation('backup')
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const close = () => {
    setValue('')
    setError(null)
    onClose()
  }
  const submit = async () => {
    if (!request || value === '') return
    setBusy(true)
    setError(null)
    try {
      await request.run(value)
      close()
    } catch (e) {
      setError(toApiError(e).message)
      setValue('')
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal opened={request !== null} onClose={close} title={t('passphraseTitle')} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{request?.message}</Text>
          <Text size="xs" c="dimmed">
            {t('passphraseHint')}
          </Text>
          {error && (
            <Alert color="red" data-testid="backup-passphrase-error">
              {error}
            </Alert>
          )}
          <PasswordInput
            label={t('passphraseLabel')}
            autoComplete="off"
            data-autofocus
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            data-testid="backup-passphrase"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={value === ''} data-testid="backup-passphrase-submit">
              {t('passphraseSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
