import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, hasPermission, METHOD_NAMES, type MethodDef, ROLES } from '../../shared/api'
import { loginAs, makeBackend, setupAdmin, type TestBackend } from '../helpers/backend'

// Generated from the contract: a new method is covered the moment it is declared.
let t: TestBackend
const tokens: Record<string, string> = {}

beforeAll(async () => {
  t = await makeBackend()
  const admin = await setupAdmin(t)
  tokens.admin = admin
  for (const role of ROLES) if (role !== 'admin') tokens[role] = await loginAs(t, admin, role)
})
afterAll(() => t.close())

const guarded = METHOD_NAMES.filter((m) => {
  const a = (contract as Record<string, MethodDef>)[m]!.access
  return a !== 'public' && a !== 'session'
})

describe('every contract method is permission-checked in the backend', () => {
  it('the contract has guarded methods to check', () => {
    expect(guarded.length).toBeGreaterThan(3)
  })

  for (const method of guarded) {
    const access = (contract as Record<string, MethodDef>)[method]!.access
    for (const role of ROLES) {
      if (hasPermission(role, access as never)) continue
      it(`${method} → FORBIDDEN for ${role}`, async () => {
        // Valid-looking or empty input alike: permission is checked before validation.
        const err = await t.fail(method, {}, tokens[role])
        expect(err.code).toBe('FORBIDDEN')
        expect(err.message).toMatch(/没有权限/)
      })
    }
  }

  for (const method of METHOD_NAMES) {
    const access = (contract as Record<string, MethodDef>)[method]!.access
    if (access === 'public') continue
    it(`${method} → UNAUTHENTICATED without a session`, async () => {
      expect((await t.fail(method, {}, null)).code).toBe('UNAUTHENTICATED')
      expect((await t.fail(method, {}, 'forged-token')).code).toBe('UNAUTHENTICATED')
    })
  }

  it('an unknown method is NOT_FOUND', async () => {
    expect((await t.fail('loans.deleteEverything', {}, tokens.admin)).code).toBe('NOT_FOUND')
  })
})
