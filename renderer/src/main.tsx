import '@mantine/core/styles.css'
import '@mantine/dates/styles.css'
import '@mantine/notifications/styles.css'
import '@mantine/charts/styles.css'
import './app/global.css'
import 'dayjs/locale/zh-cn'
import './i18n'
import { MantineProvider } from '@mantine/core'
import { DatesProvider } from '@mantine/dates'
import { ModalsProvider } from '@mantine/modals'
import { Notifications } from '@mantine/notifications'
import { StrictMode, useMemo } from 'react'
import { createRoot } from 'react-dom/client'
import { useTranslation } from 'react-i18next'
import { App } from './app/App'
import { SessionProvider } from './app/session'
import { makeTheme } from './app/theme'

function Providers() {
  const { t, i18n } = useTranslation()
  const theme = useMemo(() => makeTheme(t), [t])
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'zh-cn', firstDayOfWeek: 1 }}>
        <ModalsProvider>
          <Notifications position="bottom-right" autoClose={4000} />
          <SessionProvider>
            <App />
          </SessionProvider>
        </ModalsProvider>
      </DatesProvider>
    </MantineProvider>
  )
}

const root = document.getElementById('root')
if (!root) throw new Error('#root missing')
createRoot(root).render(
  <StrictMode>
    <Providers />
  </StrictMode>,
)
