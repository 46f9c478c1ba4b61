import { useCallback, useEffect, useRef, useState } from 'react'
import type { Input, MethodName, Output } from '@shared/api'
import { api, ApiError } from './client'

/** Normalises anything thrown into an ApiError so UIs handle one shape. */
export function toApiError(e: unknown, method = ''): ApiError {
  if (e instanceof ApiError) return e
  return new ApiError(method, { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) })
}

export interface QueryState<T> {
  data: T | undefined
  error: ApiError | null
  loading: boolean
  /** Re-runs the call, keeping the old data on screen meanwhile (no layout jump). */
  refetch: () => Promise<void>
}

/**
 * Runs a read call when mounted and whenever `input` changes (compared as JSON).
 * Pass `enabled: false` to skip it.
 */
export function useQuery<M extends MethodName>(
  method: M,
  input: Input<M>,
  opts: { enabled?: boolean } = {},
): QueryState<Output<M>> {
  const enabled = opts.enabled ?? true
  const key = JSON.stringify(input)
  const [data, setData] = useState<Output<M> | undefined>(undefined)
  const [error, setError] = useState<ApiError | null>(null)
  const [loading, setLoading] = useState(enabled)
  const seq = useRef(0)

  const run = useCallback(async () => {
    const mine = ++seq.current
    setLoading(true)
    try {
      const value = await api.call(method, JSON.parse(key) as Input<M>)
      if (mine !== seq.current) return
      setData(value)
      setError(null)
    } catch (e) {
      if (mine !== seq.current) return
      setError(toApiError(e, method))
    } finally {
      if (mine === seq.current) setLoading(false)
    }
  }, [method, key])

  useEffect(() => {
    if (enabled) void run()
    return () => {
      // A counter, not a DOM node: bumping it makes answers of the previous run stale.
      // eslint-disable-next-line react-hooks/exhaustive-deps
      seq.current++
    }
  }, [run, enabled])

  return { data, error, loading, refetch: run }
}

export interface MutationState<M extends MethodName> {
  mutate: (input: Input<M>) => Promise<Output<M>>
  loading: boolean
  error: ApiError | null
  /** The last successful result. */
  data: Output<M> | undefined
  /** Clears the error and the last result. */
  reset: () => void
}

/** Wraps a write call: tracks loading and the last error; `mutate` re-throws so forms can react. */
export function useMutation<M extends MethodName>(method: M): MutationState<M> {
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [data, setData] = useState<Output<M> | undefined>(undefined)
  const mutate = useCallback(
    async (input: Input<M>) => {
      setLoading(true)
      setError(null)
      setData(undefined)
      try {
        const value = await api.call(method, input)
        setData(value)
        return value
      } catch (e) {
        const err = toApiError(e, method)
        setError(err)
        throw err
      } finally {
        setLoading(false)
      }
    },
    [method],
  )
  const reset = useCallback(() => {
    setError(null)
    setData(undefined)
  }, [])
  return { mutate, loading, error, data, reset }
}
