import { Alert, Button } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../api/client'
import { IconAlert } from './icons'

/** Shows an API error with a translated title and the server's (zh-CN) message. */
export function ErrorAlert({ error, onRetry, mb }: { error: ApiError; onRetry?: () => void; mb?: string }) {
  const { t } = useTranslation()
  const color = error.code === 'FORBIDDEN' || error.code === 'LOCKED' ? 'orange' : 'red'
  return (
    <Alert
      role="alert"
      data-error-code={error.code}
      color={color}
      variant="light"
      title={t(`errors.titles.${error.code}`)}
      icon={<IconAlert size={20} />}
      mb={mb}
    >
      {error.message}
      {onRetry && error.code !== 'FORBIDDEN' && (
        <Button variant="subtle" color={color} size="compact-sm" ml="sm" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  )
}
