import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// Checks the BUILT output (`npm run build` runs before this suite in `npm test`).
const root = resolve(__dirname, '../..')
const out = join(root, 'out')
const built = existsSync(join(out, 'main/main.js'))
const read = (p: string) => readFileSync(join(out, p), 'utf8')

describe.runIf(built)('Electron security baseline in the built output', () => {
  it('the window has contextIsolation, sandbox and no node integration', () => {
    const main = read('main/main.js')
    expect(main).toMatch(/contextIsolation:\s*true/)
    expect(main).toMatch(/sandbox:\s*true/)
    expect(main).toMatch(/nodeIntegration:\s*false/)
    expect(main).toMatch(/webSecurity:\s*true/)
    expect(main).not.toMatch(/nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false/)
    expect(main).toContain('enableSandbox')
  })

  it('navigation, redirects, new windows and permission requests are blocked; IPC sender is checked', () => {
    const main = read('main/main.js')
    expect(main).toMatch(/"will-navigate",\s*\(event\)\s*=>\s*event\.preventDefault\(\)/)
    expect(main).toMatch(/setWindowOpenHandler\(\(\)\s*=>\s*\(\{\s*action:\s*"deny"/)
    expect(main).toContain('setPermissionRequestHandler')
    expect(main).toMatch(/senderFrame/)
    expect(main).toContain('Content-Security-Policy')
  })

  it('the preload exposes exactly one function through contextBridge', () => {
    const preload = read('preload/preload.js')
    expect(preload).toContain('exposeInMainWorld')
    expect(preload.match(/exposeInMainWorld/g)?.length).toBe(1)
    expect(preload).toMatch(
      /call:\s*\(method, input\)\s*=>\s*electron\.ipcRenderer\.invoke\("daihou:call", method, input\)/,
    )
  })

  it('only the Electron entry files load electron; browser mode never does', () => {
    const files = readdirSync(join(out, 'main'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.js'))
    for (const f of files) {
      if (f === 'main.js') continue
      expect(read(join('main', f)), f).not.toMatch(/require\(["']electron["']\)/)
    }
  })

  it('the renderer page has a strict CSP: no remote scripts, no eval, no inline scripts', () => {
    const html = read('renderer/index.html')
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|https?:/)
  })

  it('@doyensec/electronegativity reports no high-severity finding', () => {
    const dir = mkdtempSync(join(tmpdir(), 'daihou-eneg-'))
    try {
      for (const f of ['electron/main.ts', 'electron/preload.ts', 'package.json'])
        copyFileSync(join(root, f), join(dir, f.split('/').pop()!))
      copyFileSync(join(out, 'renderer/index.html'), join(dir, 'index.html'))
      const csv = join(dir, 'report.csv')
      writeFileSync(csv, '')
      execFileSync(
        process.execPath,
        [
          join(root, 'node_modules/@doyensec/electronegativity/dist/index.js'),
          '-i',
          dir,
          '-o',
          csv,
          '-r',
          '-v',
          'false',
          '-e',
          '45.4.1',
        ],
        {
          stdio: 'pipe',
          timeout: 120_000,
        },
      )
      const lines = readFileSync(csv, 'utf8').trim().split('\n')
      expect(lines[0]).toMatch(/^issue, severity/) // the scan ran and wrote its report
      const rows = lines.slice(1)
      const high = rows.filter((r) => /"HIGH"/.test(r))
      expect(high, high.join('\n')).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})

it('the security suite ran against a build (npm test builds first)', () => {
  // Guards against silently skipping the checks above in CI.
  if (process.env.CI) expect(built).toBe(true)
})

describe.runIf(built)('Electron main process details (issue 14.10)', () => {
  it('onBeforeRequest goes through the renderer-folder policy and quitting waits for the database', () => {
    const main = read('main/main.js')
    expect(main).not.toMatch(/\^\(file\|devtools\):/)
    expect(main).toContain('isAllowedRequest')
    expect(main).toMatch(/"before-quit",\s*\(event\)\s*=>/)
    expect(main).toMatch(/preventDefault\(\)[\s\S]{0,200}\.close\(\)[\s\S]{0,300}app\.(quit\(\)|exit\()/)
  })
})
