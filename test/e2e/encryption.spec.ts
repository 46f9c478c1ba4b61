// Issue 12, encryption at rest in Chromium: the optional setup step with its recovery key sheet
// (and its A4 print), the admin enabling encryption from the backup screen, and after a restart
// on the same data folder the unlock screen refusing a wrong passphrase and accepting the right one.
import { type ChildProcess, spawn } from 'node:child_process'
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ADMIN, completeSetup, expect, login, SCREENSHOT_DIR, snap, test } from './fixtures'

const ROOT = resolve(__dirname, '../..')
const PASS = '青山联社-数据库口令-2026'

/** A browser-mode server on an existing data folder (so the test can restart it on the same data). */
async function serve(dataDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'out/main/web.js'), '--port', '0', '--data-dir', dataDir, '--password-cost-log2', '10'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let out = ''
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${out}`)), 20_000)
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString()
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)
      if (m?.[1]) {
        clearTimeout(timer)
        ok(m[1])
      }
    })
    child.stderr?.on('data', (c: Buffer) => (out += c.toString()))
    child.once('exit', (code) => fail(new Error(`server exited with ${code}:\n${out}`)))
  })
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise<void>((ok) => child.once('exit', () => ok()))
      child.kill('SIGTERM') // clean shutdown: checkpoint, close, release the lock
      await exited
    },
  }
}

let dataDir = ''
test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'daihou-e2e-cipher-'))
})
test.afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

test('the admin enables encryption from the backup screen; after a restart the unlock screen refuses a wrong passphrase and accepts the right one', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  let app = await serve(dataDir)
  try {
    await completeSetup(page, { url: app.url, dataDir })
    await login(page, ADMIN.username, ADMIN.password)
    await expect(page.getByTestId('user-name')).toHaveText(ADMIN.displayName)
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: /备份与恢复/ })
      .click()
    await expect(page.getByTestId('encryption-status')).toHaveText('未加密')
    await page.getByRole('button', { name: '启用加密' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('textbox', { name: '数据库口令', exact: true }).fill(PASS)
    await dialog.getByRole('textbox', { name: '确认数据库口令', exact: true }).fill(PASS.slice(0, -1))
    await dialog.getByRole('button', { name: '加密', exact: true }).click()
    await expect(dialog.getByText('两次输入的口令不一致')).toBeVisible() // nothing sent yet
    await dialog.getByRole('textbox', { name: '确认数据库口令', exact: true }).fill(PASS)
    await dialog.getByRole('button', { name: '加密', exact: true }).click()
    const key = page.getByTestId('recovery-key')
    await expect(key).toBeVisible({ timeout: 30_000 })
    expect((await key.innerText()).trim().replace(/\s+/g, '-')).toMatch(/^([A-Z2-7]{4}-){12}[A-Z2-7]{4}$/)
    await snap(page, 'encryption-recovery-key')
    const go = dialog.getByRole('button', { name: '继续' })
    await expect(go).toBeDisabled() // only after confirming the key was kept
    await dialog.getByLabel('我已打印或抄写恢复密钥，并保存在安全的地方').check()
    await go.click()
    await expect(page.getByTestId('encryption-status')).toHaveText('已加密')
    // The file on disk is no longer plain SQLite.
    expect(readFileSync(join(dataDir, 'daihou.sqlite')).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3')
  } finally {
    await app.stop()
  }

  // Restart on the same data folder: the app comes up locked.
  app = await serve(dataDir)
  try {
    await page.goto(app.url)
    await expect(page.getByRole('heading', { name: '数据库已加密' })).toBeVisible()
    await snap(page, 'encryption-unlock')
    await page.getByRole('textbox', { name: '数据库口令' }).fill('不是这个口令-123456')
    await page.getByRole('button', { name: '解锁' }).click()
    await expect(page.getByText('数据库口令不正确（已错 1 次，还可再试 4 次）')).toBeVisible()
    await snap(page, 'encryption-unlock-wrong')
    await page.getByRole('textbox', { name: '数据库口令' }).fill(PASS)
    await page.getByRole('button', { name: '解锁' }).click()
    await expect(page.getByRole('heading', { name: '登录' })).toBeVisible({ timeout: 20_000 })
    await login(page, ADMIN.username, ADMIN.password)
    await expect(page.getByTestId('user-name')).toHaveText(ADMIN.displayName)
  } finally {
    await app.stop()
  }
})

test('first-run setup with the optional passphrase shows the recovery key once, prints it on A4 and continues logged in', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  const app = await serve(dataDir)
  try {
    await page.goto(app.url)
    await expect(page.getByRole('heading', { name: '首次设置' })).toBeVisible()
    await page.getByLabel('机构名称').fill(ADMIN.orgName)
    await page.getByLabel('机构号').fill(ADMIN.branchCode)
    await page.getByLabel('用户名').fill(ADMIN.username)
    await page.getByLabel('姓名').fill(ADMIN.displayName)
    await page.getByRole('textbox', { name: '密码', exact: true }).fill(ADMIN.password)
    await page.getByLabel('确认密码').fill(ADMIN.password)
    await page.getByLabel('加密数据库文件（可选）').check()
    await page.getByRole('textbox', { name: '数据库口令', exact: true }).fill(PASS)
    await page.getByRole('textbox', { name: '确认数据库口令', exact: true }).fill(PASS)
    await snap(page, 'encryption-setup-step')
    await page.getByRole('button', { name: '完成设置' }).click()
    await expect(page.getByTestId('recovery-key')).toBeVisible({ timeout: 30_000 })
    const shown = (await page.getByTestId('recovery-key').innerText()).trim().replace(/\s+/g, '-')
    await snap(page, 'encryption-setup-recovery')
    // The print view: A4, the key and the org on it, nothing of the screen around it.
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await page.emulateMedia({ media: 'print' })
    const pdf = await page.pdf({ path: join(SCREENSHOT_DIR, 'encryption-recovery-print.pdf'), format: 'A4' })
    await page.emulateMedia({ media: 'screen' })
    expect(pdf.length).toBeGreaterThan(1000)
    const printed = await page.locator('.dh-recovery-print .key').textContent()
    expect(printed?.replace(/[\s-]/g, '')).toBe(shown.replace(/-/g, ''))
    await page.getByLabel('我已打印或抄写恢复密钥，并保存在安全的地方').check()
    await page.getByRole('button', { name: '继续' }).click()
    await expect(page.getByTestId('user-name')).toHaveText(ADMIN.displayName)
  } finally {
    await app.stop()
  }
})

test('a damaged encrypted database: after the right passphrase the unlock screen offers the latest backup, restores it and the admin logs in', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  let app = await serve(dataDir)
  try {
    await completeSetup(page, { url: app.url, dataDir })
    await login(page, ADMIN.username, ADMIN.password)
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: /备份与恢复/ })
      .click()
    await page.getByRole('button', { name: '启用加密' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('textbox', { name: '数据库口令', exact: true }).fill(PASS)
    await dialog.getByRole('textbox', { name: '确认数据库口令', exact: true }).fill(PASS)
    await dialog.getByRole('button', { name: '加密', exact: true }).click()
    await dialog.getByLabel('我已打印或抄写恢复密钥，并保存在安全的地方').check({ timeout: 30_000 })
    await dialog.getByRole('button', { name: '继续' }).click()
    await page.getByTestId('backup-create').click()
    await expect(page.getByText(/^备份完成：/)).toBeVisible({ timeout: 30_000 })
  } finally {
    await app.stop()
  }
  // Damage every page from the third on (page 1, with the cipher salt, stays readable: the key is recognised).
  const file = join(dataDir, 'daihou.sqlite')
  const fd = openSync(file, 'r+')
  for (let p = 2; p < statSync(file).size / 4096; p++) writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, p * 4096 + 1024)
  closeSync(fd)

  app = await serve(dataDir)
  try {
    await page.goto(app.url)
    await page.getByRole('textbox', { name: '数据库口令' }).fill(PASS)
    await page.getByRole('button', { name: '解锁' }).click()
    await expect(page.getByTestId('damaged-offer')).toContainText('已损坏', { timeout: 20_000 })
    await expect(page.getByRole('heading', { name: '数据库文件已损坏' })).toBeVisible()
    await snap(page, 'encryption-damaged-offer')
    await page.getByTestId('damaged-restore').click()
    await page.getByTestId('damaged-restore-confirm').click()
    await expect(page.getByTestId('damaged-restored')).toContainText('已从备份', { timeout: 30_000 })
    await expect(page.getByTestId('damaged-restored')).toContainText('daihou.sqlite.damaged-')
    await snap(page, 'encryption-damaged-restored')
    expect(readdirSync(dataDir).some((f) => f.startsWith('daihou.sqlite.damaged-'))).toBe(true)
    await page.getByRole('button', { name: '继续' }).click()
    await expect(page.getByRole('heading', { name: '登录' })).toBeVisible({ timeout: 20_000 })
    await login(page, ADMIN.username, ADMIN.password)
    await expect(page.getByTestId('user-name')).toHaveText(ADMIN.displayName)
  } finally {
    await app.stop()
  }
})
