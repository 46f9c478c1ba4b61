import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import type { InspectionSummary } from '@shared/api'
import { DUE_BUCKETS } from '@shared/api/inspections'
import { formatFen, localDate } from '@shared/domain'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from '../../api/hooks'
import { navigate } from '../../app/router'
import { useCan } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'

type Bucket = (typeof DUE_BUCKETS)[number]

/** Due calendar per officer (managers see all or pick one) with the records waiting on the user. */
export function CalendarPage() {
  const { t } = useTranslation('inspections')
  const can = useCan()
  const asOf = localDate(new Date())
  const [bucket, setBucket] = useState<Bucket>('overdue')
  const [officerId, setOfficerId] = useState<string | null>(null)
  const all = can('portfolio.all')
  const officers = useQuery('loans.officers', {}, { enabled: all })
  const q = useQuery('inspections.calendar', {
    asOf,
    bucket,
    limit: 100,
    ...(officerId ? { officerId: Number(officerId) } : {}),
  })
  const refresh = useMutation('inspections.refresh')
  return (
    <Stack>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <>
            <Button variant="default" onClick={() => navigate('/inspections/route-sheet')}>
              {t('links.routeSheet')}
            </Button>
            {can('loans.approve') && (
              <Button variant="default" onClick={() => navigate('/inspections/settings')}>
                {t('links.settings')}
              </Button>
            )}
            {can('loans.transfer') && (
              <Button variant="default" onClick={() => navigate('/inspections/transfer')}>
                {t('links.transfer')}
              </Button>
            )}
            {can('loans.approve') && (
              <Button
                variant="light"
                loading={refresh.loading}
                onClick={() =>
                  void refresh.mutate({ asOf }).then(
                    () => q.refetch(),
                    () => undefined,
                  )
                }
              >
                {t('links.refresh')}
              </Button>
            )}
          </>
        }
      />
      {refresh.data && (
        <Text size="sm" c="teal">
          {t('links.refreshed', { loans: refresh.data.loans, raised: refresh.data.raised })}
        </Text>
      )}
      {refresh.error && <ErrorAlert error={refresh.error} />}
      <Pending />
      <Group>
        <SegmentedControl
          data-testid="buckets"
          value={bucket}
          onChange={(v) => setBucket(v as Bucket)}
          data={DUE_BUCKETS.map((b) => ({ value: b, label: `${t(`buckets.${b}`)} ${q.data ? q.data.counts[b] : ''}` }))}
        />
        {all && (
          <Select
            aria-label={t('officerFilter')}
            placeholder={t('allOfficers')}
            clearable
            value={officerId}
            onChange={setOfficerId}
            w={180}
            data={(officers.data ?? []).map((o) => ({ value: String(o.id), label: o.displayName }))}
          />
        )}
      </Group>
      {q.error && <ErrorAlert error={q.error} />}
      <Table striped highlightOnHover data-testid="due-calendar">
        <Table.Thead>
          <Table.Tr>
            {(
              [
                'dueDate',
                'kind',
                'borrower',
                'contractNo',
                'village',
                'officer',
                'principal',
                'daysOverdue',
                'action',
              ] as const
            ).map((k) => (
              <Table.Th key={k}>{t(`col.${k}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data?.rows.map((r) => (
            <Table.Tr key={r.loanId}>
              <Table.Td>{r.dueDate}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={r.kind === 'special' ? 'red' : r.kind === 'first' ? 'orange' : 'blue'}>
                  {t(`kinds.${r.kind}`)}
                </Badge>
                {r.signal && (
                  <Text size="xs" c="dimmed">
                    {t(`signals.${r.signal}`)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{r.borrowerName}</Table.Td>
              <Table.Td>{r.contractNo}</Table.Td>
              <Table.Td>{r.village ?? ''}</Table.Td>
              <Table.Td>{r.officerName ?? ''}</Table.Td>
              <Table.Td ta="right">{formatFen(r.principal)}</Table.Td>
              <Table.Td ta="right">
                {r.daysOverdue > 0 ? (
                  <Text c="red" span>
                    {r.daysOverdue}
                  </Text>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>
                <Button
                  size="compact-sm"
                  onClick={() =>
                    navigate(
                      `/inspections/record?loan=${r.loanId}&type=${r.kind === 'collateral' ? 'collateral' : r.kind}`,
                    )
                  }
                >
                  {t('record')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {q.data && q.data.rows.length === 0 && <Text c="dimmed">{t('none')}</Text>}
    </Stack>
  )
}

function List({ title, rows, testId }: { title: string; rows: InspectionSummary[]; testId: string }) {
  const { t } = useTranslation('inspections')
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Title order={5} mb={4}>
        {title} <Badge variant="light">{rows.length}</Badge>
      </Title>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('none')}
        </Text>
      )}
      {rows.slice(0, 8).map((r) => (
        <Text size="sm" key={r.id}>
          <Anchor href={`#/inspections/record?id=${r.id}`}>
            #{r.id} {r.borrowerName} · {t(`types.${r.type}`)} · {r.inspectedOn}
          </Anchor>
        </Text>
      ))}
    </Paper>
  )
}

/** Records waiting on the user: to confirm as second officer, to review (managers), own drafts. */
function Pending() {
  const { t } = useTranslation('inspections')
  const can = useCan()
  const p = useQuery('inspections.pending', {})
  if (!p.data) return null
  return (
    <SimpleGrid cols={can('loans.approve') ? 3 : 2}>
      <List title={t('pending.toConfirm')} rows={p.data.toConfirm} testId="to-confirm" />
      {can('loans.approve') && <List title={t('pending.toReview')} rows={p.data.toReview} testId="to-review" />}
      <List title={t('pending.drafts')} rows={p.data.drafts} testId="drafts" />
    </SimpleGrid>
  )
}
