import type { Generated } from 'kysely'

// 冲正 reversal requests (migration 0010), merged into DB by module augmentation.
export interface ReversalRequestsTable {
  id: Generated<number>
  repayment_id: number
  reason: string
  status: Generated<string>
  requested_by: number
  requested_at: string
  decided_by: number | null
  decided_at: string | null
  decision_note: string | null
}

declare module './schema' {
  interface DB {
    reversal_requests: ReversalRequestsTable
  }
}
