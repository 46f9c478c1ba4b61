import { useTranslation } from 'react-i18next'
import { Anchor, Badge, Button, Grid, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { formatFen } from '@shared/domain/money'
import { type ReactNode, useState } from 'react'
import { useQuery } from '../../api/hooks'
import { formatDateTime } from '../../app/format'
import { navigate } from '../../app/router'
import { useCan } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { hashParams } from '../../app/router'
import type { ArchivesKey } from '../archives/i18n'
import { BorrowerFormModal } from '../entry/BorrowerFormModal'
import { LoanFormModal } from '../entry/LoanFormModal'
import { HouseholdPanel } from '../inspections/HouseholdPanel'
import { StatusBadge } from '../servicing/ServicingListPage'
import { ClassBadge, ClassPanel } from './ClassPanel'

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  )
}

function Rows({ head, rows }: { head: string[]; rows: ReactNode[][] }) {
  const { t } = useTranslation('archives')
  if (rows.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('none')}
      </Text>
    )
  return (
    <Table striped>
      <Table.Thead>
        <Table.Tr>
          {head.map((h) => (
            <Table.Th key={h}>{h}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r, i) => (
          <Table.Tr key={i}>
            {r.map((c, j) => (
              <Table.Td key={j}>{c}</Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** Borrower detail: profile, household, loans, guarantees given, collateral, files, timeline. */
export function BorrowerDetailPage() {
  const { t } = useTranslation('archives')
  const { t: te } = useTranslation('entry')
  const { t: tb } = useTranslation('borrowers')
  const id = Number(hashParams().get('id') ?? 0)
  const { data, error, refetch } = useQuery('borrowers.get', { id }, { enabled: id > 0 })
  const can = useCan()
  const [editing, setEditing] = useState(false)
  // 'new' opens the loan form for this borrower; a number edits that loan.
  const [loanForm, setLoanForm] = useState<'new' | number | null>(null)
  if (error) return <ErrorAlert error={error} />
  if (!data) return <Text c="dimmed">{t('loading')}</Text>
  const b = data.borrower
  const field = (k: ArchivesKey, v: ReactNode) => (
    <div>
      <Text size="xs" c="dimmed">
        {t(k)}
      </Text>
      <Text size="sm">{v ?? '—'}</Text>
    </div>
  )
  return (
    <Stack>
      <PageHeader
        title={b.name}
        subtitle={`${t(b.kind)} · ${b.village ?? ''} ${b.villageGroup ?? ''}`}
        actions={
          <>
            <Button variant="default" onClick={() => navigate('/borrowers')}>
              {t('back')}
            </Button>
            {can('borrowers.write') && (
              <Button variant="default" onClick={() => setEditing(true)}>
                {te('edit')}
              </Button>
            )}
            {can('loans.write') && <Button onClick={() => setLoanForm('new')}>{te('newLoan')}</Button>}
          </>
        }
      />
      <BorrowerFormModal
        borrower={b}
        opened={editing}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false)
          void refetch()
        }}
      />
      <LoanFormModal
        loanId={typeof loanForm === 'number' ? loanForm : null}
        borrower={{ id: b.id, name: b.name }}
        opened={loanForm !== null}
        onClose={() => setLoanForm(null)}
        onSaved={() => void refetch()}
      />
      <Section title={t('profile')}>
        {b.masked && (
          <Badge color="gray" variant="light" mb="sm">
            {t('masked')}
          </Badge>
        )}
        <SimpleGrid cols={4}>
          {field('idNumber', <span data-testid="borrower-id-number">{b.idNumber ?? b.creditCode}</span>)}
          {field('phone', b.phone)}
          {field('birthDate', b.birthDate)}
          {field('sex', b.sex ? t(b.sex) : null)}
          {field('address', b.address)}
          {field('occupation', b.occupation)}
          {field('income', b.householdIncome === null ? null : formatFen(b.householdIncome))}
          {field('rating', b.creditRating)}
          {field('officer', b.officerName)}
          <div>
            <Text size="xs" c="dimmed">
              {tb('customerClass')}
            </Text>
            <ClassBadge value={b.customerClass} />
          </div>
          {b.kind === 'enterprise' && field('legalRep', b.legalRep)}
        </SimpleGrid>
      </Section>
      <Grid>
        <Grid.Col span={6}>
          <Section title={t('household')}>
            <Rows
              head={[t('name'), t('relation'), t('idNumber')]}
              rows={(data.household?.members ?? []).map((m) => [
                <Anchor key="n" onClick={() => navigate(`/borrowers/detail?id=${m.borrowerId}`)}>
                  {m.name}
                </Anchor>,
                t(m.relation),
                m.idNumber,
              ])}
            />
            <HouseholdPanel borrowerId={b.id} household={data.household} onChanged={() => void refetch()} />
          </Section>
        </Grid.Col>
        <Grid.Col span={6}>
          <Section title={t('loans')}>
            <Rows
              head={[t('contractNo'), t('principal'), t('maturity'), t('status'), '']}
              rows={data.loans.map((l) => [
                <Anchor key="c" onClick={() => navigate(`/servicing/loan?id=${l.id}`)}>
                  {l.contractNo}
                </Anchor>,
                formatFen(l.principal),
                l.maturityDate,
                <StatusBadge key="s" row={{ displayStatus: l.displayStatus ?? 'active', dpd: l.dpd ?? 0 }} />,
                can('loans.write') ? (
                  <Anchor key="e" size="sm" onClick={() => setLoanForm(l.id)}>
                    {te('edit')}
                  </Anchor>
                ) : null,
              ])}
            />
          </Section>
        </Grid.Col>
        <Grid.Col span={6}>
          <Section title={t('guarantees')}>
            <Rows
              head={[t('contractNo'), t('name'), t('amount'), t('mode'), t('periodEnd')]}
              rows={data.guaranteesGiven.map((g) => [
                g.contractNo,
                g.debtorName,
                formatFen(g.amount),
                t(g.mode as 'joint'),
                g.periodEnd,
              ])}
            />
          </Section>
        </Grid.Col>
        <Grid.Col span={6}>
          <Section title={t('collaterals')}>
            <Rows
              head={[t('kind'), t('address'), t('value')]}
              rows={data.collaterals.map((c) => [c.type, c.description, formatFen(c.value)])}
            />
          </Section>
        </Grid.Col>
        <Grid.Col span={6}>
          <Section title={t('files')}>
            <Rows
              head={[t('fileNo'), t('status'), t('completeness')]}
              rows={data.files.map((f) => [
                <Anchor key="f" onClick={() => navigate(`/archives/file?id=${f.id}`)}>
                  {f.fileNo}
                </Anchor>,
                t(f.status as 'in_store'),
                `${f.completeness}%`,
              ])}
            />
          </Section>
        </Grid.Col>
        <Grid.Col span={6}>
          <ClassPanel borrowerId={b.id} current={b.customerClass} />
        </Grid.Col>
        <Grid.Col span={6}>
          <Section title={t('timeline')}>
            <Rows
              head={['', '', '']}
              rows={data.timeline
                .slice(0, 20)
                .map((e) => [formatDateTime(e.at), e.displayName ?? e.username, e.summary])}
            />
          </Section>
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
