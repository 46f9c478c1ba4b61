import {
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Pagination,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { ReminderRow } from '@shared/api'
import { formatFen, localDate } from '@shared/domain'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { toApiError, useQuery } from '../../api/hooks'
import { navigate } from '../../app/router'
import { useCan } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { downloadBase64 } from '../../app/download'
import { useLogContact } from './use-servicing'

const PAGE = 50

/** Loans falling due in the next N days (and, on request, overdue ones) with a reminder to copy or export for SMS. */
export function DueSoonPage() {
  const { t } = useTranslation('servicing')
  const can = useCan()
  const [days, setDays] = useState(7)
  const [overdue, setOverdue] = useState(false)
  const [officerId, setOfficerId] = useState<number | undefined>(undefined)
  const [village, setVillage] = useState<string | undefined>(undefined)
  const [page, setPage] = useState(1)
  const [exporting, setExporting] = useState(false)
  const asOf = localDate(new Date())
  const filter = { asOf, days, overdue, officerId, village }
  const q = useQuery('servicing.dueSoon', { ...filter, limit: PAGE, offset: (page - 1) * PAGE })
  const villages = useQuery('borrowers.villages', {})
  const officers = useQuery('loans.officers', {}, { enabled: can('portfolio.all') })
  const total = q.data?.total ?? 0
  const change = (fn: () => void) => {
    fn()
    setPage(1)
  }
  const exportSms = async () => {
    setExporting(true)
    try {
      const x = await api.call('servicing.exportDueSoon', filter)
      downloadBase64(x.filename, x.contentBase64)
      notifications.show({ message: t('exported', { n: x.rows }) })
    } catch (e) {
      notifications.show({ color: 'red', message: toApiError(e).message })
    } finally {
      setExporting(false)
    }
  }
  return (
    <Stack gap="sm">
      <PageHeader
        title={t('dueSoon')}
        subtitle={t('dueSoonSubtitle')}
        actions={
          <Button variant="default" onClick={() => navigate('/servicing')}>
            {t('back')}
          </Button>
        }
      />
      <Group align="end" gap="xs">
        <NumberInput
          label={t('days')}
          value={days}
          onChange={(v) => change(() => setDays(Math.min(90, Math.max(0, Number(v) || 0))))}
          min={0}
          max={90}
          w={90}
        />
        {can('portfolio.all') && (
          <Select
            label={t('officer')}
            w={130}
            clearable
            searchable
            placeholder={t('all')}
            data={(officers.data ?? []).map((o) => ({ value: String(o.id), label: o.displayName }))}
            value={officerId ? String(officerId) : null}
            onChange={(x) => change(() => setOfficerId(x ? Number(x) : undefined))}
          />
        )}
        <Select
          label={t('village')}
          w={130}
          clearable
          searchable
          placeholder={t('all')}
          data={villages.data ?? []}
          value={village ?? null}
          onChange={(x) => change(() => setVillage(x ?? undefined))}
          data-testid="due-village"
        />
        <Checkbox
          label={t('includeOverdue')}
          checked={overdue}
          onChange={(e) => change(() => setOverdue(e.currentTarget.checked))}
          mb={8}
          data-testid="due-overdue"
        />
        <Button variant="default" loading={exporting} onClick={() => void exportSms()}>
          {t('exportSms')}
        </Button>
        <Text size="sm" fw={600} mb={8} data-testid="due-total">
          {t('countTotal', { n: total })}
        </Text>
      </Group>
      {q.error && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      <Paper withBorder>
        <Table data-testid="due-soon" verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={96}>{t('dueDate')}</Table.Th>
              <Table.Th w={150}>{t('borrower')}</Table.Th>
              <Table.Th w={150}>{t('contractNo')}</Table.Th>
              <Table.Th w={120} ta="right">
                {t('amountDue')}
              </Table.Th>
              <Table.Th>{t('reminder')}</Table.Th>
              <Table.Th w={300}>{t('lastContact')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data?.rows.map((r) => (
              <DueRow key={r.loanId} r={r} asOf={asOf} onLogged={() => void q.refetch()} />
            ))}
          </Table.Tbody>
        </Table>
        {q.data && total === 0 && (
          <Text c="dimmed" size="sm" p="md">
            {t('noRows')}
          </Text>
        )}
      </Paper>
      {total > PAGE && <Pagination total={Math.ceil(total / PAGE)} value={page} onChange={setPage} size="sm" />}
    </Stack>
  )
}

function DueRow({ r, asOf, onLogged }: { r: ReminderRow; asOf: string; onLogged: () => void }) {
  const { t } = useTranslation('servicing')
  const [copied, setCopied] = useState(false)
  const [channel, setChannel] = useState<'phone' | 'sms' | 'visit'>('sms')
  const [outcome, setOutcome] = useState('')
  const log = useLogContact()
  const said = r.lastContact
    ? t('lastSaid', {
        date: r.lastContact,
        channel: t((r.lastContactChannel ?? 'other') as 'sms'),
        outcome: r.lastContactOutcome ?? '',
      })
    : '—'
  return (
    <Table.Tr data-testid="due-row">
      <Table.Td>
        {r.dueDate}
        {r.dpd > 0 && (
          <Badge color="red" variant="light" size="sm" display="block">
            {t('overdueDays', { n: r.dpd })}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        {r.borrowerName}
        <Text size="xs" c="dimmed">
          {r.phone ?? ''} {r.village ?? ''}
        </Text>
      </Table.Td>
      <Table.Td ff="monospace">
        <Text
          size="sm"
          style={{ cursor: 'pointer' }}
          c="blue.8"
          onClick={() => navigate(`/servicing/loan?id=${r.loanId}`)}
        >
          {r.contractNo}
        </Text>
      </Table.Td>
      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {t('yuan', { amount: formatFen(r.amount) })}
      </Table.Td>
      <Table.Td>
        <Text size="xs" lineClamp={2}>
          {r.reminder}
        </Text>
        <Button
          size="compact-xs"
          variant="light"
          onClick={() => void navigator.clipboard?.writeText(r.reminder).then(() => setCopied(true))}
        >
          {copied ? t('copied') : t('copy')}
        </Button>
      </Table.Td>
      <Table.Td>
        <Text size="xs" lineClamp={2} data-testid="last-contact">
          {said}
        </Text>
        <Group gap={4} wrap="nowrap">
          <Select
            size="xs"
            w={76}
            value={channel}
            onChange={(v) => setChannel((v ?? 'sms') as typeof channel)}
            data={(['sms', 'phone', 'visit'] as const).map((c) => ({ value: c, label: t(c) }))}
            allowDeselect={false}
          />
          <TextInput
            size="xs"
            w={130}
            placeholder={t('outcome')}
            value={outcome}
            onChange={(e) => setOutcome(e.currentTarget.value)}
          />
          <Button
            size="compact-xs"
            loading={log.loading}
            onClick={() =>
              void log.mutate({ loanId: r.loanId, dueDate: r.dueDate, contactDate: asOf, channel, outcome }).then(
                () => {
                  setOutcome('')
                  onLogged()
                },
                () => undefined,
              )
            }
          >
            {t('logContact')}
          </Button>
        </Group>
        {log.error && (
          <Text size="xs" c="red">
            {log.error.message}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  )
}
