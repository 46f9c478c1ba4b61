import { Button, EmptyState } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { IconInbox } from '../components/icons'
import { navigate } from './router'

/** Unknown hash route. */
export function NotFoundPage({ path }: { path: string }) {
  const { t } = useTranslation()
  return (
    <EmptyState
      mt={80}
      icon={<IconInbox size={32} />}
      withIndicatorBackground
      title={t('notFound.title')}
      description={t('notFound.hint', { path })}
    >
      <EmptyState.Actions>
        <Button onClick={() => navigate('/')}>{t('notFound.back')}</Button>
      </EmptyState.Actions>
    </EmptyState>
  )
}
