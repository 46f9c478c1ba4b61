import { Badge, Button, Card, Group, Table, Text, TextInput } from '@mantine/core'
import { type PromiseView } from '@shared/api'
import { formatFen, parseYuan } from '@shared/domain'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/ErrorAlert'
import { usePromise } from './use-collections'

const COLOR = { open: 'blue', kept: 'green', broken: 'red' } as const

/** Promises to pay of a loan (status from repayments) and the form to log one. */
export function PromisePanel({
  loanId,
  promises,
  onAdded,
}: {
  loanId: number
  promises: PromiseView[]
  onAdded: () => void
}) {
  const { t } = useTranslation('collections')
  const add = usePromise()
  const [promisedOn, setPromisedOn] = useState('')
  const [amount, setAmount] = useState('')
  // Empty = made today (the backend's day); set only when entering a promise from an earlier visit.
  const [madeOn, setMadeOn] = useState('')
  const [bad, setBad] = useState(false)
  const submit = () => {
    let fen: number
    try {
      fen = parseYuan(amount)
    } catch {
      setBad(true)
      return
    }
    setBad(false)
    void add.mutate({ loanId, promisedOn, amount: fen, ...(madeOn ? { madeOn } : {}) }).then(
      () => {
        setAmount('')
        onAdded()
      },
      () => undefined,
    )
  }
  return (
    <Card withBorder>
      <Text fw={500} mb="xs">
        {t('promiseTitle')}
      </Text>
      <Group align="flex-end">
        <TextInput
          label={t('promisedOn')}
          type="date"
          value={promisedOn}
          onChange={(e) => setPromisedOn(e.currentTarget.value)}
        />
        <TextInput
          label={t('promiseAmount')}
          value={amount}
          error={bad || undefined}
          onChange={(e) => setAmount(e.currentTarget.value)}
          w={140}
          onKeyDown={(e) => {
            if (e.key === 'Enter') submit()
          }}
        />
        <TextInput label={t('madeOn')} type="date" value={madeOn} onChange={(e) => setMadeOn(e.currentTarget.value)} />
        <Button onClick={submit} loading={add.loading}>
          {t('addPromise')}
        </Button>
      </Group>
      {add.error && <ErrorAlert error={add.error} />}
      <Table mt="sm" data-testid="promises">
        <Table.Tbody>
          {promises.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{p.madeOn}</Table.Td>
              <Table.Td>{p.promisedOn}</Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatFen(p.amount)}
              </Table.Td>
              <Table.Td>
                <Badge color={COLOR[p.status]} data-testid={`promise-${p.status}`}>
                  {t(`st_${p.status}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  )
}
