import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { contract, METHOD_NAMES, type MethodDef } from '../../shared/api'
import { DomainError } from '../../shared/domain/errors'
import { toAppError } from '../../electron/backend/dispatcher'
import { MAX_PUBLIC_BODY, startWebServer } from '../../electron/backend/http-server'
import { makeWorld, type World } from '../helpers/archives'

// issue 14, items 1 (approval bypass) and 5 (zh-CN for every bad input, never English or 500).
let w: World
let web: Awaited<ReturnType<typeof startWebServer>>
beforeAll(async () => {
  w = await makeWorld()
  web = await startWebServer({ backend: w.t.backend, port: 0 })
})
afterAll(async () => {
  await web.close()
  await w.t.close()
})

const ENGLISH = /Invalid|expected|received|Unrecognized|Required/
const HAN = /[\u4e00-\u9fff]/

describe('item 1: loans.update edits the record only; workflow fields are refused', () => {
  it('an officer cannot write a loan off, settle it or reassign it through loans.update', async () => {
    const b = await w.borrower('绕过甲')
    const l = await w.loan(b.id)
    for (const smuggled of [
      { status: 'written_off' },
      { status: 'settled', settledDate: '2026-02-01' },
      { officerId: w.ids.officer2 },
      { category: 'loss' },
    ]) {
      const e = await w.t.fail('loans.update', { id: l.id, ...smuggled }, w.tokens.officer)
      expect(e.code).toBe('VALIDATION')
      expect(e.message).toMatch(HAN)
      for (const key of Object.keys(smuggled)) expect(e.message).toContain(key)
    }
    const after = await w.t.call('loans.get', { id: l.id }, w.tokens.officer)
    expect(after.loan).toMatchObject({ status: 'active', settledDate: null, officerId: w.ids.officer })
    // What loans.update is for still works.
    expect((await w.t.call('loans.update', { id: l.id, purpose: '购买饲料' }, w.tokens.officer)).purpose).toBe(
      '购买饲料',
    )
  })

  it('every *.update method refuses a key it does not declare, naming it in zh-CN', async () => {
    const updates = METHOD_NAMES.filter((m) => m.endsWith('.update'))
    expect(updates).toEqual(
      expect.arrayContaining(['loans.update', 'borrowers.update', 'users.update', 'archives.update']),
    )
    for (const m of updates) {
      const e = await w.t.fail(m, { id: 1, name: '机构', smuggledField: 1 }, w.tokens.admin)
      expect(e.code, m).toBe('VALIDATION')
      expect(e.message, m).toContain('smuggledField')
      expect(e.message, m).not.toMatch(ENGLISH)
    }
  })
})

