import { Button, Checkbox, Divider, Group, PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../app/session'
import { applyFieldErrors, rules } from '../../app/validation'
import { AuthFrame } from '../../components/AuthFrame'
import { ErrorAlert } from '../../components/ErrorAlert'
import { RecoveryKeySheet } from '../unlock/RecoveryKeySheet'
import { useSetup, useSetupEncryption } from './use-setup'

/** First run: org name, branch code (机构号), the administrator account, optionally a database passphrase. */
export function SetupPage() {
  const { t } = useTranslation()
  const { t: tu } = useTranslation('unlock')
  const { reboot } = useSession()
  const setup = useSetup()
  const encryption = useSetupEncryption()
  const [recovery, setRecovery] = useState<{ key: string; org: string; at: string } | null>(null)
  const [encryptFailed, setEncryptFailed] = useState(false)
  const r = rules(t)
  const form = useForm({
    initialValues: {
      orgName: '',
      branchCode: '',
      adminUsername: '',
      adminDisplayName: '',
      adminPassword: '',
      confirmPassword: '',
      encrypt: false,
      dbPassphrase: '',
      dbConfirm: '',
    },
    validate: {
      orgName: r.orgName,
      branchCode: r.branchCode,
      adminUsername: r.username,
      adminDisplayName: r.displayName,
      adminPassword: r.password,
      confirmPassword: (v, values) => r.sameAs(values.adminPassword)(v),
      dbPassphrase: (v, values) => (values.encrypt && v.length < 10 ? tu('tooShort') : null),
      dbConfirm: (v, values) => (values.encrypt && v !== values.dbPassphrase ? tu('mismatch') : null),
    },
  })

  const submit = form.onSubmit(async ({ confirmPassword: _c, encrypt, dbPassphrase, dbConfirm: _d, ...input }) => {
    try {
      await setup.mutate(input)
    } catch (e) {
      applyFieldErrors(form, e)
      return
    }
    if (!encrypt) return reboot('setupDone')
    try {
      const r = await encryption.run(input.adminUsername, input.adminPassword, dbPassphrase)
      setRecovery({ key: r.recoveryKey, org: input.orgName, at: new Date().toISOString() })
    } catch {
      setEncryptFailed(true) // the org and admin exist; encryption can be enabled later
    }
  })

  if (recovery)
    return (
      <AuthFrame title={tu('sheetTitle')} width={560}>
        {/* Logged in as the new administrator: continue straight into the app. */}
        <RecoveryKeySheet
          recoveryKey={recovery.key}
          org={recovery.org}
          createdAt={recovery.at}
          onDone={() => void reboot()}
        />
      </AuthFrame>
    )
  if (encryptFailed && encryption.error)
    return (
      <AuthFrame title={t('setup.title')} width={560}>
        <Stack gap="md">
          <ErrorAlert error={encryption.error} />
          <Text size="sm">{tu('setupExplain')}</Text>
          <Group justify="flex-end">
            <Button onClick={() => void reboot()}>{tu('continue')}</Button>
          </Group>
        </Stack>
      </AuthFrame>
    )

  return (
    <AuthFrame title={t('setup.title')} subtitle={t('setup.subtitle')} width={560}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {setup.error && !setup.error.fields.length && <ErrorAlert error={setup.error} />}
          <Divider label={t('setup.orgSection')} labelPosition="left" />
          {/* Org name and 机构号 side by side: with every error shown the submit button still fits 1366×768. */}
          <SimpleGrid cols={2}>
            <TextInput
              label={t('setup.orgName')}
              description={'\u00a0'}
              placeholder={t('setup.orgNamePlaceholder')}
              withAsterisk
              data-autofocus
              autoFocus
              {...form.getInputProps('orgName')}
            />
            <TextInput
              label={t('setup.branchCode')}
              description={t('setup.branchCodeHint')}
              withAsterisk
              {...form.getInputProps('branchCode')}
            />
          </SimpleGrid>
          <Divider label={t('setup.adminSection')} labelPosition="left" />
          <SimpleGrid cols={2}>
            <TextInput
              label={t('setup.adminUsername')}
              description={t('setup.adminUsernameHint')}
              withAsterisk
              autoComplete="username"
              {...form.getInputProps('adminUsername')}
            />
            <TextInput
              label={t('setup.adminDisplayName')}
              description={'\u00a0'}
              withAsterisk
              {...form.getInputProps('adminDisplayName')}
            />
            <PasswordInput
              label={t('setup.password')}
              description={t('setup.passwordHint')}
              withAsterisk
              autoComplete="new-password"
              {...form.getInputProps('adminPassword')}
            />
            <PasswordInput
              label={t('setup.confirmPassword')}
              description={'\u00a0'}
              withAsterisk
              autoComplete="new-password"
              {...form.getInputProps('confirmPassword')}
            />
          </SimpleGrid>
          {form.values.encrypt && (
            <>
              <Divider label={tu('setupSection')} labelPosition="left" />
              <Text size="sm" c="dimmed">
                {tu('setupExplain')}
              </Text>
              <SimpleGrid cols={2}>
                <PasswordInput
                  label={tu('newPassphrase')}
                  description={tu('newPassphraseHint')}
                  withAsterisk
                  autoComplete="off"
                  {...form.getInputProps('dbPassphrase')}
                />
                <PasswordInput
                  label={tu('confirmPassphrase')}
                  description={'\u00a0'}
                  withAsterisk
                  autoComplete="off"
                  {...form.getInputProps('dbConfirm')}
                />
              </SimpleGrid>
            </>
          )}
          {/* The optional encryption sits beside the button: unchecked it costs no height (1366×768). */}
          <Group justify="space-between" align="flex-start" mt="sm" wrap="nowrap">
            <Checkbox
              label={tu('setupEnable')}
              description={tu('setupShort')}
              {...form.getInputProps('encrypt', { type: 'checkbox' })}
            />
            <Button type="submit" loading={setup.loading || encryption.loading}>
              {t('setup.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthFrame>
  )
}
