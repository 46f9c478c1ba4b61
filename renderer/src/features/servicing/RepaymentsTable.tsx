import { Alert, Badge, Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RepaymentView } from '@shared/api'
import { localDate } from '@shared/domain'
import { useMutation } from '../../api/hooks'
import { navigate } from '../../app/router'
import { useCan } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Money } from './Money'
import { useReverse } from './use-servicing'

/** Every repayment of the loan; 冲正 shows amount and receipt, asks a reason, and for an old receipt an officer only requests it. */
export function RepaymentsTable({ rows, onChanged }: { rows: RepaymentView[]; onChanged: () => Promise<void> }) {
  const { t } = useTranslation('loan')
  const can = useCan()
  const [target, setTarget] = useState<RepaymentView | null>(null)
  const decide = useMutation('servicing.decideReversal')
  const canPost = can('repayments.post')
  const canApprove = can('repayments.reverse')
  const act = async (requestId: number, approve: boolean) => {
    const ok = await decide.mutate({ requestId, approve }).catch(() => null)
    if (ok) await onChanged()
  }
  if (rows.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('noRepayments')}
      </Text>
    )
  return (
    <>
      {decide.error && <ErrorAlert error={decide.error} mb="xs" />}
      <Table fz="sm" striped data-testid="repayments">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('paidDate')}</Table.Th>
            <Table.Th ta="right">{t('amount')}</Table.Th>
            <Table.Th>{t('channel')}</Table.Th>
            <Table.Th>{t('receipt')}</Table.Th>
            <Table.Th>{t('status')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id} data-testid={`repayment-${r.receiptNo}`}>
              <Table.Td style={r.status === 'reversed' ? { textDecoration: 'line-through' } : undefined}>
                {r.paidDate}
              </Table.Td>
              <Table.Td ta="right" style={r.status === 'reversed' ? { textDecoration: 'line-through' } : undefined}>
                <Money fen={r.amount} />
              </Table.Td>
              <Table.Td>{t(r.channel as 'cash')}</Table.Td>
              <Table.Td>{r.receiptNo}</Table.Td>
              <Table.Td>
                {r.status === 'reversed' && <Badge color="gray">{t('reversed')}</Badge>}
                {r.status === 'posted' && !r.pendingReversal && (
                  <Badge color="green" variant="light">
                    {t(r.kind as 'repayment')}
                  </Badge>
                )}
                {r.status === 'posted' && r.pendingReversal && (
                  <Stack gap={0}>
                    <Badge color="orange">{t('pendingReversal')}</Badge>
                    <Text size="xs" c="dimmed">
                      {t('requestedBy', {
                        name: r.pendingReversal.requestedBy ?? '',
                        reason: r.pendingReversal.reason,
                      })}
                    </Text>
                  </Stack>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => navigate(`/servicing/print/receipt?id=${r.id}`)}
                  >
                    {t('printReceipt')}
                  </Button>
                  {r.status === 'posted' && r.kind !== 'restructure' && !r.pendingReversal && canPost && (
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => setTarget(r)}>
                      {t('reverse')}
                    </Button>
                  )}
                  {r.pendingReversal && canApprove && (
                    <>
                      <Button
                        size="compact-xs"
                        color="red"
                        variant="light"
                        loading={decide.loading}
                        onClick={() => void act(r.pendingReversal!.requestId, true)}
                      >
                        {t('approve')}
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="default"
                        loading={decide.loading}
                        onClick={() => void act(r.pendingReversal!.requestId, false)}
                      >
                        {t('reject')}
                      </Button>
                    </>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {target && (
        <ReverseModal
          rep={target}
          direct={canApprove || localDate(new Date(target.createdAt)) >= localDate(new Date())}
          onClose={() => setTarget(null)}
          onDone={onChanged}
        />
      )}
    </>
  )
}

/** Confirms a 冲正: the receipt and amount, a reason, cancel; an old receipt without approval rights becomes a request. */
function ReverseModal({
  rep,
  direct,
  onClose,
  onDone,
}: {
  rep: RepaymentView
  direct: boolean
  onClose: () => void
  onDone: () => Promise<void>
}) {
  const { t } = useTranslation('loan')
  const [reason, setReason] = useState('')
  const reverse = useReverse()
  const submit = async () => {
    const ok = await reverse.mutate({ repaymentId: rep.id, reason }).catch(() => null)
    if (ok) {
      onClose()
      await onDone()
    }
  }
  return (
    <Modal opened onClose={onClose} title={t('reverseTitle', { no: rep.receiptNo })}>
      <Stack gap="xs">
        <Group gap="xl">
          <div>
            <Text size="xs" c="dimmed">
              {t('receipt')}
            </Text>
            <Text fw={600} data-testid="reverse-receipt">
              {rep.receiptNo}
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('reverseAmount')}
            </Text>
            <Text fw={600} data-testid="reverse-amount">
              <Money fen={rep.amount} unit />
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('paidDate')}
            </Text>
            <Text fw={600}>{rep.paidDate}</Text>
          </div>
        </Group>
        <Alert color={direct ? 'red' : 'orange'} p="xs">
          {direct ? t('reverseDirect') : t('reverseNeedsApproval')}
        </Alert>
        <TextInput
          label={t('reverseReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-autofocus
        />
        {reverse.error && <ErrorAlert error={reverse.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button color="red" onClick={() => void submit()} loading={reverse.loading} data-testid="reverse-submit">
            {direct ? t('reverse') : t('submitRequest')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
