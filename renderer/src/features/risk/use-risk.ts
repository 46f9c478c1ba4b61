// Data hooks of the risk area: components never call the transport directly.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Input, JobView } from '@shared/api'
import { api } from '../../api/client'
import { useMutation, useQuery } from '../../api/hooks'
import { localIsoDate } from '../../app/format'

export const useWarnings = (input: Input<'risk.warnings'>) => useQuery('risk.warnings', input)
export const useWarning = (id: number | null) => useQuery('risk.warning', { id: id ?? 1 }, { enabled: id !== null })
export const useCounts = () => useQuery('risk.counts', {})
export const useAddAction = () => useMutation('risk.addAction')
export const useCloseWarning = () => useMutation('risk.closeWarning')
export const useExportWarnings = () => useMutation('risk.exportWarnings')
export const useRules = () => useQuery('risk.rules', {})
export const useSetRules = () => useMutation('risk.setRules')
export const useClocks = (loanId: number, asOf: string) =>
  useQuery('risk.clocks', { loanId, asOf }, { enabled: loanId > 0 })
export const useRecordInterruption = () => useMutation('risk.recordInterruption')
export const useLimitationBoard = (asOf: string, withinDays: number) =>
  useQuery('risk.limitationBoard', { asOf, withinDays, limit: 300 })
export const useCircles = () => useQuery('risk.circles', {})
export const useClassification = (loanId: number) =>
  useQuery('classification.history', { loanId }, { enabled: loanId > 0 })
export const usePropose = () => useMutation('classification.propose')
export const useDecide = () => useMutation('classification.decide')
export const usePending = () => useQuery('classification.pending', {})
export const useNpl = () => useQuery('classification.npl', {})
export const useLoanAsOf = (loanId: number) =>
  useQuery('servicing.asOf', { loanId, asOf: localIsoDate() }, { enabled: loanId > 0 })
export const useSnapshots = () => useQuery('servicing.listSnapshots', {})
export const useMatrix = (from: string, to: string) =>
  useQuery('classification.matrix', { from, to }, { enabled: from !== '' && to !== '' })

/**
 * The evaluation job: `start` launches it (or joins the running one), progress is polled until it
 * ends; `onDone` runs once with the finished job. With `daily`, starts today's run on mount if
 * none is stored yet (the once-a-day run on first start).
 */
export function useEvaluationJob(opts: { daily?: boolean; onDone?: (j: JobView) => void } = {}) {
  const [job, setJob] = useState<JobView | null>(null)
  const done = useRef(opts.onDone)
  done.current = opts.onDone
  const poll = useCallback(async (j: JobView | null) => {
    let cur = j
    setJob(cur)
    while (cur?.state === 'running') {
      await new Promise((r) => setTimeout(r, 400))
      cur = await api.call('risk.job', {})
      setJob(cur)
    }
    if (cur) done.current?.(cur)
  }, [])
  const start = useCallback(async () => poll(await api.call('risk.startJob', {})), [poll])
  useEffect(() => {
    if (opts.daily) void api.call('risk.startJob', { onlyIfNotRunToday: true }).then(poll, () => undefined)
  }, [opts.daily, poll])
  return { job, start }
}
