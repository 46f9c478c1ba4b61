import { Group, Modal, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { KpiRow, OfficerKpiView } from '@shared/api'
import { type Category, formatFen, isValidDate, localDate } from '@shared/domain'
import { useMutation, useQuery } from '../../api/hooks'
import { navigate } from '../../app/router'
import { ErrorAlert } from '../../components/ErrorAlert'
import { ExportPrintButtons } from './report-actions'

const num = { ta: 'right' as const, style: { fontVariantNumeric: 'tabular-nums' } }

/** "0.8750" → "87.50%"; null (nothing was due) → "—". */
export function percent(r: string | null): string {
  if (r === null) return '—'
  const [i = '0', f = '0000'] = r.split('.')
  const whole = Number(i) * 100 + Number(f.slice(0, 2))
  return `${whole}.${f.slice(2, 4)}%`
}

/** Officer KPIs (考核) over a period: the ranked table, a per-officer drill-down, Excel and A4. */
export function KpiPanel({ defaultFrom, defaultTo }: { defaultFrom: string; defaultTo: string }) {
  const { t } = useTranslation('reports')
  const [from, setFrom] = useState(defaultFrom)
  const [to, setTo] = useState(defaultTo)
  const [days, setDays] = useState<number>(7)
  const [officer, setOfficer] = useState<KpiRow | null>(null)
  const valid = isValidDate(from) && isValidDate(to) && from <= to && days >= 1 && days <= 90
  const input = { from, to, warningDays: days }
  const q = useQuery('reports.kpis', input, { enabled: valid })
  const exp = useMutation('reports.exportKpis')
  const data = valid ? q.data : undefined
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" className="print-actions">
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('from')}
            w={140}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value.trim())}
            error={isValidDate(from) ? undefined : t('invalidDate')}
            data-testid="kpi-from"
          />
          <TextInput
            label={t('to')}
            w={140}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value.trim())}
            error={isValidDate(to) ? undefined : t('invalidDate')}
            data-testid="kpi-to"
          />
          <NumberInput
            label={t('warningDays')}
            w={150}
            min={1}
            max={90}
            value={days}
            onChange={(v) => setDays(typeof v === 'number' ? v : Number(v) || 0)}
          />
        </Group>
        <ExportPrintButtons ready={Boolean(data)} exporting={exp.loading} onExport={() => exp.mutate(input)} />
      </Group>
      {q.error && <ErrorAlert error={q.error} />}
      {exp.error && <ErrorAlert error={exp.error} />}
      {data && (
        <Stack gap="xs" className="report-print kpi-print">
          <Title order={4}>{t('kpiTitle', { from: data.from, to: data.to })}</Title>
          <Text size="xs" c="dimmed" className="print-actions">
            {t('kpiHint')}
          </Text>
          {data.rows.length === 0 ? (
            <Text c="dimmed">{t('kpiEmpty')}</Text>
          ) : (
            <KpiTable rows={data.rows} days={data.warningDays} onOpen={setOfficer} />
          )}
          <Text size="sm" c="dimmed">
            {t('printedAt')}：{localDate(new Date())}
          </Text>
        </Stack>
      )}
      <Modal
        opened={officer !== null}
        onClose={() => setOfficer(null)}
        size={900}
        title={officer ? t('officerDetail', { name: officer.officerName }) : ''}
      >
        {officer && <OfficerDetail input={{ ...input, officerId: officer.officerId }} />}
      </Modal>
    </Stack>
  )
}

