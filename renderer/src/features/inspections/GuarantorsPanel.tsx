import { Button, Group, NativeSelect, Paper, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core'
import { GUARANTEE_MODES } from '@shared/api'
import { formatFen, localDate, parseYuan } from '@shared/domain'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from '../../api/hooks'
import { useCan } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'

const KINDS = ['person', 'borrower', 'company'] as const

/** Guarantors of a loan: list, add, remove; each links to a guarantor check. Mounted in the loan page's 担保 tab. */
export function GuarantorsPanel({ loanId, onChanged }: { loanId: number; onChanged?: () => void }) {
  const { t } = useTranslation('inspections')
  const can = useCan()
  const q = useQuery('loans.get', { id: loanId })
  const add = useMutation('loans.addGuarantor')
  const remove = useMutation('loans.removeGuarantor')
  const today = localDate(new Date())
  const blank = {
    kind: 'person' as (typeof KINDS)[number],
    borrowerId: '',
    name: '',
    idNumber: '',
    phone: '',
    mode: 'joint' as (typeof GUARANTEE_MODES)[number],
    amount: '',
    periodStart: today,
    periodEnd: '',
  }
  const [f, setF] = useState(blank)
  const [bad, setBad] = useState<string | null>(null)
  const field = (k: keyof typeof f) => ({
    value: f[k],
    onChange: (e: { currentTarget: { value: string } }) => {
      const v = e.currentTarget.value
      setF((x) => ({ ...x, [k]: v }))
    },
  })
  const done = async () => {
    setF(blank)
    await q.refetch()
    onChanged?.()
  }
  const submit = async () => {
    setBad(null)
    let amount: number
    try {
      amount = parseYuan(f.amount)
    } catch {
      setBad(t('security.amount'))
      return
    }
    await add
      .mutate({
        loanId,
        kind: f.kind,
        mode: f.mode,
        amount,
        periodStart: f.periodStart,
        periodEnd: f.periodEnd,
        ...(f.kind === 'borrower'
          ? { borrowerId: Number(f.borrowerId) }
          : { name: f.name, idNumber: f.idNumber, ...(f.phone ? { phone: f.phone } : {}) }),
      })
      .then(done, () => undefined)
  }
  return (
    <Paper withBorder p="md" data-testid="guarantors-panel">
      <Title order={4} mb="sm">
        {t('security.guarantors')}
      </Title>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            {(['name', 'kind', 'idNumber', 'mode', 'amount', 'periodEnd'] as const).map((k) => (
              <Table.Th key={k}>{t(`security.${k}`)}</Table.Th>
            ))}
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data?.guarantors.map((g) => (
            <Table.Tr key={g.id}>
              <Table.Td>{g.name}</Table.Td>
              <Table.Td>{t(`security.kindOpts.${g.kind as 'person'}`)}</Table.Td>
              <Table.Td>{g.idNumber ?? ''}</Table.Td>
              <Table.Td>{t(`security.modes.${g.mode as 'joint'}`)}</Table.Td>
              <Table.Td ta="right">{formatFen(g.amount)}</Table.Td>
              <Table.Td>
                {g.periodStart} – {g.periodEnd}
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button
                    size="compact-xs"
                    variant="light"
                    component="a"
                    href={`#/inspections/record?loan=${loanId}&type=guarantor`}
                  >
                    {t('security.check')}
                  </Button>
                  {can('loans.write') && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => void remove.mutate({ id: g.id }).then(done, () => undefined)}
                    >
                      {t('security.remove')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {q.data?.guarantors.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('none')}
        </Text>
      )}
      {can('loans.write') && (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            void submit()
          }}
        >
          <SimpleGrid cols={4} mt="sm">
            <NativeSelect
              label={t('security.kind')}
              data={KINDS.map((k) => ({ value: k, label: t(`security.kindOpts.${k}`) }))}
              {...field('kind')}
            />
            {f.kind === 'borrower' ? (
              <TextInput label={t('security.borrowerId')} {...field('borrowerId')} />
            ) : (
              <>
                <TextInput label={t('security.name')} {...field('name')} />
                <TextInput label={t('security.idNumber')} {...field('idNumber')} />
                <TextInput label={t('security.phone')} {...field('phone')} />
              </>
            )}
            <NativeSelect
              label={t('security.mode')}
              data={GUARANTEE_MODES.map((m) => ({ value: m, label: t(`security.modes.${m}`) }))}
              {...field('mode')}
            />
            <TextInput label={t('security.amount')} {...field('amount')} />
            <TextInput type="date" label={t('security.periodStart')} {...field('periodStart')} />
            <TextInput type="date" label={t('security.periodEnd')} {...field('periodEnd')} />
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
      {(add.error ?? remove.error) && <ErrorAlert error={(add.error ?? remove.error)!} />}
    </Paper>
  )
}
