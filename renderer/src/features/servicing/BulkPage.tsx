import { Alert, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { parseYuan } from '@shared/domain'
import { localIsoDate } from '../../app/format'
import { navigate } from '../../app/router'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { useBulkPost } from './use-servicing'

interface Line {
  iouNo: string
  paidDate: string
  amount: string
}
const COLS = ['iouNo', 'paidDate', 'amount'] as const

/**
 * Collection sheet (收款清单), keyboard first: Tab/Shift+Tab between cells, Enter on the last
 * cell adds a row, ↑/↓ move between rows. Validate shows per-row errors; commit is all or nothing.
 */
export function BulkPage() {
  const { t } = useTranslation('servicing')
  const [lines, setLines] = useState<Line[]>([{ iouNo: '', paidDate: localIsoDate(), amount: '' }])
  const bulk = useBulkPost()
  const [localErrors, setLocalErrors] = useState<Record<number, string>>({})
  const refs = useRef(new Map<string, HTMLInputElement>())
  const focus = (row: number, col: number) => setTimeout(() => refs.current.get(`${row}:${col}`)?.focus(), 0)
  const set = (k: number, col: (typeof COLS)[number], v: string) =>
    setLines((ls) => ls.map((l, i) => (i === k ? { ...l, [col]: v } : l)))
  const addRow = (after: number) => {
    setLines((ls) => [
      ...ls.slice(0, after + 1),
      { iouNo: '', paidDate: ls[after]?.paidDate ?? localIsoDate(), amount: '' },
      ...ls.slice(after + 1),
    ])
    focus(after + 1, 0)
  }
  const rows = () => {
    const errs: Record<number, string> = {}
    const out = lines.flatMap((l, k) => {
      if (!l.iouNo.trim() && !l.amount.trim()) return []
      try {
        return [{ iouNo: l.iouNo.trim(), paidDate: l.paidDate, amount: parseYuan(l.amount), channel: 'cash' as const }]
      } catch {
        errs[k] = t('badAmount', { amount: l.amount })
        return []
      }
    })
    setLocalErrors(errs)
    return Object.keys(errs).length ? null : out
  }
  const run = (dryRun: boolean) => {
    const r = rows()
    if (r && r.length) void bulk.mutate({ dryRun, rows: r }).catch(() => undefined)
  }
  const resultFor = (k: number) => bulk.data?.rows.find((r) => r.row === k + 1)
  return (
    <Stack>
      <PageHeader
        title={t('bulk')}
        subtitle={t('bulkHint')}
        actions={
          <Button variant="default" onClick={() => navigate('/servicing')}>
            {t('back')}
          </Button>
        }
      />
      <Table data-testid="bulk-grid">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            {COLS.map((c) => (
              <Table.Th key={c}>{t(c)}</Table.Th>
            ))}
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l, k) => {
            const res = resultFor(k)
            const err = localErrors[k] ?? res?.errors.join('；')
            return (
              <Table.Tr key={k}>
                <Table.Td>{k + 1}</Table.Td>
                {COLS.map((c, ci) => (
                  <Table.Td key={c}>
                    <TextInput
                      size="xs"
                      aria-label={`${t(c)} ${k + 1}`}
                      value={l[c]}
                      onChange={(e) => set(k, c, e.currentTarget.value)}
                      ref={(el) => {
                        if (el) refs.current.set(`${k}:${ci}`, el)
                      }}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') {
                          e.preventDefault()
                          if (ci === COLS.length - 1) addRow(k)
                          else focus(k, ci + 1)
                        }
                        if (e.key === 'ArrowDown') focus(Math.min(lines.length - 1, k + 1), ci)
                        if (e.key === 'ArrowUp') focus(Math.max(0, k - 1), ci)
                      }}
                    />
                  </Table.Td>
                ))}
                <Table.Td>
                  {err ? (
                    <Text size="xs" c="red">
                      {err}
                    </Text>
                  ) : res ? (
                    <Text size="xs" c="green">
                      {res.borrowerName}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
      <Group>
        <Button variant="default" onClick={() => addRow(lines.length - 1)}>
          {t('addRow')}
        </Button>
        <Button variant="default" onClick={() => run(true)} loading={bulk.loading}>
          {t('validate')}
        </Button>
        <Button onClick={() => run(false)} loading={bulk.loading}>
          {t('commit')}
        </Button>
      </Group>
      {bulk.error && <ErrorAlert error={bulk.error} />}
      {bulk.data && (
        <Alert color={bulk.data.committed ? 'green' : bulk.data.valid === bulk.data.total ? 'blue' : 'orange'}>
          {bulk.data.committed
            ? `${t('committed')} ${bulk.data.total}`
            : `${bulk.data.valid}/${bulk.data.total} · ${bulk.data.total - bulk.data.valid} ${t('rowErrors')}`}
        </Alert>
      )}
    </Stack>
  )
}
