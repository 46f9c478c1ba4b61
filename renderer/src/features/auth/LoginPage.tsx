import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../api/client'
import { toApiError } from '../../api/hooks'
import { type LoginNotice, useSession } from '../../app/session'
import { AuthFrame } from '../../components/AuthFrame'
import { ErrorAlert } from '../../components/ErrorAlert'

const NOTICE_KEYS = {
  sessionExpired: 'errors.sessionExpired',
  loggedOut: 'header.loggedOut',
  setupDone: 'setup.done',
} as const satisfies Record<LoginNotice, string>

/** Username + password; shows the server's message (wrong password, attempts left, lockout). */
export function LoginPage({ notice }: { notice?: LoginNotice }) {
  const { t } = useTranslation()
  const { login, org } = useSession()
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: {
      username: (v) => (v.trim() ? null : t('validation.required')),
      password: (v) => (v ? null : t('validation.required')),
    },
  })

  const submit = form.onSubmit(async (values) => {
    setBusy(true)
    setError(null)
    try {
      await login(values.username.trim(), values.password)
    } catch (e) {
      setError(toApiError(e, 'auth.login'))
      form.setFieldValue('password', '')
      setBusy(false)
    }
  })

  return (
    <AuthFrame title={t('login.title')} subtitle={org ? `${org.name}（${org.branchCode}）` : t('login.subtitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {error ? (
            <ErrorAlert error={error} />
          ) : (
            notice && (
              <Alert color={notice === 'sessionExpired' ? 'orange' : 'teal'} variant="light">
                {t(NOTICE_KEYS[notice])}
              </Alert>
            )
          )}
          <TextInput
            label={t('login.username')}
            autoComplete="username"
            autoFocus
            {...form.getInputProps('username')}
          />
          <PasswordInput
            label={t('login.password')}
            autoComplete="current-password"
            {...form.getInputProps('password')}
          />
          <Button type="submit" fullWidth loading={busy} mt="xs">
            {t('login.submit')}
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            {t('login.offline')}
          </Text>
        </Stack>
      </form>
    </AuthFrame>
  )
}
