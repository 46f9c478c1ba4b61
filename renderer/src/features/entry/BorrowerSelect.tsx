import { useTranslation } from 'react-i18next'
import { Select } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useMemo, useState } from 'react'
import { useQuery } from '../../api/hooks'

/** Searchable borrower picker backed by the global search (names, initials, ID/phone tails). */
export function BorrowerSelect({
  value,
  label,
  onChange,
  error,
}: {
  value: number | null
  label: string | null
  onChange: (id: number | null, label: string | null) => void
  error?: string | undefined
}) {
  const { t } = useTranslation('entry')
  const [q, setQ] = useState('')
  const [debounced] = useDebouncedValue(q.trim(), 250)
  const hits = useQuery(
    'search.global',
    { q: debounced, limit: 30 },
    { enabled: debounced.length > 0 && debounced !== label },
  )
  const data = useMemo(() => {
    const opts = (hits.data?.hits ?? [])
      .filter((h) => h.type === 'borrower')
      .map((h) => ({ value: String(h.id), label: `${h.title} · ${h.subtitle}` }))
    if (value !== null && label && !opts.some((o) => o.value === String(value)))
      opts.unshift({ value: String(value), label })
    return opts
  }, [hits.data, value, label])
  return (
    <Select
      label={t('borrower')}
      withAsterisk
      searchable
      clearable
      placeholder={t('borrowerSearch')}
      data={data}
      value={value === null ? null : String(value)}
      searchValue={q}
      onSearchChange={setQ}
      filter={({ options }) => options}
      nothingFoundMessage={debounced && !hits.loading ? '—' : undefined}
      onChange={(v, opt) => onChange(v ? Number(v) : null, opt?.label ?? null)}
      error={error}
      data-autofocus
    />
  )
}
