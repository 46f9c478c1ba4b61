import { Alert, Badge, Box, Button, Checkbox, Group, Loader, Paper, Select, Stack, Switch, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { WorklistRow } from '@shared/api'
import { formatFen } from '@shared/domain'
import { type KeyboardEvent, useEffect, useRef, useState } from 'react'
import { api } from '../../api/client'
import { toApiError, useQuery } from '../../api/hooks'
import { useTranslation } from 'react-i18next'
import { navigate } from '../../app/router'
import { useCan } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { downloadPdf, today, useCreateBatch, useOfficers, usePagedWorklist, usePdf } from './use-collections'

const ROW_HEIGHT = 40
const ROW = { px: 'sm', gap: 0, wrap: 'nowrap', h: ROW_HEIGHT } as const
const COLUMNS = [
  'borrower',
  'contractNo',
  'village',
  'class',
  'dpd',
  'overdueTotal',
  'step',
  'lastContact',
  'promise',
  'officer',
] as const
/** Column widths; the officer column only for those who see everyone's loans. */
const COL: Record<(typeof COLUMNS)[number] | 'check', string> = {
  check: '36px',
  borrower: '17%',
  contractNo: '13%',
  village: '12%',
  class: '6%',
  dpd: '8%',
  overdueTotal: '10%',
  step: '9%',
  lastContact: '7%',
  promise: '10%',
  officer: '6%',
}

/** The officer's (or, for a manager, everyone's) collections worklist; keyboard-first, virtualised (thousands of rows). */
export function WorklistPage() {
  const { t } = useTranslation('collections')
  const can = useCan()
  const seesAll = can('portfolio.all')
  const [officerId, setOfficerId] = useState<number | undefined>(undefined)
  const [village, setVillage] = useState<string | null>(null)
  const filter = { ...(officerId ? { officerId } : {}), ...(village ? { village } : {}) }
  const list = usePagedWorklist(filter)
  const count = list.total ?? 0
  const officers = useOfficers(seesAll)
  const villages = useQuery('borrowers.villages', {})
  const [cursor, setCursor] = useState(0)
  const [picked, setPicked] = useState<Set<number>>(new Set())
  const print = usePrintSelected()
  const tableRef = useRef<HTMLDivElement>(null)
  useEffect(() => tableRef.current?.focus(), [])
  const v = useVirtualizer({
    count,
    getScrollElement: () => tableRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  })
  const items = v.getVirtualItems()
  const { want } = list
  useEffect(() => want(items.map((it) => it.index)), [items, want])
  useEffect(() => {
    if (count > 0) v.scrollToIndex(Math.min(cursor, count - 1))
  }, [cursor, count, v])
  /** A new filter: selection and cursor start over. */
  const restart = () => {
    setPicked(new Set())
    setCursor(0)
  }
  const selectAll = async (on: boolean) => {
    if (!on) return setPicked(new Set())
    setPicked(new Set(list.loadedIds())) // at once; the rows not loaded yet follow from the server
    try {
      setPicked(new Set((await api.call('collections.worklistIds', filter)).loanIds))
    } catch (e) {
      notifications.show({ color: 'red', message: toApiError(e).message })
    }
  }

  const toggle = (id: number) =>
    setPicked((s) => {
      const n = new Set(s)
      if (n.has(id)) n.delete(id)
      else n.add(id)
      return n
    })
  const onKey = (e: KeyboardEvent) => {
    const r = list.rowAt(cursor)
    if (e.key === 'ArrowDown' || e.key === 'j') {
      setCursor((c) => Math.min(c + 1, count - 1))
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
            onChange={(v) => {
              setOfficerId(v ? Number(v) : undefined)
              restart()
            }}
            data={(officers.data ?? []).map((o) => ({ value: String(o.id), label: o.displayName }))}
          />
        )}
        <Select
          label={t('village')}
          placeholder={t('allVillages')}
          clearable
          w={200}
          value={village}
          onChange={(v) => {
            setVillage(v)
            restart()
          }}
          data={villages.data ?? []}
          searchable
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
        {list.total !== null && (
          <Text c="dimmed" size="sm" mt="lg" data-testid="worklist-total">
            {t('count', { n: list.total })}
          </Text>
        )}
      </Group>
      {list.error && <ErrorAlert error={list.error} />}
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
      <Paper withBorder>
        <Group {...ROW} bg="var(--mantine-color-gray-0)" data-testid="worklist-head">
          <Box w={COL.check}>
            <Checkbox
              aria-label={t('selectAll')}
              checked={count > 0 && picked.size === count}
              onChange={(e) => void selectAll(e.currentTarget.checked)}
            />
          </Box>
          {COLUMNS.filter((k) => seesAll || k !== 'officer').map((k) => (
            <Text
              pl={k === 'step' ? 'sm' : undefined}
              key={k}
              w={COL[k]}
              size="sm"
              fw={600}
              ta={k === 'dpd' || k === 'overdueTotal' ? 'right' : undefined}
            >
              {t(k)}
            </Text>
          ))}
        </Group>
        <div
          ref={tableRef}
          tabIndex={0}
          onKeyDown={onKey}
          data-testid="worklist"
          style={{ height: 'calc(100vh - 330px)', minHeight: 280, overflow: 'auto', outline: 'none' }}
        >
          <div style={{ height: v.getTotalSize(), position: 'relative' }}>
            {items.map((it) => {
              const r = list.rowAt(it.index)
              if (!r)
                return (
                  <Text key={it.key} size="sm" c="dimmed" px="sm" pos="absolute" top={it.start} h={ROW_HEIGHT}>
                    {t('loading')}
                  </Text>
                )
              return (
                <Row
                  key={r.loanId}
                  r={r}
                  top={it.start}
                  active={it.index === cursor}
                  checked={picked.has(r.loanId)}
                  onToggle={() => toggle(r.loanId)}
                  showOfficer={seesAll}
                  onFocus={() => setCursor(it.index)}
                />
              )
            })}
          </div>
          {list.total === null && !list.error && (
            <Group p="md" gap="xs">
              <Loader size="xs" />
              <Text c="dimmed" size="sm">
                {t('loading')}
              </Text>
            </Group>
          )}
          {list.total === 0 && (
            <Text c="dimmed" p="md">
              {t('empty')}
            </Text>
          )}
        </div>
      </Paper>
    </Stack>
  )
}

