import { Badge, Group, Paper, Text, UnstyledButton } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { navigate } from '../../app/router'
import { useCan } from '../../app/session'
import { useCounts } from './use-risk'

/** Dashboard card: open warnings per level; a level opens the board filtered to it. */
export function RiskCounts() {
  const can = useCan()
  return can('loans.read') ? <Counts /> : null
}

function Counts() {
  const { t } = useTranslation('risk')
  const q = useCounts()
  const c = q.data
  return (
    <Paper withBorder radius="md" p="lg" data-testid="risk-counts">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('counts')}
        </Text>
        <Text size="xs" c="dimmed">
          {c?.lastRunOn ? t('lastRun', { date: c.lastRunOn }) : t('neverRun')}
        </Text>
      </Group>
      <Group mt="xs" gap="lg">
        {(['red', 'orange', 'yellow'] as const).map((l) => (
          <UnstyledButton key={l} onClick={() => navigate(`/risk?level=${l}&status=open`)}>
            <Group gap={6}>
              <Badge color={l} variant="filled" size="lg">
                {t(l)}
              </Badge>
              <Text fz="xl" fw={700} data-testid={`risk-count-${l}`}>
                {c?.[l] ?? '—'}
              </Text>
            </Group>
          </UnstyledButton>
        ))}
      </Group>
    </Paper>
  )
}
