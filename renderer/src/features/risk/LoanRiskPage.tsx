import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CATEGORIES, type Category } from '@shared/domain'
import { navigate } from '../../app/router'
import { useCan } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { useHashParams } from '../servicing/use-servicing'
import { ClocksCard } from './ClocksCard'
import { useClassification, useDecide, useLoanAsOf, usePropose } from './use-risk'

const NPL_COLOR: Record<Category, string> = {
  normal: 'teal',
  special_mention: 'yellow',
  substandard: 'orange',
  doubtful: 'red',
  loss: 'dark',
}

/** One loan's risk: five-category (decided, suggested, floor), propose / decide, history, clocks. */
export function LoanRiskPage() {
  const { t } = useTranslation('risk')
  const loanId = Number(useHashParams().get('id') ?? 0)
  const c = useClassification(loanId)
  const ev = useLoanAsOf(loanId)
  const d = c.data
  const refresh = async () => {
    await c.refetch()
    await ev.refetch()
  }
  return (
    <Stack>
      <PageHeader
        title={`${t('loanRisk')} ${d ? `${d.contractNo} · ${d.borrowerName}` : ''}`}
        actions={
          <Button variant="default" onClick={() => navigate('/risk')}>
            {t('back')}
          </Button>
        }
      />
      {c.error && <ErrorAlert error={c.error} />}
      {d && (
        <SimpleGrid cols={4}>
          <Stat label={t('category')} testid="decided">
            <Badge size="lg" color={NPL_COLOR[d.category]}>
              {t(`categories.${d.category}`)}
            </Badge>
          </Stat>
          <Stat label={t('suggested')} testid="suggested">
            <Text fw={600}>{t(`categories.${d.suggested}`)}</Text>
          </Stat>
          <Stat label={`${t('floor')} · ${t('dpd')}`}>
            <Text fw={600}>
              {t(`categories.${d.floor}`)} · {d.dpd}
            </Text>
          </Stat>
          <Stat label={t('customerClass')} testid="class">
            <Text fw={600}>{ev.data?.customerClass ?? '—'}</Text>
          </Stat>
        </SimpleGrid>
      )}
      {d && (
        <ProposalPanel
          loanId={loanId}
          current={d.category}
          pending={d.items.find((p) => p.status === 'pending') ?? null}
          onDone={refresh}
        />
      )}
      {d && (
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('classificationHistory')}
          </Text>
          <Table data-testid="class-history">
            <Table.Thead>
              <Table.Tr>
                {(['proposeTo', 'reason', 'proposedBy', 'status', 'decidedBy', 'comment'] as const).map((k) => (
                  <Table.Th key={k}>{t(k)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    {t(`categories.${p.fromCategory}`)} → {t(`categories.${p.category}`)}
                  </Table.Td>
                  <Table.Td>{p.reason}</Table.Td>
                  <Table.Td>
                    {p.proposedBy}
                    <Text size="xs" c="dimmed">
                      {p.proposedAt.slice(0, 10)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`proposalStatus.${p.status}`)}</Table.Td>
                  <Table.Td>
                    {p.decidedBy ?? ''}
                    <Text size="xs" c="dimmed">
                      {p.decidedAt?.slice(0, 10) ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>{p.comment ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {loanId > 0 && <ClocksCard loanId={loanId} />}
    </Stack>
  )
}

function Stat({ label, children, testid }: { label: string; children: React.ReactNode; testid?: string }) {
  return (
    <Card withBorder padding="sm" data-testid={testid}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {children}
    </Card>
  )
}

function ProposalPanel({
  loanId,
  current,
  pending,
  onDone,
}: {
  loanId: number
  current: Category
  pending: { id: number; category: Category; reason: string; proposedBy: string } | null
  onDone: () => Promise<void>
}) {
  const { t } = useTranslation('risk')
  const can = useCan()
  const propose = usePropose()
  const decide = useDecide()
  const [cat, setCat] = useState<Category | null>(null)
  const [reason, setReason] = useState('')
  const [comment, setComment] = useState('')
  if (pending) {
    return (
      <Card withBorder data-testid="pending">
        <Group justify="space-between">
          <Text>
            <Badge mr={8}>{t('pending')}</Badge>
            {t('proposeTo')} {t(`categories.${pending.category}`)} — {pending.reason}（{t('proposedBy')}：
            {pending.proposedBy}）
          </Text>
        </Group>
        {can('loans.approve') && (
          <Group mt="sm" align="flex-end">
            <Textarea
              label={t('comment')}
              style={{ flex: 1 }}
              autosize
              minRows={1}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
            />
            <Button
              loading={decide.loading}
              onClick={() =>
                void decide.mutate({ proposalId: pending.id, approve: true, comment }).then(onDone, () => undefined)
              }
            >
              {t('approve')}
            </Button>
            <Button
              variant="default"
              loading={decide.loading}
              onClick={() =>
                void decide.mutate({ proposalId: pending.id, approve: false, comment }).then(onDone, () => undefined)
              }
            >
              {t('reject')}
            </Button>
          </Group>
        )}
        {decide.error && <ErrorAlert error={decide.error} />}
      </Card>
    )
  }
  if (!can('loans.write')) return null
  return (
    <Card withBorder>
      <Group align="flex-end">
        <Select
          label={t('proposeTo')}
          w={140}
          data-testid="propose-category"
          value={cat}
          onChange={(v) => setCat(v as Category | null)}
          data={CATEGORIES.filter((c) => c !== current).map((c) => ({ value: c, label: t(`categories.${c}`) }))}
        />
        <Textarea
          label={t('reason')}
          style={{ flex: 1 }}
          autosize
          minRows={1}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-testid="propose-reason"
        />
        <Button
          disabled={!cat}
          loading={propose.loading}
          onClick={() =>
            cat &&
            void propose.mutate({ loanId, category: cat, reason }).then(
              async () => {
                setReason('')
                setCat(null)
                await onDone()
              },
              () => undefined,
            )
          }
        >
          {t('propose')}
        </Button>
      </Group>
      {propose.error && <ErrorAlert error={propose.error} />}
    </Card>
  )
}
