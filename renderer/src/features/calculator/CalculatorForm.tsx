import { Paper, Radio, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { DateInput } from '@mantine/dates'
import { METHODS, type Method } from '@shared/domain'
import { useTranslation } from 'react-i18next'
import type { CalcValues, Evaluation } from './evaluate'

type Set = <K extends keyof CalcValues>(key: K, value: CalcValues[K]) => void

/** The loan terms: amount in 元, rate (年利率 % or 月息 ‰ with live conversion), term, method, dates. */
export function CalculatorForm({
  values,
  set,
  touch,
  result,
}: {
  values: CalcValues
  set: Set
  touch: (key: keyof CalcValues) => void
  result: Evaluation
}) {
  const { t } = useTranslation()
  const e = result.errors
  const amortizing = values.method === 'annuity' || values.method === 'equal_principal'
  const r = result.rates
  const rateHint = r
    ? t(r.exact ? 'calculator.rateEquals' : 'calculator.rateApprox', { monthly: r.monthly, annual: r.annual })
    : ' '

  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={4} mb="md">
        {t('calculator.terms')}
      </Title>
      <Stack gap="sm">
        <TextInput
          label={t('calculator.amount')}
          placeholder={t('calculator.amountPlaceholder')}
          inputMode="decimal"
          value={values.amount}
          onChange={(ev) => set('amount', ev.currentTarget.value)}
          onBlur={() => touch('amount')}
          error={e.amount}
          data-autofocus
          autoFocus
        />
        <Stack gap={4}>
          <SegmentedControl
            aria-label={t('calculator.rateMode')}
            fullWidth
            size="xs"
            value={values.rateMode}
            onChange={(v) => set('rateMode', v as CalcValues['rateMode'])}
            data={[
              { value: 'annual', label: t('calculator.annual') },
              { value: 'monthly_permille', label: t('calculator.monthly') },
            ]}
          />
          <TextInput
            label={t(values.rateMode === 'annual' ? 'calculator.rateAnnual' : 'calculator.rateMonthly')}
            inputMode="decimal"
            value={values.rate}
            onChange={(ev) => set('rate', ev.currentTarget.value)}
            onBlur={() => touch('rate')}
            error={e.rate}
            rightSection={
              <Text size="sm" c="dimmed">
                {values.rateMode === 'annual' ? '%' : '‰'}
              </Text>
            }
          />
          {!e.rate && (
            <Text size="xs" c="dimmed" data-testid="rate-conversion" mih={18}>
              {rateHint}
            </Text>
          )}
        </Stack>
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            label={t('calculator.term')}
            description={t('calculator.termHint')}
            inputMode="numeric"
            value={values.term}
            onChange={(ev) => set('term', ev.currentTarget.value)}
            onBlur={() => touch('term')}
            error={e.term}
          />
          <DateInput
            label={t('calculator.startDate')}
            description=" "
            valueFormat="YYYY-MM-DD"
            placeholder="YYYY-MM-DD"
            value={values.startDate || null}
            onChange={(v) => set('startDate', v ?? '')}
            error={e.startDate}
          />
        </SimpleGrid>
        <Select
          label={t('calculator.method')}
          data={METHODS.map((m) => ({ value: m, label: t(`calculator.methods.${m}`) }))}
          value={values.method}
          onChange={(v) => v && set('method', v as Method)}
          allowDeselect={false}
          error={e.method}
        />
        <TextInput
          label={t('calculator.dueDay')}
          description={t('calculator.dueDayHint')}
          inputMode="numeric"
          placeholder="1–31"
          value={values.dueDay}
          onChange={(ev) => set('dueDay', ev.currentTarget.value)}
          error={e.dueDay}
          disabled={!amortizing}
        />
        <Radio.Group
          label={t('calculator.interestBasis')}
          description={amortizing ? undefined : t('calculator.basisHint')}
          value={amortizing ? values.interestBasis : 'actual_days'}
          onChange={(v) => set('interestBasis', v as CalcValues['interestBasis'])}
        >
          <Stack gap={6} mt={6}>
            <Radio value="monthly" label={t('calculator.basisMonthly')} disabled={!amortizing} />
            <Radio value="actual_days" label={t('calculator.basisDays')} disabled={!amortizing} />
          </Stack>
        </Radio.Group>
      </Stack>
    </Paper>
  )
}
