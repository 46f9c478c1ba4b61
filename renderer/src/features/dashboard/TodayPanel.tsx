import { Anchor, Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core'
import type { TodayView } from '@shared/api'
import { formatFen } from '@shared/domain'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from '../../api/hooks'
import { navigate } from '../../app/router'
import { ErrorAlert } from '../../components/ErrorAlert'

/** Rows shown per list; the count and the link lead to the full list. */
const SHOWN = 6

/** One line of a section: the cells in column order and the page where the work on it is done. */
interface Line {
  key: string | number
  to: string
  cells: ReactNode[]
}

interface Column {
  label: string
  right?: boolean
  /** Names and details wrap; dates, numbers and contract numbers stay on one line. */
  wrap?: boolean
}

/** A titled list with its count, a link to where the work is done, and an empty state. */
function Section(p: {
  title: string
  count: number
  to: string
  testId: string
  empty: string
  hint?: ReactNode
  cols: Column[]
  lines: Line[]
}) {
  const { t } = useTranslation('today')
  return (
    <Paper withBorder radius="md" p="md" data-testid={p.testId}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <Text fw={600}>{p.title}</Text>
          <Badge fz={12} variant={p.count > 0 ? 'filled' : 'light'} color={p.count > 0 ? 'orange' : 'gray'}>
            {p.count}
          </Badge>
        </Group>
        <Anchor size="sm" onClick={() => navigate(p.to)}>
          {p.count > SHOWN ? t('all', { count: p.count }) : t('open')}
        </Anchor>
      </Group>
      {p.hint && (
        <Text size="xs" c="dimmed" mb={4}>
          {p.hint}
        </Text>
      )}
      {p.count === 0 ? (
        <Text size="sm" c="dimmed" py="sm">
          {p.empty}
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={4} highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              {p.cols.map((c) => (
                <Table.Th key={c.label} ta={c.right ? 'right' : undefined}>
                  {c.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.lines.map((l) => (
              <Table.Tr key={l.key} style={{ cursor: 'pointer' }} onClick={() => navigate(l.to)}>
                {l.cells.map((cell, i) => (
                  <Table.Td
                    key={i}
                    ta={p.cols[i]?.right ? 'right' : undefined}
                    style={{
                      fontVariantNumeric: 'tabular-nums',
                      whiteSpace: p.cols[i]?.wrap ? undefined : 'nowrap',
                    }}
                  >
                    {cell}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  )
}

function OfficerSections({ d }: { d: TodayView }) {
  const { t } = useTranslation('today')
  const contract = { label: t('contract') }
  const borrower = { label: t('borrower'), wrap: true }
  return (
    <>
      {d.dueSoon && (
        <Section
          title={t('dueSoon')}
          count={d.dueSoon.total}
          to="/servicing/due-soon"
          testId="today-due-soon"
          empty={t('dueSoonEmpty', { days: d.days })}
          cols={[contract, borrower, { label: t('dueDate') }, { label: t('amount'), right: true }]}
          lines={d.dueSoon.rows.slice(0, SHOWN).map((r) => ({
            key: r.loanId,
            to: `/servicing/loan?id=${r.loanId}`,
            cells: [r.contractNo, r.borrowerName, r.dueDate, formatFen(r.amount)],
          }))}
        />
      )}
      {d.overdue && (
        <Section
          title={t('overdue')}
          count={d.overdue.total}
          to="/collections"
          testId="today-overdue"
          empty={t('overdueEmpty')}
          cols={[contract, borrower, { label: t('dpd'), right: true }, { label: t('amount'), right: true }]}
          lines={d.overdue.rows.slice(0, SHOWN).map((r) => ({
            key: r.loanId,
            to: `/collections/loan?id=${r.loanId}`,
            cells: [r.contractNo, r.borrowerName, r.dpd, formatFen(r.amount)],
          }))}
        />
      )}
      {d.promisesDue && (
        <Section
          title={t('promisesDue')}
          count={d.promisesDue.total}
          to="/collections"
          testId="today-promises"
          empty={t('promisesEmpty')}
          cols={[contract, borrower, { label: t('promisedOn') }, { label: t('promisedAmount'), right: true }]}
          lines={d.promisesDue.rows.slice(0, SHOWN).map((r) => ({
            key: `${r.loanId}-${r.promisedOn}`,
            to: `/collections/loan?id=${r.loanId}`,
            cells: [r.contractNo, r.borrowerName, r.promisedOn, formatFen(r.amount)],
          }))}
        />
      )}
      {d.inspectionsDue && (
        <Section
          title={t('inspectionsDue')}
          count={d.inspectionsDue.overdue}
          to="/inspections"
          testId="today-inspections"
          empty={t('inspectionsEmpty')}
          hint={t('inspectionsCounts', d.inspectionsDue)}
          cols={[contract, borrower, { label: t('kind') }, { label: t('dueDate') }]}
          lines={d.inspectionsDue.rows.slice(0, SHOWN).map((r) => ({
            key: `${r.loanId}-${r.kind}`,
            to: '/inspections',
            cells: [r.contractNo, r.borrowerName, t(`kinds.${r.kind}`), r.dueDate],
          }))}
        />
      )}
      {d.warnings && (
        <Warnings list={d.warnings} title={t('warnings')} empty={t('warningsEmpty')} testId="today-warnings" />
      )}
    </>
  )
}

function Warnings(p: { list: NonNullable<TodayView['warnings']>; title: string; empty: string; testId: string }) {
  const { t } = useTranslation('today')
  const colors = { red: 'red', orange: 'orange', yellow: 'yellow' } as const
  return (
    <Section
      title={p.title}
      count={p.list.total}
      to="/risk"
      testId={p.testId}
      empty={p.empty}
      cols={[
        { label: t('level') },
        { label: t('contract') },
        { label: t('borrower'), wrap: true },
        { label: t('openedOn') },
      ]}
      lines={p.list.rows.slice(0, SHOWN).map((w) => ({
        key: w.id,
        to: `/risk/loan?id=${w.loanId}`,
        cells: [
          <Badge size="md" fz={12} color={colors[w.level]} variant="light">
            {t(w.level)}
          </Badge>,
          w.contractNo,
          w.borrowerName,
          w.openedOn,
        ],
      }))}
    />
  )
}

function ManagerSections({ d }: { d: TodayView }) {
  const { t } = useTranslation(['today', 'reports'])
  const a = d.approvals
  return (
    <>
      {a && (
        <Section
          title={t('approvals')}
          count={a.classification.length + a.reversals.length + a.destruction.length}
          to="/risk/classification"
          testId="today-approvals"
          empty={t('approvalsEmpty')}
          cols={[
            { label: t('kind') },
            { label: t('contract') },
            { label: t('detail'), wrap: true },
            { label: t('proposedBy') },
          ]}
          lines={[
            ...a.classification.map((p) => ({
              key: `c${p.id}`,
              to: '/risk/classification',
              cells: [
                t('classification'),
                p.contractNo,
                `${p.borrowerName}：${t(`reports:${p.fromCategory}`)} → ${t(`reports:${p.category}`)}`,
                p.proposedBy,
              ],
            })),
            ...a.reversals.map((r) => ({
              key: `r${r.id}`,
              to: '/servicing/reversals',
              cells: [t('reversals'), r.contractNo, `${r.receiptNo} · ${formatFen(r.amount)}`, r.requestedBy],
            })),
            ...a.destruction.map((l) => ({
              key: `d${l.id}`,
              to: '/archives',
              cells: [t('destruction'), `${t('listNo')} #${l.id}`, t('files', { count: l.files.length }), l.proposedBy],
            })),
          ]}
        />
      )}
      {d.redWarnings && (
        <Warnings
          list={d.redWarnings}
          title={t('redWarnings')}
          empty={t('redWarningsEmpty')}
          testId="today-red-warnings"
        />
      )}
    </>
  )
}

function ArchivistSections({ d }: { d: TodayView }) {
  const { t } = useTranslation('today')
  if (!d.lent) return null
  return (
    <Section
      title={t('lent')}
      count={d.lent.total}
      to="/archives"
      testId="today-lent"
      empty={t('lentEmpty')}
      hint={t('lentCounts', { total: d.lent.total, overdue: d.lent.overdue })}
      cols={[
        { label: t('fileNo') },
        { label: t('lentTo'), wrap: true },
        { label: t('purpose'), wrap: true },
        { label: t('dueBack') },
      ]}
      lines={[...d.lent.rows]
        .sort((x, y) => Number(y.overdue) - Number(x.overdue) || x.dueBack.localeCompare(y.dueBack))
        .slice(0, SHOWN)
        .map((l) => ({
          key: l.id,
          to: `/archives/file?id=${l.fileId}`,
          cells: [
            l.fileNo,
            l.borrowerName,
            l.purpose,
            <Text span size="sm" c={l.overdue ? 'red' : undefined}>
              {l.dueBack}
              {l.overdue ? ` · ${t('late')}` : ''}
            </Text>,
          ],
        }))}
    />
  )
}

/** 今日工作: the caller's lists for today (the backend decides which sections the role gets). */
export function TodayPanel() {
  const { t } = useTranslation('today')
  const q = useQuery('today.mine', {})
  const d = q.data
  return (
    <Stack gap="sm" data-testid="today">
      <Group gap="sm" align="baseline">
        <Title order={4}>{t('title')}</Title>
        {d && (
          <Text size="sm" c="dimmed">
            {t('asOf', { date: d.asOf, days: d.days })}
          </Text>
        )}
      </Group>
      {q.error && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      {!d && q.loading && <Skeleton h={140} />}
      {d && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <OfficerSections d={d} />
          <ManagerSections d={d} />
          <ArchivistSections d={d} />
        </SimpleGrid>
      )}
    </Stack>
  )
}
