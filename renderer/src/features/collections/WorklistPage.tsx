import { Alert, Badge, Button, Checkbox, Group, Select, Stack, Switch, Table, Text } from '@mantine/core'
import type { WorklistRow } from '@shared/api'
import { formatFen } from '@shared/domain'
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { navigate } from '../../app/router'
import { useCan } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { downloadPdf, today, useCreateBatch, useOfficers, usePdf, useWorklist } from './use-collections'

/** The officer's (or, for a manager, everyone's) collections worklist; keyboard-first. */
export function WorklistPage() {
  const { t } = useTranslation('collections')
  const can = useCan()
  const seesAll = can('portfolio.all')
  const [officerId, setOfficerId] = useState<number | undefined>(undefined)
  const [village, setVillage] = useState<string | null>(null)
  const q = useWorklist(officerId)
  const officers = useOfficers(seesAll)
  const rows = useMemo(() => (q.data?.rows ?? []).filter((r) => !village || r.village === village), [q.data, village])
  const villages = useMemo(
    () => [...new Set((q.data?.rows ?? []).map((r) => r.village ?? '').filter(Boolean))].sort(),
    [q.data],
  )
  const [cursor, setCursor] = useState(0)
  const [picked, setPicked] = useState<Set<number>>(new Set())
  const print = usePrintSelected()
  const tableRef = useRef<HTMLDivElement>(null)
  useEffect(() => tableRef.current?.focus(), [])

  const toggle = (id: number) =>
    setPicked((s) => {
      const n = new Set(s)
      if (n.has(id)) n.delete(id)
      else n.add(id)
      return n
    })
  const onKey = (e: KeyboardEvent) => {
    const r = rows[cursor]
    if (e.key === 'ArrowDown' || e.key === 'j') {
      setCursor((c) => Math.min(c + 1, rows.length - 1))
      e.preventDefault()
    } else if (e.key === 'ArrowUp' || e.key === 'k') {
      setCursor((c) => Math.max(c - 1, 0))
      e.preventDefault()
    } else if (e.key === 'Enter' && r) navigate(`/collections/loan?id=${r.loanId}`)
    else if (e.key === ' ' && r) {
      toggle(r.loanId)
      e.preventDefault()
    } else if ((e.key === 'p' || e.key === 'P') && picked.size > 0) void print.run([...picked])
  }

  return (
    <Stack>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          can('org.manage') && (
            <Button variant="default" onClick={() => navigate('/collections/settings')}>
              {t('settings')}
            </Button>
          )
        }
      />
      <Group>
        {seesAll && (
          <Select
            label={t('officer')}
            placeholder={t('allOfficers')}
            clearable
            w={180}
            value={officerId ? String(officerId) : null}
            onChange={(v) => setOfficerId(v ? Number(v) : undefined)}
            data={(officers.data ?? []).map((o) => ({ value: String(o.id), label: o.displayName }))}
          />
        )}
        <Select
          label={t('village')}
          placeholder={t('allVillages')}
          clearable
          w={200}
          value={village}
          onChange={setVillage}
          data={villages}
        />
        <Switch
          label={t('withGuarantors')}
          checked={print.guarantors}
          onChange={(e) => print.setGuarantors(e.currentTarget.checked)}
          mt="lg"
        />
        <Button
          mt="lg"
          disabled={picked.size === 0}
          loading={print.busy}
          onClick={() => void print.run([...picked])}
          data-testid="print-selected"
        >
          {t('printSelected')}（{t('selected', { n: picked.size })}）
        </Button>
      </Group>
      {q.error && <ErrorAlert error={q.error} />}
      {print.error && <ErrorAlert error={print.error} />}
      {print.result && (
        <Alert color={print.result.skipped.length ? 'yellow' : 'green'} data-testid="print-result">
          {t('printed', { n: print.result.count })}
          {print.result.skipped.length > 0 &&
            ` ${t('skipped', { n: print.result.skipped.length })}${print.result.skipped.map((s) => s.reason).join('；')}`}
          {print.result.url && (
            <>
              {' '}
              <a href={print.result.url} download={print.result.fileName}>
                {t('download')}
              </a>
            </>
          )}
        </Alert>
      )}
      <div ref={tableRef} tabIndex={0} onKeyDown={onKey} data-testid="worklist" style={{ outline: 'none' }}>
        <Table highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <Checkbox
                  aria-label={t('selectAll')}
                  checked={rows.length > 0 && picked.size === rows.length}
                  onChange={(e) => setPicked(e.currentTarget.checked ? new Set(rows.map((r) => r.loanId)) : new Set())}
                />
              </Table.Th>
              {(
                [
                  'borrower',
                  'contractNo',
                  'village',
                  'class',
                  'dpd',
                  'overdueTotal',
                  'step',
                  'lastContact',
                  'promise',
                ] as const
              ).map((k) => (
                <Table.Th key={k}>{t(k)}</Table.Th>
              ))}
              {seesAll && <Table.Th>{t('officer')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Row
                key={r.loanId}
                r={r}
                active={i === cursor}
                checked={picked.has(r.loanId)}
                onToggle={() => toggle(r.loanId)}
                showOfficer={seesAll}
                onFocus={() => setCursor(i)}
              />
            ))}
          </Table.Tbody>
        </Table>
        {q.data && rows.length === 0 && (
          <Text c="dimmed" p="md">
            {t('empty')}
          </Text>
        )}
      </div>
    </Stack>
  )
}

