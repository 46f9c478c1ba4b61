import { Alert, Button, Group, NativeSelect, NumberInput, Select, Stack, TextInput } from '@mantine/core'
import { INSPECTION_METHODS, formatFen, localDate } from '@shared/domain'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from '../../api/hooks'
import { navigate } from '../../app/router'
import { useCan, useSession } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import '../servicing/print.css'
import './route-sheet.css'

type Method = (typeof INSPECTION_METHODS)[number]

/** Columns and their share of the A4 landscape width (the result and signature columns are for handwriting). */
const COLUMNS = [
  ['village', '9%'],
  ['borrower', '10%'],
  ['address', '11%'],
  ['phone', '8.5%'],
  ['contractNo', '10%'],
  ['outstanding', '8%'],
  ['amountDue', '7.5%'],
  ['dpd', '4%'],
  ['kind', '8%'],
  ['result', '16%'],
  ['signature', '8%'],
] as const

/** Offline route sheet per village/officer: print it, visit, then enter the results quickly as drafts. */
export function RouteSheetPage() {
  const { t } = useTranslation('inspections')
  const can = useCan()
  const { org } = useSession()
  const asOf = localDate(new Date())
  const [days, setDays] = useState(30)
  const [village, setVillage] = useState<string | null>(null)
  const [officerId, setOfficerId] = useState<string | null>(null)
  const [quick, setQuick] = useState(false)
  const [results, setResults] = useState<Record<number, { conclusion: string; method: Method }>>({})
  const officers = useQuery('loans.officers', {}, { enabled: can('portfolio.all') })
  const q = useQuery('inspections.routeSheet', {
    asOf,
    days,
    ...(village ? { village } : {}),
    ...(officerId ? { officerId: Number(officerId) } : {}),
  })
  const enter = useMutation('inspections.quickEntry')
  const filled = Object.entries(results).filter(([, r]) => r.conclusion.trim() !== '')
  const save = () =>
    void enter
      .mutate({
        results: filled.map(([loanId, r]) => ({
          loanId: Number(loanId),
          inspectedOn: asOf,
          method: r.method,
          conclusion: r.conclusion.trim(),
        })),
      })
      .then(
        () => setResults({}),
        () => undefined,
      )
  const rows = q.data?.rows ?? []
  return (
    <Stack>
      <Group className="print-actions">
        <NumberInput
          label={t('route.days')}
          value={days}
          onChange={(v) => setDays(Number(v) || 0)}
          min={0}
          max={90}
          w={120}
        />
        <Select
          label={t('route.village')}
          placeholder={t('route.allVillages')}
          clearable
          searchable
          value={village}
          onChange={setVillage}
          data={q.data?.villages ?? []}
          w={200}
        />
        {can('portfolio.all') && (
          <Select
            label={t('officerFilter')}
            placeholder={t('allOfficers')}
            clearable
            value={officerId}
            onChange={setOfficerId}
            data={(officers.data ?? []).map((o) => ({ value: String(o.id), label: o.displayName }))}
            w={160}
          />
        )}
        <Button mt={24} onClick={() => window.print()}>
          {t('route.print')}
        </Button>
        <Button mt={24} variant={quick ? 'filled' : 'light'} onClick={() => setQuick(!quick)}>
          {t('route.quick')}
        </Button>
        <Button mt={24} variant="default" onClick={() => navigate('/inspections')}>
          {t('form.back')}
        </Button>
      </Group>
      {q.error && <ErrorAlert error={q.error} />}
      {enter.data && (
        <Alert color="teal" className="print-actions">
          {t('route.created', { n: enter.data.created.length })}
        </Alert>
      )}
      {enter.error && <ErrorAlert error={enter.error} />}
      <div className="print-page route-sheet" data-testid="route-sheet">
        <div className="print-org">{org?.name ?? ''}</div>
        <h1>{t('route.title')}</h1>
        <div className="print-meta">
          <span>{village ?? t('route.allVillages')}</span>
          <span>{t('route.sheetFor', { date: asOf, n: rows.length })}</span>
        </div>
        <table>
          <colgroup>
            {COLUMNS.map(([k, width]) => (
              <col key={k} style={{ width }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {COLUMNS.map(([k]) => (
                <th key={k}>{t(`col.${k}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.loanId}>
                <td>
                  {r.village ?? ''}
                  {r.villageGroup ? ` ${r.villageGroup}` : ''}
                </td>
                <td>{r.borrowerName}</td>
                <td>{r.address ?? ''}</td>
                <td className="nowrap">{r.phone ?? ''}</td>
                <td className="nowrap">{r.contractNo}</td>
                <td className="num">{formatFen(r.outstanding)}</td>
                <td className="num">{formatFen(r.amountDue)}</td>
                <td className="num">{r.dpd || ''}</td>
                <td>
                  {t(`kinds.${r.kind as 'routine'}`)} {r.dueDate}
                </td>
                <td>
                  {quick && (
                    <Group gap={4} wrap="nowrap" className="print-actions">
                      <NativeSelect
                        size="xs"
                        aria-label={t('col.method')}
                        value={results[r.loanId]?.method ?? 'home_visit'}
                        data={INSPECTION_METHODS.map((m) => ({ value: m, label: t(`methods.${m}`) }))}
                        onChange={(e) => {
                          const method = e.currentTarget.value as Method
                          setResults((x) => ({
                            ...x,
                            [r.loanId]: { conclusion: x[r.loanId]?.conclusion ?? '', method },
                          }))
                        }}
                      />
                      <TextInput
                        size="xs"
                        aria-label={`${t('col.result')} ${r.borrowerName}`}
                        value={results[r.loanId]?.conclusion ?? ''}
                        onChange={(e) => {
                          const conclusion = e.currentTarget.value
                          setResults((x) => ({
                            ...x,
                            [r.loanId]: { method: x[r.loanId]?.method ?? 'home_visit', conclusion },
                          }))
                        }}
                      />
                    </Group>
                  )}
                </td>
                <td />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {quick && (
        <Button className="print-actions" disabled={filled.length === 0} loading={enter.loading} onClick={save}>
          {t('route.enter')} ({filled.length})
        </Button>
      )}
    </Stack>
  )
}
