import { Button, Center, Loader, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../components/ErrorAlert'
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage'
import { LockScreen } from '../features/auth/LockScreen'
import { LoginPage } from '../features/auth/LoginPage'
import { SetupPage } from '../features/setup/SetupPage'
import { UnlockPage } from '../features/unlock/UnlockPage'
import { AppLayout } from './AppLayout'
import { useSession } from './session'

/** Chooses the screen: boot → database unlock (encrypted) → first-run setup → login → forced password change → the app. */
export function App() {
  const { t } = useTranslation()
  const { phase, reboot, locked } = useSession()
  switch (phase.kind) {
    case 'booting':
      return (
        <Center h="100vh">
          <Loader aria-label={t('app.loading')} />
        </Center>
      )
    case 'bootError':
      return (
        <Center h="100vh">
          <Stack w={460} align="center">
            <ErrorAlert error={phase.error} />
            <Button onClick={() => void reboot()}>{t('common.retry')}</Button>
          </Stack>
        </Center>
      )
    case 'dbLocked':
      return <UnlockPage />
    case 'setup':
      return <SetupPage />
    case 'login':
      return <LoginPage notice={phase.notice} />
    case 'ready':
      return (
        <>
          {phase.session.user.mustChangePassword ? <ChangePasswordPage /> : <AppLayout />}
          {locked && <LockScreen />}
        </>
      )
  }
}
