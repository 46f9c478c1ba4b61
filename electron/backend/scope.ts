import { AppError, hasPermission } from '../../shared/api'
import type { Caller, Ctx } from './context'

/** The logged-in caller; every guarded method has one. */
export function caller(ctx: Ctx): Caller {
  if (!ctx.caller) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录')
  return ctx.caller
}

/** True when the caller sees every officer's portfolio, false when only their own (DESIGN, Permissions). */
export function seesAll(ctx: Ctx): boolean {
  return hasPermission(caller(ctx).role, 'portfolio.all')
}

/** The officer id to scope lists to, or null for everyone. */
export function scopeOfficer(ctx: Ctx): number | null {
  return seesAll(ctx) ? null : caller(ctx).userId
}

/** True when the caller may see full ID numbers and phones. */
export function seesPii(ctx: Ctx): boolean {
  return hasPermission(caller(ctx).role, 'pii.view')
}

/** Throws NOT_FOUND (not FORBIDDEN: do not reveal existence) unless the loan is in the caller's portfolio. */
export function assertInPortfolio(ctx: Ctx, officerId: number, what: string): void {
  const scope = scopeOfficer(ctx)
  if (scope !== null && scope !== officerId) throw new AppError('NOT_FOUND', `${what}不存在或不在您的管户范围内`)
}
