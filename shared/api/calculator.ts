import { z } from 'zod'
import { METHODS, monthlyPermilleToAnnual, type InterestBasis, type Method, type ScheduleInput } from '../domain'
import { method } from './contract'
import { fen, isoDate } from './common'

/** How the officer typed the rate: 年利率 % or 月息 ‰ (月息 x‰ = 年 12·x/10 %). */
export const RATE_MODES = ['annual', 'monthly_permille'] as const
/** One of RATE_MODES. */
export type RateMode = (typeof RATE_MODES)[number]
/** Interest bases of the amortising methods (domain InterestBasis). */
export const INTEREST_BASES = ['monthly', 'actual_days'] as const satisfies readonly InterestBasis[]

/** The loan calculator's inputs, as the screen holds them (money already in 分). */
export const calculatorInput = z.object({
  principal: fen,
  rateMode: z.enum(RATE_MODES, '利率类型应为年利率或月息'),
  /** Decimal string in the unit of rateMode: '4.35' (%) or '3.625' (‰); the domain checks its form. */
  rate: z.string().trim().min(1, '请填写利率').max(20, '利率格式无效'),
  termMonths: z.number().int('期限须为整数'),
  method: z.enum(METHODS, '请选择还款方式'),
  startDate: isoDate,
  dueDay: z.number().int().nullable().optional(),
  interestBasis: z.enum(INTEREST_BASES).optional(),
})
/** Calculator inputs (contract form). */
export type CalculatorInput = z.infer<typeof calculatorInput>

/**
 * Calculator inputs → the domain's ScheduleInput, converting 月息 ‰ to annual %. The one mapping
 * the screen (live preview) and the backend (export, the truth) share. Throws DomainError on a bad rate.
 */
export function toScheduleInput(i: CalculatorInput, overrides: { method?: Method } = {}): ScheduleInput {
  const annualRate = i.rateMode === 'monthly_permille' ? monthlyPermilleToAnnual(i.rate) : i.rate
  return {
    principal: i.principal,
    annualRate,
    termMonths: i.termMonths,
    method: overrides.method ?? i.method,
    startDate: i.startDate,
    ...(i.dueDay != null ? { dueDay: i.dueDay } : {}),
    ...(i.interestBasis ? { interestBasis: i.interestBasis } : {}),
  }
}

/** 贷款计算器: the plan is computed in the screen; the Excel file is built by the backend. */
export const calculatorMethods = {
  'calculator.exportPlan': method({
    input: calculatorInput,
    output: z.object({ filename: z.string(), contentBase64: z.string(), rows: z.number().int() }),
    access: 'calculator.use',
    write: false,
    summary: '贷款计算器：导出还款计划 Excel',
  }),
}
