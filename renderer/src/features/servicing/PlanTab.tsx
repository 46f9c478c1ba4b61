import { Badge, ScrollArea, Table } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { EvaluationView } from '@shared/api'
import { Money } from './Money'

const STATUS_COLOR = { paid: 'green', due: 'blue', overdue: 'red', future: 'gray' } as const
const COLS = [
  'seq',
  'dueDate',
  'principal',
  'interest',
  'paidPrincipal',
  'paidInterest',
  'penalty',
  'compound',
  'stateLabel',
] as const
const NUMERIC = new Set<string>(['principal', 'interest', 'paidPrincipal', 'paidInterest', 'penalty', 'compound'])
type Sum = 'principal' | 'interest' | 'paidPrincipal' | 'paidInterest' | 'penaltyInterest' | 'compoundInterest'

/** The one plan table as of the date: right-aligned tabular amounts, a header that stays, totals at the foot. */
export function PlanTab({ e }: { e: EvaluationView }) {
  const { t } = useTranslation('loan')
  const sum = (k: Sum) => e.installments.reduce((s, r) => s + r[k], 0)
  const num = { ta: 'right' as const, style: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' as const } }
  return (
    <ScrollArea.Autosize mah="calc(100vh - 300px)" type="auto">
      <Table
        striped
        highlightOnHover
        stickyHeader
        withTableBorder
        fz="xs"
        verticalSpacing={4}
        data-testid="installments"
      >
        <Table.Thead>
          <Table.Tr>
            {COLS.map((k) => (
              <Table.Th key={k} ta={NUMERIC.has(k) ? 'right' : undefined}>
                {t(k)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {e.installments.map((r) => (
            <Table.Tr key={r.seq}>
              <Table.Td>{r.seq}</Table.Td>
              <Table.Td>{r.dueDate}</Table.Td>
              <Table.Td {...num}>
                <Money fen={r.principal} />
              </Table.Td>
              <Table.Td {...num}>
                <Money fen={r.interest} />
              </Table.Td>
              <Table.Td {...num}>
                <Money fen={r.paidPrincipal} />
              </Table.Td>
              <Table.Td {...num}>
                <Money fen={r.paidInterest} />
              </Table.Td>
              <Table.Td {...num}>
                <Money fen={r.penaltyInterest} />
              </Table.Td>
              <Table.Td {...num}>
                <Money fen={r.compoundInterest} />
              </Table.Td>
              <Table.Td>
                <Badge size="sm" color={STATUS_COLOR[r.status]} variant="light">
                  {t(r.status)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={600} data-testid="plan-totals">
            <Table.Td colSpan={2}>{t('total')}</Table.Td>
            {(
              ['principal', 'interest', 'paidPrincipal', 'paidInterest', 'penaltyInterest', 'compoundInterest'] as const
            ).map((k) => (
              <Table.Td key={k} {...num}>
                <Money fen={sum(k)} />
              </Table.Td>
            ))}
            <Table.Td />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </ScrollArea.Autosize>
  )
}
