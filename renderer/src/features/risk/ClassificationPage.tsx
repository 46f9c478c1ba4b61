import { Card, Group, Select, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CATEGORIES } from '@shared/domain'
import { navigate } from '../../app/router'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { Money } from '../servicing/Money'
import { RiskNav } from './RiskNav'
import { useMatrix, useNpl, usePending, useSnapshots } from './use-risk'

/** Pending proposals to decide, the NPL list and the migration matrix between two snapshot dates. */
export function ClassificationPage() {
  const { t } = useTranslation('risk')
  const pending = usePending()
  const npl = useNpl()
  return (
    <Stack>
      <PageHeader title={t('classification')} />
      <RiskNav current="/risk/classification" />
      <Card withBorder>
        <Text fw={600} mb="xs">
          {t('pending')}
        </Text>
        {pending.error && <ErrorAlert error={pending.error} />}
        <Table data-testid="pending-list" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              {(['contractNo', 'borrower', 'proposeTo', 'reason', 'proposedBy'] as const).map((k) => (
                <Table.Th key={k}>{t(k)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pending.data?.map((p) => (
              <Table.Tr key={p.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/risk/loan?id=${p.loanId}`)}>
                <Table.Td>{p.contractNo}</Table.Td>
                <Table.Td>{p.borrowerName}</Table.Td>
                <Table.Td>
                  {t(`categories.${p.fromCategory}`)} → {t(`categories.${p.category}`)}
                </Table.Td>
                <Table.Td>{p.reason}</Table.Td>
                <Table.Td>{p.proposedBy}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder>
        <Text fw={600} mb="xs">
          {t('npl')}
        </Text>
        <Table data-testid="npl">
          <Table.Thead>
            <Table.Tr>
              {(['contractNo', 'borrower', 'officer', 'category', 'dpd', 'outstanding'] as const).map((k) => (
                <Table.Th key={k}>{t(k)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {npl.data?.map((r) => (
              <Table.Tr
                key={r.loanId}
                style={{ cursor: 'pointer' }}
                onClick={() => navigate(`/risk/loan?id=${r.loanId}`)}
              >
                <Table.Td>{r.contractNo}</Table.Td>
                <Table.Td>{r.borrowerName}</Table.Td>
                <Table.Td>{r.officerName ?? ''}</Table.Td>
                <Table.Td>{t(`categories.${r.category}`)}</Table.Td>
                <Table.Td>{r.dpd}</Table.Td>
                <Table.Td ta="right">
                  <Money fen={r.outstandingPrincipal} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <MatrixCard />
    </Stack>
  )
}

function MatrixCard() {
  const { t } = useTranslation('risk')
  const snaps = useSnapshots()
  const dates = [...new Set((snaps.data ?? []).map((s) => s.asOf))]
  const [from, setFrom] = useState<string | null>(null)
  const [to, setTo] = useState<string | null>(null)
  const m = useMatrix(from ?? '', to ?? '')
  const cols = [...CATEGORIES, 'closed'] as const
  const cell = (a: string, b: string) => m.data?.cells.find((c) => c.from === a && c.to === b)
  return (
    <Card withBorder>
      <Text fw={600} mb="xs">
        {t('matrix')}
      </Text>
      <Group mb="sm">
        <Select label={t('matrixFrom')} w={150} value={from} onChange={setFrom} data={dates} />
        <Select label={t('matrixTo')} w={150} value={to} onChange={setTo} data={dates} />
      </Group>
      {m.error && <ErrorAlert error={m.error} />}
      {m.data && (
        <Table withColumnBorders data-testid="matrix">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              {cols.map((c) => (
                <Table.Th key={c}>{c === 'closed' ? t('closedLoans') : t(`categories.${c}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {CATEGORIES.map((a) => (
              <Table.Tr key={a}>
                <Table.Th>{t(`categories.${a}`)}</Table.Th>
                {cols.map((b) => {
                  const c = cell(a, b)
                  return (
                    <Table.Td key={b} ta="right">
                      {c ? (
                        <>
                          {c.loans}
                          <Text size="xs" c="dimmed">
                            <Money fen={c.outstandingPrincipal} />
                          </Text>
                        </>
                      ) : (
                        ''
                      )}
                    </Table.Td>
                  )
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  )
}
