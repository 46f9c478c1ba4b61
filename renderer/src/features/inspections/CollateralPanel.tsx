import { Badge, Button, Group, Paper, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core'
import { formatFen, localDate, parseYuan } from '@shared/domain'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from '../../api/hooks'
import { useCan } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'

/** Coverage in basis points shown as a percent: 7500 → 75.00 %. */
function percent(bp: number | null): string {
  return bp === null ? '—' : `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')} %`
}

/** Collateral of a loan with its valuation history and coverage; add and revalue. Mounted in the loan page's 担保 tab. */
export function CollateralPanel({ loanId, onChanged }: { loanId: number; onChanged?: () => void }) {
  const { t } = useTranslation('inspections')
  const can = useCan()
  const q = useQuery('loans.get', { id: loanId })
  const add = useMutation('loans.addCollateral')
  const revalue = useMutation('loans.revalueCollateral')
  const today = localDate(new Date())
  const blank = {
    type: '',
    description: '',
    ownerName: '',
    certNo: '',
    location: '',
    appraisedValue: '',
    appraisedOn: today,
  }
  const [f, setF] = useState(blank)
  const [rv, setRv] = useState<{ id: number; value: string; valuedOn: string; valuer: string } | null>(null)
  const [bad, setBad] = useState<string | null>(null)
  const field = (k: keyof typeof f) => ({
    value: f[k],
    onChange: (e: { currentTarget: { value: string } }) => {
      const v = e.currentTarget.value
      setF((x) => ({ ...x, [k]: v }))
    },
  })
  const yuan = (s: string): number | null => {
    try {
      return parseYuan(s)
    } catch {
      setBad(s)
      return null
    }
  }
  const done = async () => {
    setF(blank)
    setRv(null)
    setBad(null)
    await q.refetch()
    onChanged?.()
  }
  const d = q.data
  return (
    <Paper withBorder p="md" data-testid="collateral-panel">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('security.collaterals')}</Title>
        {d && (
          <Text size="sm" data-testid="coverage">
            {t('security.coverage')}：
            <Badge color={d.coverageBp !== null && d.coverageBp < 10_000 ? 'red' : 'teal'}>
              {percent(d.coverageBp)}
            </Badge>{' '}
            （{t('security.collateralValue')} {formatFen(d.collateralValue)} / {t('security.outstanding')}{' '}
            {formatFen(d.outstanding)}）
          </Text>
        )}
      </Group>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            {(['type', 'description', 'appraisedValue', 'currentValue', 'history'] as const).map((k) => (
              <Table.Th key={k}>{t(`security.${k}`)}</Table.Th>
            ))}
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d?.collaterals.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{c.type}</Table.Td>
              <Table.Td>{c.description}</Table.Td>
              <Table.Td ta="right">{formatFen(c.appraisedValue)}</Table.Td>
              <Table.Td ta="right" data-testid={`current-${c.id}`}>
                {formatFen(c.currentValue)}
              </Table.Td>
              <Table.Td>
                {c.valuations.map((v, i) => (
                  <Text key={i} size="xs">
                    {v.valuedOn} {formatFen(v.value)} {v.valuer ?? ''}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>
                {can('loans.write') && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    onClick={() => setRv({ id: c.id, value: '', valuedOn: today, valuer: '' })}
                  >
                    {t('security.revalue')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {d?.collaterals.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('none')}
        </Text>
      )}
      {rv && (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            const v = yuan(rv.value)
            if (v !== null)
              void revalue
                .mutate({
                  collateralId: rv.id,
                  value: v,
                  valuedOn: rv.valuedOn,
                  ...(rv.valuer ? { valuer: rv.valuer } : {}),
                })
                .then(done, () => undefined)
          }}
        >
          <Group align="flex-end" mt="sm">
            <TextInput
              label={t('security.value')}
              value={rv.value}
              onChange={(e) => setRv({ ...rv, value: e.currentTarget.value })}
              autoFocus
            />
            <TextInput
              type="date"
              label={t('security.valuedOn')}
              value={rv.valuedOn}
              onChange={(e) => setRv({ ...rv, valuedOn: e.currentTarget.value })}
            />
            <TextInput
              label={t('security.valuer')}
              value={rv.valuer}
              onChange={(e) => setRv({ ...rv, valuer: e.currentTarget.value })}
            />
            <Button type="submit" loading={revalue.loading}>
              {t('security.revalue')}
            </Button>
          </Group>
        </form>
      )}
      {can('loans.write') && (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            const v = yuan(f.appraisedValue)
            if (v !== null)
              void add
                .mutate({
                  loanId,
                  type: f.type,
                  description: f.description,
                  appraisedValue: v,
                  appraisedOn: f.appraisedOn,
                  insured: false,
                  ...(f.ownerName ? { ownerName: f.ownerName } : {}),
                  ...(f.certNo ? { certNo: f.certNo } : {}),
                  ...(f.location ? { location: f.location } : {}),
                })
                .then(done, () => undefined)
          }}
        >
          <SimpleGrid cols={4} mt="sm">
            <TextInput label={t('security.type')} {...field('type')} />
            <TextInput label={t('security.description')} {...field('description')} />
            <TextInput label={t('security.ownerName')} {...field('ownerName')} />
            <TextInput label={t('security.certNo')} {...field('certNo')} />
            <TextInput label={t('security.location')} {...field('location')} />
            <TextInput label={t('security.appraisedValue')} {...field('appraisedValue')} />
            <TextInput type="date" label={t('security.appraisedOn')} {...field('appraisedOn')} />
          </SimpleGrid>
          <Button type="submit" mt="sm" loading={add.loading}>
            {t('security.add')}
          </Button>
        </form>
      )}
      {bad && (
        <Text c="red" size="sm">
          {bad}
        </Text>
      )}
      {(add.error ?? revalue.error) && <ErrorAlert error={(add.error ?? revalue.error)!} />}
    </Paper>
  )
}
