import { useMutation, useQuery } from '../../api/hooks'

/** Query string of the hash route (`#/servicing/loan?id=3` → id=3). */
export function useHashParams(): URLSearchParams {
  return new URLSearchParams(window.location.hash.split('?')[1] ?? '')
}

/** Plan (all versions) of a loan. */
export const usePlan = (loanId: number) => useQuery('servicing.getPlan', { loanId }, { enabled: loanId > 0 })
/** The loan as of a date. */
export const useAsOf = (loanId: number, asOf: string) =>
  useQuery('servicing.asOf', { loanId, asOf }, { enabled: loanId > 0 && /^\d{4}-\d{2}-\d{2}$/.test(asOf) })
/** Repayments of a loan, reversed ones included. */
export const useRepayments = (loanId: number) =>
  useQuery('servicing.listRepayments', { loanId }, { enabled: loanId > 0 })
export const useCreatePlan = () => useMutation('servicing.createPlan')
export const usePreview = () => useMutation('servicing.previewRepayment')
export const usePost = () => useMutation('servicing.postRepayment')
export const useReverse = () => useMutation('servicing.reverseRepayment')
export const useSettle = () => useMutation('servicing.settle')
export const useBulkPost = () => useMutation('servicing.bulkPost')
export const useLogContact = () => useMutation('servicing.logContact')
