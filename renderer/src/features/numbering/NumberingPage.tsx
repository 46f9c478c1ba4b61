import { Button, Group, Paper, Stack, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from '../../api/hooks'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'

/** Settings of the 合同号/借据号 patterns (机构号-年度-流水号), with an example of each. */
export function NumberingPage() {
  const { t } = useTranslation('numbering')
  const got = useQuery('numbering.get', {})
  const save = useMutation('numbering.setPatterns')
  const [v, setV] = useState({ contractPattern: '', iouPattern: '' })
  useEffect(() => {
    if (got.data) setV({ contractPattern: got.data.contractPattern, iouPattern: got.data.iouPattern })
  }, [got.data])
  const shown = save.data ?? got.data
  const fieldError = (path: string) => save.error?.fields.find((f) => f.path === path)?.message
  const submit = () =>
    save.mutate(v).then(
      () => notifications.show({ color: 'teal', message: t('saved') }),
      () => undefined,
    )

  return (
    <Stack>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      {got.error && <ErrorAlert error={got.error} onRetry={() => void got.refetch()} />}
      {save.error && !save.error.fields.length && <ErrorAlert error={save.error} />}
      <Paper withBorder p="md" maw={640}>
        <form
          onSubmit={(e) => {
            e.preventDefault()
            void submit()
          }}
        >
          <Stack>
            <TextInput
              label={t('contract')}
              description={t('hint')}
              value={v.contractPattern}
              error={fieldError('contractPattern')}
              onChange={(e) => setV({ ...v, contractPattern: e.currentTarget.value })}
              data-testid="contract-pattern"
            />
            {shown && <div data-testid="contract-example">{t('example', { example: shown.contractExample })}</div>}
            <TextInput
              label={t('iou')}
              description={t('hint')}
              value={v.iouPattern}
              error={fieldError('iouPattern')}
              onChange={(e) => setV({ ...v, iouPattern: e.currentTarget.value })}
            />
            {shown && <div>{t('example', { example: shown.iouExample })}</div>}
            <Group justify="flex-end">
              <Button type="submit" loading={save.loading}>
                {t('save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  )
}
