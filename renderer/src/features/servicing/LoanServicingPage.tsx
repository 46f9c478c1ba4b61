import { Badge, Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { EvaluationView, PlanView } from '@shared/api'
import { localIsoDate } from '../../app/format'
import { navigate } from '../../app/router'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { Money } from './Money'
import { RepaymentPanel } from './RepaymentPanel'
import { LoanActions } from './LoanActions'
import { RepaymentsTable } from './RepaymentsTable'
import { type ServicingKey, st } from './texts'
import { useAsOf, useCreatePlan, useHashParams, usePlan, useRepayments } from './use-servicing'

const STATUS_COLOR = { paid: 'green', due: 'blue', overdue: 'red', future: 'gray' } as const

/** One loan: plan versions, the as-of view, repayments, printing. */
export function LoanServicingPage() {
  useTranslation()
  const loanId = Number(useHashParams().get('id') ?? 0)
  const [asOf, setAsOf] = useState(localIsoDate())
  const plan = usePlan(loanId)
  const ev = useAsOf(loanId, asOf)
  const reps = useRepayments(loanId)
  const create = useCreatePlan()
  const refresh = () => Promise.all([plan.refetch(), ev.refetch(), reps.refetch()]).then(() => undefined)
  const head = plan.data?.loan
  return (
    <Stack>
      <PageHeader
        title={head ? `${st('loan')} ${head.contractNo} · ${head.borrowerName}` : st('title')}
        subtitle={head ? `${st('iouNo')} ${head.iouNo}` : ''}
        actions={
          <>
            <Button variant="default" onClick={() => navigate('/servicing')}>{st('back')}</Button>
            <Button variant="default" onClick={() => navigate(`/servicing/print/schedule?loan=${loanId}`)}>{st('printSchedule')}</Button>
            {head?.status === 'settled' && <Button variant="default" onClick={() => navigate(`/servicing/print/settlement?loan=${loanId}`)}>{st('printSettlement')}</Button>}
          </>
        }
      />
      {plan.error && <ErrorAlert error={plan.error} />}
      {head && <LoanFacts head={head} />}
      {plan.data && plan.data.versions.length === 0 && (
        <Card withBorder>
          <Group>
            <Text>{st('noPlan')}</Text>
            <Button loading={create.loading} onClick={() => void create.mutate({ loanId }).then(refresh)}>{st('createPlan')}</Button>
          </Group>
          {create.error && <ErrorAlert error={create.error} />}
        </Card>
      )}
      <Group align="flex-end">
        <TextInput label={st('asOf')} value={asOf} onChange={(e) => setAsOf(e.currentTarget.value)} w={160} data-testid="as-of" />
      </Group>
      {ev.error && <ErrorAlert error={ev.error} />}
      {ev.data && <Totals e={ev.data} />}
      {ev.data && ev.data.installments.length > 0 && <Installments e={ev.data} />}
      {plan.data && plan.data.versions.length > 0 && <Versions plan={plan.data} />}
      {head?.status === 'active' && plan.data && plan.data.versions.length > 0 && <RepaymentPanel loanId={loanId} onPosted={refresh} />}
      {reps.data && <RepaymentsTable rows={reps.data} onChanged={refresh} />}
      {(head?.status === 'active' || head?.status === 'written_off') && plan.data && plan.data.versions.length > 0 && (
        <LoanActions loanId={loanId} status={head.status} onDone={async () => { await refresh(); await plan.refetch() }} />
      )}
    </Stack>
  )
}

function LoanFacts({ head }: { head: PlanView['loan'] }) {
  const facts: [ServicingKey, React.ReactNode][] = [
    ['principal', <Money fen={head.principal} />], ['rate', `${head.annualRate}%`], ['method', st(head.method as ServicingKey)], ['disbursed', head.disbursementDate],
    ['maturity', head.maturityDate], ['status', st(head.status as ServicingKey)], ['markup', `+${head.markupPercent}%${head.misused ? '（挪用）' : ''}`],
  ]
  return (
    <SimpleGrid cols={{ base: 2, md: 7 }}>
      {facts.map(([k, v]) => (
        <div key={k}><Text size="xs" c="dimmed">{st(k)}</Text><Text fw={500}>{v}</Text></div>
      ))}
    </SimpleGrid>
  )
}

function Totals({ e }: { e: EvaluationView }) {
  const items: [ServicingKey, React.ReactNode, string?][] = [
    ['outstanding', <Money fen={e.outstandingPrincipal} />], ['overduePrincipal', <Money fen={e.overduePrincipal} />, 'overdue-principal'],
    ['overdueInterest', <Money fen={e.overdueInterest} />], ['penalty', <Money fen={e.penaltyInterest} />, 'penalty-total'],
    ['compound', <Money fen={e.compoundInterest} />], ['accrued', <Money fen={e.accruedInterest} />], ['credit', <Money fen={e.credit} />],
    ['payoff', <Money fen={e.payoff} />, 'payoff'], ['dpd', e.dpd, 'dpd'], ['bucket', e.bucket, 'bucket'], ['minClass', st(e.minCategory), 'min-class'],
  ]
  return (
    <Card withBorder>
      <SimpleGrid cols={{ base: 3, md: 6, lg: 11 }}>
        {items.map(([k, v, id]) => (
          <div key={k}><Text size="xs" c="dimmed">{st(k)}</Text><Text fw={600} data-testid={id}>{v}</Text></div>
        ))}
      </SimpleGrid>
    </Card>
  )
}

function Installments({ e }: { e: EvaluationView }) {
  return (
    <Card withBorder>
      <Title order={4} mb="sm">{st('plan')}</Title>
      <Table striped highlightOnHover data-testid="installments">
        <Table.Thead>
          <Table.Tr>
            {(['seq', 'dueDate', 'principal', 'interest', 'paidPrincipal', 'paidInterest', 'penalty', 'compound', 'stateLabel'] as const).map((k) => <Table.Th key={k}>{st(k)}</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {e.installments.map((r) => (
            <Table.Tr key={r.seq}>
              <Table.Td>{r.seq}</Table.Td><Table.Td>{r.dueDate}</Table.Td>
              <Table.Td ta="right"><Money fen={r.principal} /></Table.Td><Table.Td ta="right"><Money fen={r.interest} /></Table.Td>
              <Table.Td ta="right"><Money fen={r.paidPrincipal} /></Table.Td><Table.Td ta="right"><Money fen={r.paidInterest} /></Table.Td>
              <Table.Td ta="right"><Money fen={r.penaltyInterest} /></Table.Td><Table.Td ta="right"><Money fen={r.compoundInterest} /></Table.Td>
              <Table.Td><Badge color={STATUS_COLOR[r.status]} variant="light">{st(r.status)}</Badge></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  )
}

function Versions({ plan }: { plan: PlanView }) {
  const [shown, setShown] = useState(String(plan.versions[0]?.version ?? 1))
  const v = plan.versions.find((x) => String(x.version) === shown) ?? plan.versions[0]!
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{st('version')}</Title>
        <SegmentedControl
          value={shown}
          onChange={setShown}
          data={plan.versions.map((x) => ({ value: String(x.version), label: `v${x.version}${x.version === plan.currentVersion ? ` · ${st('current')}` : ''}${x.status === 'voided' ? ` · ${st('voided')}` : ''}` }))}
        />
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {st('reason')}：{st(v.reason as ServicingKey)}{v.note ? `（${v.note}）` : ''} · {st('effective')} {v.effectiveDate} · {v.createdBy ?? ''} · {st('total')} <Money fen={v.totalPrincipal} /> + <Money fen={v.totalInterest} />
      </Text>
      <Table data-testid="plan-version">
        <Table.Thead>
          <Table.Tr>{(['seq', 'dueDate', 'principal', 'interest'] as const).map((k) => <Table.Th key={k}>{st(k)}</Table.Th>)}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {v.rows.map((r) => (
            <Table.Tr key={r.seq}>
              <Table.Td>{r.seq}</Table.Td><Table.Td>{r.dueDate}</Table.Td>
              <Table.Td ta="right"><Money fen={r.principal} /></Table.Td><Table.Td ta="right"><Money fen={r.interest} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  )
}
