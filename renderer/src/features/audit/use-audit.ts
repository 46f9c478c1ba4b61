import type { AuditEntryView, Input } from '@shared/api'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api, type ApiError } from '../../api/client'
import { toApiError, useMutation, useQuery } from '../../api/hooks'

/** Filters the audit page sends; empty strings are left out of the call. */
export interface AuditFilters {
  username: string
  method: string
  from: string | null
  to: string | null
}

const PAGE = 100

function toInput(f: AuditFilters, beforeId?: number): Input<'audit.list'> {
  return {
    username: f.username.trim() || undefined,
    method: f.method.trim() || undefined,
    from: f.from || undefined,
    to: f.to || undefined,
    beforeId,
    limit: PAGE,
  }
}

/** Pages through the audit log newest first; `loadMore` continues below the last loaded id. */
export function useAuditLog(filters: AuditFilters) {
  const [entries, setEntries] = useState<AuditEntryView[]>([])
  const [hasMore, setHasMore] = useState(false)
  const [loading, setLoading] = useState(true)
  const [loaded, setLoaded] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const seq = useRef(0)
  const key = JSON.stringify(filters)

  const fetchPage = useCallback(
    async (beforeId?: number) => {
      const mine = ++seq.current
      setLoading(true)
      try {
        const page = await api.call('audit.list', toInput(JSON.parse(key) as AuditFilters, beforeId))
        if (mine !== seq.current) return
        setEntries((old) => (beforeId ? [...old, ...page.entries] : page.entries))
        setHasMore(page.hasMore)
        setError(null)
        setLoaded(true)
      } catch (e) {
        if (mine === seq.current) setError(toApiError(e, 'audit.list'))
      } finally {
        if (mine === seq.current) setLoading(false)
      }
    },
    [key],
  )

  useEffect(() => {
    void fetchPage()
  }, [fetchPage])

  const lastId = entries[entries.length - 1]?.id
  return {
    entries,
    hasMore,
    loading,
    loaded,
    error,
    reload: () => fetchPage(),
    loadMore: () => (lastId ? fetchPage(lastId) : Promise.resolve()),
  }
}

/** Walks the hash chain on the server. */
export const useVerifyAudit = () => useMutation('audit.verify')

/** The chain head now and as anchored in the file beside the database. */
export const useAuditAnchor = () => useQuery('audit.anchor', {})
