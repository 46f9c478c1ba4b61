import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { MAX_IMPORT_BASE64 } from '../../shared/api'
import type { AppBackend } from './system/locked'

/** Before login nothing big is needed (login, setup): a small cap stops memory abuse by anyone on the machine. */
export const MAX_PUBLIC_BODY = 64 * 1024
/** With a session: the largest import file (base64) plus room for the envelope. */
export const MAX_SESSION_BODY = MAX_IMPORT_BASE64 + 1024 * 1024
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
}
/** Same policy as the Electron window; Mantine needs inline style attributes. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  })
  res.end(text)
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, max: number): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    if (Number(req.headers['content-length'] ?? 0) > max) {
      reject(new BodyTooLarge())
      return
    }
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > max) {
        reject(new BodyTooLarge())
        req.pause()
      } else chunks.push(c)
    })
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

export interface WebServerOptions {
  /** The open backend or the locked gate in front of an encrypted one (both answer dispatch). */
  backend: Pick<AppBackend, 'dispatch' | 'env'>
  port: number
  /** Folder with the built renderer (index.html); omitted → API only. */
  staticDir?: string
}

/**
 * Browser mode: the same dispatcher over loopback HTTP. Binds 127.0.0.1 only and rejects
 * requests whose Host or Origin is not this server (DNS rebinding).
 */
export async function startWebServer(
  opts: WebServerOptions,
): Promise<{ server: Server; url: string; close: () => Promise<void> }> {
  let allowedHosts = new Set<string>()
  const server = createServer((req, res) => {
    void handle(req, res).catch(() =>
      send(res, 500, { ok: false, error: { code: 'INTERNAL', message: '系统内部错误' } }),
    )
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? ''
    const origin = req.headers.origin
    if (!allowedHosts.has(host) || (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, '')))) {
      send(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: '拒绝访问：请求来源不是本机贷后管家' } })
      return
    }
    const url = new URL(req.url ?? '/', `http://${host}`)
    if (url.pathname === '/api/health' && req.method === 'GET') {
      const r = await opts.backend.dispatch({ method: 'system.health', input: {} })
      send(res, r.ok ? 200 : 500, r.ok ? r.value : r)
      return
    }
    if (url.pathname === '/api/call') {
      if (req.method !== 'POST')
        return send(res, 405, { ok: false, error: { code: 'VALIDATION', message: '只接受 POST' } })
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(res, 415, { ok: false, error: { code: 'VALIDATION', message: '请求须为 JSON' } })
      }
      const auth = req.headers.authorization
      const token = auth?.startsWith('Bearer ') ? auth.slice(7) : null
      const max = token && opts.backend.env.sessions.has(token) ? MAX_SESSION_BODY : MAX_PUBLIC_BODY
      let body: unknown
      try {
        body = JSON.parse(await readBody(req, max))
      } catch (e) {
        if (e instanceof BodyTooLarge) {
          res.setHeader('connection', 'close')
          return send(res, 413, {
            ok: false,
            error: { code: 'VALIDATION', message: `请求内容过大（上限 ${Math.round(max / 1024)} KB）` },
          })
        }
        return send(res, 400, { ok: false, error: { code: 'VALIDATION', message: '请求内容不是有效的 JSON' } })
      }
      if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        return send(res, 400, {
          ok: false,
          error: { code: 'VALIDATION', message: '请求格式有误：应为 {"method", "input"} 对象' },
        })
      }
      const { method, input } = body as { method?: unknown; input?: unknown }
      const result = await opts.backend.dispatch({ method, input, token })
      // A malformed envelope is a bad request (400); every other outcome travels in the 200 envelope.
      const badEnvelope =
        typeof method !== 'string' || (input != null && (typeof input !== 'object' || Array.isArray(input)))
      if (badEnvelope && !result.ok) return send(res, 400, result)
      send(res, 200, result)
      return
    }
    if (url.pathname.startsWith('/api/'))
      return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '接口不存在' } })
    serveStatic(url.pathname, res)
  }

  function serveStatic(pathname: string, res: ServerResponse): void {
    if (!opts.staticDir) return send(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '未构建界面' } })
    const root = resolve(opts.staticDir)
    let file = normalize(join(root, decodeURIComponent(pathname)))
    if (!file.startsWith(root + sep) && file !== root)
      return send(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: '拒绝访问' } })
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html')
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    }
    if (file.endsWith('.html')) {
      headers['content-security-policy'] = CSP
      headers['cache-control'] = 'no-store'
      headers['x-frame-options'] = 'DENY'
    }
    res.writeHead(200, headers)
    createReadStream(file).pipe(res)
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(opts.port, '127.0.0.1', () => ok())
  })
  const port = (server.address() as AddressInfo).port
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  return {
    server,
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections()
        server.close(() => ok())
      }),
  }
}
