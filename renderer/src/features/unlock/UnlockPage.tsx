import { Button, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../app/session'
import { AuthFrame } from '../../components/AuthFrame'
import { ErrorAlert } from '../../components/ErrorAlert'
import { DamagedOffer } from './DamagedOffer'
import { useUnlockDatabase } from './use-unlock'

type Kind = 'passphrase' | 'recovery'

/** Before login, when the database is encrypted: the passphrase (or the recovery key) opens it. */
export function UnlockPage() {
  const { t } = useTranslation('unlock')
  const { reboot } = useSession()
  const unlock = useUnlockDatabase()
  const [kind, setKind] = useState<Kind>('passphrase')
  // The key was right but the file is damaged: the start-up recovery offer replaces the form.
  const [damaged, setDamaged] = useState<{
    kind: Kind
    secret: string
    message: string
    offerAt: string | null
  } | null>(null)
  const form = useForm({
    initialValues: { secret: '' },
    validate: { secret: (v) => (v ? null : t('required')) },
  })

  const submit = form.onSubmit(async ({ secret }) => {
    try {
      await unlock.mutate({ kind, secret })
      await reboot()
    } catch (e) {
      const data = (e as { data?: Record<string, unknown> }).data
      if (data?.damaged === true)
        setDamaged({
          kind,
          secret,
          message: (e as Error).message,
          offerAt: typeof data.offerCreatedAt === 'string' ? data.offerCreatedAt : null,
        })
      form.setFieldValue('secret', '') // the server's message (attempts left) shows above
    }
  })

  if (damaged)
    return (
      <AuthFrame title={t('damagedTitle')} subtitle={t('damagedSubtitle')}>
        <DamagedOffer {...damaged} onRestored={() => void reboot()} onBack={() => setDamaged(null)} />
      </AuthFrame>
    )

  return (
    <AuthFrame title={t('title')} subtitle={t('subtitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {unlock.error && <ErrorAlert error={unlock.error} />}
          <SegmentedControl
            fullWidth
            value={kind}
            onChange={(v) => {
              setKind(v as Kind)
              form.reset()
            }}
            data={[
              { value: 'passphrase', label: t('byPassphrase') },
              { value: 'recovery', label: t('byRecovery') },
            ]}
          />
          {kind === 'passphrase' ? (
            <PasswordInput
              label={t('passphrase')}
              autoComplete="off"
              autoFocus
              data-autofocus
              {...form.getInputProps('secret')}
            />
          ) : (
            <TextInput
              label={t('recoveryKey')}
              placeholder={t('recoveryPlaceholder')}
              autoComplete="off"
              autoFocus
              ff="monospace"
              {...form.getInputProps('secret')}
            />
          )}
          <Button type="submit" fullWidth loading={unlock.loading}>
            {t('submit')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('hint')}
          </Text>
        </Stack>
      </form>
    </AuthFrame>
  )
}
