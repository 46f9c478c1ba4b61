import { Alert, Badge, Button, Group, Modal, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFieldErrors } from '../../app/validation'
import { useSession } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { RecoveryKeySheet } from '../unlock/RecoveryKeySheet'
import { useChangePassphrase, useEnableEncryption, useEncryptionStatus } from '../unlock/use-unlock'

/** Encryption at rest on the backup screen: status, enable (shows the recovery key once), change passphrase. */
export function EncryptionPanel({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation('unlock')
  const { org } = useSession()
  const status = useEncryptionStatus()
  const enable = useEnableEncryption()
  const change = useChangePassphrase()
  const [open, setOpen] = useState<'enable' | 'change' | null>(null)
  const [recovery, setRecovery] = useState<{ key: string; at: string } | null>(null)
  const byRecovery = status.data?.unlockedWith === 'recovery'
  const form = useForm({
    initialValues: { current: '', next: '', confirm: '' },
    validate: {
      current: (v) => (open === 'change' && !byRecovery && !v ? t('required') : null),
      next: (v) => (v.length < 10 ? t('tooShort') : null),
      confirm: (v, values) => (v !== values.next ? t('mismatch') : null),
    },
  })
  const close = () => {
    setOpen(null)
    setRecovery(null)
    form.reset()
    enable.reset()
    change.reset()
  }

  const submit = form.onSubmit(async ({ current, next }) => {
    try {
      if (open === 'enable') {
        const r = await enable.mutate({ passphrase: next })
        setRecovery({ key: r.recoveryKey, at: new Date().toISOString() })
        notifications.show({ color: 'teal', message: t('enabled', { n: r.removedPlainBackups }) })
      } else {
        const r = await change.mutate(byRecovery ? { next } : { current, next })
        notifications.show({ color: 'teal', message: t('changed', { id: r.backupId }) })
        close()
      }
      await status.refetch()
      onChanged()
    } catch (e) {
      applyFieldErrors(form, e)
    }
  })

  if (!status.data) return null
  const on = status.data.encrypted
  const error = open === 'enable' ? enable.error : change.error
  return (
    <Paper withBorder p="md" mb="md">
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={4}>{t('panelTitle')}</Title>
            <Badge color={on ? 'teal' : 'gray'} data-testid="encryption-status">
              {on ? t('statusOn') : t('statusOff')}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {on ? t('panelOn') : t('panelOff')}
          </Text>
        </Stack>
        <Button variant={on ? 'light' : 'filled'} onClick={() => setOpen(on ? 'change' : 'enable')}>
          {on ? t('change') : t('enable')}
        </Button>
      </Group>
      <Modal
        opened={open !== null}
        onClose={close}
        title={recovery ? t('sheetTitle') : open === 'enable' ? t('enableTitle') : t('changeTitle')}
        size="lg"
        centered
        closeOnClickOutside={!recovery}
        withCloseButton={!recovery}
      >
        {recovery ? (
          <RecoveryKeySheet recoveryKey={recovery.key} org={org?.name ?? ''} createdAt={recovery.at} onDone={close} />
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <Alert color={open === 'enable' ? 'orange' : 'blue'} variant="light">
                {open === 'enable' ? t('enableBody') : byRecovery ? t('recoveryUnlocked') : t('changeBody')}
              </Alert>
              {error && !error.fields.length && <ErrorAlert error={error} />}
              {open === 'change' && !byRecovery && (
                <PasswordInput label={t('currentPassphrase')} autoComplete="off" {...form.getInputProps('current')} />
              )}
              <PasswordInput
                label={t('newPassphrase')}
                description={t('newPassphraseHint')}
                autoComplete="off"
                {...form.getInputProps('next')}
              />
              <PasswordInput label={t('confirmPassphrase')} autoComplete="off" {...form.getInputProps('confirm')} />
              {(enable.loading || change.loading) && (
                <Text size="sm" c="dimmed">
                  {t('encrypting')}
                </Text>
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  {t('cancel')}
                </Button>
                <Button type="submit" color="orange" loading={enable.loading || change.loading}>
                  {open === 'enable' ? t('enableConfirm') : t('changeConfirm')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Paper>
  )
}
