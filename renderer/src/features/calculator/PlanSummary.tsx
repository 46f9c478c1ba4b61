import { Alert, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { amountInWords, formatFen } from '@shared/domain'
import { useTranslation } from 'react-i18next'
import { IconAlert } from '../../components/icons'
import type { Evaluation, PlanTotals } from './evaluate'

function Figure({ label, value, testId, hint }: { label: string; value: string; testId: string; hint?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={22} fw={700} lh={1.2} data-testid={testId}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Stack>
  )
}

/** Key figures of the plan: first/last payment, totals, maturity, 大写. */
export function PlanSummary({ totals }: { totals: PlanTotals }) {
  const { t } = useTranslation()
  return (
    <Paper withBorder radius="md" p="lg" data-testid="calc-summary">
      <Title order={4} mb="md">
        {t('calculator.summary')}
      </Title>
      <SimpleGrid cols={{ base: 2, lg: 5 }} spacing="md">
        <Figure label={t('calculator.firstPayment')} value={formatFen(totals.firstPayment)} testId="first-payment" />
        <Figure label={t('calculator.lastPayment')} value={formatFen(totals.lastPayment)} testId="last-payment" />
        <Figure label={t('calculator.totalInterest')} value={formatFen(totals.totalInterest)} testId="total-interest" />
        <Figure label={t('calculator.totalPayment')} value={formatFen(totals.totalPayment)} testId="total-payment" />
        <Figure
          label={t('calculator.maturity')}
          value={totals.maturity}
          testId="maturity"
          hint={t('calculator.periods', { count: totals.rows })}
        />
      </SimpleGrid>
      <Stack gap={4} mt="md">
        <Group gap="xs" wrap="nowrap" align="baseline">
          <Text size="sm" c="dimmed" miw={120}>
            {t('calculator.firstWords')}
          </Text>
          <Text size="sm" data-testid="first-words">
            {t('calculator.yuan', { words: amountInWords(totals.firstPayment) })}
          </Text>
        </Group>
        <Group gap="xs" wrap="nowrap" align="baseline">
          <Text size="sm" c="dimmed" miw={120}>
            {t('calculator.totalWords')}
          </Text>
          <Text size="sm" data-testid="total-words">
            {t('calculator.yuan', { words: amountInWords(totals.totalPayment) })}
          </Text>
        </Group>
      </Stack>
    </Paper>
  )
}

/** §4: warns when the all-in annual cost (with the 罚息 markup) exceeds the 24 % cap. */
export function CostWarning({ warning }: { warning: NonNullable<Evaluation['costWarning']> }) {
  const { t } = useTranslation()
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlert size={20} />}
      title={t('calculator.costWarningTitle')}
      data-testid="cost-warning"
    >
      {t('calculator.costWarning', warning)}
    </Alert>
  )
}
