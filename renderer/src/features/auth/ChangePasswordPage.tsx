import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../app/session'
import { applyFieldErrors, rules } from '../../app/validation'
import { AuthFrame } from '../../components/AuthFrame'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useChangePassword } from './use-auth'

/** Forced password change for new users and after an admin reset (mustChangePassword). */
export function ChangePasswordPage() {
  const { t } = useTranslation()
  const { refresh, logout } = useSession()
  const change = useChangePassword()
  const r = rules(t)
  const form = useForm({
    initialValues: { oldPassword: '', newPassword: '', confirm: '' },
    validate: {
      oldPassword: r.required,
      newPassword: (v, values) => r.password(v) ?? (v === values.oldPassword ? t('validation.passwordSame') : null),
      confirm: (v, values) => r.sameAs(values.newPassword)(v),
    },
  })

  const submit = form.onSubmit(async ({ oldPassword, newPassword }) => {
    try {
      await change.mutate({ oldPassword, newPassword })
      notifications.show({ color: 'teal', message: t('changePassword.done') })
      await refresh()
    } catch (e) {
      applyFieldErrors(form, e)
    }
  })

  return (
    <AuthFrame title={t('changePassword.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Alert color="blue" variant="light">
            {t('changePassword.forcedHint')}
          </Alert>
          {change.error && !change.error.fields.length && <ErrorAlert error={change.error} />}
          <PasswordInput
            label={t('changePassword.oldPassword')}
            autoComplete="current-password"
            autoFocus
            {...form.getInputProps('oldPassword')}
          />
          <PasswordInput
            label={t('changePassword.newPassword')}
            description={t('setup.passwordHint')}
            autoComplete="new-password"
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label={t('changePassword.confirm')}
            autoComplete="new-password"
            {...form.getInputProps('confirm')}
          />
          <Group justify="space-between" mt="xs">
            <Button variant="subtle" color="gray" onClick={() => void logout()}>
              {t('changePassword.logoutInstead')}
            </Button>
            <Button type="submit" loading={change.loading}>
              {t('changePassword.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthFrame>
  )
}
