import { useQuery } from '../../api/hooks'

/** Counts and org info for the 工作台. */
export const useDashboardSummary = () => useQuery('dashboard.summary', {})
