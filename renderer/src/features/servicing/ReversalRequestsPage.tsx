import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { localDate } from '@shared/domain'
import { useMutation, useQuery } from '../../api/hooks'
import { navigate } from '../../app/router'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { Money } from './Money'

/** 冲正审批: officers' pending reversal requests, approved or rejected by a manager other than the proposer. */
export function ReversalRequestsPage() {
  const { t } = useTranslation('loan')
  const q = useQuery('servicing.listReversalRequests', { status: 'pending' })
  const decide = useMutation('servicing.decideReversal')
  const act = async (requestId: number, approve: boolean) => {
    if (await decide.mutate({ requestId, approve }).catch(() => null)) await q.refetch()
  }
  return (
    <Stack>
      <PageHeader title={t('reversalsTitle')} subtitle={t('reversalsHint')} />
      {q.error && <ErrorAlert error={q.error} />}
      {decide.error && <ErrorAlert error={decide.error} />}
      {q.data && q.data.length === 0 && <Text c="dimmed">{t('reversalsNone')}</Text>}
      {q.data && q.data.length > 0 && (
        <Table striped data-testid="reversal-requests">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contractNo')}</Table.Th>
              <Table.Th>{t('borrower')}</Table.Th>
              <Table.Th>{t('receipt')}</Table.Th>
              <Table.Th>{t('paidDate')}</Table.Th>
              <Table.Th ta="right">{t('reverseAmount')}</Table.Th>
              <Table.Th>{t('reverseReason')}</Table.Th>
              <Table.Th>{t('requester')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor onClick={() => navigate(`/servicing/loan?id=${r.loanId}`)}>{r.contractNo}</Anchor>
                </Table.Td>
                <Table.Td>{r.borrowerName}</Table.Td>
                <Table.Td>{r.receiptNo}</Table.Td>
                <Table.Td>{r.paidDate}</Table.Td>
                <Table.Td ta="right">
                  <Money fen={r.amount} unit />
                </Table.Td>
                <Table.Td>{r.reason}</Table.Td>
                <Table.Td>
                  {r.requestedBy ?? ''} · {localDate(new Date(r.requestedAt))}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="compact-xs"
                      color="red"
                      variant="light"
                      loading={decide.loading}
                      onClick={() => void act(r.id, true)}
                    >
                      {t('approve')}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="default"
                      loading={decide.loading}
                      onClick={() => void act(r.id, false)}
                    >
                      {t('reject')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
