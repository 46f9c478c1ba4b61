import { Anchor, Badge, Card, Group, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { EvaluationView, LoanHeadView, Output } from '@shared/api'
import { navigate } from '../../app/router'
import { useCan } from '../../app/session'
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
  e: Output<'servicing.asOf'> | undefined
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
    ['category', <CategoryCell key="c" head={head} e={e} />, 'category'],
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
            {e && (
              <Tooltip label={t('customerClassHint')}>
                <Badge
                  color={e.customerClass === 'A' ? 'teal' : e.customerClass === 'B' ? 'yellow' : 'orange'}
                  variant="outline"
                  size="lg"
                  data-testid="customer-class"
                >
                  {t('customerClassBadge', { c: e.customerClass })}
                </Badge>
              </Tooltip>
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
            <Text component="div" fw={600} size="sm" data-testid={id} style={{ whiteSpace: 'nowrap' }}>
              {v}
            </Text>
          </div>
        ))}
      </Group>
    </Card>
  )
}

/**
 * The decided category, and beside it the system's suggestion when they differ (建议：次级) with a
 * link to propose a change for roles that may (classification.propose needs loans.write).
 */
function CategoryCell({ head, e }: { head: LoanHeadView; e: Output<'servicing.asOf'> | undefined }) {
  const { t } = useTranslation('loan')
  const can = useCan()
  const decided = e?.category ?? head.category ?? 'normal'
  const suggested = e?.suggestedCategory
  return (
    <Group gap={6} wrap="nowrap" component="span">
      <span>{t(decided as 'normal')}</span>
      {suggested && suggested !== decided && (
        <Tooltip label={t('suggestedHint')}>
          <Badge color="orange" variant="light" size="sm" data-testid="suggested-category">
            {t('suggestedCategory', { c: t(suggested) })}
          </Badge>
        </Tooltip>
      )}
      {suggested && suggested !== decided && can('loans.write') && head.status === 'active' && (
        <Anchor size="xs" onClick={() => navigate(`/risk/loan?id=${head.id}`)} data-testid="head-propose-category">
          {t('proposeCategory')}
        </Anchor>
      )}
    </Group>
  )
}
