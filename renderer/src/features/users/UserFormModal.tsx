import { Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { type Role, type UserView } from '@shared/api'
import { useTranslation } from 'react-i18next'
import { applyFieldErrors, rules } from '../../app/validation'
import { ErrorAlert } from '../../components/ErrorAlert'
import { roleOptions } from './role-options'
import { useCreateUser, useUpdateUser } from './use-users'

/** Create a user (username, name, role, initial password) or edit one's name and role. */
export function UserFormModal({
  user,
  opened,
  onClose,
  onSaved,
}: {
  user: UserView | null
  opened: boolean
  onClose: () => void
  onSaved: () => void
}) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={user ? t('users.editTitle', { username: user.username }) : t('users.createTitle')}
      size="md"
      centered
    >
      {opened && <UserForm user={user} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  )
}

function UserForm({ user, onClose, onSaved }: { user: UserView | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation()
  const r = rules(t)
  const create = useCreateUser()
  const update = useUpdateUser()
  const editing = user !== null
  const form = useForm({
    initialValues: {
      username: user?.username ?? '',
      displayName: user?.displayName ?? '',
      role: (user?.role ?? 'officer') as Role,
      password: '',
    },
    validate: {
      username: editing ? () => null : r.username,
      displayName: r.displayName,
      role: (v) => (v ? null : t('validation.required')),
      password: editing ? () => null : r.password,
    },
  })
  const error = editing ? update.error : create.error

  const submit = form.onSubmit(async (v) => {
    try {
      if (user) {
        await update.mutate({ id: user.id, displayName: v.displayName.trim(), role: v.role })
        notifications.show({ color: 'teal', message: t('users.updated', { username: user.username }) })
      } else {
        await create.mutate({
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          role: v.role,
          password: v.password,
        })
        notifications.show({ color: 'teal', message: t('users.created', { username: v.username.trim() }) })
      }
      onSaved()
    } catch (e) {
      applyFieldErrors(form, e)
    }
  })

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {error && !error.fields.length && <ErrorAlert error={error} />}
        {!editing && (
          <TextInput
            label={t('users.username')}
            description={t('setup.adminUsernameHint')}
            withAsterisk
            data-autofocus
            autoComplete="off"
            {...form.getInputProps('username')}
          />
        )}
        <TextInput
          label={t('users.displayName')}
          withAsterisk
          data-autofocus={editing || undefined}
          {...form.getInputProps('displayName')}
        />
        <Select
          label={t('users.role')}
          withAsterisk
          allowDeselect={false}
          data={roleOptions(t)}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('role')}
        />
        {!editing && (
          <PasswordInput
            label={t('users.initialPassword')}
            description={`${t('setup.passwordHint')}；${t('users.initialPasswordHint')}`}
            withAsterisk
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
        )}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.loading || update.loading}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