describe('item 5: validation messages are zh-CN and name the field', () => {
  it('a wrong type and a missing field answer in zh-CN with the field name', async () => {
    const b = await w.borrower('类型乙')
    const l = await w.loan(b.id)
    const wrongType = await w.t.fail('loans.update', { id: l.id, principal: '5000' }, w.tokens.officer)
    expect(wrongType.code).toBe('VALIDATION')
    expect(wrongType.message).toContain('本金')
    expect(wrongType.message).not.toMatch(ENGLISH)
    expect(wrongType.fields?.[0]).toMatchObject({ path: 'principal' })
    const missing = await w.t.fail('borrowers.create', { kind: 'individual' }, w.tokens.officer)
    expect(missing.message).toContain('名称')
    expect(missing.message).toContain('必须填写')
    const fraction = await w.t.fail('loans.list', { limit: 2.5 }, w.tokens.officer)
    expect(fraction.message).toMatch(/条数：应为整数/)
  })

  it('every method given wrong types for all its fields answers VALIDATION in zh-CN (contract-driven)', async () => {
    let checked = 0
    for (const m of METHOD_NAMES) {
      const def = (contract as Record<string, MethodDef>)[m]!
      const shape = def.input instanceof z.ZodObject ? Object.keys(def.input.shape) : []
      if (shape.length === 0) continue
      const r = await w.t.backend.dispatch({
        method: m,
        input: Object.fromEntries(shape.map((k) => [k, [[]]])),
        token: w.tokens.admin,
      })
      if (r.ok) continue // every field happens to accept a nested list
      checked++
      expect(r.error.code, m).toBe('VALIDATION')
      expect(r.error.message, m).toMatch(HAN)
      expect(r.error.message, m).not.toMatch(ENGLISH)
      for (const f of r.error.fields ?? []) expect(f.message, `${m} ${f.path}`).not.toMatch(ENGLISH)
    }
    expect(checked).toBeGreaterThan(50)
  })

  it('a DomainError maps once, in the dispatcher, to VALIDATION with its field', () => {
    const e = toAppError(new DomainError('VALIDATION', 'termMonths', '期限须为 1–360 个月'))
    expect(e.code).toBe('VALIDATION')
    expect(e.fields).toEqual([{ path: 'termMonths', message: '期限（月）：期限须为 1–360 个月' }])
    expect(e.message).toContain('期限')
  })

  it('a non-integer setting is refused, and one stored by hand is not used', async () => {
    expect(() => w.t.backend.setIdleLockMinutes(0.05)).toThrow(/整数/)
    w.t.backend.env.sqlite
      .prepare(`insert or replace into settings (key, value) values ('idleLockMinutes', '0.05')`)
      .run()
    const me = await w.t.call('auth.me', {}, w.tokens.manager)
    expect(me.idleLockMinutes).toBe(10)
    w.t.backend.env.sqlite.prepare(`delete from settings where key = 'idleLockMinutes'`).run()
  })
})

function post(
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: { ok: boolean; error?: { code: string; message: string } } }> {
  const { port } = new URL(web.url)
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/call',
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let text = ''
        res.on('data', (c) => (text += c))
        res.on('end', () => ok({ status: res.statusCode ?? 0, json: JSON.parse(text) }))
      },
    )
    req.on('error', fail)
    req.end(body)
  })
}

describe('item 5: a malformed envelope is VALIDATION (400), never 500', () => {
  it('null body, non-string method, non-object input', async () => {
    for (const body of [
      'null',
      '42',
      '[]',
      '"x"',
      '{"method":123,"input":{}}',
      '{"method":null}',
      '{"method":"system.health","input":"x"}',
      '{"method":"system.health","input":[1]}',
    ]) {
      const r = await post(body)
      expect(r.status, body).toBe(400)
      expect(r.json.error?.code, body).toBe('VALIDATION')
      expect(r.json.error?.message, body).toMatch(HAN)
    }
    expect((await post('{"method":"system.health","input":null}')).json.ok).toBe(true)
    const ipcLike = await w.t.backend.dispatch({ method: { toString: () => 'auth.me' }, input: {} })
    expect(ipcLike.ok ? 'ok' : ipcLike.error.code).toBe('VALIDATION')
    const proto = await w.t.backend.dispatch({ method: 'constructor', input: {} })
    expect(proto.ok ? 'ok' : proto.error.code).toBe('NOT_FOUND')
  })

  it('an unauthenticated body is capped at 64 KiB; a logged-in one may carry an import-size file', async () => {
    const big = JSON.stringify({
      method: 'auth.login',
      input: { username: 'x', password: 'y'.repeat(MAX_PUBLIC_BODY) },
    })
    const r = await post(big)
    expect(r.status).toBe(413)
    expect(r.json.error?.message).toMatch(/过大/)
    const withSession = await post(
      JSON.stringify({
        method: 'imports.preview',
        input: { kind: 'borrowers', contentBase64: 'A'.repeat(200 * 1024) },
      }),
      { authorization: `Bearer ${w.tokens.admin}` },
    )
    expect(withSession.status).toBe(200)
    expect(withSession.json.error?.code).not.toBe('INTERNAL')
  })
})
