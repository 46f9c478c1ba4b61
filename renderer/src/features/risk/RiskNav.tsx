import { Badge, Button, Group, Progress, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { navigate } from '../../app/router'
import { useCounts, useEvaluationJob } from './use-risk'

const TABS = [
  ['/risk', 'board'],
  ['/risk/classification', 'classification'],
  ['/risk/limitation', 'limitation'],
  ['/risk/circles', 'circles'],
  ['/risk/settings', 'settings'],
] as const

/** Sub-navigation of the risk area with open counts per level and the evaluation job. */
export function RiskNav({ current, onEvaluated }: { current: string; onEvaluated?: () => void }) {
  const { t } = useTranslation('risk')
  const counts = useCounts()
  const { job, start } = useEvaluationJob({
    onDone: () => {
      void counts.refetch()
      onEvaluated?.()
    },
  })
  const c = counts.data
  return (
    <Group justify="space-between" className="print-actions" wrap="wrap">
      <Group gap={6}>
        {TABS.map(([path, key]) => (
          <Button key={path} size="xs" variant={current === path ? 'filled' : 'default'} onClick={() => navigate(path)}>
            {t(key)}
          </Button>
        ))}
      </Group>
      <Group gap={8}>
        {c &&
          (['red', 'orange', 'yellow'] as const).map((l) => (
            <Badge key={l} color={l === 'yellow' ? 'yellow' : l} variant="light" data-testid={`count-${l}`}>
              {t(l)} {c[l]}
            </Badge>
          ))}
        <Text size="xs" c="dimmed">
          {c?.lastRunOn ? t('lastRun', { date: c.lastRunOn }) : t('neverRun')}
        </Text>
        <Button size="xs" variant="light" loading={job?.state === 'running'} onClick={() => void start()}>
          {t('run')}
        </Button>
      </Group>
      {job?.state === 'running' && (
        <Group w="100%" gap={8}>
          <Progress value={(100 * job.step) / Math.max(1, job.steps)} w={240} />
          <Text size="xs">
            {t('running', {
              phase: t(`rules.${job.phase}` as 'rules.overdue', { defaultValue: job.phase }) as string,
              step: job.step,
              steps: job.steps,
            })}
          </Text>
        </Group>
      )}
      {job?.state === 'done' && job.result && (
        <Text size="xs" c="teal" w="100%">
          {t('runDone', {
            loans: job.result.loans,
            opened: job.result.warningsOpened,
            resolved: job.result.warningsResolved,
          })}
        </Text>
      )}
      {job?.state === 'failed' && (
        <Text size="xs" c="red" w="100%">
          {t('runFailed', { error: job.error ?? '' })}
        </Text>
      )}
    </Group>
  )
}
