import { Button, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../api/client'
import { navigate } from '../app/router'
import { ErrorAlert } from './ErrorAlert'
import { PageHeader } from './PageHeader'

/** A whole page the user may not open: the server's FORBIDDEN message and a way back. */
export function ForbiddenPage({ title, error }: { title: string; error: ApiError }) {
  const { t } = useTranslation()
  return (
    <Stack gap="md" maw={760}>
      <PageHeader title={title} />
      <ErrorAlert error={error} />
      <Text size="sm" c="dimmed">
        {t('errors.forbiddenHint')}
      </Text>
      <div>
        <Button variant="default" onClick={() => navigate('/')}>
          {t('notFound.back')}
        </Button>
      </div>
    </Stack>
  )
}
