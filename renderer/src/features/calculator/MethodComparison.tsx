import { Badge, Button, Paper, Table, Text, Title } from '@mantine/core'
import { type Method, formatFen } from '@shared/domain'
import { useTranslation } from 'react-i18next'
import type { MethodRow } from './evaluate'

/** The same loan under all five methods; the cheapest (lowest total interest) is highlighted. */
export function MethodComparison({
  rows,
  current,
  onUse,
}: {
  rows: MethodRow[]
  current: Method
  onUse: (m: Method) => void
}) {
  const { t } = useTranslation()
  const money = (v: number | undefined) => (v === undefined ? t('calculator.notApplicable') : formatFen(v))
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={4}>{t('calculator.compare')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('calculator.compareHint')}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table data-testid="method-comparison" verticalSpacing={6} highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('calculator.method')}</Table.Th>
              <Table.Th ta="right">{t('calculator.totalInterest')}</Table.Th>
              <Table.Th ta="right">{t('calculator.firstPayment')}</Table.Th>
              <Table.Th ta="right">{t('calculator.lastPayment')}</Table.Th>
              <Table.Th ta="right">{t('calculator.totalPayment')}</Table.Th>
              <Table.Th w={90} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr
                key={r.method}
                data-testid={`compare-${r.method}`}
                data-cheapest={r.cheapest || undefined}
                bg={r.cheapest ? 'var(--mantine-color-teal-0)' : undefined}
              >
                <Table.Td>
                  <Text span size="sm" fw={r.method === current ? 600 : 400}>
                    {t(`calculator.methods.${r.method}`)}
                  </Text>
                  {r.method === current && (
                    <Badge size="xs" variant="light" ml={6}>
                      {t('calculator.current')}
                    </Badge>
                  )}
                  {r.cheapest && (
                    <Badge size="xs" color="teal" ml={6}>
                      {t('calculator.cheapest')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td ta="right" fw={r.cheapest ? 700 : undefined} c={r.cheapest ? 'teal.8' : undefined}>
                  {money(r.totals?.totalInterest)}
                </Table.Td>
                <Table.Td ta="right">{money(r.totals?.firstPayment)}</Table.Td>
                <Table.Td ta="right">{money(r.totals?.lastPayment)}</Table.Td>
                <Table.Td ta="right">{money(r.totals?.totalPayment)}</Table.Td>
                <Table.Td ta="right">
                  {r.method !== current && r.totals && (
                    <Button size="compact-xs" variant="subtle" onClick={() => onUse(r.method)}>
                      {t('calculator.use')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  )
}
