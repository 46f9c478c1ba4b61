import { Badge, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { EvaluationView, LoanHeadView } from '@shared/api'
import { Money } from './Money'

type Key = 'outstanding' | 'payoff' | 'overduePrincipal' | 'penaltyAll' | 'category' | 'bucket' | 'officer' | 'maturity'

/** State shown for a loan: 逾期 (with DPD) whenever an active loan is past due, never 正常 then. */
export function loanState(
  status: string,
  e: EvaluationView | undefined,
): { key: 'overdue' | 'active' | 'settled' | 'written_off' | 'cancelled'; color: string } {
  if (status === 'active') return e && e.dpd > 0 ? { key: 'overdue', color: 'red' } : { key: 'active', color: 'green' }
  if (status === 'settled') return { key: 'settled', color: 'gray' }
  if (status === 'written_off') return { key: 'written_off', color: 'dark' }
  return { key: 'cancelled', color: 'gray' }
}

/** Compact head of the loan page: who, state with DPD, balance, payoff, category, officer, the as-of date. */
export function LoanHead(p: {
  head: LoanHeadView
  e: EvaluationView | undefined
  asOf: string
  asOfError: string | null
  onAsOf: (v: string) => void
  actions: ReactNode
}) {
  const { t } = useTranslation('loan')
  const { head, e } = p
  const state = loanState(head.status, e)
  const figures: [Key, ReactNode, string][] = [
    ['outstanding', e ? <Money fen={e.outstandingPrincipal} unit /> : '—', 'outstanding'],
    ['payoff', e ? <Money fen={e.payoff} unit /> : '—', 'payoff'],
    ['overduePrincipal', e ? <Money fen={e.overduePrincipal} unit /> : '—', 'overdue-principal'],
    ['penaltyAll', e ? <Money fen={e.penaltyInterest + e.compoundInterest} unit /> : '—', 'penalty-total'],
    ['category', t((head.category ?? 'normal') as 'normal'), 'category'],
    ['bucket', e ? e.bucket : '—', 'bucket'],
    ['officer', head.officerName ?? '—', 'officer'],
    ['maturity', head.maturityDate, 'maturity'],
  ]
  return (
    <Card withBorder padding="sm" mb="sm" data-testid="loan-head">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs" wrap="nowrap">
            <Title order={3}>
              {head.contractNo} · {head.borrowerName}
            </Title>
            <Badge color={state.color} size="lg" data-testid="loan-state">
              {t(state.key)}
            </Badge>
            {e && e.dpd > 0 && (
              <Badge color="red" variant="light" size="lg" data-testid="dpd">
                {t('dpdDays', { n: e.dpd })}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {t('iouNo')} {head.iouNo} · {t('principal')} <Money fen={head.principal} unit /> · {t('rate')}{' '}
            <span>{head.annualRate}%</span> · {t(head.method as 'annuity')}
            {head.misused ? t('misused') : ''} · {t('markup')} +{head.markupPercent}%
          </Text>
        </Stack>
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            size="xs"
            w={196}
            aria-label={t('asOf')}
            leftSection={<Text size="xs">{t('asOf')}</Text>}
            leftSectionWidth={64}
            value={p.asOf}
            error={p.asOfError}
            onChange={(ev) => p.onAsOf(ev.currentTarget.value)}
            data-testid="as-of"
          />
          {p.actions}
        </Group>
      </Group>
      <Group gap="lg" mt={6} wrap="nowrap">
        {figures.map(([k, v, id]) => (
          <div key={k}>
            <Text size="xs" c="dimmed">
              {t(k)}
            </Text>
            <Text fw={600} size="sm" data-testid={id} style={{ whiteSpace: 'nowrap' }}>
              {v}
            </Text>
          </div>
        ))}
      </Group>
    </Card>
  )
}
