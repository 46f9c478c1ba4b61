import { Badge, Button, EmptyState, Group, Paper, Skeleton, Table, Text } from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import type { UserView } from '@shared/api'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { toApiError } from '../../api/hooks'
import { formatDateTime } from '../../app/format'
import { useCurrentSession } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { ForbiddenPage } from '../../components/ForbiddenPage'
import { IconPlus, IconUsers } from '../../components/icons'
import { PageHeader } from '../../components/PageHeader'
import { ResetPasswordModal } from './ResetPasswordModal'
import { UserFormModal } from './UserFormModal'
import { useUpdateUser, useUsers } from './use-users'

/** 用户管理: list, create, edit name/role, disable/enable, reset password. */
export function UsersPage() {
  const { t } = useTranslation()
  const me = useCurrentSession().user
  const { data, error, loading, refetch } = useUsers()
  const update = useUpdateUser()
  const [form, setForm] = useState<{ user: UserView | null } | null>(null)
  const [resetting, setResetting] = useState<UserView | null>(null)

  if (error?.code === 'FORBIDDEN') {
    return <ForbiddenPage title={t('users.title')} error={error} />
  }

  const toggleDisabled = (u: UserView) => {
    const disabling = !u.disabled
    const vars = { name: u.displayName, username: u.username }
    modals.openConfirmModal({
      title: t(disabling ? 'users.confirmDisableTitle' : 'users.confirmEnableTitle'),
      children: <Text size="sm">{t(disabling ? 'users.confirmDisable' : 'users.confirmEnable', vars)}</Text>,
      labels: { confirm: t(disabling ? 'users.disable' : 'users.enable'), cancel: t('common.cancel') },
      confirmProps: { color: disabling ? 'red' : 'teal', 'data-autofocus': true },
      centered: true,
      onConfirm: async () => {
        try {
          await update.mutate({ id: u.id, disabled: disabling })
          notifications.show({
            color: 'teal',
            message: t(disabling ? 'users.disabledDone' : 'users.enabledDone', { username: u.username }),
          })
        } catch (e) {
          const err = toApiError(e)
          notifications.show({ color: 'red', title: t(`errors.titles.${err.code}`), message: err.message })
        }
        await refetch()
      },
    })
  }

  const rows = (data ?? []).map((u) => (
    <Table.Tr key={u.id} data-testid={`user-row-${u.username}`} c={u.disabled ? 'dimmed' : undefined}>
      <Table.Td ff="monospace">{u.username}</Table.Td>
      <Table.Td>
        {u.displayName}
        {u.id === me.id && (
          <Text span c="dimmed" size="sm">
            {t('users.you')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
      <Table.Td>
        <Group gap={4}>
          {u.disabled ? (
            <Badge color="gray">{t('users.disabled')}</Badge>
          ) : (
            <Badge color="teal" variant="light">
              {t('users.active')}
            </Badge>
          )}
          {u.mustChangePassword && !u.disabled && (
            <Badge color="orange" variant="light">
              {t('users.mustChange')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        {u.lastLoginAt ? (
          formatDateTime(u.lastLoginAt)
        ) : (
          <Text span c="dimmed" size="sm">
            {t('users.never')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          <Button size="compact-sm" variant="subtle" onClick={() => setForm({ user: u })}>
            {t('users.edit')}
          </Button>
          <Button size="compact-sm" variant="subtle" color="orange" onClick={() => setResetting(u)}>
            {t('users.resetPassword')}
          </Button>
          {u.id !== me.id && (
            <Button
              size="compact-sm"
              variant="subtle"
              color={u.disabled ? 'teal' : 'red'}
              w={56}
              onClick={() => toggleDisabled(u)}
            >
              {u.disabled ? t('users.enable') : t('users.disable')}
            </Button>
          )}
          {u.id === me.id && <span style={{ display: 'inline-block', width: 56 }} />}
        </Group>
      </Table.Td>
    </Table.Tr>
  ))

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setForm({ user: null })} disabled={!data}>
            {t('users.create')}
          </Button>
        }
      />
      {error && <ErrorAlert error={error} onRetry={() => void refetch()} mb="md" />}
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={760}>
          <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.username')}</Table.Th>
                <Table.Th>{t('users.displayName')}</Table.Th>
                <Table.Th>{t('users.role')}</Table.Th>
                <Table.Th>{t('users.status')}</Table.Th>
                <Table.Th>{t('users.lastLogin')}</Table.Th>
                <Table.Th ta="right">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {loading && !data
                ? [0, 1, 2].map((i) => (
                    <Table.Tr key={i}>
                      {[0, 1, 2, 3, 4, 5].map((j) => (
                        <Table.Td key={j}>
                          <Skeleton h={16} />
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))
                : rows}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {data && data.length === 0 && (
          <EmptyState
            py="xl"
            icon={<IconUsers size={28} />}
            withIndicatorBackground
            title={t('users.empty')}
            description={t('users.emptyHint')}
          />
        )}
      </Paper>

      <UserFormModal
        opened={form !== null}
        user={form?.user ?? null}
        onClose={() => setForm(null)}
        onSaved={() => {
          setForm(null)
          void refetch()
        }}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        onSaved={() => {
          setResetting(null)
          void refetch()
        }}
      />
    </>
  )
}
