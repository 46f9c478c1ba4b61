import { BarChart } from '@mantine/charts'
import { Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { QualityView } from '@shared/api'
import { formatFen, isNonPerforming, isValidDate, localDate, ratio, yuanText } from '@shared/domain'
import { useMutation, useQuery } from '../../api/hooks'
import { ErrorAlert } from '../../components/ErrorAlert'
import { ReportFilters, type ReportSlice, sliceInput } from './report-filters'
import { TrendChart } from './TrendChart'
import { ExportPrintButtons } from './report-actions'

const yuan = yuanText

/** Portfolio quality as of a date: totals, five categories, aging, NPL ratio; Excel and A4 print. */
export function QualityPanel({ defaultAsOf }: { defaultAsOf: string }) {
  const [slice, setSlice] = useState<ReportSlice>({ asOf: defaultAsOf, village: null, officerId: null, product: null })
  const valid = isValidDate(slice.asOf)
  const q = useQuery('reports.quality', sliceInput(slice), { enabled: valid })
  const exp = useMutation('reports.exportQuality')
  // An invalid date clears the figures instead of leaving the last date's on screen.
  const data = valid ? q.data : undefined
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <ReportFilters value={slice} onChange={setSlice} />
        <ExportPrintButtons
          ready={Boolean(data)}
          exporting={exp.loading}
          onExport={() => exp.mutate(sliceInput(slice))}
        />
      </Group>
      {q.error && <ErrorAlert error={q.error} />}
      {exp.error && <ErrorAlert error={exp.error} />}
      {data && <QualityBody q={data} slice={slice} />}
    </Stack>
  )
}

function QualityBody({ q, slice }: { q: QualityView; slice: ReportSlice }) {
  const { t } = useTranslation('reports')
  const npl = q.byCategory.filter((c) => isNonPerforming(c.category)).reduce((s, c) => s + c.balance, 0)
  const share = (fen: number) => `${ratio(fen * 100, q.total.balance, 2)}%`
  const scope = [slice.village, slice.product].filter(Boolean).join(' · ')
  return (
    <Stack gap="md" data-testid="quality-report" className="report-print">
      <Title order={4} className="report-print-title">
        {t('quality')} · {t('asOf')} {q.asOf}
        {scope ? ` · ${scope}` : ''}
      </Title>
      <SimpleGrid cols={4}>
        <Figure label={t('loans')} value={String(q.total.count)} />
        <Figure label={t('balance')} value={yuan(q.total.balance)} />
        <Figure label={t('npl')} value={yuan(npl)} />
        <Figure label={t('nplRatio')} value={`${ratio(npl * 100, q.total.balance, 2)}%`} testId="npl-ratio" />
      </SimpleGrid>
      {q.total.count === 0 && <Text c="dimmed">{t('empty')}</Text>}
      <SimpleGrid cols={2}>
        <Paper withBorder p="sm">
          <Text fw={600} mb="xs">
            {t('byCategory')}
          </Text>
          <FigureTable
            head={t('category')}
            rows={q.byCategory.map((c) => ({
              key: c.category,
              label: t(c.category),
              count: c.count,
              balance: c.balance,
            }))}
            total={q.total}
            share={share}
            testId="by-category"
          />
          <BarChart
            h={160}
            mt="sm"
            data={q.byCategory.map((c) => ({ name: t(c.category), balance: c.balance / 100 }))}
            dataKey="name"
            series={[{ name: 'balance', label: t('balance'), color: 'teal.6' }]}
            valueFormatter={(v) => v.toLocaleString('zh-CN')}
          />
        </Paper>
        <Paper withBorder p="sm">
          <Text fw={600} mb="xs">
            {t('byBucket')}
          </Text>
          <FigureTable
            head={t('bucket')}
            rows={q.byBucket.map((b) => ({ key: b.bucket, label: t(b.bucket), count: b.count, balance: b.balance }))}
            total={q.total}
            share={share}
            testId="by-bucket"
          />
          <BarChart
            h={160}
            mt="sm"
            data={q.byBucket.map((b) => ({ name: b.bucket, balance: b.balance / 100 }))}
            dataKey="name"
            series={[{ name: 'balance', label: t('balance'), color: 'orange.6' }]}
            valueFormatter={(v) => v.toLocaleString('zh-CN')}
          />
        </Paper>
      </SimpleGrid>
      {/* The trend comes from the month-end snapshots of the whole scope, not the slice. */}
      {!slice.village && !slice.product && !slice.officerId && <TrendChart to={q.asOf} />}
      <Text size="sm" c="dimmed" className="report-print-footer">
        {t('printedAt')}：{localDate(new Date())}
      </Text>
    </Stack>
  )
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  )
}

interface FigureRow {
  key: string
  label: string
  count: number
  balance: number
}

function FigureTable(p: {
  head: string
  rows: FigureRow[]
  total: { count: number; balance: number }
  share: (fen: number) => string
  testId: string
}) {
  const { t } = useTranslation('reports')
  const num = { ta: 'right' as const, style: { fontVariantNumeric: 'tabular-nums' } }
  return (
    <Table data-testid={p.testId} striped withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{p.head}</Table.Th>
          <Table.Th ta="right">{t('count')}</Table.Th>
          <Table.Th ta="right">{t('balance')}</Table.Th>
          <Table.Th ta="right">{t('share')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {p.rows.map((r) => (
          <Table.Tr key={r.key} data-key={r.key}>
            <Table.Td>{r.label}</Table.Td>
            <Table.Td {...num}>{r.count}</Table.Td>
            <Table.Td {...num}>{formatFen(r.balance)}</Table.Td>
            <Table.Td {...num}>{p.share(r.balance)}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr fw={600}>
          <Table.Td>{t('total')}</Table.Td>
          <Table.Td {...num}>{p.total.count}</Table.Td>
          <Table.Td {...num}>{formatFen(p.total.balance)}</Table.Td>
          <Table.Td {...num}>{p.share(p.total.balance)}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  )
}
