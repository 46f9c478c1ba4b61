import { Badge, Button, Group, Stack, Table } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from '../../api/hooks'
import { navigate } from '../../app/router'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useCan } from '../../app/session'
import { PageHeader } from '../../components/PageHeader'
import { LoanFormModal } from '../entry/LoanFormModal'
import { et } from '../entry/texts'
import { ImportPanel } from './ImportPanel'
import { Money } from './Money'
import { type ServicingKey, st } from './texts'

/** Loans of the caller's portfolio with the way into servicing. */
export function ServicingListPage() {
  useTranslation()
  const q = useQuery('loans.list', { limit: 200, offset: 0, sort: 'id', dir: 'desc' })
  const can = useCan()
  const [adding, setAdding] = useState(false)
  return (
    <Stack>
      <PageHeader
        title={st('title')}
        subtitle={st('listSubtitle')}
        actions={
          <>
            <Button variant="default" onClick={() => navigate('/servicing/due-soon')}>{st('dueSoon')}</Button>
            <Button variant="default" onClick={() => navigate('/servicing/bulk')}>{st('bulk')}</Button>
            {can('loans.write') && <Button onClick={() => setAdding(true)}>{et('newLoan')}</Button>}
          </>
        }
      />
      <LoanFormModal loanId={null} borrower={null} opened={adding} onClose={() => setAdding(false)} onSaved={() => void q.refetch()} />
      {q.error && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      <ImportPanel onDone={() => void q.refetch()} />
      <Table striped highlightOnHover data-testid="servicing-loans">
        <Table.Thead>
          <Table.Tr>{(['contractNo', 'iouNo', 'borrower', 'principal', 'rate', 'maturity', 'status'] as const).map((k) => <Table.Th key={k}>{st(k)}</Table.Th>)}<Table.Th /></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data?.rows.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>{l.contractNo}</Table.Td><Table.Td>{l.iouNo}</Table.Td><Table.Td>{l.borrowerName}</Table.Td>
              <Table.Td ta="right"><Money fen={l.principal} /></Table.Td><Table.Td>{l.annualRate}%</Table.Td><Table.Td>{l.maturityDate}</Table.Td>
              <Table.Td><Badge variant="light">{st(l.status as ServicingKey)}</Badge></Table.Td>
              <Table.Td><Group><Button size="xs" onClick={() => navigate(`/servicing/loan?id=${l.id}`)}>{st('open')}</Button></Group></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
