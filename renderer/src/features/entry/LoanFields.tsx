import { useTranslation } from 'react-i18next'
import {
  Alert,
  Autocomplete,
  Button,
  Group,
  Input,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { DateInput } from '@mantine/dates'
import { GUARANTEE_TYPES } from '@shared/api/loans'
import { METHODS, formatFen } from '@shared/domain'
import { type ReactNode, useState } from 'react'
import type { ApiError } from '../../api/client'
import { ErrorAlert } from '../../components/ErrorAlert'
import { BorrowerSelect } from './BorrowerSelect'
import { type LoanField, type LoanValues, type RateMode, checkLoan, LOAN_PRODUCTS, switchRate } from './loan-form'

/** Products the cooperative books most; any other name may be typed. */

interface Props {
  values: LoanValues
  setValues: (f: (v: LoanValues) => LoanValues) => void
  borrowerLabel: string | null
  borrowerFixed: boolean
  officers: { id: number; displayName: string }[]
  officerFixed?: boolean
  /** Plan fields read-only (a plan exists). */
  locked: boolean
  saving: boolean
  error: ApiError | null
  /** Saves; resolves to the server's field errors (empty when saved). */
  onSubmit: (v: LoanValues) => Promise<Partial<Record<LoanField, string>>>
  onCancel: () => void
  extra?: ReactNode
}

/** The loan's fields with live checks, the exact rate conversion and a plan preview. */
export function LoanFields(p: Props) {
  const { t } = useTranslation('entry')
  const v = p.values
  const [submitted, setSubmitted] = useState(false)
  const [server, setServer] = useState<Partial<Record<LoanField, string>>>({})
  const [label, setLabel] = useState(p.borrowerLabel)
  const c = checkLoan(v, submitted)
  const err = (f: LoanField) => server[f] ?? c.errors[f]
  const set = <K extends keyof LoanValues>(k: K, value: LoanValues[K]) => {
    p.setValues((x) => ({ ...x, [k]: value }))
    setServer((s) => ({
      ...s,
      [k]: undefined,
      ...(k === 'term' || k === 'disbursementDate' ? { maturityDate: undefined } : {}),
    }))
  }
  const text = (k: 'contractNo' | 'iouNo' | 'amount' | 'rate' | 'term' | 'dueDay' | 'purpose') => ({
    value: v[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(k, e.currentTarget.value),
    error: err(k),
    autoComplete: 'off',
    ...(p.locked && (k === 'amount' || k === 'rate' || k === 'term' || k === 'dueDay') ? { disabled: true } : {}),
  })
  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setSubmitted(true)
    if (Object.keys(checkLoan(v, true).errors).length > 0) return
    setServer(await p.onSubmit(v))
  }
  const switchMode = (mode: RateMode) =>
    p.setValues((x) => ({ ...x, rateMode: mode, rate: switchRate(x.rate, x.rateMode, mode) }))
  const fieldShown =
    p.error !== null && p.error.fields.length > 0 && Object.keys(server).some((k) => server[k as LoanField])
  const totals = c.totals

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="loan-form">
      <Stack gap="sm">
        {p.error && !fieldShown && <ErrorAlert error={p.error} />}
        {p.locked && (
          <Alert color="gray" variant="light">
            {t('planLocked')}
          </Alert>
        )}
        <SimpleGrid cols={3} spacing="sm">
          <div style={{ gridColumn: 'span 2' }}>
            {p.borrowerFixed ? (
              <TextInput label={t('borrower')} value={label ?? ''} readOnly variant="filled" />
            ) : (
              <BorrowerSelect
                value={v.borrowerId}
                label={label}
                error={err('borrowerId')}
                onChange={(id, l) => {
                  set('borrowerId', id)
                  setLabel(l)
                }}
              />
            )}
          </div>
          <Select
            label={t('officer')}
            withAsterisk
            allowDeselect={false}
            disabled={p.officerFixed}
            data={p.officers.map((o) => ({ value: String(o.id), label: o.displayName }))}
            value={v.officerId === null ? null : String(v.officerId)}
            onChange={(x) => set('officerId', x ? Number(x) : null)}
            error={err('officerId')}
          />
          <TextInput
            label={t('contractNo')}
            withAsterisk
            {...text('contractNo')}
            data-autofocus={p.borrowerFixed || undefined}
          />
          <TextInput label={t('iouNo')} withAsterisk {...text('iouNo')} />
          <Autocomplete
            label={t('product')}
            withAsterisk
            data={LOAN_PRODUCTS}
            value={v.product}
            onChange={(x) => set('product', x)}
            error={err('product')}
          />
          <TextInput label={t('amount')} withAsterisk inputMode="decimal" {...text('amount')} />
          <Input.Wrapper label={t('rateMode')}>
            <SegmentedControl
              fullWidth
              aria-label={t('rateMode')}
              value={v.rateMode}
              onChange={(m) => switchMode(m as RateMode)}
              disabled={p.locked}
              data={[
                { value: 'annual', label: t('annual') },
                { value: 'monthly_permille', label: t('monthly') },
              ]}
            />
          </Input.Wrapper>
          <TextInput
            label={t(v.rateMode === 'annual' ? 'rateAnnual' : 'rateMonthly')}
            withAsterisk
            inputMode="decimal"
            rightSection={
              <Text size="sm" c="dimmed">
                {v.rateMode === 'annual' ? '%' : '‰'}
              </Text>
            }
            description={
              c.annualRate ? (
                <span data-testid="rate-conversion">
                  {t('rateEquals', { annual: c.annualRate, monthly: c.monthlyPermille ?? '' })}
                </span>
              ) : undefined
            }
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            {...text('rate')}
          />
          <TextInput label={t('term')} withAsterisk inputMode="numeric" {...text('term')} />
          <Select
            label={t('method')}
            withAsterisk
            allowDeselect={false}
            disabled={p.locked}
            data={METHODS.map((m) => ({ value: m, label: t(m) }))}
            value={v.method}
            onChange={(x) => x && set('method', x as LoanValues['method'])}
          />
          <Select
            label={t('guaranteeType')}
            withAsterisk
            allowDeselect={false}
            data={GUARANTEE_TYPES.map((g) => ({ value: g, label: t(g) }))}
            value={v.guaranteeType}
            onChange={(x) => x && set('guaranteeType', x as LoanValues['guaranteeType'])}
          />
          <DateInput
            label={t('disbursementDate')}
            withAsterisk
            valueFormat="YYYY-MM-DD"
            placeholder="YYYY-MM-DD"
            value={v.disbursementDate || null}
            onChange={(x) => set('disbursementDate', x ?? '')}
            error={err('disbursementDate')}
            disabled={p.locked}
          />
          <TextInput
            label={t('maturityDate')}
            description={t('maturityHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            value={c.maturityDate ?? ''}
            readOnly
            variant="filled"
            error={err('maturityDate')}
            data-testid="maturity"
          />
          <TextInput
            label={t('dueDay')}
            description={t('dueDayHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            inputMode="numeric"
            placeholder="1–31"
            {...text('dueDay')}
          />
          <div style={{ gridColumn: 'span 3' }}>
            <TextInput label={t('purpose')} withAsterisk {...text('purpose')} />
          </div>
        </SimpleGrid>
        <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)" data-testid="plan-preview">
          <Text size="sm" fw={600} mb={6}>
            {t('preview')}
          </Text>
          {totals ? (
            <SimpleGrid cols={5} spacing="xs">
              {(
                [
                  ['firstDue', c.firstDue ?? ''],
                  ['firstPayment', formatFen(totals.firstPayment)],
                  ['periods', String(totals.rows)],
                  ['totalInterest', formatFen(totals.totalInterest)],
                  ['totalPayment', formatFen(totals.totalPayment)],
                ] as const
              ).map(([k, val]) => (
                <div key={k}>
                  <Text size="xs" c="dimmed">
                    {t(k)}
                  </Text>
                  <Text size="sm" fw={600} ff="monospace" data-testid={`preview-${k}`}>
                    {val}
                  </Text>
                </div>
              ))}
            </SimpleGrid>
          ) : (
            <Text size="sm" c="dimmed">
              {t('previewEmpty')}
            </Text>
          )}
        </Paper>
        <Group justify="space-between" mt="xs">
          <div>{p.extra}</div>
          <Group>
            <Button variant="default" onClick={p.onCancel}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={p.saving}>
              {t('save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  )
}