function KpiTable({ rows, days, onOpen }: { rows: KpiRow[]; days: number; onOpen: (r: KpiRow) => void }) {
  const { t } = useTranslation('reports')
  const heads = [
    t('rank'),
    t('officer'),
    t('kpiLoans'),
    t('balance'),
    t('inspectionsOnTime'),
    t('firstChecks'),
    t('warningsHandled', { days }),
    t('contactsPerOverdue'),
    t('promisesKept'),
    t('overdueRate'),
    t('nplRatio'),
    t('recoveries'),
    t('score'),
  ]
  return (
    <Table withTableBorder striped highlightOnHover fz="sm" data-testid="kpi-table">
      <Table.Thead>
        <Table.Tr>
          {heads.map((h, i) => (
            <Table.Th key={h} ta={i >= 2 ? 'right' : undefined}>
              {h}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr
            key={r.officerId}
            style={{ cursor: 'pointer' }}
            onClick={() => onOpen(r)}
            data-officer={r.officerId}
          >
            <Table.Td>{r.rank}</Table.Td>
            <Table.Td>{r.officerName}</Table.Td>
            <Table.Td {...num}>{r.loans}</Table.Td>
            <Table.Td {...num}>{formatFen(r.balance)}</Table.Td>
            <Table.Td {...num}>{percent(r.inspectionsOnTimeRate)}</Table.Td>
            <Table.Td {...num}>{percent(r.firstCheckRate)}</Table.Td>
            <Table.Td {...num}>{percent(r.warningsHandledRate)}</Table.Td>
            <Table.Td {...num}>
              {r.contactsPerOverdueLoan === null ? '—' : Number(r.contactsPerOverdueLoan).toFixed(1)}
            </Table.Td>
            <Table.Td {...num}>{percent(r.promisesKeptRate)}</Table.Td>
            <Table.Td {...num}>{percent(r.overdueRate)}</Table.Td>
            <Table.Td {...num}>{percent(r.nplRatio)}</Table.Td>
            <Table.Td {...num}>{formatFen(r.recoveries)}</Table.Td>
            <Table.Td {...num} fw={600}>
              {percent(r.score)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

function OfficerDetail({ input }: { input: { from: string; to: string; warningDays: number; officerId: number } }) {
  const { t } = useTranslation('reports')
  const q = useQuery('reports.officerKpis', input)
  if (q.error) return <ErrorAlert error={q.error} />
  if (!q.data) return <Text c="dimmed">…</Text>
  const { row: r, items } = q.data
  const figures: [string, string, string][] = [
    [t('inspectionsOnTime'), `${r.inspectionsOnTime} / ${r.inspectionsDue}`, percent(r.inspectionsOnTimeRate)],
    [t('firstChecks'), `${r.firstChecksOnTime} / ${r.firstChecksDue}`, percent(r.firstCheckRate)],
    [
      t('warningsHandled', { days: q.data.warningDays }),
      `${r.warningsHandled} / ${r.warnings}`,
      percent(r.warningsHandledRate),
    ],
    [
      t('contactsPerOverdue'),
      `${r.contacts} / ${r.overdueLoans}`,
      r.contactsPerOverdueLoan === null ? '—' : Number(r.contactsPerOverdueLoan).toFixed(2),
    ],
    [t('promisesKept'), `${r.promisesKept} / ${r.promisesDue}`, percent(r.promisesKeptRate)],
    [t('overdueRate'), `${formatFen(r.overdueBalance)} / ${formatFen(r.balance)}`, percent(r.overdueRate)],
    [t('nplRatio'), `${formatFen(r.nplBalance)} / ${formatFen(r.balance)}`, percent(r.nplRatio)],
    [t('recoveries'), '', formatFen(r.recoveries)],
  ]
  return (
    <Stack gap="sm" data-testid="kpi-detail">
      <Paper withBorder p="xs">
        <Table fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('figure')}</Table.Th>
              <Table.Th ta="right">{t('done')}</Table.Th>
              <Table.Th ta="right">{t('rate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {figures.map(([label, done, value]) => (
              <Table.Tr key={label}>
                <Table.Td>{label}</Table.Td>
                <Table.Td {...num}>{done}</Table.Td>
                <Table.Td {...num}>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Text fw={600}>{t('issues')}</Text>
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('noIssues')}
        </Text>
      ) : (
        <Table fz="sm" striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('figure')}</Table.Th>
              <Table.Th>{t('contract')}</Table.Th>
              <Table.Th>{t('borrower')}</Table.Th>
              <Table.Th>{t('issueDate')}</Table.Th>
              <Table.Th>{t('issueDetail')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i, n) => (
              <Table.Tr
                key={n}
                style={{ cursor: 'pointer' }}
                onClick={() => navigate(`/servicing/loan?id=${i.loanId}`)}
              >
                <Table.Td>{t(`issue_${i.issue}`)}</Table.Td>
                <Table.Td>{i.contractNo}</Table.Td>
                <Table.Td>{i.borrowerName}</Table.Td>
                <Table.Td>{i.date}</Table.Td>
                <Table.Td>
                  <IssueDetail i={i} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}

type Item = OfficerKpiView['items'][number]
function IssueDetail({ i }: { i: Item }) {
  const { t } = useTranslation('reports')
  switch (i.issue) {
    case 'npl':
      return `${t(i.detail as Category)} · ${formatFen(i.amount ?? 0)}`
    case 'overdue_uncontacted':
      return `${t('dpdDays', { dpd: i.detail })} · ${formatFen(i.amount ?? 0)}`
    case 'promise_broken':
      return formatFen(i.amount ?? 0)
    case 'inspection_late':
    case 'first_check_late':
      return i.detail ? t('doneOn', { date: i.detail }) : t('notDone')
    case 'warning_unhandled':
      return i.detail
  }
}
