import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Input, MethodName, Output, Role } from '../../shared/api'
import { AppError } from '../../shared/api'
import { type Backend, createBackend } from '../../electron/backend'
import type { ScryptCost } from '../../electron/backend/auth/passwords'

/** A temp data dir, removed by the returned cleanup. */
export function tempDir(prefix = 'daihou-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  // Retries: a child process (browser mode's daily backup) may still be writing when a test ends.
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }) }
}

export interface TestBackend {
  backend: Backend
  dir: string
  /** Mutable clock for lockout / idle tests. */
  clock: { now: Date }
  /** Calls a method; throws AppError on failure. */
  call: <M extends MethodName>(method: M, input: Input<M>, token?: string | null) => Promise<Output<M>>
  /** Calls a method and returns the error it must fail with. */
  fail: (method: string, input: unknown, token?: string | null) => Promise<AppError>
  close: () => Promise<void>
}

export const ADMIN = { username: 'admin', password: 'Admin1234' }

/** A backend on a fresh, migrated temp database. */
/** scrypt N=2^10 for tests: ~1 ms per hash instead of a few hundred. */
export const TEST_PASSWORD_COST: ScryptCost = { N: 2 ** 10, r: 8, p: 1 }

export async function makeBackend(
  opts: { dir?: string; passwordCost?: ScryptCost; backgroundRefresh?: boolean } = {},
): Promise<TestBackend> {
  const tmp = opts.dir ? { dir: opts.dir, cleanup: () => {} } : tempDir()
  const clock = { now: new Date('2026-03-02T01:00:00.000Z') }
  // A low scrypt cost keeps the suite fast; one test checks the production default (auth-hardening).
  const backend = await createBackend({
    dataDir: tmp.dir,
    now: () => clock.now,
    passwordCost: opts.passwordCost ?? TEST_PASSWORD_COST,
    backgroundRefresh: opts.backgroundRefresh ?? false,
  })
  const call = async (method: string, input: unknown, token?: string | null) => {
    const r = await backend.dispatch({ method, input, token: token ?? null })
    if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.fields, r.error.data)
    return r.value
  }
  const fail = async (method: string, input: unknown, token?: string | null) => {
    const r = await backend.dispatch({ method, input, token: token ?? null })
    if (r.ok) throw new Error(`${method} was expected to fail but succeeded`)
    return new AppError(r.error.code, r.error.message, r.error.fields, r.error.data)
  }
  return {
    backend,
    dir: tmp.dir,
    clock,
    call: call as TestBackend['call'],
    fail,
    close: async () => {
      await backend.close()
      tmp.cleanup()
    },
  }
}

/** Runs first-run setup and logs the admin in; returns the admin's token. */
export async function setupAdmin(t: TestBackend): Promise<string> {
  await t.call('system.setup', {
    orgName: '青山县农村信用合作联社',
    branchCode: '3301',
    adminUsername: ADMIN.username,
    adminDisplayName: '系统管理员',
    adminPassword: ADMIN.password,
  })
  return (await t.call('auth.login', ADMIN)).token
}

/** Creates a user of `role` and returns its token (logged in). */
export async function loginAs(t: TestBackend, adminToken: string, role: Role, username = `u_${role}`): Promise<string> {
  const initial = 'Initial1!'
  const password = 'Passw0rd!'
  await t.call('users.create', { username, displayName: `测试${role}`, role, password: initial }, adminToken)
  const token = (await t.call('auth.login', { username, password: initial })).token
  // New users must replace the initial password before anything else (enforced by the backend).
  await t.call('auth.changePassword', { oldPassword: initial, newPassword: password }, token)
  return token
}
