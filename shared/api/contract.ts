import type { z } from 'zod'
import type { Permission } from './permissions'

/**
 * Who may call a method: `public` needs no session (health, first-run setup, login),
 * `session` needs any logged-in user, otherwise the named permission.
 */
export type Access = 'public' | 'session' | Permission

/** One API method: schemas, access and whether it writes (writes are audited). */
export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I
  output: O
  access: Access
  write: boolean
  /** One line for docs and audit summaries, zh-CN. */
  summary: string
}

/** Declares a method; keeps literal types for inference. */
export function method<I extends z.ZodType, O extends z.ZodType>(def: MethodDef<I, O>): MethodDef<I, O> {
  return def
}
