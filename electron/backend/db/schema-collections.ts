import type { Generated } from 'kysely'

// Collections tables (migration 0013), merged into DB by module augmentation.
export interface CollectionContactsTable {
  id: Generated<number>
  loan_id: number
  contact_at: string
  contact_date: string
  channel: string
  party: string
  party_name: string | null
  reason: string | null
  flagged: Generated<number>
  outcome: string
  note: string | null
  created_by: number | null
  created_at: string
}
export interface CollectionPromisesTable {
  id: Generated<number>
  loan_id: number
  made_on: string
  promised_on: string
  amount: number
  created_by: number | null
  created_at: string
}
export interface CollectionNoticesTable {
  id: Generated<number>
  notice_no: string
  loan_id: number
  addressee: string
  guarantor_id: number | null
  as_of: string
  deadline: string
  accelerated: Generated<number>
  principal: number
  interest: number
  penalty_interest: number
  compound_interest: number
  total: number
  status: Generated<string>
  printed_at: string | null
  void_reason: string | null
  served_on: string | null
  service_method: string | null
  tracking_no: string | null
  returned_on: string | null
  signer: string | null
  signer_relation: string | null
  receipt_scan_sha256: string | null
  created_by: number | null
  created_at: string
}
export interface CollectionFlagsTable {
  loan_id: number
  accelerated_on: string | null
  accelerated_reason: string | null
  litigation_on: string | null
  litigation_reason: string | null
  updated_by: number | null
  updated_at: string
}

declare module './schema' {
  interface DB {
    collection_contacts: CollectionContactsTable
    collection_promises: CollectionPromisesTable
    collection_notices: CollectionNoticesTable
    collection_flags: CollectionFlagsTable
  }
}
