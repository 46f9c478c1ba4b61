// Public API of the pure domain core (贷后管家 rules). Imports nothing but decimal.js.
export * from './errors'
export * from './dates'
export * from './money'
export {
  Dec,
  type Fraction,
  parseDecimal,
  parsePercent,
  mulDivHalfUp,
  monthlyPermilleToAnnual,
  annualToMonthlyPermille,
  penaltyRate,
} from './rates'
export * from './schedule'
export * from './plans'
export * from './penalties'
export * from './allocation'
export * from './delinquency'
export * from './classification'
export * from './limitation'
export * from './words'
export * from './identifiers'
export * from './products'
export * from './inspections'