function Row({
  r,
  active,
  checked,
  onToggle,
  showOfficer,
  onFocus,
}: {
  r: WorklistRow
  active: boolean
  checked: boolean
  onToggle: () => void
  showOfficer: boolean
  onFocus: () => void
}) {
  const { t } = useTranslation('collections')
  return (
    <Table.Tr
      bg={active ? 'var(--mantine-color-blue-light)' : undefined}
      onClick={onFocus}
      onDoubleClick={() => navigate(`/collections/loan?id=${r.loanId}`)}
      data-testid="worklist-row"
    >
      <Table.Td>
        <Checkbox aria-label={r.borrowerName} checked={checked} onChange={onToggle} />
      </Table.Td>
      <Table.Td>
        <a href={`#/collections/loan?id=${r.loanId}`}>{r.borrowerName}</a>
        {r.litigationOn && (
          <Badge ml={4} size="xs" color="grape">
            {t('litigation')}
          </Badge>
        )}
        {r.acceleratedOn && (
          <Badge ml={4} size="xs" color="orange">
            {t('accelerated')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>{r.contractNo}</Table.Td>
      <Table.Td>{r.village ?? ''}</Table.Td>
      <Table.Td>{r.customerClass ?? t('unclassified')}</Table.Td>
      <Table.Td ta="right">
        {r.dpd}
        <Text span size="xs" c="dimmed">
          {' '}
          {r.bucket}
        </Text>
      </Table.Td>
      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatFen(r.amounts.total)}
      </Table.Td>
      <Table.Td>
        <Badge
          variant="light"
          color={r.step === 'legal_review' ? 'red' : r.step === 'notice_visit' ? 'orange' : 'blue'}
        >
          {t(`step_${r.step}`)}
        </Badge>
      </Table.Td>
      <Table.Td>{r.lastContactOn ? t('daysSince', { n: r.daysSinceContact ?? 0 }) : t('never')}</Table.Td>
      <Table.Td>
        {r.brokenPromise && (
          <Badge color="red" data-testid="broken-badge">
            {t('brokenPromise')}
          </Badge>
        )}
        {r.promiseDue && (
          <Text size="sm">
            {r.promiseDue.promisedOn} · {formatFen(r.promiseDue.amount)}
          </Text>
        )}
      </Table.Td>
      {showOfficer && <Table.Td>{r.officerName}</Table.Td>}
    </Table.Tr>
  )
}

/** Creates notices for the picked loans as of today and downloads them as one PDF. */
function usePrintSelected() {
  const batch = useCreateBatch()
  const pdf = usePdf()
  const [guarantors, setGuarantors] = useState(false)
  const [result, setResult] = useState<{
    count: number
    skipped: { loanId: number; reason: string }[]
    url: string | null
    fileName: string
  } | null>(null)
  const run = async (loanIds: number[]) => {
    setResult(null)
    try {
      const b = await batch.mutate({ loanIds, asOf: today(), guarantors })
      if (b.notices.length === 0) {
        setResult({ count: 0, skipped: b.skipped, url: null, fileName: '' })
        return
      }
      const file = await pdf.mutate({ noticeIds: b.notices.map((n) => n.id) })
      setResult({ count: b.notices.length, skipped: b.skipped, url: downloadPdf(file), fileName: file.fileName })
    } catch {
      // shown through the mutation's error
    }
  }
  return { run, guarantors, setGuarantors, result, busy: batch.loading || pdf.loading, error: batch.error ?? pdf.error }
}
