import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCHEMA_VERSION } from '../../electron/backend'
import { startWebServer } from '../../electron/backend/http-server'
import { ADMIN, makeBackend, type TestBackend } from '../helpers/backend'

let t: TestBackend
let web: Awaited<ReturnType<typeof startWebServer>>
let port: number

beforeAll(async () => {
  t = await makeBackend()
  web = await startWebServer({ backend: t.backend, port: 0 })
  port = Number(new URL(web.url).port)
})
afterAll(async () => {
  await web.close()
  await t.close()
})

/** Raw HTTP so the Host header can be forged (fetch forbids setting it). */
function raw(opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; json: any }>((ok, fail) => {
    const req = request(
      { host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        let text = ''
        res.on('data', (c) => (text += c))
        res.on('end', () => ok({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null }))
      },
    )
    req.on('error', fail)
    if (opts.body) req.write(opts.body)
    req.end()
  })
}

async function call(method: string, input: unknown, token?: string) {
  const res = await fetch(`${web.url}api/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ method, input }),
  })
  return (await res.json()) as { ok: boolean; value?: any; error?: { code: string; message: string } }
}

describe('browser-mode HTTP transport', () => {
  it('binds to 127.0.0.1 only', () => {
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect((web.server.address() as { address: string }).address).toBe('127.0.0.1')
  })

  it('GET /api/health answers 200 with ok and the numeric schema version, no login needed', async () => {
    const res = await fetch(`${web.url}api/health`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { ok: boolean; schemaVersion: unknown }
    expect(body).toMatchObject({ ok: true, schemaVersion: SCHEMA_VERSION })
    expect(typeof body.schemaVersion).toBe('number')
  })

  it('rejects a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    const evilHost = await raw({ path: '/api/health', headers: { host: `evil.example:${port}` } })
    expect(evilHost.status).toBe(403)
    const evilOrigin = await raw({
      path: '/api/call',
      method: 'POST',
      headers: { host: `127.0.0.1:${port}`, origin: 'http://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'system.health', input: {} }),
    })
    expect(evilOrigin.status).toBe(403)
    const own = await raw({ path: '/api/health', headers: { host: `localhost:${port}` } })
    expect(own.status).toBe(200)
  })

  it('carries the same calls as IPC: setup, login, then a session-guarded method', async () => {
    expect((await call('users.list', {})).error?.code).toBe('UNAUTHENTICATED')
    const setup = await call('system.setup', {
      orgName: '测试信用社',
      branchCode: '0001',
      adminUsername: ADMIN.username,
      adminDisplayName: '管理员',
      adminPassword: ADMIN.password,
    })
    expect(setup.ok).toBe(true)
    const login = await call('auth.login', ADMIN)
    expect(login.ok).toBe(true)
    const users = await call('users.list', {}, login.value.token)
    expect(users.ok).toBe(true)
    expect(users.value.map((u: { username: string }) => u.username)).toEqual(['admin'])
    const bad = await call('users.create', { username: '', role: 'king' }, login.value.token)
    expect(bad.error?.code).toBe('VALIDATION')
  })

  it('answers malformed requests with clear errors', async () => {
    const notJson = await raw({
      path: '/api/call',
      method: 'POST',
      headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json' },
      body: '{oops',
    })
    expect(notJson.status).toBe(400)
    expect(notJson.json.error.code).toBe('VALIDATION')
    const wrongVerb = await raw({ path: '/api/call', headers: { host: `127.0.0.1:${port}` } })
    expect(wrongVerb.status).toBe(405)
  })
})
