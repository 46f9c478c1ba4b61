import { Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { WarningView } from '@shared/api'
import { RULE_CODES, type RuleCode, type WarningLevel } from '@shared/risk'
import { navigate } from '../../app/router'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { downloadBase64 } from '../../app/download'
import { RiskNav } from './RiskNav'
import { WarningModal } from './WarningModal'
import { useExportWarnings, useWarnings } from './use-risk'

const PAGE = 50
/** Badge colour of a level. */
export const LEVEL_COLOR: Record<WarningLevel, string> = { red: 'red', orange: 'orange', yellow: 'yellow' }

export interface BoardFilter {
  level?: WarningLevel
  status?: 'open' | 'closed'
  rule?: RuleCode
}

/** Filter from the hash (`#/risk?level=red&status=open`), shared with the print view. */
export function filterFromHash(): BoardFilter {
  const p = new URLSearchParams(window.location.hash.split('?')[1] ?? '')
  const f: BoardFilter = {}
  const level = p.get('level'),
    status = p.get('status'),
    rule = p.get('rule')
  if (level === 'red' || level === 'orange' || level === 'yellow') f.level = level
  if (status === 'open' || status === 'closed') f.status = status
  if (rule && (RULE_CODES as readonly string[]).includes(rule)) f.rule = rule as RuleCode
  return f
}

function toHash(f: BoardFilter): string {
  const p = new URLSearchParams(Object.entries(f).filter(([, v]) => v !== undefined) as [string, string][])
  return p.toString()
}

/** 预警表: warnings filtered by level, status and rule; a row opens its actions and closing. */
export function RiskBoardPage() {
  const { t } = useTranslation('risk')
  const [f, setF] = useState<BoardFilter>(() => ({ status: 'open', ...filterFromHash() }))
  const [offset, setOffset] = useState(0)
  const [openId, setOpenId] = useState<number | null>(null)
  const q = useWarnings({ ...f, offset, limit: PAGE })
  const exp = useExportWarnings()
  const set = (patch: Partial<BoardFilter>) => {
    const n = { ...f, ...patch }
    setF(n)
    setOffset(0)
    navigate(`/risk?${toHash(n)}`)
  }
  const opt = <T extends string>(v: string | null) => (v ? (v as T) : undefined)
  return (
    <Stack>
      <PageHeader
        title={t('board')}
        actions={
          <Group>
            <Button variant="default" onClick={() => navigate(`/risk/print?${toHash(f)}`)}>
              {t('print')}
            </Button>
            <Button
              variant="default"
              loading={exp.loading}
              onClick={() => void exp.mutate(f).then((x) => downloadBase64(x.filename, x.contentBase64))}
            >
              {t('export')}
            </Button>
          </Group>
        }
      />
      <RiskNav current="/risk" onEvaluated={() => void q.refetch()} />
      <Group>
        <Select
          label={t('level')}
          w={120}
          data-testid="filter-level"
          value={f.level ?? ''}
          onChange={(v) => set({ level: opt<WarningLevel>(v) })}
          data={[
            { value: '', label: t('all') },
            ...(['red', 'orange', 'yellow'] as const).map((l) => ({ value: l, label: t(l) })),
          ]}
          allowDeselect={false}
        />
        <Select
          label={t('status')}
          w={120}
          value={f.status ?? ''}
          onChange={(v) => set({ status: opt<'open' | 'closed'>(v) })}
          data={[
            { value: '', label: t('all') },
            { value: 'open', label: t('open') },
            { value: 'closed', label: t('closed') },
          ]}
          allowDeselect={false}
        />
        <Select
          label={t('rule')}
          w={200}
          value={f.rule ?? ''}
          onChange={(v) => set({ rule: opt<RuleCode>(v) })}
          data={[{ value: '', label: t('all') }, ...RULE_CODES.map((r) => ({ value: r, label: t(`rules.${r}`) }))]}
          allowDeselect={false}
        />
      </Group>
      {q.error && <ErrorAlert error={q.error} />}
      <WarningTable items={q.data?.items ?? []} onOpen={setOpenId} />
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('total', { n: q.data?.total ?? 0 })}
        </Text>
        <Group gap={6}>
          <Button
            size="xs"
            variant="default"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE))}
          >
            {t('prev')}
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={offset + PAGE >= (q.data?.total ?? 0)}
            onClick={() => setOffset(offset + PAGE)}
          >
            {t('next')}
          </Button>
        </Group>
      </Group>
      {openId !== null && (
        <WarningModal id={openId} onClose={() => setOpenId(null)} onChanged={() => void q.refetch()} />
      )}
    </Stack>
  )
}

/** The board's rows (also used by the print view). */
export function WarningTable({ items, onOpen }: { items: WarningView[]; onOpen?: (id: number) => void }) {
  const { t } = useTranslation('risk')
  return (
    <Table striped highlightOnHover={!!onOpen} data-testid="warnings">
      <Table.Thead>
        <Table.Tr>
          {(
            ['level', 'rule', 'contractNo', 'borrower', 'officer', 'detail', 'openedOn', 'status', 'actions'] as const
          ).map((k) => (
            <Table.Th key={k}>{t(k)}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((w) => (
          <Table.Tr
            key={w.id}
            style={onOpen ? { cursor: 'pointer' } : undefined}
            onClick={() => onOpen?.(w.id)}
            data-testid={`warning-${w.id}`}
          >
            <Table.Td>
              <Badge color={LEVEL_COLOR[w.level]} variant="filled">
                {t(w.level)}
              </Badge>
            </Table.Td>
            <Table.Td>{t(`rules.${w.rule}`)}</Table.Td>
            <Table.Td>{w.contractNo}</Table.Td>
            <Table.Td>{w.borrowerName}</Table.Td>
            <Table.Td>{w.officerName ?? ''}</Table.Td>
            <Table.Td maw={360}>{w.detail}</Table.Td>
            <Table.Td>{w.openedOn}</Table.Td>
            <Table.Td>
              {w.status === 'open' ? t('open') : w.closeKind === 'auto' ? t('autoClosed') : t('closed')}
            </Table.Td>
            <Table.Td>{w.actions}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
