import { useEffect, useRef } from 'react'
import { useQuery } from '../../api/hooks'
import type { LoanValues } from './loan-form'

const ISO = /^\d{4}-\d{2}-\d{2}$/

/**
 * Fills 合同号/借据号 of a new loan with the numbers the settings' patterns propose for the
 * disbursement year, while the fields are empty or still hold the previous proposal (a number the
 * user typed is never overwritten). `refresh` asks again, e.g. after someone else took the number.
 */
export function useProposedNumbers(values: LoanValues, setValues: (fn: (v: LoanValues) => LoanValues) => void) {
  const date = ISO.test(values.disbursementDate) ? values.disbursementDate : ''
  const q = useQuery('numbering.propose', { date: date || '2000-01-01' }, { enabled: date !== '' })
  const last = useRef<{ contractNo: string; iouNo: string }>({ contractNo: '', iouNo: '' })
  useEffect(() => {
    const p = q.data
    if (!p) return
    const prev = last.current
    setValues((v) => ({
      ...v,
      contractNo: v.contractNo === '' || v.contractNo === prev.contractNo ? p.contractNo : v.contractNo,
      iouNo: v.iouNo === '' || v.iouNo === prev.iouNo ? p.iouNo : v.iouNo,
    }))
    last.current = p
  }, [q.data, setValues])
  return { refresh: q.refetch }
}
