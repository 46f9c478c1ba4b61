import { localDate } from '@shared/domain'
import { useMutation, useQuery } from '../../api/hooks'

/** The user's calendar day (amounts and promise status are as of it). */
export const today = (): string => localDate(new Date())

/** Query string of the hash route (`#/collections/loan?id=3` → id=3). */
export function useHashParams(): URLSearchParams {
  return new URLSearchParams(window.location.hash.split('?')[1] ?? '')
}

export const useWorklist = (officerId: number | undefined) =>
  useQuery('collections.worklist', { asOf: today(), ...(officerId ? { officerId } : {}) })
export const useOfficers = (enabled: boolean) => useQuery('loans.officers', {}, { enabled })
export const useLoanCollection = (loanId: number) =>
  useQuery('collections.loan', { loanId, asOf: today() }, { enabled: loanId > 0 })
export const useContacts = (loanId: number) => useQuery('collections.contacts', { loanId }, { enabled: loanId > 0 })
export const usePromises = (loanId: number) =>
  useQuery('collections.promises', { loanId, asOf: today() }, { enabled: loanId > 0 })
export const useNotices = (loanId: number) => useQuery('notices.list', { loanId }, { enabled: loanId > 0 })
export const useNoticeDoc = (noticeId: number) => useQuery('notices.get', { noticeId }, { enabled: noticeId > 0 })
export const useLoanHead = (loanId: number) => useQuery('loans.get', { id: loanId }, { enabled: loanId > 0 })
export const useSettings = () => useQuery('collections.settings', {})

export const useLogContact = () => useMutation('collections.logContact')
export const usePromise = () => useMutation('collections.promise')
export const useCreateNotice = () => useMutation('notices.create')
export const useCreateBatch = () => useMutation('notices.createBatch')
export const usePdf = () => useMutation('notices.pdf')
export const useVoid = () => useMutation('notices.void')
export const useServe = () => useMutation('notices.recordService')
export const useReceipt = () => useMutation('notices.recordReceipt')
export const useDeclareDue = () => useMutation('collections.declareDue')
export const useLitigation = () => useMutation('collections.referLitigation')
export const useSaveSettings = () => useMutation('collections.saveSettings')

/** Offers a generated PDF as a download (same in Electron and the browser). */
export function downloadPdf(file: { fileName: string; contentBase64: string }): string {
  const bin = atob(file.contentBase64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }))
  const a = document.createElement('a')
  a.href = url
  a.download = file.fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  return url
}
