// Collection strategy (DOMAIN §5): the next step by customer class × delinquency bucket.
import type { Bucket } from '../domain'
import { BUCKETS } from '../domain'

/** Steps of the strategy, in order of escalation. */
export const STEPS = ['none', 'reminder', 'phone', 'notice_visit', 'legal_review'] as const
export type Step = (typeof STEPS)[number]

/** Class column of the table; '-' = not yet classified. */
export const STRATEGY_CLASSES = ['A', 'B', 'C', '-'] as const
export type StrategyClass = (typeof STRATEGY_CLASSES)[number]

/** The table: class → bucket → step. */
export type StrategyTable = Record<StrategyClass, Record<Bucket, Step>>

const general: Record<Bucket, Step> = {
  M0: 'none',
  M1: 'phone',
  M2: 'notice_visit',
  M3: 'notice_visit',
  'M3+': 'legal_review',
}

/**
 * Seed strategy: reminder before due for C; phone on day 1–3 (M1); written notice and visit for
 * M2; legal review past M3 (C-class already in M3).
 */
export const DEFAULT_STRATEGY: StrategyTable = {
  A: { ...general },
  B: { ...general },
  C: { ...general, M0: 'reminder', M3: 'legal_review' },
  '-': { ...general },
}

/** The bucket one step worse (a broken promise moves the loan up the strategy). */
export function escalate(b: Bucket): Bucket {
  const i = BUCKETS.indexOf(b)
  return BUCKETS[Math.min(i + 1, BUCKETS.length - 1)]!
}

/** Reads a stored table, falling back to the default for anything missing or unknown. */
export function normalizeStrategy(raw: unknown): StrategyTable {
  const out = structuredClone(DEFAULT_STRATEGY)
  if (typeof raw !== 'object' || raw === null) return out
  for (const c of STRATEGY_CLASSES) {
    const row = (raw as Record<string, unknown>)[c]
    if (typeof row !== 'object' || row === null) continue
    for (const b of BUCKETS) {
      const s = (row as Record<string, unknown>)[b]
      if (typeof s === 'string' && (STEPS as readonly string[]).includes(s)) out[c][b] = s as Step
    }
  }
  return out
}

/** Next step for a loan: its class and bucket, one bucket worse after a broken promise. */
export function nextStep(
  t: StrategyTable,
  i: { customerClass: string | null; bucket: Bucket; brokenPromise: boolean },
): Step {
  const c: StrategyClass =
    i.customerClass === 'A' || i.customerClass === 'B' || i.customerClass === 'C' ? i.customerClass : '-'
  const b = i.brokenPromise && i.bucket !== 'M0' ? escalate(i.bucket) : i.bucket
  const step = t[c][b]
  // A broken promise on a current loan still asks for a call at least.
  return i.brokenPromise && step === 'none' ? 'phone' : step
}
