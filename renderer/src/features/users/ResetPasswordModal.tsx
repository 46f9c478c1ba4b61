import { Alert, Button, Group, Modal, PasswordInput, Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import type { UserView } from '@shared/api'
import { useTranslation } from 'react-i18next'
import { applyFieldErrors, rules } from '../../app/validation'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useResetPassword } from './use-users'

/** Admin sets a temporary password; the user must change it at next sign-in. */
export function ResetPasswordModal({
  user,
  onClose,
  onSaved,
}: {
  user: UserView | null
  onClose: () => void
  onSaved: () => void
}) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      centered
      title={user ? t('users.resetTitle', { name: user.displayName, username: user.username }) : ''}
    >
      {user && <ResetForm user={user} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  )
}

function ResetForm({ user, onClose, onSaved }: { user: UserView; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation()
  const r = rules(t)
  const reset = useResetPassword()
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: { password: r.password, confirm: (v, values) => r.sameAs(values.password)(v) },
  })
  const submit = form.onSubmit(async ({ password }) => {
    try {
      await reset.mutate({ id: user.id, password })
      notifications.show({ color: 'teal', message: t('users.resetDone', { username: user.username }) })
      onSaved()
    } catch (e) {
      applyFieldErrors(form, e)
    }
  })
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Alert color="orange" variant="light">
          {t('users.resetHint')}
        </Alert>
        {reset.error && !reset.error.fields.length && <ErrorAlert error={reset.error} />}
        <PasswordInput
          label={t('users.newPassword')}
          description={t('setup.passwordHint')}
          withAsterisk
          data-autofocus
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <PasswordInput
          label={t('changePassword.confirm')}
          withAsterisk
          autoComplete="new-password"
          {...form.getInputProps('confirm')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="orange" loading={reset.loading}>
            {t('users.resetPassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
