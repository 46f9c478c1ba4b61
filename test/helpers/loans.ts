import type { TestBackend } from './backend'

let seq = 0

/** Options of a directly inserted loan (until loans.create exists everywhere tests need it). */
export interface LoanSeed {
  officerId: number
  principal: number
  annualRate?: string
  termMonths?: number
  method?: 'annuity' | 'equal_principal' | 'quarterly_interest' | 'monthly_interest' | 'bullet' | 'custom'
  disbursementDate?: string
  dueDay?: number | null
  borrowerName?: string
  misused?: boolean
}

/** Inserts a borrower and a loan straight into the database; returns the loan id and 借据号. */
export function insertLoan(t: TestBackend, s: LoanSeed): { loanId: number; iouNo: string; contractNo: string } {
  const db = t.backend.env.sqlite
  const now = '2025-01-01T00:00:00.000Z'
  seq++
  const b = db
    .prepare(
      `insert into borrowers (kind, name, name_initials, phone, officer_id, created_at, updated_at)
    values ('individual', ?, 'x', '13800138000', ?, ?, ?)`,
    )
    .run(s.borrowerName ?? `借款人${seq}`, s.officerId, now, now)
  const start = s.disbursementDate ?? '2025-01-10'
  const term = s.termMonths ?? 12
  const contractNo = `HT-T-${seq}-${Date.now() % 100000}`
  const iouNo = `JJ-T-${seq}-${Date.now() % 100000}`
  const l = db
    .prepare(
      `insert into loans (borrower_id, contract_no, iou_no, product, principal, annual_rate, term_months, method, due_day,
      disbursement_date, maturity_date, purpose, guarantee_type, officer_id, misused, created_at, updated_at)
    values (?, ?, ?, '农户小额信用贷款', ?, ?, ?, ?, ?, ?, ?, '种植', 'credit', ?, ?, ?, ?)`,
    )
    .run(
      b.lastInsertRowid,
      contractNo,
      iouNo,
      s.principal,
      s.annualRate ?? '6',
      term,
      s.method ?? 'equal_principal',
      s.dueDay ?? null,
      start,
      start,
      s.officerId,
      s.misused ? 1 : 0,
      now,
      now,
    )
  return { loanId: Number(l.lastInsertRowid), iouNo, contractNo }
}

/** The id of a user by username. */
export function userId(t: TestBackend, username: string): number {
  return (t.backend.env.sqlite.prepare('select id from users where username = ?').get(username) as { id: number }).id
}

/**
 * Marks a loan settled straight in the database: a fixture shortcut for tests of what follows
 * settlement (archives retention). The settlement workflow itself (`servicing.settle`) is tested
 * in servicing's tests; `loans.update` no longer accepts a status (issue 14, item 1).
 */
export function markSettled(t: TestBackend, loanId: number, settledDate: string): void {
  t.backend.env.sqlite
    .prepare(`update loans set status = 'settled', settled_date = ? where id = ?`)
    .run(settledDate, loanId)
}
