import { Button, Group, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MonthlyView, QualityView, ReportRow } from '@shared/api'
import { formatFen, isNonPerforming, localDate, ratio, yuanText } from '@shared/domain'
import { useMutation, useQuery } from '../../api/hooks'
import { useCan } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { ExportPrintButtons } from './report-actions'

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

function nplPercent(q: QualityView): string {
  const npl = q.byCategory.reduce((s, c) => s + (isNonPerforming(c.category) ? c.balance : 0), 0)
  return `${ratio(npl * 100, q.total.balance, 2)}%`
}

/** The monthly 贷后管理报告 as an A4 document, with the manager's commentary and Excel. */
export function MonthlyPanel({ defaultMonth }: { defaultMonth: string }) {
  const { t } = useTranslation('reports')
  const [month, setMonth] = useState(defaultMonth)
  const valid = MONTH.test(month)
  const q = useQuery('reports.monthly', { month }, { enabled: valid })
  const exp = useMutation('reports.exportMonthly')
  const data = valid ? q.data : undefined
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" className="print-actions">
        <TextInput
          label={t('month')}
          w={140}
          value={month}
          onChange={(e) => setMonth(e.currentTarget.value.trim())}
          error={valid ? undefined : t('invalidMonth')}
          data-testid="report-month"
        />
        <ExportPrintButtons ready={Boolean(data)} exporting={exp.loading} onExport={() => exp.mutate({ month })} />
      </Group>
      {q.error && <ErrorAlert error={q.error} />}
      {exp.error && <ErrorAlert error={exp.error} />}
      {data && <MonthlyDocument m={data} onSaved={() => void q.refetch()} />}
    </Stack>
  )
}

function MonthlyDocument({ m, onSaved }: { m: MonthlyView; onSaved: () => void }) {
  const { t } = useTranslation('reports')
  const num = { ta: 'right' as const, style: { fontVariantNumeric: 'tabular-nums' } }
  const prev = new Map(m.previous.byCategory.map((c) => [c.category, c]))
  return (
    <Stack gap="md" className="report-print" data-testid="monthly-report">
      <Title order={3} ta="center">
        {t('monthlyTitle', { month: m.month })}
      </Title>
      <Paper withBorder p="sm">
        <Text fw={600} mb="xs">
          {t('qualityChange')}
        </Text>
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('category')}</Table.Th>
              <Table.Th {...num}>{t('previousEnd', { date: m.previousAsOf })}</Table.Th>
              <Table.Th {...num}>{t('thisEnd', { date: m.asOf })}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {m.quality.byCategory.map((c) => (
              <Table.Tr key={c.category}>
                <Table.Td>{t(c.category)}</Table.Td>
                <Table.Td {...num}>
                  {prev.get(c.category)!.count} · {formatFen(prev.get(c.category)!.balance)}
                </Table.Td>
                <Table.Td {...num}>
                  {c.count} · {formatFen(c.balance)}
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={600}>
              <Table.Td>{t('total')}</Table.Td>
              <Table.Td {...num}>
                {m.previous.total.count} · {formatFen(m.previous.total.balance)}
              </Table.Td>
              <Table.Td {...num}>
                {m.quality.total.count} · {formatFen(m.quality.total.balance)}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td>{t('nplRatio')}</Table.Td>
              <Table.Td {...num}>{nplPercent(m.previous)}</Table.Td>
              <Table.Td {...num} data-testid="monthly-npl">
                {nplPercent(m.quality)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Paper>
      {m.sections.map((s) => (
        <Paper withBorder p="sm" key={s.key}>
          <Text fw={600} mb="xs">
            {s.title}
          </Text>
          <Table>
            <Table.Tbody>
              {s.rows.map((r) => (
                <Table.Tr key={r.label}>
                  <Table.Td>{r.label}</Table.Td>
                  <Table.Td {...num}>{rowValue(r)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
      <Paper withBorder p="sm">
        <Text fw={600} mb="xs">
          {t('concerns')}
        </Text>
        {m.concerns.length === 0 ? (
          <Text c="dimmed">{t('noConcerns')}</Text>
        ) : (
          <Table data-testid="monthly-concerns">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contract')}</Table.Th>
                <Table.Th>{t('borrower')}</Table.Th>
                <Table.Th>{t('officer')}</Table.Th>
                <Table.Th>{t('category')}</Table.Th>
                <Table.Th {...num}>{t('dpd')}</Table.Th>
                <Table.Th {...num}>{t('balance')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {m.concerns.map((c) => (
                <Table.Tr key={c.loanId}>
                  <Table.Td>{c.contractNo}</Table.Td>
                  <Table.Td>{c.borrowerName}</Table.Td>
                  <Table.Td>{c.officerName}</Table.Td>
                  <Table.Td>{t(c.category)}</Table.Td>
                  <Table.Td {...num}>{c.dpd}</Table.Td>
                  <Table.Td {...num}>{formatFen(c.balance)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Commentary m={m} onSaved={onSaved} />
      <Text size="sm" c="dimmed">
        {t('printedAt')}：{localDate(new Date())}
      </Text>
    </Stack>
  )
}

function rowValue(r: ReportRow): string {
  if (r.unit === 'fen') return yuanText(Number(r.value))
  return String(r.value)
}

/** The manager's commentary: editable with the right, printed as text. */
function Commentary({ m, onSaved }: { m: MonthlyView; onSaved: () => void }) {
  const { t } = useTranslation('reports')
  const canWrite = useCan()('reports.comment')
  const [text, setText] = useState(m.commentary?.text ?? '')
  useEffect(() => setText(m.commentary?.text ?? ''), [m.commentary?.text])
  const save = useMutation('reports.saveCommentary')
  return (
    <Paper withBorder p="sm">
      <Text fw={600} mb="xs">
        {t('commentary')}
      </Text>
      {canWrite ? (
        <Stack gap="xs">
          <Textarea
            className="print-actions"
            autosize
            minRows={3}
            maxLength={4000}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            aria-label={t('commentary')}
          />
          <Text className="print-only" style={{ whiteSpace: 'pre-wrap' }}>
            {text}
          </Text>
          <Group className="print-actions">
            <Button
              size="xs"
              loading={save.loading}
              disabled={text.trim() === ''}
              onClick={() => void save.mutate({ month: m.month, text }).then(onSaved, () => undefined)}
            >
              {t('saveCommentary')}
            </Button>
            {m.commentary && (
              <Text size="xs" c="dimmed">
                {t('savedBy', { name: m.commentary.updatedBy })}
              </Text>
            )}
          </Group>
          {save.error && <ErrorAlert error={save.error} />}
        </Stack>
      ) : (
        <Text style={{ whiteSpace: 'pre-wrap' }} c={m.commentary ? undefined : 'dimmed'}>
          {m.commentary?.text ?? t('noCommentary')}
        </Text>
      )}
    </Paper>
  )
}
