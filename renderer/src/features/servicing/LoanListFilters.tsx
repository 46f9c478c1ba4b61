import { Button, Group, Select, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { CUSTOMER_CLASSES, type Input } from '@shared/api'
import { BUCKETS, CATEGORIES, DISPLAY_STATUSES } from '@shared/domain'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from '../../api/hooks'
import { useCan } from '../../app/session'

/** Filters and sort of the loan list (everything but paging). */
export type LoanListFilter = Omit<Input<'servicing.loanList'>, 'limit' | 'offset'>

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** One debounced text box that commits to the filter when typing pauses. */
function DebouncedText({
  value,
  onCommit,
  ...rest
}: {
  value: string
  onCommit: (v: string) => void
  label: string
  placeholder?: string
  w: number
  'data-testid'?: string
}) {
  const [text, setText] = useState(value)
  const [settled] = useDebouncedValue(text, 300)
  useEffect(() => setText(value), [value])
  useEffect(() => {
    if (settled !== value) onCommit(settled)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled])
  return <TextInput {...rest} value={text} onChange={(e) => setText(e.currentTarget.value)} />
}

/** Search box, status / bucket / category / officer / village / product / maturity filters and sort. */
export function LoanListFilters({
  filter,
  onChange,
  onExport,
  exporting,
}: {
  filter: LoanListFilter
  onChange: (f: LoanListFilter) => void
  onExport: () => void
  exporting: boolean
}) {
  const { t } = useTranslation('servicing')
  const can = useCan()
  const villages = useQuery('borrowers.villages', {})
  const officers = useQuery('loans.officers', {}, { enabled: can('portfolio.all') })
  const set = (patch: Partial<LoanListFilter>) => onChange({ ...filter, ...patch })
  const statusLabel = (s: (typeof DISPLAY_STATUSES)[number]) => (s === 'active' ? t('normal') : t(s))
  return (
    <Group align="end" gap="xs" wrap="wrap">
      <DebouncedText
        label={t('borrower')}
        placeholder={t('searchPlaceholder')}
        w={250}
        value={filter.q ?? ''}
        onCommit={(q) => set({ q: q.trim() || undefined })}
        data-testid="loan-search"
      />
      <Select
        label={t('status')}
        w={104}
        clearable
        placeholder={t('all')}
        data-testid="filter-status"
        data={DISPLAY_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
        value={filter.status ?? null}
        onChange={(x) => set({ status: (x ?? undefined) as LoanListFilter['status'] })}
      />
      <Select
        label={t('dpdBand')}
        w={96}
        clearable
        placeholder={t('all')}
        data-testid="filter-bucket"
        data={BUCKETS.map((b) => ({ value: b, label: b === 'M0' ? `M0 ${t('normal')}` : b }))}
        value={filter.bucket ?? null}
        onChange={(x) => set({ bucket: (x ?? undefined) as LoanListFilter['bucket'] })}
      />
      <Select
        label={t('category')}
        w={96}
        clearable
        placeholder={t('all')}
        data={CATEGORIES.map((c) => ({ value: c, label: t(c) }))}
        value={filter.category ?? null}
        onChange={(x) => set({ category: (x ?? undefined) as LoanListFilter['category'] })}
      />
      <Select
        label={t('customerClass')}
        w={100}
        clearable
        placeholder={t('all')}
        data-testid="filter-class"
        data={CUSTOMER_CLASSES.map((c) => ({ value: c, label: t('classLetter', { c }) }))}
        value={filter.customerClass ?? null}
        onChange={(x) => set({ customerClass: (x ?? undefined) as LoanListFilter['customerClass'] })}
      />
      {can('portfolio.all') && (
        <Select
          label={t('officer')}
          w={112}
          clearable
          searchable
          placeholder={t('all')}
          data={(officers.data ?? []).map((o) => ({ value: String(o.id), label: o.displayName }))}
          value={filter.officerId ? String(filter.officerId) : null}
          onChange={(x) => set({ officerId: x ? Number(x) : undefined })}
        />
      )}
      <Select
        label={t('village')}
        w={112}
        clearable
        searchable
        placeholder={t('all')}
        data-testid="filter-village"
        data={villages.data ?? []}
        value={filter.village ?? null}
        onChange={(x) => set({ village: x ?? undefined })}
      />
      <DebouncedText
        label={t('product')}
        w={120}
        value={filter.product ?? ''}
        onCommit={(p) => set({ product: p.trim() || undefined })}
      />
      <DebouncedText
        label={t('maturityFrom')}
        placeholder="YYYY-MM-DD"
        w={108}
        value={filter.maturityFrom ?? ''}
        onCommit={(d) => set({ maturityFrom: DATE.test(d) ? d : undefined })}
      />
      <DebouncedText
        label={t('maturityTo')}
        placeholder="YYYY-MM-DD"
        w={108}
        value={filter.maturityTo ?? ''}
        onCommit={(d) => set({ maturityTo: DATE.test(d) ? d : undefined })}
      />
      <Select
        label={t('sort')}
        w={120}
        allowDeselect={false}
        data-testid="sort"
        data={[
          { value: 'dpd', label: t('sortDpd') },
          { value: 'balance', label: t('sortBalance') },
          { value: 'dueDate', label: t('sortDueDate') },
          { value: 'maturityDate', label: t('sortMaturity') },
          { value: 'id', label: t('sortId') },
        ]}
        value={filter.sort ?? 'dpd'}
        onChange={(x) => set({ sort: (x ?? 'dpd') as LoanListFilter['sort'] })}
      />
      <Select
        w={84}
        allowDeselect={false}
        aria-label={t('sort')}
        data={[
          { value: 'desc', label: t('descending') },
          { value: 'asc', label: t('ascending') },
        ]}
        value={filter.dir ?? 'desc'}
        onChange={(x) => set({ dir: (x ?? 'desc') as 'asc' | 'desc' })}
      />
      <Button variant="default" onClick={() => onChange({ sort: filter.sort, dir: filter.dir })}>
        {t('clearFilters')}
      </Button>
      <Button variant="default" loading={exporting} onClick={onExport}>
        {t('exportXlsx')}
      </Button>
    </Group>
  )
}
