import { useTranslation } from 'react-i18next'
import { Badge, Button, Group, Paper, Select, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { BorrowerView, Input } from '@shared/api'
import { CREDIT_RATINGS } from '@shared/api/borrowers'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../../api/client'
import { toApiError, useQuery } from '../../api/hooks'
import { navigate } from '../../app/router'
import { useCan } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { downloadBase64 } from '../../app/download'
import { BorrowerFormModal } from '../entry/BorrowerFormModal'

const PAGE = 200
type Filter = Omit<Input<'borrowers.list'>, 'limit' | 'offset'>

/** Borrower list: virtualized rows loaded page by page, filters and sort on the server. */
export function BorrowersPage() {
  const { t } = useTranslation('archives')
  const { t: te } = useTranslation('entry')
  const { t: tb } = useTranslation('borrowers')
  const [filter, setFilter] = useState<Filter>({ sort: 'id', dir: 'asc' })
  const villages = useQuery('borrowers.villages', {})
  const officers = useQuery('loans.officers', {})
  const [total, setTotal] = useState(0)
  const [pages, setPages] = useState<Map<number, BorrowerView[]>>(new Map())
  const [error, setError] = useState<ReturnType<typeof toApiError> | null>(null)
  const [adding, setAdding] = useState(false)
  const can = useCan()
  const loading = useRef(new Set<number>())
  const key = JSON.stringify(filter)

  const load = useCallback(
    async (page: number) => {
      if (loading.current.has(page)) return
      loading.current.add(page)
      try {
        const r = await api.call('borrowers.list', { ...filter, limit: PAGE, offset: page * PAGE })
        setTotal(r.total)
        setPages((m) => new Map(m).set(page, r.rows))
      } catch (e) {
        setError(toApiError(e))
      }
    },
    // `key` is the filter as JSON: the page loader changes only when the filter's content does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  )

  useEffect(() => {
    loading.current = new Set()
    setPages(new Map())
    void load(0)
  }, [load])

  const parent = useRef<HTMLDivElement>(null)
  const v = useVirtualizer({
    count: total,
    getScrollElement: () => parent.current,
    estimateSize: () => 40,
    overscan: 10,
  })
  const items = v.getVirtualItems()
  useEffect(() => {
    for (const it of items) if (!pages.has(Math.floor(it.index / PAGE))) void load(Math.floor(it.index / PAGE))
  }, [items, pages, load])

  const set = (patch: Partial<Filter>) => setFilter((f) => ({ ...f, ...patch }))
  const exportList = async () => {
    try {
      const x = await api.call('imports.export', {
        list: 'borrowers',
        village: filter.village,
        officerId: filter.officerId,
      })
      downloadBase64(x.filename, x.contentBase64)
    } catch (e) {
      const err = toApiError(e)
      notifications.show({ color: 'red', message: err.message })
    }
  }
  const masked = pages.get(0)?.[0]?.masked

  return (
    <Stack>
      <PageHeader
        title={t('borrowers')}
        subtitle={t('borrowersSubtitle')}
        actions={can('borrowers.write') && <Button onClick={() => setAdding(true)}>{te('newBorrower')}</Button>}
      />
      <BorrowerFormModal
        borrower={null}
        opened={adding}
        onClose={() => setAdding(false)}
        onSaved={(b) => {
          setAdding(false)
          navigate(`/borrowers/detail?id=${b.id}`)
        }}
      />
      <Group align="end" wrap="wrap">
        <Select
          label={t('village')}
          searchable
          clearable
          placeholder={t('all')}
          data={villages.data ?? []}
          value={filter.village ?? null}
          onChange={(x) => set({ village: x ?? undefined })}
          w={200}
        />
        <Select
          label={t('officer')}
          clearable
          placeholder={t('all')}
          data={(officers.data ?? []).map((o) => ({ value: String(o.id), label: o.displayName }))}
          value={filter.officerId ? String(filter.officerId) : null}
          onChange={(x) => set({ officerId: x ? Number(x) : undefined })}
          w={150}
        />
        <Select
          label={t('rating')}
          clearable
          placeholder={t('all')}
          data={[...CREDIT_RATINGS]}
          value={filter.creditRating ?? null}
          onChange={(x) => set({ creditRating: (x ?? undefined) as Filter['creditRating'] })}
          w={110}
        />
        <Select
          label={t('status')}
          clearable
          placeholder={t('all')}
          data={[
            { value: 'active', label: t('active') },
            { value: 'inactive', label: t('inactive') },
            { value: 'blacklisted', label: t('blacklisted') },
          ]}
          value={filter.status ?? null}
          onChange={(x) => set({ status: (x ?? undefined) as Filter['status'] })}
          w={120}
        />
        <Select
          label={tb('customerClass')}
          clearable
          placeholder={t('all')}
          data-testid="filter-class"
          data={(['A', 'B', 'C'] as const).map((c) => ({ value: c, label: tb('classLetter', { c }) }))}
          value={filter.customerClass ?? null}
          onChange={(x) => set({ customerClass: (x ?? undefined) as Filter['customerClass'] })}
          w={100}
        />
        <Select
          label={t('sort')}
          data={[
            { value: 'id', label: t('sortId') },
            { value: 'name', label: t('sortName') },
            { value: 'village', label: t('sortVillage') },
            { value: 'creditRating', label: t('sortRating') },
          ]}
          value={filter.sort ?? 'id'}
          onChange={(x) => set({ sort: (x ?? 'id') as Filter['sort'] })}
          w={130}
        />
        <Button variant="default" onClick={() => void exportList()}>
          {t('exportXlsx')}
        </Button>
        <Text c="dimmed" size="sm" data-testid="borrower-total">
          {t('total', { n: total })}
        </Text>
        {masked && (
          <Badge color="gray" variant="light">
            {t('masked')}
          </Badge>
        )}
      </Group>
      {error && <ErrorAlert error={error} />}
      <Paper withBorder>
        <Group px="md" py={8} gap={0} wrap="nowrap" bg="var(--mantine-color-gray-0)" fw={600} fz="sm">
          <Text w="16%" fw={600} size="sm">
            {t('name')}
          </Text>
          <Text w="22%" fw={600} size="sm">
            {t('idNumber')}
          </Text>
          <Text w="14%" fw={600} size="sm">
            {t('phone')}
          </Text>
          <Text w="22%" fw={600} size="sm">
            {t('village')}
          </Text>
          <Text w="10%" fw={600} size="sm">
            {t('rating')} / {tb('customerClass')}
          </Text>
          <Text w="16%" fw={600} size="sm">
            {t('officer')}
          </Text>
        </Group>
        <div
          ref={parent}
          style={{ height: 'calc(100vh - 300px)', minHeight: 300, overflow: 'auto' }}
          data-testid="borrower-list"
        >
          <div style={{ height: v.getTotalSize(), position: 'relative' }}>
            {items.map((it) => {
              const b = pages.get(Math.floor(it.index / PAGE))?.[it.index % PAGE]
              return (
                <Group
                  key={it.key}
                  px="md"
                  gap={0}
                  wrap="nowrap"
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: it.size,
                    transform: `translateY(${it.start}px)`,
                    cursor: 'pointer',
                    borderBottom: '1px solid var(--mantine-color-gray-2)',
                  }}
                  onClick={() => b && navigate(`/borrowers/detail?id=${b.id}`)}
                  data-testid="borrower-row"
                >
                  {b ? (
                    <>
                      <Text w="16%" size="sm" truncate>
                        {b.name}
                      </Text>
                      <Text w="22%" size="sm" ff="monospace">
                        {b.idNumber ?? b.creditCode}
                      </Text>
                      <Text w="14%" size="sm" ff="monospace">
                        {b.phone}
                      </Text>
                      <Text w="22%" size="sm" truncate>
                        {b.village} {b.villageGroup}
                      </Text>
                      <Text w="10%" size="sm">
                        {b.creditRating}
                        {b.customerClass ? ` · ${b.customerClass}` : ''}
                      </Text>
                      <Text w="16%" size="sm">
                        {b.officerName}
                      </Text>
                    </>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('loading')}
                    </Text>
                  )}
                </Group>
              )
            })}
          </div>
        </div>
      </Paper>
    </Stack>
  )
}
