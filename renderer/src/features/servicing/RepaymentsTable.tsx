import { Badge, Button, Card, Group, Modal, Table, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import type { RepaymentView } from '@shared/api'
import { navigate } from '../../app/router'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Money } from './Money'
import { type ServicingKey, st } from './texts'
import { useReverse } from './use-servicing'

/** Every repayment of the loan; reversal (冲正) asks for a reason and keeps the record. */
export function RepaymentsTable({ rows, onChanged }: { rows: RepaymentView[]; onChanged: () => Promise<void> }) {
  const [target, setTarget] = useState<RepaymentView | null>(null)
  const [reason, setReason] = useState('')
  const reverse = useReverse()
  const submit = async () => {
    if (!target) return
    const ok = await reverse.mutate({ repaymentId: target.id, reason }).catch(() => null)
    if (ok) {
      setTarget(null)
      setReason('')
      await onChanged()
    }
  }
  return (
    <Card withBorder>
      <Title order={4} mb="sm">{st('repayments')}</Title>
      <Table data-testid="repayments">
        <Table.Thead>
          <Table.Tr>{(['paidDate', 'amount', 'channel', 'receipt', 'status'] as const).map((k) => <Table.Th key={k}>{st(k)}</Table.Th>)}<Table.Th /></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id} style={r.status === 'reversed' ? { textDecoration: 'line-through', opacity: 0.6 } : undefined}>
              <Table.Td>{r.paidDate}</Table.Td><Table.Td ta="right"><Money fen={r.amount} /></Table.Td>
              <Table.Td>{st(r.channel as ServicingKey)}</Table.Td><Table.Td>{r.receiptNo}</Table.Td>
              <Table.Td>{r.status === 'reversed' ? <Badge color="gray">{st('reversed')}：{r.reversalReason}</Badge> : <Badge color="green">{st(r.kind as ServicingKey)}</Badge>}</Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <Button size="xs" variant="subtle" onClick={() => navigate(`/servicing/print/receipt?id=${r.id}`)}>{st('printReceipt')}</Button>
                  {r.status === 'posted' && r.kind !== 'restructure' && <Button size="xs" variant="subtle" color="red" onClick={() => setTarget(r)}>{st('reverse')}</Button>}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={target !== null} onClose={() => setTarget(null)} title={`${st('reverse')} ${target?.receiptNo ?? ''}`}>
        <TextInput label={st('reverseReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
        {reverse.error && <ErrorAlert error={reverse.error} mb="sm" />}
        <Button mt="md" color="red" onClick={() => void submit()} loading={reverse.loading}>{st('reverse')}</Button>
      </Modal>
    </Card>
  )
}
