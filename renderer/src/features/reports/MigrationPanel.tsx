import { Group, Stack, Table, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MIGRATION_STATES, type MigrationView } from '@shared/api'
import { formatFen, isValidDate } from '@shared/domain'
import { useQuery } from '../../api/hooks'
import { ErrorAlert } from '../../components/ErrorAlert'

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
  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" className="print-actions">
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
      {q.error && <ErrorAlert error={q.error} />}
      {valid && q.data && <Matrix m={q.data} />}
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
