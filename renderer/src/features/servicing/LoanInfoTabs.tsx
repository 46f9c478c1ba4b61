import { Anchor, Badge, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CollateralPanel } from '../inspections/CollateralPanel'
import { GuarantorsPanel } from '../inspections/GuarantorsPanel'
import type { PlanView } from '@shared/api'
import { useQuery } from '../../api/hooks'
import { navigate } from '../../app/router'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Money } from './Money'

const num = { ta: 'right' as const, style: { fontVariantNumeric: 'tabular-nums' } }

/** 联系记录 of the loan, newest first. */
export function ContactsTab({ loanId }: { loanId: number }) {
  const { t } = useTranslation('loan')
  const q = useQuery('servicing.listContacts', { loanId }, { enabled: loanId > 0 })
  if (q.error) return <ErrorAlert error={q.error} />
  if (!q.data) return null
  if (q.data.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('noContacts')}
      </Text>
    )
  return (
    <Table fz="sm" striped data-testid="contacts">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('contactDate')}</Table.Th>
          <Table.Th>{t('channel')}</Table.Th>
          <Table.Th>{t('outcome')}</Table.Th>
          <Table.Th>{t('note')}</Table.Th>
          <Table.Th>{t('createdBy')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {q.data.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>{c.contactDate}</Table.Td>
            <Table.Td>{t(c.channel as 'phone')}</Table.Td>
            <Table.Td>{c.outcome}</Table.Td>
            <Table.Td>{c.note ?? ''}</Table.Td>
            <Table.Td>{c.createdBy ?? ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** 担保: guarantors and collateral, added and revalued here (the inspections area's panels). */
export function GuaranteesTab({ loanId }: { loanId: number }) {
  return (
    <Stack gap="md">
      <GuarantorsPanel loanId={loanId} />
      <CollateralPanel loanId={loanId} />
    </Stack>
  )
}

/** 档案: the loan's archive files, each opening in the archives screens. */
export function FilesTab({ loanId }: { loanId: number }) {
  const { t } = useTranslation('loan')
  const q = useQuery('loans.get', { id: loanId }, { enabled: loanId > 0 })
  if (q.error) return <ErrorAlert error={q.error} />
  if (!q.data) return null
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        {t('filesHint')}
      </Text>
      <Group>
        {q.data.files.map((f) => (
          <Anchor key={f.id} onClick={() => navigate(`/archives/file?id=${f.id}`)}>
            {f.fileNo}
          </Anchor>
        ))}
        <Anchor onClick={() => navigate('/archives')}>{t('openArchives')}</Anchor>
      </Group>
    </>
  )
}

/** 历史: every plan version (voided ones stay readable) with its rows. */
export function HistoryTab({ plan }: { plan: PlanView }) {
  const { t } = useTranslation('loan')
  const [shown, setShown] = useState(String(plan.versions[0]?.version ?? 1))
  const v = plan.versions.find((x) => String(x.version) === shown) ?? plan.versions[0]!
  const label = (x: PlanView['versions'][number]) =>
    `v${x.version} ${t(x.reason as 'initial')}${x.version === plan.currentVersion ? ` · ${t('current')}` : ''}${x.status === 'voided' ? ` · ${t('voided')}` : ''}`
  return (
    <>
      <SegmentedControl
        size="xs"
        value={shown}
        onChange={setShown}
        data={plan.versions.map((x) => ({ value: String(x.version), label: label(x) }))}
        mb="xs"
      />
      <Text size="sm" c="dimmed" mb="xs">
        {t('effective')} {v.effectiveDate} · {t('createdBy')} {v.createdBy ?? ''}
        {v.note ? ` · ${v.note}` : ''}{' '}
        {v.status === 'voided' && (
          <Badge color="gray" size="sm">
            {t('voided')}
          </Badge>
        )}
      </Text>
      <Table fz="xs" withTableBorder data-testid="plan-version">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('seq')}</Table.Th>
            <Table.Th>{t('dueDate')}</Table.Th>
            <Table.Th ta="right">{t('principal')}</Table.Th>
            <Table.Th ta="right">{t('interest')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {v.rows.map((r) => (
            <Table.Tr key={r.seq}>
              <Table.Td>{r.seq}</Table.Td>
              <Table.Td>{r.dueDate}</Table.Td>
              <Table.Td {...num}>
                <Money fen={r.principal} />
              </Table.Td>
              <Table.Td {...num}>
                <Money fen={r.interest} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={600}>
            <Table.Td colSpan={2}>{t('total')}</Table.Td>
            <Table.Td {...num}>
              <Money fen={v.totalPrincipal} />
            </Table.Td>
            <Table.Td {...num}>
              <Money fen={v.totalInterest} />
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </>
  )
}
