import { Button, Card, Group, Select, SegmentedControl, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { DomainError, parseYuan } from '@shared/domain'
import { useMutation } from '../../api/hooks'
import { localIsoDate } from '../../app/format'
import { navigate } from '../../app/router'
import { ErrorAlert } from '../../components/ErrorAlert'
import { type ServicingKey, st } from './texts'

type Action = 'settle' | 'extension' | 'writeOff' | 'recovery' | 'restructure'
const METHODS = ['annuity', 'equal_principal', 'quarterly_interest', 'monthly_interest', 'bullet'] as const

/** 结清, 展期, 核销, 核销后收回, 重组 for one loan; the backend enforces policy and approval. */
export function LoanActions({ loanId, status, onDone }: { loanId: number; status: string; onDone: () => Promise<void> }) {
  const actions: Action[] = status === 'written_off' ? ['recovery'] : ['settle', 'extension', 'restructure', 'writeOff']
  const [action, setAction] = useState<Action>(actions[0]!)
  const [date, setDate] = useState(localIsoDate())
  const [reason, setReason] = useState('')
  const [months, setMonths] = useState('6')
  const [amount, setAmount] = useState('')
  const [rate, setRate] = useState('')
  const [method, setMethod] = useState<(typeof METHODS)[number]>('equal_principal')
  const [localError, setLocalError] = useState<string | null>(null)
  const settle = useMutation('servicing.settle')
  const extend = useMutation('servicing.extend')
  const writeOff = useMutation('servicing.writeOff')
  const recovery = useMutation('servicing.recordRecovery')
  const restructure = useMutation('servicing.restructure')
  const m = { settle, extension: extend, writeOff, recovery, restructure }[action]
  const run = async () => {
    setLocalError(null)
    try {
      if (action === 'settle') {
        await settle.mutate({ loanId, date })
        navigate(`/servicing/print/settlement?loan=${loanId}`)
        return
      }
      if (action === 'extension') await extend.mutate({ loanId, date, extensionMonths: Number(months), reason })
      if (action === 'writeOff') await writeOff.mutate({ loanId, date, reason })
      if (action === 'recovery') await recovery.mutate({ loanId, paidDate: date, amount: parseYuan(amount), channel: 'cash' })
      if (action === 'restructure') await restructure.mutate({ loanId, date, reason, annualRate: rate, method, termMonths: Number(months) })
      await onDone()
    } catch (e) {
      if (e instanceof DomainError) setLocalError(e.reason)
    }
  }
  const label = (a: Action): string => st(({ settle: 'settle', extension: 'extension', writeOff: 'writeOff', recovery: 'recovery', restructure: 'restructure' } as const)[a])
  return (
    <Card withBorder>
      <Title order={4} mb="sm">{st('actions')}</Title>
      <SegmentedControl value={action} onChange={(v) => setAction(v as Action)} data={actions.map((a) => ({ value: a, label: label(a) }))} mb="sm" />
      <Group align="flex-end">
        <TextInput label={st('date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} w={140} />
        {(action === 'extension' || action === 'restructure') && <TextInput label={st('months')} value={months} onChange={(e) => setMonths(e.currentTarget.value)} w={100} />}
        {action === 'restructure' && <TextInput label={st('rate')} value={rate} onChange={(e) => setRate(e.currentTarget.value)} w={100} />}
        {action === 'restructure' && <Select label={st('method')} value={method} onChange={(v) => setMethod((v ?? 'equal_principal') as typeof method)} data={METHODS.map((x) => ({ value: x, label: st(x as ServicingKey) }))} w={180} allowDeselect={false} />}
        {action === 'recovery' && <TextInput label={st('amount')} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} w={140} />}
        {action !== 'settle' && action !== 'recovery' && <TextInput label={st('reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} w={260} />}
        <Button onClick={() => void run()} loading={m.loading} color={action === 'writeOff' ? 'red' : undefined}>{label(action)}</Button>
      </Group>
      {localError && <Text c="red" size="sm" mt="xs">{localError}</Text>}
      {m.error && <ErrorAlert error={m.error} mb="sm" />}
    </Card>
  )
}
