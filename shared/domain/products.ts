/** Loan products a cooperative offers by default (贷款品种); the entry form and report filters list them. */
export const LOAN_PRODUCTS = [
  '农户小额信用贷款',
  '农户联保贷款',
  '个人经营性贷款',
  '个人消费贷款',
  '小微企业流动资金贷款',
] as const
