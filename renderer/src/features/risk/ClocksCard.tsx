import { Button, Card, Group, Select, Table, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { localIsoDate } from '../../app/format'
import { useCan } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useClocks, useRecordInterruption } from './use-risk'

type Kind = 'acknowledgement' | 'demand_signed' | 'guarantor_demand'

/** 诉讼时效 with each restart and its evidence, each guarantee's 保证期间, and recording a restart. */
export function ClocksCard({ loanId }: { loanId: number }) {
  const { t } = useTranslation('risk')
  const can = useCan()
  const today = localIsoDate()
  const q = useClocks(loanId, today)
  const rec = useRecordInterruption()
  const [kind, setKind] = useState<Kind>('acknowledgement')
  const [guarantorId, setGuarantorId] = useState<string | null>(null)
  const [on, setOn] = useState(today)
  const [evidence, setEvidence] = useState('')
  const c = q.data
  return (
    <Card withBorder data-testid="clocks">
      <Text fw={600} mb="xs">
        {t('clocks')}
      </Text>
      {q.error && <ErrorAlert error={q.error} />}
      {c && (
        <>
          <Group gap="xl" mb="xs">
            <Text size="sm">
              {t('lastDue')}：{c.lastDueDate ?? '—'}
            </Text>
            <Text size="sm" fw={600} c={c.daysLeft !== null && c.daysLeft < 0 ? 'red' : undefined}>
              {t('expiry')}：{c.limitationExpiry ?? '—'}
            </Text>
            <Text size="sm">
              {t('daysLeft')}：{c.daysLeft ?? '—'}
            </Text>
          </Group>
          {c.restarts.length > 0 && (
            <Table mb="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('restarts')}</Table.Th>
                  <Table.Th>{t('date')}</Table.Th>
                  <Table.Th>{t('evidence')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.restarts.map((r, k) => (
                  <Table.Tr key={k}>
                    <Table.Td>{t(`restartKinds.${r.kind as 'part_payment'}`)}</Table.Td>
                    <Table.Td>{r.date}</Table.Td>
                    <Table.Td>{r.evidence}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {c.guarantees.length > 0 && (
            <Table mb="sm">
              <Table.Thead>
                <Table.Tr>
                  {(['guarantor', 'periodEnd', 'daysLeft', 'demandedOn'] as const).map((k) => (
                    <Table.Th key={k}>{t(k)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.guarantees.map((g) => (
                  <Table.Tr key={g.guarantorId}>
                    <Table.Td>{g.name}</Table.Td>
                    <Table.Td>{g.periodEnd}</Table.Td>
                    <Table.Td>{g.daysLeft}</Table.Td>
                    <Table.Td>{g.demandedOn ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {can('loans.write') && (
            <Group align="flex-end" gap={8}>
              <Select
                label={t('recordInterruption')}
                w={150}
                value={kind}
                onChange={(v) => setKind((v ?? 'acknowledgement') as Kind)}
                allowDeselect={false}
                data={(['acknowledgement', 'demand_signed', 'guarantor_demand'] as const).map((k) => ({
                  value: k,
                  label: t(`restartKinds.${k}`),
                }))}
              />
              {kind === 'guarantor_demand' && (
                <Select
                  label={t('guarantor')}
                  w={140}
                  value={guarantorId}
                  onChange={setGuarantorId}
                  data={c.guarantees.map((g) => ({ value: String(g.guarantorId), label: g.name }))}
                />
              )}
              <TextInput label={t('date')} w={130} value={on} onChange={(e) => setOn(e.currentTarget.value)} />
              <TextInput
                label={t('evidence')}
                style={{ flex: 1 }}
                value={evidence}
                onChange={(e) => setEvidence(e.currentTarget.value)}
              />
              <Button
                loading={rec.loading}
                onClick={() =>
                  void rec
                    .mutate({
                      loanId,
                      kind,
                      occurredOn: on,
                      evidence,
                      ...(kind === 'guarantor_demand' && guarantorId ? { guarantorId: Number(guarantorId) } : {}),
                    })
                    .then(
                      async () => {
                        setEvidence('')
                        await q.refetch()
                      },
                      () => undefined,
                    )
                }
              >
                {t('record')}
              </Button>
            </Group>
          )}
          {rec.error && <ErrorAlert error={rec.error} />}
        </>
      )}
    </Card>
  )
}
