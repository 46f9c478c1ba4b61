import { Group, Select, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { LOAN_PRODUCTS, isValidDate } from '@shared/domain'
import { useQuery } from '../../api/hooks'

/** The slice a report covers; empty fields do not filter. */
export interface ReportSlice {
  asOf: string
  village: string | null
  officerId: string | null
  product: string | null
}

/** Date, village, officer and product pickers shared by the report screens. */
export function ReportFilters({ value, onChange }: { value: ReportSlice; onChange: (v: ReportSlice) => void }) {
  const { t } = useTranslation('reports')
  const villages = useQuery('borrowers.villages', {})
  const officers = useQuery('loans.officers', {})
  const set = (patch: Partial<ReportSlice>) => onChange({ ...value, ...patch })
  return (
    <Group align="flex-end" gap="sm" className="print-actions">
      <TextInput
        label={t('asOf')}
        w={140}
        value={value.asOf}
        onChange={(e) => set({ asOf: e.currentTarget.value.trim() })}
        error={isValidDate(value.asOf) ? undefined : t('invalidDate')}
        data-testid="report-asof"
      />
      <Select
        label={t('village')}
        w={150}
        placeholder={t('all')}
        clearable
        searchable
        data={villages.data ?? []}
        value={value.village}
        onChange={(v) => set({ village: v })}
        data-testid="report-village"
      />
      <Select
        label={t('officer')}
        w={150}
        placeholder={t('all')}
        clearable
        data={(officers.data ?? []).map((o) => ({ value: String(o.id), label: o.displayName }))}
        value={value.officerId}
        onChange={(v) => set({ officerId: v })}
      />
      <Select
        label={t('product')}
        w={190}
        placeholder={t('all')}
        clearable
        data={[...LOAN_PRODUCTS]}
        value={value.product}
        onChange={(v) => set({ product: v })}
      />
    </Group>
  )
}

/** The call input for a slice (undefined = no filter). */
export function sliceInput(s: ReportSlice) {
  return {
    asOf: s.asOf,
    ...(s.village ? { village: s.village } : {}),
    ...(s.officerId ? { officerId: Number(s.officerId) } : {}),
    ...(s.product ? { product: s.product } : {}),
  }
}
