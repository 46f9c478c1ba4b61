import type { z } from 'zod'
import { auditMethods } from './audit'
import { authMethods } from './auth'
import type { MethodDef } from './contract'
import { systemMethods } from './system'
import { userMethods } from './users'
import { servicingMethods } from './servicing'
import { archiveMethods } from './archives'
import { borrowerMethods } from './borrowers'
import { importMethods } from './imports'
import { loanMethods } from './loans'
import { searchMethods } from './search'
import { calculatorMethods } from './calculator'
import { reportMethods } from './reports'
import { riskMethods } from './risk'
import { classificationMethods } from './classification'
import { collectionMethods } from './collections'
import { noticeMethods } from './notices'
import { inspectionMethods } from './inspections'
import { backupMethods } from './backup'
import { numberingMethods } from './numbering'
import { todayMethods } from './today'

export * from './errors'
export { installZhErrors, zhIssueMessage } from './zod-zh'
export { FIELD_LABELS, fieldLabel } from './field-labels'
export * from './permissions'
export * from './contract'
export type { UserView } from './common'
export { MAX_IMPORT_BASE64 } from './common'
export type { SessionView } from './auth'
export type { AuditEntryView } from './audit'
export * from './servicing'
export * from './borrowers'
export * from './loans'
export * from './archives'
export * from './search'
export * from './imports'
export * from './calculator'
export * from './reports'
export * from './risk'
export * from './classification'
export * from './collections'
export * from './notices'
export * from './inspections'
export * from './backup'
export * from './today'

/** Every API method, declared once; both transports and the dispatcher use this map. */
export const contract = {
  ...systemMethods,
  ...authMethods,
  ...userMethods,
  ...auditMethods,
  ...servicingMethods,
  ...borrowerMethods,
  ...loanMethods,
  ...archiveMethods,
  ...searchMethods,
  ...importMethods,
  ...calculatorMethods,
  ...reportMethods,
  ...riskMethods,
  ...classificationMethods,
  ...collectionMethods,
  ...noticeMethods,
  ...inspectionMethods,
  ...backupMethods,
  ...numberingMethods,
  ...todayMethods,
} satisfies Record<string, MethodDef>

export type Contract = typeof contract
export type MethodName = keyof Contract
/** Input as the caller writes it (defaults optional). */
export type Input<M extends MethodName> = z.input<Contract[M]['input']>
/** Output as the service returns it. */
export type Output<M extends MethodName> = z.output<Contract[M]['output']>
/** Input after validation (defaults applied). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>

/** All method names, for generated tests and registration checks. */
export const METHOD_NAMES = Object.keys(contract) as MethodName[]
