import { Button, Divider, Group, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../app/session'
import { applyFieldErrors, rules } from '../../app/validation'
import { AuthFrame } from '../../components/AuthFrame'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useSetup } from './use-setup'

/** First run: org name, branch code (机构号) and the administrator account. */
export function SetupPage() {
  const { t } = useTranslation()
  const { reboot } = useSession()
  const setup = useSetup()
  const r = rules(t)
  const form = useForm({
    initialValues: {
      orgName: '',
      branchCode: '',
      adminUsername: '',
      adminDisplayName: '',
      adminPassword: '',
      confirmPassword: '',
    },
    validate: {
      orgName: r.orgName,
      branchCode: r.branchCode,
      adminUsername: r.username,
      adminDisplayName: r.displayName,
      adminPassword: r.password,
      confirmPassword: (v, values) => r.sameAs(values.adminPassword)(v),
    },
  })

  const submit = form.onSubmit(async ({ confirmPassword: _c, ...input }) => {
    try {
      await setup.mutate(input)
      await reboot('setupDone')
    } catch (e) {
      applyFieldErrors(form, e)
    }
  })

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
          <Group justify="flex-end" mt="sm">
            <Button type="submit" loading={setup.loading}>
              {t('setup.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthFrame>
  )
}
