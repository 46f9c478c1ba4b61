import { Badge } from '@mantine/core'
import { useEffect } from 'react'
import { useQuery } from '../../api/hooks'
import { useRoute } from '../../app/router'

/** A red count in the navbar; nothing when zero. Refreshed whenever the user moves to another page. */
function Count({ n, testId }: { n: number | undefined; testId: string }) {
  if (!n) return null
  return (
    <Badge size="sm" color="red" variant="filled" circle={n < 10} data-testid={testId}>
      {n > 99 ? '99+' : n}
    </Badge>
  )
}

function useOnRoute(refetch: () => Promise<unknown>) {
  const route = useRoute()
  useEffect(() => {
    void refetch()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [route])
}

/** 冲正审批: reversal requests waiting for a manager (the nav item is shown only to repayments.reverse). */
export function PendingReversalsBadge() {
  const q = useQuery('servicing.listReversalRequests', { status: 'pending' })
  useOnRoute(q.refetch)
  return <Count n={q.data?.length} testId="nav-count-reversals" />
}

/** 分类审批: five-category proposals waiting for a manager's decision (shown only to loans.approve). */
export function PendingProposalsBadge() {
  const q = useQuery('classification.pending', {})
  useOnRoute(q.refetch)
  return <Count n={q.data?.length} testId="nav-count-proposals" />
}
