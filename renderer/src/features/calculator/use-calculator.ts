import type { CalculatorInput } from '@shared/api'
import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation } from '../../api/hooks'
import { localIsoDate } from '../../app/format'
import { downloadBase64 } from '../../app/download'
import { type CalcValues, convertRate, evaluate, type Evaluation } from './evaluate'

/** Defaults: an empty amount and rate, 12 months, 等额本息, disbursed today. */
export function initialValues(today = localIsoDate()): CalcValues {
  return {
    amount: '',
    rateMode: 'annual',
    rate: '',
    term: '12',
    method: 'annuity',
    startDate: today,
    dueDay: '',
    interestBasis: 'monthly',
  }
}

/**
 * The form state and its evaluation, recomputed on every change (a 360-row plan takes < 1 ms).
 * Errors show only on fields the user has touched (changed or left), so a fresh calculator is not red.
 */
export function useCalculator() {
  const { t } = useTranslation()
  const [values, setValues] = useState<CalcValues>(() => initialValues())
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set())
  const touch = useCallback((key: keyof CalcValues) => setTouched((s) => (s.has(key) ? s : new Set(s).add(key))), [])
  const set = useCallback(
    <K extends keyof CalcValues>(key: K, value: CalcValues[K]) => {
      touch(key)
      setValues((v) =>
        key === 'rateMode'
          ? {
              ...v,
              rateMode: value as CalcValues['rateMode'],
              rate: convertRate(v.rate, v.rateMode, value as CalcValues['rateMode']),
            }
          : { ...v, [key]: value },
      )
    },
    [touch],
  )
  const all = useMemo(() => evaluate(values, t('validation.required')), [values, t])
  const result = useMemo(() => {
    const errors = Object.fromEntries(
      Object.entries(all.errors).filter(([k]) => touched.has(k)),
    ) as Evaluation['errors']
    return { ...all, errors }
  }, [all, touched])
  return { values, set, touch, result }
}

/** calculator.exportPlan: the backend rebuilds the plan and returns the .xlsx, saved via a download. */
export function useExportPlan() {
  const m = useMutation('calculator.exportPlan')
  const { mutate } = m
  const run = useCallback(
    async (input: CalculatorInput) => {
      const out = await mutate(input)
      downloadBase64(out.filename, out.contentBase64)
      return out
    },
    [mutate],
  )
  return { run, loading: m.loading, error: m.error }
}
