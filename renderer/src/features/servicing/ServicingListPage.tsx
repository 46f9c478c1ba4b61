import { Badge, Box, Button, Collapse, Group, Paper, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { LoanListRow, Output } from '@shared/api'
import { formatFen } from '@shared/domain'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { toApiError } from '../../api/hooks'
import { navigate } from '../../app/router'
import { useCan } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { downloadBase64 } from '../../app/download'
import { LoanFormModal } from '../entry/LoanFormModal'
import { ImportPanel } from './ImportPanel'
import { type LoanListFilter, LoanListFilters } from './LoanListFilters'

const PAGE = 100
const ROW = 38
/** Column widths (share of the row) of the loan list. */
const COLS = {
  contract: '15%',
  borrower: '13%',
  state: '11%',
  bucket: '5%',
  balance: '11%',
  overdue: '10%',
  oldest: '9%',
  maturity: '9%',
  category: '7%',
  officer: '10%',
}
const num = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', paddingRight: 12 } as const

/** Badge of a loan's display status: 逾期 N 天 in red, 正常 in green, closed ones grey. */
export function StatusBadge({ row }: { row: Pick<LoanListRow, 'displayStatus' | 'dpd'> }) {
  const { t } = useTranslation('servicing')
  if (row.displayStatus === 'overdue')
    return (
      <Badge color="red" variant="light" data-testid="status-overdue">
        {t('overdueDays', { n: row.dpd })}
      </Badge>
    )
  if (row.displayStatus === 'active')
    return (
      <Badge color="green" variant="light">
        {t('normal')}
      </Badge>
    )
  return (
    <Badge color="gray" variant="light">
      {t(row.displayStatus)}
    </Badge>
  )
}

/** 贷后管理: every loan of the caller's portfolio, paged on the server and virtualised, overdue first. */
export function ServicingListPage() {
  const { t } = useTranslation('servicing')
  const yuan = (fen: number) => t('yuan', { amount: formatFen(fen) })
  const can = useCan()
  const [filter, setFilter] = useState<LoanListFilter>({ sort: 'dpd', dir: 'desc' })
  const [head, setHead] = useState<Omit<Output<'servicing.loanList'>, 'rows'> | null>(null)
  const [pages, setPages] = useState<Map<number, LoanListRow[]>>(new Map())
  const [error, setError] = useState<ReturnType<typeof toApiError> | null>(null)
  const [adding, setAdding] = useState(false)
  const [importing, setImporting] = useState(false)
  const [exporting, setExporting] = useState(false)
  const loading = useRef(new Set<number>())
  const key = JSON.stringify(filter)

  const load = useCallback(
    async (page: number) => {
      if (loading.current.has(page)) return
      loading.current.add(page)
      try {
        const { rows, ...rest } = await api.call('servicing.loanList', { ...filter, limit: PAGE, offset: page * PAGE })
        setHead(rest)
        setPages((m) => new Map(m).set(page, rows))
        setError(null)
      } catch (e) {
        setError(toApiError(e))
      }
    },
    // `key` is the filter as JSON: the page loader changes only when the filter's content does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  )
  const reload = useCallback(() => {
    loading.current = new Set()
    setPages(new Map())
    void load(0)
  }, [load])
  useEffect(reload, [reload])

  const parent = useRef<HTMLDivElement>(null)
  const total = head?.total ?? 0
  const v = useVirtualizer({
    count: total,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW,
    overscan: 10,
  })
  const items = v.getVirtualItems()
  useEffect(() => {
    for (const it of items) if (!pages.has(Math.floor(it.index / PAGE))) void load(Math.floor(it.index / PAGE))
  }, [items, pages, load])

  const exportList = async () => {
    setExporting(true)
    try {
      const x = await api.call('servicing.exportLoanList', filter)
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
        title={t('title')}
        actions={
          <>
            <Button variant="default" onClick={() => navigate('/servicing/due-soon')}>
              {t('dueSoon')}
            </Button>
            <Button variant="default" onClick={() => navigate('/servicing/bulk')}>
              {t('bulk')}
            </Button>
            {can('imports.run') && (
              <Button variant="default" onClick={() => setImporting((x) => !x)}>
                {t('importToggle')}
              </Button>
            )}
            {can('loans.write') && <Button onClick={() => setAdding(true)}>{t('newLoan')}</Button>}
          </>
        }
      />
      <LoanFormModal loanId={null} borrower={null} opened={adding} onClose={() => setAdding(false)} onSaved={reload} />
      <Collapse expanded={importing}>
        <ImportPanel onDone={reload} />
      </Collapse>
      <LoanListFilters filter={filter} onChange={setFilter} onExport={() => void exportList()} exporting={exporting} />
      <Group gap="lg" data-testid="overdue-summary">
        {head && (
          <>
            <Text size="sm" fw={600}>
              {t('countTotal', { n: total })}
            </Text>
            <Text size="sm" c="red.8" fw={600}>
              {t('overdueLoans', { n: head.overdue.loans })}
            </Text>
            <Text size="sm" c="red.8">
              {t('overdueAmountIs', { amount: yuan(head.overdue.amount) })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('overdueBalanceIs', { amount: yuan(head.overdue.outstandingPrincipal) })}
            </Text>
          </>
        )}
      </Group>
      {error && <ErrorAlert error={error} onRetry={reload} />}
      <Paper withBorder>
        <Group px="sm" py={6} gap={0} wrap="nowrap" bg="var(--mantine-color-gray-0)">
          {(
            [
              ['contract', t('contractNo')],
              ['borrower', t('borrower')],
              ['state', t('status')],
              ['bucket', t('bucket')],
              ['balance', t('outstanding')],
              ['overdue', t('overdueAmount')],
              ['oldest', t('oldestUnpaid')],
              ['maturity', t('maturity')],
              ['category', t('categoryAndClass')],
              ['officer', t('officer')],
            ] as const
          ).map(([k, label]) => (
            <Text key={k} w={COLS[k]} size="sm" fw={600} style={k === 'balance' || k === 'overdue' ? num : undefined}>
              {label}
            </Text>
          ))}
        </Group>
        <div
          ref={parent}
          style={{ height: 'calc(100vh - 380px)', minHeight: 240, overflow: 'auto' }}
          data-testid="loan-list"
        >
          {head && total === 0 && (
            <Text c="dimmed" size="sm" p="md">
              {t('noRows')}
            </Text>
          )}
          <div style={{ height: v.getTotalSize(), position: 'relative' }}>
            {items.map((it) => {
              const r = pages.get(Math.floor(it.index / PAGE))?.[it.index % PAGE]
              return (
                <Group
                  key={it.key}
                  px="sm"
                  gap={0}
                  wrap="nowrap"
                  data-testid="loan-row"
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: it.size,
                    transform: `translateY(${it.start}px)`,
                    cursor: 'pointer',
                    borderBottom: '1px solid var(--mantine-color-gray-2)',
                  }}
                  onClick={() => r && navigate(`/servicing/loan?id=${r.id}`)}
                >
                  {r ? (
                    <LoanRow r={r} yuan={yuan} />
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('loading')}
                    </Text>
                  )}
                </Group>
              )
            })}
          </div>
        </div>
      </Paper>
    </Stack>
  )
}

