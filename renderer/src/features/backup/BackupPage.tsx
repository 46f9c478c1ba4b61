import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  Progress,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import type { BackupView } from '@shared/api'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { toApiError } from '../../api/hooks'
import { formatDateTime } from '../../app/format'
import { ErrorAlert } from '../../components/ErrorAlert'
import { ForbiddenPage } from '../../components/ForbiddenPage'
import { PageHeader } from '../../components/PageHeader'
import { BackupPassphraseModal, needsBackupPassphrase, type PassphraseRequest } from './BackupPassphraseModal'
import { BackupTable } from './BackupTable'
import { EncryptionPanel } from './EncryptionPanel'
import { RestoreFromFile } from './RestoreFromFile'
import {
  useBackups,
  useBackupSettings,
  useCreateBackup,
  useDrillBackup,
  useRestoreBackup,
  useSetGenerations,
} from './use-backup'

/** 备份与恢复: back up now (here or to a folder), keep N, list, restore, restore drill. */
export function BackupPage() {
  const { t } = useTranslation('backup')
  const list = useBackups()
  const settings = useBackupSettings()
  const create = useCreateBackup()
  const restore = useRestoreBackup()
  const drill = useDrillBackup()
  const setKeep = useSetGenerations()
  const [folder, setFolder] = useState('')
  const [ask, setAsk] = useState<PassphraseRequest | null>(null)
  const [keep, setKeepValue] = useState<number | string>(10)
  useEffect(() => {
    if (settings.data) setKeepValue(settings.data.generations)
  }, [settings.data])

  if (list.error?.code === 'FORBIDDEN') return <ForbiddenPage title={t('title')} error={list.error} />
  const busy = create.loading || restore.loading || drill.loading

  const fail = (e: unknown) => {
    const err = toApiError(e)
    notifications.show({ color: 'red', title: err.message, message: '', autoClose: 10_000 })
  }
  const backUp = async (to?: string) => {
    try {
      const r = await create.mutate(to ? { folder: to } : {})
      notifications.show({
        color: r.verified ? 'teal' : 'red',
        message: r.verified ? t('created', { id: r.id }) : t('createdUnverified', { problem: r.problem ?? '' }),
      })
    } catch (e) {
      fail(e)
    }
    await list.refetch()
  }
  type Source = ({ id: string } | { path: string }) & { passphrase?: string }
  const restoreWith = async (input: Source) => {
    const r = await restore.mutate(input)
    notifications.show({ color: 'teal', message: t('restored', { keptAs: r.keptAs }), autoClose: 10_000 })
    await list.refetch()
  }
  const doRestore = async (input: Source) => {
    try {
      await restoreWith(input)
    } catch (e) {
      // A backup made before a passphrase change: ask for its passphrase, then restore with it.
      if (needsBackupPassphrase(e) && !input.passphrase)
        setAsk({ message: toApiError(e).message, run: (passphrase) => restoreWith({ ...input, passphrase }) })
      else fail(e)
      await list.refetch()
    }
  }
  const askRestore = (b: BackupView) =>
    modals.openConfirmModal({
      title: t('confirmTitle'),
      centered: true,
      children: (
        <Stack gap="xs">
          <Text size="sm">{t('confirmBody', { time: formatDateTime(b.createdAt), kind: t(`kinds.${b.kind}`) })}</Text>
          <Text size="sm" fw={500}>
            {t('confirmContents', {
              borrowers: b.counts.borrowers ?? 0,
              loans: b.counts.loans ?? 0,
              repayments: b.counts.repayments ?? 0,
              users: b.counts.users ?? 0,
            })}
          </Text>
        </Stack>
      ),
      labels: { confirm: t('confirm'), cancel: t('cancel') },
      confirmProps: { color: 'orange', 'data-testid': 'backup-restore-confirm' },
      onConfirm: () => void doRestore({ id: b.id }),
    })
  const drillWith = async (b: BackupView, passphrase?: string) => {
    const r = await drill.mutate(passphrase ? { id: b.id, passphrase } : { id: b.id })
    notifications.show({
      color: r.ok ? 'teal' : 'red',
      message: r.ok ? t('drillOk', { ms: Math.round(r.ms) }) : t('drillFailed', { problem: r.problem ?? '' }),
    })
  }
  const runDrill = async (b: BackupView) => {
    try {
      await drillWith(b)
    } catch (e) {
      if (needsBackupPassphrase(e))
        setAsk({ message: toApiError(e).message, run: (passphrase) => drillWith(b, passphrase) })
      else fail(e)
    }
  }
  const saveKeep = async () => {
    try {
      await setKeep.mutate({ generations: Number(keep) })
      notifications.show({ color: 'teal', message: t('saved') })
    } catch (e) {
      fail(e)
    }
  }

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <Button onClick={() => void backUp()} loading={create.loading} disabled={busy} data-testid="backup-create">
            {t('createNow')}
          </Button>
        }
      />
      {busy && (
        <Stack gap={4} mb="md">
          <Text size="sm" c="dimmed">
            {t('creating')}
          </Text>
          <Progress value={100} animated striped />
        </Stack>
      )}
      <Group align="stretch" grow mb="md">
        <Paper withBorder p="md">
          <Stack gap="xs">
            <TextInput
              label={t('toFolder')}
              placeholder={t('folderPlaceholder')}
              value={folder}
              onChange={(e) => setFolder(e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button
                variant="light"
                disabled={busy || folder.trim() === ''}
                onClick={() => void backUp(folder.trim())}
              >
                {t('backupToFolder')}
              </Button>
            </Group>
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Group align="flex-end" wrap="nowrap">
              <NumberInput label={t('keep')} min={2} max={100} value={keep} onChange={setKeepValue} w={140} />
              <Button variant="light" onClick={() => void saveKeep()} loading={setKeep.loading}>
                {t('save')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed">
              {t('keepHint')}
            </Text>
            {settings.data && (
              <Text size="xs" c="dimmed" ff="monospace">
                {t('location', { folder: settings.data.folder })}
              </Text>
            )}
          </Stack>
        </Paper>
      </Group>
      <EncryptionPanel onChanged={() => void list.refetch()} />
      <Paper withBorder p="md" mb="md">
        <Title order={4} mb="sm">
          {t('list')}
        </Title>
        {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        {list.loading && !list.data ? (
          <Skeleton h={120} />
        ) : (
          <BackupTable rows={list.data ?? []} busy={busy} onRestore={askRestore} onDrill={(b) => void runDrill(b)} />
        )}
      </Paper>
      <RestoreFromFile
        busy={busy}
        onRestore={(path, passphrase) => void doRestore(passphrase ? { path, passphrase } : { path })}
        onNeedsPassphrase={setAsk}
      />
      <BackupPassphraseModal request={ask} onClose={() => setAsk(null)} />
      {restore.error && (
        <Alert color="red" mt="md">
          {restore.error.message}
        </Alert>
      )}
    </>
  )
}
