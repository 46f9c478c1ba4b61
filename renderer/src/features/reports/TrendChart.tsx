import { CompositeChart } from '@mantine/charts'
import { ColorSwatch, Group, Paper, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { CATEGORIES } from '@shared/domain'
import { useQuery } from '../../api/hooks'

/** Category colours from calm to alarming, the same order as the five categories. */
const COLORS = ['teal.6', 'yellow.5', 'orange.6', 'red.6', 'grape.8'] as const

/** Balance by category at the last 12 month-ends (stacked bars, 万元) and the NPL ratio (line, %). */
export function TrendChart({ to }: { to: string }) {
  const { t } = useTranslation('reports')
  const q = useQuery('reports.trend', { to, months: 12 })
  const points = q.data?.points ?? []
  const data = points.map((p) => ({
    month: p.asOf.slice(0, 7),
    ...Object.fromEntries(p.byCategory.map((c) => [c.category, Math.round(c.balance / 100) / 10_000])),
    npl: Math.round(Number(p.nplRatio) * 10_000) / 100,
  }))
  return (
    <Paper withBorder p="sm" data-testid="quality-trend">
      <Text fw={600} mb="xs">
        {t('trend')}
      </Text>
      <Group gap="md" mb="xs">
        {CATEGORIES.map((c, i) => (
          <Legend key={c} color={COLORS[i]!} label={t(c)} />
        ))}
        <Legend color="red.9" label={t('trendNpl')} line />
      </Group>
      {points.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('trendEmpty')}
        </Text>
      ) : (
        <CompositeChart
          h={240}
          data={data}
          dataKey="month"
          withRightYAxis
          rightYAxisProps={{ tickFormatter: (v: number) => `${v}%` }}
          valueFormatter={(v) => v.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}
          barProps={(s) => (s.type === 'bar' ? { stackId: 'balance', isAnimationActive: false } : {})}
          lineProps={{ isAnimationActive: false }}
          maxBarWidth={36}
          series={[
            ...CATEGORIES.map((c, i) => ({ name: c, label: t(c), color: COLORS[i]!, type: 'bar' as const })),
            { name: 'npl', label: t('trendNpl'), color: 'red.9', type: 'line' as const, yAxisId: 'right' },
          ]}
        />
      )}
    </Paper>
  )
}

/** One legend entry, in category order (recharts' own legend reorders stacked series). */
function Legend({ color, label, line }: { color: string; label: string; line?: boolean }) {
  const [name = 'gray', shade = '6'] = color.split('.')
  return (
    <Group gap={6} wrap="nowrap">
      <ColorSwatch
        color={`var(--mantine-color-${name}-${shade})`}
        size={line ? 4 : 12}
        w={line ? 16 : 12}
        radius={line ? 0 : 2}
        withShadow={false}
      />
      <Text size="sm">{label}</Text>
    </Group>
  )
}