function LoanRow({ r, yuan }: { r: LoanListRow; yuan: (fen: number) => string }) {
  const { t } = useTranslation('servicing')
  return (
    <>
      <Text w={COLS.contract} size="sm" truncate ff="monospace">
        {r.contractNo}
      </Text>
      <Box w={COLS.borrower}>
        <Text size="sm" truncate>
          {r.borrowerName}
          <Text span size="xs" c="dimmed">
            {' '}
            {r.village ?? ''}
          </Text>
        </Text>
      </Box>
      <Box w={COLS.state}>
        <StatusBadge row={r} />
      </Box>
      <Text w={COLS.bucket} size="sm">
        {r.displayStatus === 'overdue' ? r.bucket : ''}
      </Text>
      <Text w={COLS.balance} size="sm" style={num}>
        {yuan(r.outstandingPrincipal)}
      </Text>
      <Text w={COLS.overdue} size="sm" style={num} c={r.overdueAmount > 0 ? 'red.8' : undefined}>
        {r.overdueAmount > 0 ? yuan(r.overdueAmount) : '—'}
      </Text>
      <Text w={COLS.oldest} size="sm">
        {r.oldestUnpaidDue ?? '—'}
      </Text>
      <Text w={COLS.maturity} size="sm">
        {r.maturityDate}
      </Text>
      <Text w={COLS.category} size="sm" data-testid="row-category">
        {t(r.category as 'normal')}
        {r.customerClass ? ` · ${r.customerClass}` : ''}
      </Text>
      <Text w={COLS.officer} size="sm" truncate>
        {r.officerName ?? ''}
      </Text>
    </>
  )
}
