import { Box, Button, Card, Group, Tabs, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isValidDate, localDate } from '@shared/domain'
import { navigate } from '../../app/router'
import { useCan } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { LoanActions } from './LoanActions'
import { LoanHead } from './LoanHead'
import { ContactsTab, FilesTab, GuaranteesTab, HistoryTab } from './LoanInfoTabs'
import { PlanTab } from './PlanTab'
import { RepaymentPanel } from './RepaymentPanel'
import { RepaymentsTable } from './RepaymentsTable'
import { useAsOf, useCreatePlan, useHashParams, usePlan, useRepayments } from './use-servicing'

type Tab = 'plan' | 'repayments' | 'contacts' | 'guarantees' | 'files' | 'history'
const TABS: readonly [
  Tab,
  'tabPlan' | 'tabRepayments' | 'tabContacts' | 'tabGuarantees' | 'tabFiles' | 'tabHistory',
][] = [
  ['plan', 'tabPlan'],
  ['repayments', 'tabRepayments'],
  ['contacts', 'tabContacts'],
  ['guarantees', 'tabGuarantees'],
  ['files', 'tabFiles'],
  ['history', 'tabHistory'],
]

/**
 * One loan at 1366×768: a compact head (state with 逾期 and DPD, balance, payoff), the plan and
 * the other records in tabs on the left, the repayment form and money actions on the right so
 * they are reachable without scrolling.
 */
export function LoanServicingPage() {
  const { t } = useTranslation('loan')
  const loanId = Number(useHashParams().get('id') ?? 0)
  const [asOf, setAsOf] = useState(localDate(new Date()))
  const [tab, setTab] = useState<Tab>('plan')
  const validAsOf = isValidDate(asOf)
  const plan = usePlan(loanId)
  const ev = useAsOf(loanId, asOf)
  const reps = useRepayments(loanId)
  const create = useCreatePlan()
  const refresh = () => Promise.all([plan.refetch(), ev.refetch(), reps.refetch()]).then(() => undefined)
  const head = plan.data?.loan
  // Figures only for the date typed now: an invalid or changed date never shows stale numbers.
  const e = validAsOf && ev.data?.asOf === asOf ? ev.data : undefined
  const hasPlan = (plan.data?.versions.length ?? 0) > 0
  const can = useCan()
  return (
    <Box>
      {plan.error && <ErrorAlert error={plan.error} />}
      {head && (
        <LoanHead
          head={head}
          e={e}
          asOf={asOf}
          asOfError={validAsOf ? null : t('asOfInvalid')}
          onAsOf={setAsOf}
          actions={
            <Group gap="xs" wrap="nowrap">
              <Button size="xs" variant="default" onClick={() => navigate('/servicing')}>
                {t('back')}
              </Button>
              <Button size="xs" variant="default" onClick={() => navigate(`/servicing/print/schedule?loan=${loanId}`)}>
                {t('printSchedule')}
              </Button>
              {head.status === 'settled' && (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => navigate(`/servicing/print/settlement?loan=${loanId}`)}
                >
                  {t('printSettlement')}
                </Button>
              )}
              {can('repayments.reverse') && (
                <Button size="xs" variant="default" onClick={() => navigate('/servicing/reversals')}>
                  {t('reversalsTitle')}
                </Button>
              )}
            </Group>
          }
        />
      )}
      {ev.error && validAsOf && <ErrorAlert error={ev.error} mb="xs" />}
      {plan.data && !hasPlan && (
        <Card withBorder mb="sm">
          <Group>
            <Text>{t('noPlan')}</Text>
            <Button
              loading={create.loading}
              onClick={() =>
                void create
                  .mutate({ loanId })
                  .then(refresh)
                  .catch(() => undefined)
              }
            >
              {t('createPlan')}
            </Button>
          </Group>
          {create.error && <ErrorAlert error={create.error} />}
        </Card>
      )}
      <Group align="flex-start" gap="md" wrap="nowrap">
        <Box style={{ flex: 1, minWidth: 0 }}>
          <Tabs value={tab} onChange={(v) => setTab((v ?? 'plan') as Tab)} keepMounted={false}>
            <Tabs.List>
              {TABS.map(([k, label]) => (
                <Tabs.Tab key={k} value={k} data-testid={`tab-${k}`}>
                  {t(label)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="plan" pt="xs">
              {e && <PlanTab e={e} />}
            </Tabs.Panel>
            <Tabs.Panel value="repayments" pt="xs">
              {reps.data && <RepaymentsTable rows={reps.data} onChanged={refresh} />}
            </Tabs.Panel>
            <Tabs.Panel value="contacts" pt="xs">
              <ContactsTab loanId={loanId} />
            </Tabs.Panel>
            <Tabs.Panel value="guarantees" pt="xs">
              <GuaranteesTab loanId={loanId} />
            </Tabs.Panel>
            <Tabs.Panel value="files" pt="xs">
              <FilesTab loanId={loanId} />
            </Tabs.Panel>
            <Tabs.Panel value="history" pt="xs">
              {plan.data && hasPlan && <HistoryTab plan={plan.data} />}
            </Tabs.Panel>
          </Tabs>
        </Box>
        <Box w={372} style={{ flexShrink: 0 }}>
          {head?.status === 'active' && hasPlan && <RepaymentPanel loanId={loanId} onPosted={refresh} />}
          {head && (head.status === 'active' || head.status === 'written_off') && hasPlan && (
            <LoanActions loanId={loanId} status={head.status} onDone={refresh} />
          )}
        </Box>
      </Group>
    </Box>
  )
}
