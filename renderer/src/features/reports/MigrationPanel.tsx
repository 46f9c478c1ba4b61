import { MatrixChart } from '@mantine/charts'
import { Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MIGRATION_STATES, type MigrationView } from '@shared/api'
import { formatFen, isValidDate, localDate } from '@shared/domain'
import { useMutation, useQuery } from '../../api/hooks'
import { ErrorAlert } from '../../components/ErrorAlert'
import { ExportPrintButtons } from './report-actions'

type State = (typeof MIGRATION_STATES)[number]
const FROM: readonly State[] = MIGRATION_STATES.filter((s) => s !== 'closed')
const TO: readonly State[] = MIGRATION_STATES.filter((s) => s !== 'new')

/** The five-category migration matrix between two dates, shaded like a heat map by loan count. */
export function MigrationPanel({ defaultFrom, defaultTo }: { defaultFrom: string; defaultTo: string }) {
  const { t } = useTranslation('reports')
  const [from, setFrom] = useState(defaultFrom)
  const [to, setTo] = useState(defaultTo)
  const valid = isValidDate(from) && isValidDate(to) && from < to
  const q = useQuery('reports.migration', { from, to }, { enabled: valid })
  const exp = useMutation('reports.exportMigration')
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
          />
          <TextInput
            label={t('to')}
            w={140}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value.trim())}
            error={isValidDate(to) ? undefined : t('invalidDate')}
          />
        </Group>
        <ExportPrintButtons ready={Boolean(data)} exporting={exp.loading} onExport={() => exp.mutate({ from, to })} />
      </Group>
      {q.error && <ErrorAlert error={q.error} />}
      {exp.error && <ErrorAlert error={exp.error} />}
      {data && (
        <Stack gap="sm" className="report-print">
          <Title order={4}>
            {t('migration')} · {from} → {to}
          </Title>
          {data.rows.length === 0 ? (
            <Text c="dimmed">{t('migrationEmpty')}</Text>
          ) : (
            <SimpleGrid cols={2} className="migration-grid" style={{ gridTemplateColumns: '3fr 2fr' }}>
              <Matrix m={data} />
              <HeatMap m={data} />
            </SimpleGrid>
          )}
          <Text size="sm" c="dimmed">
            {t('printedAt')}：{localDate(new Date())}
          </Text>
        </Stack>
      )}
    </Stack>
  )
}

function Matrix({ m }: { m: MigrationView }) {
  const { t } = useTranslation('reports')
  const cell = (f: State, to: State) => m.rows.find((r) => r.from === f && r.to === to)
  const max = Math.max(1, ...m.rows.map((r) => r.count))
  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed">
        {t('fromTo')}
      </Text>
      <Table withTableBorder withColumnBorders data-testid="migration-matrix">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>
              {t('from')} \ {t('to')}
            </Table.Th>
            {TO.map((s) => (
              <Table.Th key={s} ta="right">
                {t(s)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {FROM.map((f) => (
            <Table.Tr key={f}>
              <Table.Th>{t(f)}</Table.Th>
              {TO.map((to) => {
                const c = cell(f, to)
                // Shade by count: the diagonal (stable) and the cells below it (worse) stand out.
                const alpha = c ? 0.12 + (0.5 * c.count) / max : 0
                return (
                  <Table.Td
                    key={to}
                    ta="right"
                    style={{
                      background: c ? `rgba(230, 100, 50, ${alpha.toFixed(2)})` : undefined,
                      fontVariantNumeric: 'tabular-nums',
                    }}
                  >
                    {c ? (
                      <>
                        <Text size="sm" fw={600}>
                          {c.count}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {formatFen(c.balance)}
                        </Text>
                      </>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                )
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}

/** The matrix as a heat map (MatrixChart): rows = category at start, columns = at end; colour by count or balance. */
function HeatMap({ m }: { m: MigrationView }) {
  const { t } = useTranslation('reports')
  const [by, setBy] = useState<'count' | 'balance'>('count')
  const cell = (f: State, to: State) => m.rows.find((r) => r.from === f && r.to === to)
  const data = FROM.flatMap((f) =>
    TO.map((to) => {
      const c = cell(f, to)
      return {
        x: to === 'closed' ? t('closedShort') : t(to),
        y: t(f),
        value: c ? (by === 'count' ? c.count : c.balance / 100) : null,
      }
    }),
  )
  return (
    <Paper withBorder p="sm" data-testid="migration-heatmap">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t('heatmap')}</Text>
        <SegmentedControl
          size="xs"
          className="print-actions"
          value={by}
          onChange={(v) => setBy(v as 'count' | 'balance')}
          data={[
            { value: 'count', label: t('byCount') },
            { value: 'balance', label: t('byBalance') },
          ]}
        />
      </Group>
      <MatrixChart
        data={data}
        xLabels={TO.map((s) => (s === 'closed' ? t('closedShort') : t(s)))}
        yLabels={FROM.map((s) => t(s))}
        withXLabels
        withYLabels
        xLabelsPosition="top"
        xLabelsRotation={0}
        xLabelsHeight={28}
        yLabelsWidth={64}
        cellSize={42}
        gap={2}
        fontSize={12}
        colors={['orange.1', 'orange.3', 'orange.5', 'orange.7', 'red.8']}
        emptyColor="gray.1"
        withTooltip
        getTooltipLabel={(c) =>
          c.value === null
            ? `${c.y} → ${c.x}`
            : t('heatTip', {
                from: c.y,
                to: c.x,
                value: by === 'count' ? c.value : t('heatYuan', { amount: c.value.toLocaleString('zh-CN') }),
              })
        }
      />
    </Paper>
  )
}
