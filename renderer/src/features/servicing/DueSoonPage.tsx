import { Button, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DueSoonView } from '@shared/api'
import { useQuery } from '../../api/hooks'
import { localIsoDate } from '../../app/format'
import { navigate } from '../../app/router'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { Money } from './Money'
import { st } from './texts'
import { useLogContact } from './use-servicing'

/** Installments due in the next N days with a reminder text to copy and a contact log entry. */
export function DueSoonPage() {
  useTranslation()
  const [days, setDays] = useState(7)
  const asOf = localIsoDate()
  const q = useQuery('servicing.dueSoon', { asOf, days })
  return (
    <Stack>
      <PageHeader title={st('dueSoon')} actions={<Button variant="default" onClick={() => navigate('/servicing')}>{st('back')}</Button>} />
      <NumberInput label={st('days')} value={days} onChange={(v) => setDays(Number(v) || 0)} min={0} max={90} w={120} />
      {q.error && <ErrorAlert error={q.error} />}
      <Table data-testid="due-soon">
        <Table.Thead>
          <Table.Tr>{(['dueDate', 'borrower', 'contractNo', 'amount', 'reminder', 'lastContact'] as const).map((k) => <Table.Th key={k}>{st(k)}</Table.Th>)}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>{q.data?.map((r) => <DueRow key={`${r.loanId}-${r.seq}`} r={r} asOf={asOf} onLogged={() => void q.refetch()} />)}</Table.Tbody>
      </Table>
    </Stack>
  )
}

function DueRow({ r, asOf, onLogged }: { r: DueSoonView; asOf: string; onLogged: () => void }) {
  const [copied, setCopied] = useState(false)
  const [channel, setChannel] = useState<'phone' | 'sms' | 'visit'>('sms')
  const [outcome, setOutcome] = useState('')
  const log = useLogContact()
  return (
    <Table.Tr>
      <Table.Td>{r.dueDate}</Table.Td>
      <Table.Td>{r.borrowerName}<Text size="xs" c="dimmed">{r.phone ?? ''}</Text></Table.Td>
      <Table.Td>{r.contractNo}</Table.Td>
      <Table.Td ta="right"><Money fen={r.amount} /></Table.Td>
      <Table.Td maw={420}>
        <Text size="sm">{r.reminder}</Text>
        <Button size="compact-xs" variant="light" onClick={() => void navigator.clipboard?.writeText(r.reminder).then(() => setCopied(true))}>{copied ? st('copied') : st('copy')}</Button>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{r.lastContact ?? '—'}</Text>
        <Group gap={4} wrap="nowrap">
          <Select size="xs" w={80} value={channel} onChange={(v) => setChannel((v ?? 'sms') as typeof channel)} data={(['sms', 'phone', 'visit'] as const).map((c) => ({ value: c, label: st(c) }))} allowDeselect={false} />
          <TextInput size="xs" w={120} placeholder={st('outcome')} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)} />
          <Button size="compact-xs" loading={log.loading} onClick={() => void log.mutate({ loanId: r.loanId, dueDate: r.dueDate, contactDate: asOf, channel, outcome }).then(onLogged, () => undefined)}>{st('logContact')}</Button>
        </Group>
        {log.error && <Text size="xs" c="red">{log.error.message}</Text>}
      </Table.Td>
    </Table.Tr>
  )
}
