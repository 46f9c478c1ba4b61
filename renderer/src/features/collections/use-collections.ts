import type { Input, WorklistRow } from '@shared/api'
import { localDate } from '@shared/domain'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api, type ApiError } from '../../api/client'
import { toApiError, useMutation, useQuery } from '../../api/hooks'

/** The user's calendar day (amounts and promise status are as of it). */
export const today = (): string => localDate(new Date())

/** Query string of the hash route (`#/collections/loan?id=3` → id=3). */
export function useHashParams(): URLSearchParams {
  return new URLSearchParams(window.location.hash.split('?')[1] ?? '')
}

const PAGE = 100
export type WorklistFilter = Omit<Input<'collections.worklistIds'>, 'asOf'>

/**
 * Today's worklist for a filter, loaded page by page as rows come into view (`want`); a filter
 * change starts over and answers of the old filter are dropped.
 */
export function usePagedWorklist(filter: WorklistFilter) {
  const key = JSON.stringify(filter)
  const [state, setState] = useState<{ key: string; total: number | null; pages: Map<number, WorklistRow[]> }>({
    key,
    total: null,
    pages: new Map(),
  })
  const [error, setError] = useState<ApiError | null>(null)
  const asked = useRef({ key, pages: new Set<number>() })
  const want = useCallback(
    (indexes: readonly number[]) => {
      if (asked.current.key !== key) asked.current = { key, pages: new Set() }
      for (const page of new Set(indexes.map((i) => Math.floor(i / PAGE)))) {
        if (asked.current.pages.has(page)) continue
        asked.current.pages.add(page)
        api
          .call('collections.worklist', { ...filter, asOf: today(), offset: page * PAGE, limit: PAGE })
          .then((r) =>
            setState((s) => {
              const base = s.key === key ? s : { key, total: null, pages: new Map<number, WorklistRow[]>() }
              return { key, total: r.total, pages: new Map(base.pages).set(page, r.rows) }
            }),
          )
          .catch((e: unknown) => setError(toApiError(e)))
      }
    },
    // `key` is the filter as JSON: a new loader only when the filter's content changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  )
  useEffect(() => {
    setError(null)
    want([0])
  }, [want])
  const current = state.key === key ? state : { total: null, pages: new Map<number, WorklistRow[]>() }
  return {
    /** Null until the first page answered. */
    total: current.total,
    rowAt: (i: number): WorklistRow | undefined => current.pages.get(Math.floor(i / PAGE))?.[i % PAGE],
    /** Ids of the rows loaded so far. */
    loadedIds: (): number[] => [...current.pages.values()].flat().map((r) => r.loanId),
    want,
    error,
  }
}
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
