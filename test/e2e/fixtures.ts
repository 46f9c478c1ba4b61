import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'

const ROOT = resolve(__dirname, '../..')
const WEB_JS = join(ROOT, 'out/main/web.js')
export const SCREENSHOT_DIR = join(ROOT, 'test-results/screenshots')

/** A browser-mode server on a free port with its own temp data dir. */
export interface DaihouServer {
  url: string
  dataDir: string
}

async function startServer(): Promise<{ server: DaihouServer; child: ChildProcess; stop: () => Promise<void> }> {
  if (!existsSync(WEB_JS))
    throw new Error(`${WEB_JS} missing — run \`npx electron-vite build\` first (npm run test:e2e does)`)
  const dataDir = mkdtempSync(join(tmpdir(), 'daihou-e2e-'))
  // A low scrypt cost (2^10) keeps logins fast on busy test machines; production uses 2^17.
  const child = spawn(process.execPath, [WEB_JS, '--port', '0', '--data-dir', dataDir, '--password-cost-log2', '10'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start in 20 s:\n${output}`)), 20_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)
      if (m?.[1]) {
        clearTimeout(timer)
        ok(m[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      fail(new Error(`server exited with ${code}:\n${output}`))
    })
  })
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise<void>((ok) => child.once('exit', () => ok()))
      child.kill('SIGTERM')
      await Promise.race([exited, new Promise((ok) => setTimeout(ok, 5_000))])
      if (child.exitCode === null) child.kill('SIGKILL')
    }
    rmSync(dataDir, { recursive: true, force: true })
  }
  return { server: { url, dataDir }, child, stop }
}

export const ADMIN = {
  orgName: '青山县农村信用合作联社',
  branchCode: '320101',
  username: 'admin',
  displayName: '张建国',
  password: 'Admin1234',
}

/**
 * `server` is a fresh backend per test. `page` fails the test on uncaught page errors and on
 * CSP violations (the page must run under the same strict policy as the Electron window).
 */
export const test = base.extend<{ server: DaihouServer }>({
  server: async ({}, use) => {
    const s = await startServer()
    try {
      await use(s.server)
    } finally {
      await s.stop()
    }
  },
  page: async ({ page }, use) => {
    const problems: string[] = []
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text()))
        problems.push(`csp: ${m.text()}`)
    })
    await use(page)
    expect(problems, 'page errors / CSP violations').toEqual([])
  },
})

export { expect }

/** Saves a full-page screenshot under test-results/screenshots/. */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}

/**
 * Presses the Alt+N shortcut shown next to a navbar entry (N is the entry's position among the
 * entries this user can see, so it shifts as areas are added).
 */
export async function pressNavShortcut(page: Page, label: string): Promise<void> {
  const link = page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: new RegExp(label) })
  const shortcut = ((await link.locator('kbd').textContent()) ?? '').trim()
  expect(shortcut).toMatch(/^Alt\+[1-9]$/)
  await page.keyboard.press(shortcut)
}

/** Completes first-run setup through the UI. */
export async function completeSetup(page: Page, server: DaihouServer): Promise<void> {
  await page.goto(server.url)
  await expect(page.getByRole('heading', { name: '首次设置' })).toBeVisible()
  await page.getByLabel('机构名称').fill(ADMIN.orgName)
  await page.getByLabel('机构号').fill(ADMIN.branchCode)
  await page.getByLabel('用户名').fill(ADMIN.username)
  await page.getByLabel('姓名').fill(ADMIN.displayName)
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(ADMIN.password)
  await page.getByLabel('确认密码').fill(ADMIN.password)
  await page.getByRole('button', { name: '完成设置' }).click()
  await expect(page.getByText('首次设置完成，请用管理员账户登录')).toBeVisible()
}

/** Logs in through the login form (Enter submits). */
export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username)
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(password)
  await page.getByRole('textbox', { name: '密码', exact: true }).press('Enter')
}

/** Logs out, logs in as a new user and sets the permanent password. */
export async function loginNewUser(page: Page, username: string): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click()
  await login(page, username, 'Init1234')
  await expect(page.getByRole('heading', { name: '设置新密码' })).toBeVisible()
  await page.getByLabel('当前密码').fill('Init1234')
  await page.getByRole('textbox', { name: '新密码', exact: true }).fill('Good5678')
  await page.getByLabel('确认新密码').fill('Good5678')
  await page.getByLabel('确认新密码').press('Enter')
  await expect(page.getByTestId('user-name')).toBeVisible()
}

/** The password of users made by `makeUser`. */
export const USER_PASSWORD = 'Passw0rd!'

/**
 * Creates a user as the logged-in admin, then replaces the initial password as that user over the
 * API (outside the page's own session), so a form login with USER_PASSWORD goes straight in.
 */
export async function makeUser(page: Page, username: string, displayName: string, role: string): Promise<number> {
  const initial = 'Initial1!'
  const u = await apiCall<{ id: number }>(page, 'users.create', { username, displayName, role, password: initial })
  const changed = await page.evaluate(
    async ({ username, initial, password }) => {
      const call = async (method: string, input: unknown, token?: string) => {
        const res = await fetch('/api/call', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ method, input }),
        })
        return (await res.json()) as { ok: boolean; value: { token: string } }
      }
      const s = await call('auth.login', { username, password: initial })
      const ok = (await call('auth.changePassword', { oldPassword: initial, newPassword: password }, s.value.token)).ok
      await call('auth.logout', {}, s.value.token)
      return ok
    },
    { username, initial, password: USER_PASSWORD },
  )
  expect(changed).toBe(true)
  return u.id
}

/** Logs the current user out and `username` (made by makeUser) in through the form. */
export async function switchUser(page: Page, username: string, displayName?: string): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click()
  await expect(page.getByText('已退出登录')).toBeVisible()
  await login(page, username, USER_PASSWORD)
  if (displayName) await expect(page.getByTestId('user-name')).toHaveText(displayName)
  else await expect(page.getByTestId('user-name')).toBeVisible()
}

/** Fresh server → setup → logged in as admin on the dashboard. */
export async function setupAndLoginAdmin(page: Page, server: DaihouServer): Promise<void> {
  await completeSetup(page, server)
  await login(page, ADMIN.username, ADMIN.password)
  await expect(page.getByTestId('user-name')).toHaveText(ADMIN.displayName)
}

/** Calls the API as the logged-in page does (same origin, bearer token from sessionStorage). */
export async function apiCall<T>(page: Page, method: string, input: unknown): Promise<T> {
  const r = await page.evaluate(
    async ({ method, input }) => {
      const token = sessionStorage.getItem('daihou.token')
      const res = await fetch('/api/call', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ method, input }),
      })
      return (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } }
    },
    { method, input },
  )
  if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
  return r.value as T
}

/** Visible text nodes whose computed font size is below 12 px (issue 9: none anywhere). */
export async function smallText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      const text = (n.textContent ?? '').trim()
      if (!el || !text || el.closest('svg')) continue
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) continue
      const px = parseFloat(getComputedStyle(el).fontSize)
      if (px < 12) out.push(`${px}px: ${text.slice(0, 30)}`)
    }
    return out
  })
}
