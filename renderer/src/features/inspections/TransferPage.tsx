import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  ScrollArea,
  SimpleGrid,
  Stack,
  Table,
  TextInput,
  Title,
} from '@mantine/core'
import { formatFen, localDate } from '@shared/domain'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from '../../api/hooks'
import { navigate } from '../../app/router'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'

/** 责任移交: hand a portfolio (all active loans or a selection) from one officer to another, with history. */
export function TransferPage() {
  const { t } = useTranslation('inspections')
  const officers = useQuery('loans.officers', {})
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [reason, setReason] = useState('')
  const [effectiveDate, setEffectiveDate] = useState(localDate(new Date()))
  const [picked, setPicked] = useState<Set<number> | null>(null)
  const loans = useQuery(
    'loans.list',
    { officerId: Number(from), status: 'active', limit: 500 },
    { enabled: Number(from) > 0 },
  )
  const history = useQuery('loans.transfers', { limit: 50 })
  const transfer = useMutation('loans.transfer')
  const opts = [
    { value: '', label: '—' },
    ...(officers.data ?? []).map((o) => ({ value: String(o.id), label: o.displayName })),
  ]
  const submit = () =>
    void transfer
      .mutate({
        fromOfficerId: Number(from),
        toOfficerId: Number(to),
        reason,
        effectiveDate,
        ...(picked ? { loanIds: [...picked] } : {}),
      })
      .then(
        () => {
          setPicked(null)
          void loans.refetch()
          void history.refetch()
        },
        () => undefined,
      )
  const toggle = (id: number, on: boolean) => {
    const all = new Set(picked ?? (loans.data?.rows ?? []).map((l) => l.id))
    if (on) all.add(id)
    else all.delete(id)
    setPicked(all)
  }
  return (
    <Stack>
      <PageHeader
        title={t('transfer.title')}
        actions={
          <Button variant="default" onClick={() => navigate('/inspections')}>
            {t('form.back')}
          </Button>
        }
      />
      <Paper
        withBorder
        p="md"
        component="form"
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <SimpleGrid cols={4}>
          <NativeSelect
            label={t('transfer.from')}
            data={opts}
            value={from}
            onChange={(e) => {
              setFrom(e.currentTarget.value)
              setPicked(null)
            }}
          />
          <NativeSelect
            label={t('transfer.to')}
            data={opts}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
          />
          <TextInput label={t('transfer.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <TextInput
            type="date"
            label={t('transfer.effectiveDate')}
            value={effectiveDate}
            onChange={(e) => setEffectiveDate(e.currentTarget.value)}
          />
        </SimpleGrid>
        {loans.data && (
          <>
            <Title order={5} mt="md">
              {t('transfer.loans')}（{picked ? picked.size : loans.data.total}）
            </Title>
            <Checkbox
              mt={4}
              label={t('transfer.all')}
              checked={picked === null}
              onChange={(e) => setPicked(e.currentTarget.checked ? null : new Set())}
            />
            <ScrollArea h={260} mt="xs">
              <Table striped>
                <Table.Tbody>
                  {loans.data.rows.map((l) => (
                    <Table.Tr key={l.id}>
                      <Table.Td>
                        <Checkbox
                          aria-label={l.contractNo}
                          checked={picked === null || picked.has(l.id)}
                          onChange={(e) => toggle(l.id, e.currentTarget.checked)}
                        />
                      </Table.Td>
                      <Table.Td>{l.contractNo}</Table.Td>
                      <Table.Td>{l.borrowerName}</Table.Td>
                      <Table.Td ta="right">{formatFen(l.principal)}</Table.Td>
                      <Table.Td>{l.maturityDate}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          </>
        )}
        <Group mt="md">
          <Button type="submit" loading={transfer.loading} disabled={!from || !to}>
            {t('transfer.submit')}
          </Button>
        </Group>
        {transfer.data && (
          <Alert color="teal" mt="sm">
            {t('transfer.done', { n: transfer.data.loanCount })}
          </Alert>
        )}
        {transfer.error && <ErrorAlert error={transfer.error} />}
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t('transfer.history')}
        </Title>
        <Table striped data-testid="transfer-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('transfer.effectiveDate')}</Table.Th>
              <Table.Th>{t('transfer.from')}</Table.Th>
              <Table.Th>{t('transfer.to')}</Table.Th>
              <Table.Th>{t('transfer.count')}</Table.Th>
              <Table.Th>{t('transfer.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.data?.map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td>{h.effectiveDate}</Table.Td>
                <Table.Td>{h.fromOfficerName}</Table.Td>
                <Table.Td>{h.toOfficerName}</Table.Td>
                <Table.Td>{h.loanCount}</Table.Td>
                <Table.Td>{h.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  )
}
