import {
  Box,
  Button,
  Center,
  FocusTrap,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../api/client'
import { toApiError } from '../../api/hooks'
import { useCurrentSession, useSession } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { IconLock } from '../../components/icons'

/**
 * Covers the app while locked (idle, Ctrl+L, or a LOCKED answer). The page underneath stays
 * mounted, so unlocking returns to unsaved work.
 */
export function LockScreen() {
  const { t } = useTranslation()
  const { unlock, logout } = useSession()
  const { user } = useCurrentSession()
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const form = useForm({
    initialValues: { password: '' },
    validate: { password: (v) => (v ? null : t('validation.required')) },
  })

  const submit = form.onSubmit(async ({ password }) => {
    setBusy(true)
    setError(null)
    try {
      await unlock(password)
    } catch (e) {
      setError(toApiError(e, 'auth.unlock'))
      form.setFieldValue('password', '')
      setBusy(false)
    }
  })

  return (
    <Box
      role="dialog"
      aria-modal="true"
      aria-labelledby="lock-title"
      data-testid="lock-screen"
      pos="fixed"
      inset={0}
      style={{ zIndex: 1000, background: 'rgba(20, 40, 70, 0.55)', backdropFilter: 'blur(8px)' }}
    >
      <Center h="100%">
        <FocusTrap active>
          <Paper withBorder shadow="xl" radius="md" p="xl" w={380}>
            <form onSubmit={submit} noValidate>
              <Stack gap="md">
                <Group gap="sm">
                  <ThemeIcon size={40} radius="xl" variant="light">
                    <IconLock size={22} />
                  </ThemeIcon>
                  <Title order={3} id="lock-title">
                    {t('lock.title')}
                  </Title>
                </Group>
                <Text size="sm" c="dimmed">
                  {t('lock.hint', { name: user.displayName, username: user.username })}
                </Text>
                {error && <ErrorAlert error={error} />}
                <PasswordInput
                  label={t('lock.password')}
                  autoComplete="current-password"
                  data-autofocus
                  autoFocus
                  {...form.getInputProps('password')}
                />
                <Group justify="space-between">
                  <Button variant="subtle" color="gray" onClick={() => void logout()}>
                    {t('lock.logout')}
                  </Button>
                  <Button type="submit" loading={busy}>
                    {t('lock.unlock')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Paper>
        </FocusTrap>
      </Center>
    </Box>
  )
}