function Row({
  r,
  top,
  active,
  checked,
  onToggle,
  showOfficer,
  onFocus,
}: {
  r: WorklistRow
  top: number
  active: boolean
  checked: boolean
  onToggle: () => void
  showOfficer: boolean
  onFocus: () => void
}) {
  const { t } = useTranslation('collections')
  return (
    <Group
      {...ROW}
      style={{
        position: 'absolute',
        top: 0,
        left: 0,
        right: 0,
        height: ROW_HEIGHT,
        transform: `translateY(${top}px)`,
        borderBottom: '1px solid var(--mantine-color-gray-2)',
      }}
      bg={active ? 'var(--mantine-color-blue-light)' : undefined}
      onClick={onFocus}
      onDoubleClick={() => navigate(`/collections/loan?id=${r.loanId}`)}
      data-testid="worklist-row"
    >
      <Box w={COL.check}>
        <Checkbox aria-label={r.borrowerName} checked={checked} onChange={onToggle} />
      </Box>
      <Group w={COL.borrower} gap={4} wrap="nowrap">
        <Text size="sm" truncate>
          <a href={`#/collections/loan?id=${r.loanId}`}>{r.borrowerName}</a>
        </Text>
        {r.litigationOn && (
          <Badge size="xs" color="grape">
            {t('litigation')}
          </Badge>
        )}
        {r.acceleratedOn && (
          <Badge size="xs" color="orange">
            {t('accelerated')}
          </Badge>
        )}
      </Group>
      <Text w={COL.contractNo} size="sm" truncate>
        {r.contractNo}
      </Text>
      <Text w={COL.village} size="sm" truncate>
        {r.village ?? ''}
      </Text>
      <Text w={COL.class} size="sm">
        {r.customerClass ?? t('unclassified')}
      </Text>
      <Text w={COL.dpd} size="sm" ta="right">
        {r.dpd}
        <Text span size="xs" c="dimmed">
          {' '}
          {r.bucket}
        </Text>
      </Text>
      <Text w={COL.overdueTotal} size="sm" ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatFen(r.amounts.total)}
      </Text>
      <Box w={COL.step} pl="sm">
        <Badge
          variant="light"
          color={r.step === 'legal_review' ? 'red' : r.step === 'notice_visit' ? 'orange' : 'blue'}
        >
          {t(`step_${r.step}`)}
        </Badge>
      </Box>
      <Text w={COL.lastContact} size="sm">
        {r.lastContactOn ? t('daysSince', { n: r.daysSinceContact ?? 0 }) : t('never')}
      </Text>
      <Box w={COL.promise}>
        {r.brokenPromise && (
          <Badge color="red" data-testid="broken-badge">
            {t('brokenPromise')}
          </Badge>
        )}
        {r.promiseDue && (
          <Text size="xs">
            {r.promiseDue.promisedOn} · {formatFen(r.promiseDue.amount)}
          </Text>
        )}
      </Box>
      {showOfficer && (
        <Text w={COL.officer} size="sm" truncate>
          {r.officerName}
        </Text>
      )}
    </Group>
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
