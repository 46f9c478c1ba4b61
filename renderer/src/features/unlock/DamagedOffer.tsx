import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { modals } from '@mantine/modals'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../app/format'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useRestoreDamagedDatabase } from './use-unlock'

/**
 * The start-up recovery offer for an encrypted database (the right key, a damaged file): says so
 * plainly, offers the latest verified backup and restores it after a confirmation; the damaged
 * file is kept aside, never overwritten.
 */
export function DamagedOffer({
  kind,
  secret,
  message,
  offerAt,
  onRestored,
  onBack,
}: {
  kind: 'passphrase' | 'recovery'
  secret: string
  message: string
  offerAt: string | null
  onRestored: () => void
  onBack: () => void
}) {
  const { t } = useTranslation('unlock')
  const restore = useRestoreDamagedDatabase()
  const [done, setDone] = useState<{ restoredFrom: string; keptDamagedAs: string | null } | null>(null)

  const ask = () =>
    modals.openConfirmModal({
      title: t('damagedConfirmTitle'),
      centered: true,
      children: <Text size="sm">{t('damagedConfirmBody', { time: offerAt ? formatDateTime(offerAt) : '' })}</Text>,
      labels: { confirm: t('damagedRestore'), cancel: t('cancel') },
      confirmProps: { color: 'orange', 'data-testid': 'damaged-restore-confirm' },
      onConfirm: () =>
        void restore
          .mutate({ kind, secret })
          .then(setDone)
          .catch(() => undefined),
    })

  if (done)
    return (
      <Stack gap="md">
        <Alert color="teal" variant="light" data-testid="damaged-restored">
          {t('damagedDone', { id: done.restoredFrom })}
          {done.keptDamagedAs && (
            <Text size="sm" mt={4} ff="monospace">
              {t('damagedKept', { file: done.keptDamagedAs })}
            </Text>
          )}
        </Alert>
        <Button fullWidth onClick={onRestored}>
          {t('continue')}
        </Button>
      </Stack>
    )
  return (
    <Stack gap="md">
      <Alert color="red" variant="light" title={t('damagedHeading')} data-testid="damaged-offer">
        {message}
      </Alert>
      {restore.error && <ErrorAlert error={restore.error} />}
      {offerAt ? <Text size="sm">{t('damagedOffer')}</Text> : <Text size="sm">{t('damagedNoBackup')}</Text>}
      <Group justify="space-between">
        <Button variant="subtle" onClick={onBack}>
          {t('damagedBack')}
        </Button>
        {offerAt && (
          <Button color="orange" onClick={ask} loading={restore.loading} data-testid="damaged-restore">
            {t('damagedRestore')}
          </Button>
        )}
      </Group>
    </Stack>
  )
}
