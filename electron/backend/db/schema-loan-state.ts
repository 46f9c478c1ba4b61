// Per-loan servicing state (migration 0009), merged into DB by module augmentation.

/** oldest_unpaid_due of a loan with nothing unpaid (or closed): sorts after every real date. */
export const NO_UNPAID_DUE = '9999-12-31'

export interface LoanStateTable {
  loan_id: number
  /** Due date of the earliest installment not paid in full; NO_UNPAID_DUE when none or the loan is closed. */
  oldest_unpaid_due: string
  /** First installment due on or after state_as_of not yet covered; NO_UNPAID_DUE when none. */
  next_due_date: string
  outstanding_principal: number
  overdue_principal: number
  overdue_interest: number
  /** 罚息 + 复利 unpaid as of state_as_of. */
  penalty_interest: number
  payoff: number
  credit: number
  /** Day the amounts were computed for; '' = to refresh. */
  state_as_of: string
  /** Copies of loans' columns, kept by triggers (migration 0019): the list's filters on this table's indexes. */
  officer_id: number | null
  status: string | null
  category: string | null
  product: string | null
  maturity_date: string | null
}

declare module './schema' {
  interface DB {
    loan_state: LoanStateTable
  }
}
