import { Paper, Text, Title } from '@mantine/core'
import { type Schedule, formatFen } from '@shared/domain'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { PlanTotals } from './evaluate'

// 34 px cell + 1 px bottom border; up to ~14 rows show without scrolling (a 12-month plan whole).
const ROW_HEIGHT = 35
const MAX_HEIGHT = 16 * ROW_HEIGHT + 2

/**
 * The plan, virtualised: only the rows in view (plus overscan) are in the DOM, so a 360-month
 * plan scrolls and re-renders as fast as a 12-month one. Header and totals stay pinned.
 */
export function PlanTable({ schedule, totals }: { schedule: Schedule; totals: PlanTotals }) {
  const { t } = useTranslation()
  const scrollRef = useRef<HTMLDivElement>(null)
  const rows = schedule.rows
  const v = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  })
  const items = v.getVirtualItems()
  const top = items[0]?.start ?? 0
  const bottom = v.getTotalSize() - (items[items.length - 1]?.end ?? 0)

  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={4} mb="sm">
        {t('calculator.plan')}
        <Text span size="sm" c="dimmed" fw={400} ml="sm">
          {t('calculator.periods', { count: rows.length })}
        </Text>
      </Title>
      <div ref={scrollRef} className="calc-plan-scroll" style={{ maxHeight: MAX_HEIGHT }} data-testid="plan-table">
        <table className="calc-plan">
          <colgroup>
            <col style={{ width: '9%' }} />
            <col style={{ width: '17%' }} />
            <col style={{ width: '18%' }} />
            <col style={{ width: '16%' }} />
            <col style={{ width: '18%' }} />
            <col style={{ width: '22%' }} />
          </colgroup>
          <thead>
            <tr>
              <th>{t('calculator.seq')}</th>
              <th>{t('calculator.dueDate')}</th>
              <th className="num">{t('calculator.principal')}</th>
              <th className="num">{t('calculator.interest')}</th>
              <th className="num">{t('calculator.payment')}</th>
              <th className="num">{t('calculator.balance')}</th>
            </tr>
          </thead>
          <tbody>
            {top > 0 && (
              <tr aria-hidden="true">
                <td colSpan={6} style={{ height: top, padding: 0, border: 0 }} />
              </tr>
            )}
            {items.map((it) => {
              const r = rows[it.index]
              if (!r) return null
              return (
                <tr key={r.seq}>
                  <td>{r.seq}</td>
                  <td>{r.dueDate}</td>
                  <td className="num">{formatFen(r.principal)}</td>
                  <td className="num">{formatFen(r.interest)}</td>
                  <td className="num">{formatFen(r.payment)}</td>
                  <td className="num">{formatFen(r.balance)}</td>
                </tr>
              )
            })}
            {bottom > 0 && (
              <tr aria-hidden="true">
                <td colSpan={6} style={{ height: bottom, padding: 0, border: 0 }} />
              </tr>
            )}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={2}>{t('calculator.total')}</td>
              <td className="num">{formatFen(totals.totalPrincipal)}</td>
              <td className="num">{formatFen(totals.totalInterest)}</td>
              <td className="num">{formatFen(totals.totalPayment)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
    </Paper>
  )
}
