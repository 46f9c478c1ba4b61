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
const num = { ta: 'right' as const, style: { fontVariantNumeric: 'tabular-nums' } }

/** A titled list with its count, a link to where the work is done, and an empty state. */
function Section(p: {
  title: string
  count: number
  to: string
  testId: string
  empty: string
  hint?: ReactNode
  children: ReactNode
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
          {p.children}
        </Table>
      )}
    </Paper>
  )
}

function Head({ cols }: { cols: { label: string; right?: boolean }[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {cols.map((c) => (
          <Table.Th key={c.label} ta={c.right ? 'right' : undefined}>
            {c.label}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  )
}

/** A row that opens the page where the work on it is done. */
function Row({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Table.Tr style={{ cursor: 'pointer' }} onClick={() => navigate(to)}>
      {children}
    </Table.Tr>
  )
}

function OfficerSections({ d }: { d: TodayView }) {
  const { t } = useTranslation('today')
  return (
    <>
      {d.dueSoon && (
        <Section
          title={t('dueSoon')}
          count={d.dueSoon.total}
          to="/servicing/due-soon"
          testId="today-due-soon"
          empty={t('dueSoonEmpty', { days: d.days })}
        >
          <Head
            cols={[
              { label: t('contract') },
              { label: t('borrower') },
              { label: t('dueDate') },
              { label: t('amount'), right: true },
            ]}
          />
          <Table.Tbody>
            {d.dueSoon.rows.slice(0, SHOWN).map((r) => (
              <Row key={r.loanId} to={`/servicing/loan?id=${r.loanId}`}>
                <Table.Td>{r.contractNo}</Table.Td>
                <Table.Td>{r.borrowerName}</Table.Td>
                <Table.Td>{r.dueDate}</Table.Td>
                <Table.Td {...num}>{formatFen(r.amount)}</Table.Td>
              </Row>
            ))}
          </Table.Tbody>
        </Section>
      )}
      {d.overdue && (
        <Section
          title={t('overdue')}
          count={d.overdue.total}
          to="/collections"
          testId="today-overdue"
          empty={t('overdueEmpty')}
        >
          <Head
            cols={[
              { label: t('contract') },
              { label: t('borrower') },
              { label: t('dpd'), right: true },
              { label: t('amount'), right: true },
            ]}
          />
          <Table.Tbody>
            {d.overdue.rows.slice(0, SHOWN).map((r) => (
              <Row key={r.loanId} to={`/collections/loan?id=${r.loanId}`}>
                <Table.Td>{r.contractNo}</Table.Td>
                <Table.Td>{r.borrowerName}</Table.Td>
                <Table.Td {...num}>{r.dpd}</Table.Td>
                <Table.Td {...num}>{formatFen(r.amount)}</Table.Td>
              </Row>
            ))}
          </Table.Tbody>
        </Section>
      )}
      {d.promisesDue && (
        <Section
          title={t('promisesDue')}
          count={d.promisesDue.total}
          to="/collections"
          testId="today-promises"
          empty={t('promisesEmpty')}
        >
          <Head
            cols={[
              { label: t('contract') },
              { label: t('borrower') },
              { label: t('promisedOn') },
              { label: t('promisedAmount'), right: true },
            ]}
          />
          <Table.Tbody>
            {d.promisesDue.rows.slice(0, SHOWN).map((r) => (
              <Row key={`${r.loanId}-${r.promisedOn}`} to={`/collections/loan?id=${r.loanId}`}>
                <Table.Td>{r.contractNo}</Table.Td>
                <Table.Td>{r.borrowerName}</Table.Td>
                <Table.Td>{r.promisedOn}</Table.Td>
                <Table.Td {...num}>{formatFen(r.amount)}</Table.Td>
              </Row>
            ))}
          </Table.Tbody>
        </Section>
      )}
      {d.inspectionsDue && (
        <Section
          title={t('inspectionsDue')}
          count={d.inspectionsDue.overdue}
          to="/inspections"
          testId="today-inspections"
          empty={t('inspectionsEmpty')}
          hint={t('inspectionsCounts', d.inspectionsDue)}
        >
          <Head
            cols={[{ label: t('contract') }, { label: t('borrower') }, { label: t('kind') }, { label: t('dueDate') }]}
          />
          <Table.Tbody>
            {d.inspectionsDue.rows.slice(0, SHOWN).map((r) => (
              <Row key={`${r.loanId}-${r.kind}`} to="/inspections">
                <Table.Td>{r.contractNo}</Table.Td>
                <Table.Td>{r.borrowerName}</Table.Td>
                <Table.Td>{t(`kinds.${r.kind}`)}</Table.Td>
                <Table.Td>{r.dueDate}</Table.Td>
              </Row>
            ))}
          </Table.Tbody>
        </Section>
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
    <Section title={p.title} count={p.list.total} to="/risk" testId={p.testId} empty={p.empty}>
      <Head
        cols={[{ label: t('level') }, { label: t('contract') }, { label: t('borrower') }, { label: t('openedOn') }]}
      />
      <Table.Tbody>
        {p.list.rows.slice(0, SHOWN).map((w) => (
          <Row key={w.id} to={`/risk/loan?id=${w.loanId}`}>
            <Table.Td>
              <Badge size="md" fz={12} color={colors[w.level]} variant="light">
                {t(w.level)}
              </Badge>
            </Table.Td>
            <Table.Td>{w.contractNo}</Table.Td>
            <Table.Td>{w.borrowerName}</Table.Td>
            <Table.Td>{w.openedOn}</Table.Td>
          </Row>
        ))}
      </Table.Tbody>
    </Section>
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
        >
          <Head
            cols={[{ label: t('kind') }, { label: t('contract') }, { label: t('detail') }, { label: t('proposedBy') }]}
          />
          <Table.Tbody>
            {a.classification.map((p) => (
              <Row key={`c${p.id}`} to="/risk/classification">
                <Table.Td>{t('classification')}</Table.Td>
                <Table.Td>{p.contractNo}</Table.Td>
                <Table.Td>
                  {p.borrowerName}：{t(`reports:${p.fromCategory}`)} → {t(`reports:${p.category}`)}
                </Table.Td>
                <Table.Td>{p.proposedBy}</Table.Td>
              </Row>
            ))}
            {a.reversals.map((r) => (
              <Row key={`r${r.id}`} to="/servicing/reversals">
                <Table.Td>{t('reversals')}</Table.Td>
                <Table.Td>{r.contractNo}</Table.Td>
                <Table.Td>
                  {r.receiptNo} · {formatFen(r.amount)}
                </Table.Td>
                <Table.Td>{r.requestedBy}</Table.Td>
              </Row>
            ))}
            {a.destruction.map((l) => (
              <Row key={`d${l.id}`} to="/archives">
                <Table.Td>{t('destruction')}</Table.Td>
                <Table.Td>
                  {t('listNo')} #{l.id}
                </Table.Td>
                <Table.Td>{t('files', { count: l.files.length })}</Table.Td>
                <Table.Td>{l.proposedBy}</Table.Td>
              </Row>
            ))}
          </Table.Tbody>
        </Section>
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
    >
      <Head cols={[{ label: t('fileNo') }, { label: t('lentTo') }, { label: t('purpose') }, { label: t('dueBack') }]} />
      <Table.Tbody>
        {[...d.lent.rows]
          .sort((x, y) => Number(y.overdue) - Number(x.overdue) || x.dueBack.localeCompare(y.dueBack))
          .slice(0, SHOWN)
          .map((l) => (
            <Row key={l.id} to={`/archives/file?id=${l.fileId}`}>
              <Table.Td>{l.fileNo}</Table.Td>
              <Table.Td>{l.borrowerName}</Table.Td>
              <Table.Td>{l.purpose}</Table.Td>
              <Table.Td c={l.overdue ? 'red' : undefined}>
                {l.dueBack}
                {l.overdue ? ` · ${t('late')}` : ''}
              </Table.Td>
            </Row>
          ))}
      </Table.Tbody>
    </Section>
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
