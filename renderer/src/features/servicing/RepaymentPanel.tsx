import { Alert, Button, Card, Group, Radio, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import type { AllocationView } from '@shared/api'
import { DomainError, parseYuan } from '@shared/domain'
import { localIsoDate } from '../../app/format'
import { navigate } from '../../app/router'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Money } from './Money'
import { st } from './texts'
import { usePost, usePreview } from './use-servicing'

type Choice = 'credit' | 'prepay_shorten' | 'prepay_lower' | 'settle'
const CHANNELS = ['cash', 'transfer', 'payroll', 'other'] as const

/** Post a repayment: preview the allocation first, choose what to do with an overpayment, then confirm. */
export function RepaymentPanel({ loanId, onPosted }: { loanId: number; onPosted: () => Promise<void> }) {
  const [paidDate, setPaidDate] = useState(localIsoDate())
  const [amountText, setAmountText] = useState('')
  const [channel, setChannel] = useState<(typeof CHANNELS)[number]>('cash')
  const [receiptNo, setReceiptNo] = useState('')
  const [choice, setChoice] = useState<Choice>('credit')
  const [amountError, setAmountError] = useState<string | null>(null)
  const preview = usePreview()
  const post = usePost()
  const parse = (): number | null => {
    try {
      const v = parseYuan(amountText)
      setAmountError(null)
      return v
    } catch (e) {
      setAmountError(e instanceof DomainError ? e.reason : String(e))
      return null
    }
  }
  const doPreview = () => {
    const amount = parse()
    post.reset()
    if (amount !== null) void preview.mutate({ loanId, paidDate, amount }).catch(() => undefined)
  }
  const confirm = async () => {
    const p = preview.data
    if (!p) return
    const r = await post.mutate({ loanId, paidDate, amount: p.amount, channel, ...(receiptNo ? { receiptNo } : {}), ...(p.overpayment > 0 ? { overpayment: choice } : {}) }).catch(() => null)
    if (r) {
      preview.reset()
      await onPosted()
    }
  }
  return (
    <Card withBorder>
      <Title order={4} mb="sm">{st('postTitle')}</Title>
      <Group align="flex-end">
        <TextInput label={st('paidDate')} value={paidDate} onChange={(e) => { setPaidDate(e.currentTarget.value); preview.reset() }} w={140} />
        <TextInput label={st('amount')} value={amountText} error={amountError} onChange={(e) => { setAmountText(e.currentTarget.value); preview.reset() }} w={160}
          onKeyDown={(e) => { if (e.key === 'Enter') doPreview() }} />
        <Select label={st('channel')} value={channel} onChange={(v) => setChannel((v ?? 'cash') as typeof channel)} data={CHANNELS.map((c) => ({ value: c, label: st(c) }))} w={120} allowDeselect={false} />
        <TextInput label={st('receiptNo')} value={receiptNo} onChange={(e) => setReceiptNo(e.currentTarget.value)} w={220} />
        <Button variant="default" onClick={doPreview} loading={preview.loading}>{st('preview')}</Button>
      </Group>
      {preview.error && <ErrorAlert error={preview.error} mb="sm" />}
      {preview.data && <AllocationTable a={preview.data} />}
      {preview.data && preview.data.overpayment > 0 && (
        <Radio.Group label={`${st('overpayment')} ${(preview.data.overpayment / 100).toFixed(2)} · ${st('choose')}`} value={choice} onChange={(v) => setChoice(v as Choice)} my="sm">
          <Group>
            {(['credit', 'prepay_shorten', 'prepay_lower', 'settle'] as const).map((c) => (
              <Radio key={c} value={c} label={st(({ credit: 'toCredit', prepay_shorten: 'shorten', prepay_lower: 'lower', settle: 'settleChoice' } as const)[c])} />
            ))}
          </Group>
        </Radio.Group>
      )}
      {preview.data && <Button mt="sm" onClick={() => void confirm()} loading={post.loading}>{st('confirm')}</Button>}
      {post.error && <ErrorAlert error={post.error} mb="sm" />}
      {post.data && (
        <Alert color="green" mt="sm" data-testid="posted">
          <Group>
            <Text>{st('posted')} {post.data.repayment.receiptNo}</Text>
            <Button size="xs" variant="light" onClick={() => navigate(`/servicing/print/receipt?id=${post.data!.repayment.id}`)}>{st('printReceipt')}</Button>
          </Group>
        </Alert>
      )}
    </Card>
  )
}

/** The allocation of a payment per installment. */
export function AllocationTable({ a }: { a: AllocationView }) {
  return (
    <Stack gap={4} mt="sm">
      <Text fw={500}>{st('allocation')}</Text>
      <Table data-testid="allocation">
        <Table.Thead>
          <Table.Tr>{(['seq', 'dueDate', 'penalty', 'compound', 'interest', 'principal'] as const).map((k) => <Table.Th key={k}>{st(k)}</Table.Th>)}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {a.lines.map((l) => (
            <Table.Tr key={l.seq}>
              <Table.Td>{l.seq}</Table.Td><Table.Td>{l.dueDate}</Table.Td>
              <Table.Td ta="right"><Money fen={l.penaltyInterest} /></Table.Td><Table.Td ta="right"><Money fen={l.compoundInterest} /></Table.Td>
              <Table.Td ta="right"><Money fen={l.interest} /></Table.Td><Table.Td ta="right"><Money fen={l.principal} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
