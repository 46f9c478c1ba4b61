import type { APIRequestContext } from '@playwright/test'
import { ADMIN, type DaihouServer, expect, pressNavShortcut, setupAndLoginAdmin, snap, test } from './fixtures'

/** Calls the API directly (browser-mode transport) and returns the value. */
async function apiCall(
  request: APIRequestContext,
  server: DaihouServer,
  method: string,
  input: unknown,
  token?: string,
) {
  const res = await request.post(`${server.url}api/call`, {
    data: { method, input },
    headers: token ? { authorization: `Bearer ${token}` } : {},
  })
  const body = (await res.json()) as { ok: boolean; value?: Record<string, unknown>; error?: unknown }
  if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body.error)}`)
  return body.value as Record<string, unknown>
}

test('zh-CN dashboard shows org, greeting and counts; quick links and Alt+N navigate', async ({ page, server }) => {
  await setupAndLoginAdmin(page, server)
  await expect(page.getByRole('heading', { level: 2 })).toContainText(`，${ADMIN.displayName}`)
  await expect(page.getByTestId('dashboard-org')).toHaveText(ADMIN.orgName)
  await expect(page.getByText(`机构号 ${ADMIN.branchCode}`)).toBeVisible()
  await expect(page.getByTestId('stat-users')).toContainText('系统管理员 1')
  await expect(page.getByTestId('stat-borrowers')).toBeVisible()
  await expect(page.getByTestId('quick-users')).toBeVisible()
  await expect(page.getByTestId('quick-audit')).toBeVisible()
  await snap(page, 'dashboard-zh')

  await pressNavShortcut(page, '用户管理')
  await expect(page).toHaveURL(/#\/users$/)
  await expect(page.getByRole('heading', { name: '用户管理' })).toBeVisible()
  await page.keyboard.press('Alt+1')
  await expect(page.getByTestId('dashboard-org')).toBeVisible()
  await page.getByTestId('quick-audit').click()
  await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible()

  // `?` opens the shortcuts help.
  await page.locator('body').press('?')
  await expect(page.getByTestId('shortcuts-help')).toContainText('锁定屏幕')
})

test('audit log: filters, load more via beforeId, and chain verification', async ({ page, server, request }) => {
  test.slow() // 120 API writes to fill a second page
  await setupAndLoginAdmin(page, server)
  // 120 extra entries so the list needs a second page (100 per page).
  const { token } = await apiCall(request, server, 'auth.login', { username: ADMIN.username, password: ADMIN.password })
  for (let i = 0; i < 60; i++) {
    await apiCall(
      request,
      server,
      'users.update',
      { id: 1, displayName: i % 2 ? ADMIN.displayName : `${ADMIN.displayName}甲` },
      String(token),
    )
    await apiCall(
      request,
      server,
      'org.update',
      { name: i % 2 ? ADMIN.orgName : `${ADMIN.orgName}营业部` },
      String(token),
    )
  }

  await pressNavShortcut(page, '审计日志')
  const table = page.getByTestId('audit-table')
  await expect(table.locator('tbody tr')).toHaveCount(100)
  await expect(table).not.toContainText('首次设置') // oldest entries are on page 2
  await page.getByRole('button', { name: '加载更多' }).click()
  await expect(page.getByText(/已显示全部 \d+ 条/)).toBeVisible()
  const total = await table.locator('tbody tr').count()
  expect(total).toBeGreaterThan(120)
  await expect(table.locator('tbody tr').last()).toContainText('首次设置：机构')

  await page.getByRole('button', { name: '校验审计链' }).click()
  await expect(page.getByTestId('verify-result')).toContainText(`审计链完整：已校验 ${total} 条记录`)

  // Filter by area: the operation list offers labels, e.g. every 登录与会话 operation.
  const method = page.getByRole('combobox', { name: '操作' })
  await method.fill('登录与会话')
  await page.getByRole('option', { name: '登录与会话（全部操作）' }).click()
  await page.getByRole('button', { name: '查询', exact: true }).click()
  await expect(table.locator('tbody tr')).toHaveCount(2) // two logins: the UI's and the API's
  await expect(table).toContainText('admin 登录')
  await snap(page, 'audit-zh')
  await page.getByRole('button', { name: '清除条件' }).click()
  await expect(table.locator('tbody tr')).toHaveCount(100)

  // Date range: one in the past is empty; yesterday..tomorrow holds everything.
  const from = page.getByRole('textbox', { name: '开始日期' })
  const to = page.getByRole('textbox', { name: '结束日期' })
  await from.fill('2020-01-01')
  await from.press('Escape')
  await to.fill('2020-01-31')
  await to.press('Escape')
  await to.press('Enter')
  await expect(page.getByText('没有符合条件的记录')).toBeVisible()
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
  await from.fill(day(-1))
  await from.press('Escape')
  await to.fill(day(1))
  await to.press('Escape')
  await to.press('Enter')
  await expect(table.locator('tbody tr')).toHaveCount(100)
})

test('English switch changes the nav labels and is remembered after reload', async ({ page, server }) => {
  await setupAndLoginAdmin(page, server)
  const nav = page.getByRole('navigation', { name: '主导航' })
  await expect(nav.getByRole('link', { name: /用户管理/ })).toBeVisible()
  await page.getByText('English', { exact: true }).click()
  const navEn = page.getByRole('navigation', { name: 'Main navigation' })
  await expect(navEn.getByRole('link', { name: /Dashboard/ })).toBeVisible()
  await expect(navEn.getByRole('link', { name: /Users/ })).toBeVisible()
  await expect(navEn.getByRole('link', { name: /Audit log/ })).toBeVisible()
  await expect(page.getByTestId('user-role')).toHaveText('Administrator')
  await snap(page, 'dashboard-en')
  await page.reload()
  await expect(navEn.getByRole('link', { name: /Audit log/ })).toBeVisible()
  await page.getByText('中文', { exact: true }).click()
  await expect(nav.getByRole('link', { name: /审计日志/ })).toBeVisible()
})

test('Ctrl+L locks the screen; wrong password is refused, the right one unlocks; idle time locks too', async ({
  page,
  server,
}) => {
  await page.clock.install()
  await setupAndLoginAdmin(page, server)
  await pressNavShortcut(page, '用户管理')
  await expect(page.getByRole('heading', { name: '用户管理' })).toBeVisible()

  await page.keyboard.press('Control+l')
  const lock = page.getByTestId('lock-screen')
  await expect(lock).toBeVisible()
  await expect(lock.getByRole('textbox', { name: '密码' })).toBeFocused()
  await snap(page, 'lock-zh')
  await lock.getByRole('textbox', { name: '密码' }).fill('nope-1234')
  await lock.getByRole('textbox', { name: '密码' }).press('Enter')
  await expect(lock.getByRole('alert')).toContainText('密码错误')
  // The lock survives a reload (same tab).
  await page.reload()
  await expect(lock).toBeVisible()
  await lock.getByRole('textbox', { name: '密码' }).fill(ADMIN.password)
  await lock.getByRole('textbox', { name: '密码' }).press('Enter')
  await expect(lock).toBeHidden()
  await expect(page.getByRole('heading', { name: '用户管理' })).toBeVisible()

  // Default idle lock is 10 minutes without mouse/keyboard activity.
  await page.clock.fastForward('09:00')
  await expect(lock).toBeHidden()
  await page.clock.fastForward('01:30')
  await expect(lock).toBeVisible()
  await lock.getByRole('button', { name: '退出登录' }).click()
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible()
})

test('admin edits, disables (with confirmation), re-enables and resets a user', async ({ page, server }) => {
  await setupAndLoginAdmin(page, server)
  await pressNavShortcut(page, '用户管理')
  await page.getByRole('button', { name: '新建用户' }).click()
  const create = page.getByRole('dialog', { name: '新建用户' })
  await create.getByRole('textbox', { name: '用户名' }).fill('lisi')
  await create.getByRole('textbox', { name: '姓名' }).fill('李四')
  await create.getByRole('combobox', { name: '角色' }).click()
  await page.getByRole('option', { name: '稽核' }).click()
  // Server-side field error: duplicate username after a client-valid form.
  await create.getByRole('textbox', { name: '初始密码' }).fill('short')
  await create.getByRole('button', { name: '保存' }).click()
  await expect(create).toContainText('密码为 8–128 位')
  await create.getByRole('textbox', { name: '初始密码' }).fill('Init1234')
  await create.getByRole('button', { name: '保存' }).click()
  const row = page.getByTestId('user-row-lisi')
  await expect(row).toContainText('稽核')

  await row.getByRole('button', { name: '编辑' }).click()
  const edit = page.getByRole('dialog', { name: '编辑用户：lisi' })
  await edit.getByRole('textbox', { name: '姓名' }).fill('李思')
  await edit.getByRole('combobox', { name: '角色' }).click()
  await page.getByRole('option', { name: '主管' }).click()
  await edit.getByRole('button', { name: '保存' }).click()
  await expect(row).toContainText('李思')
  await expect(row).toContainText('主管')

  await row.getByRole('button', { name: '停用' }).click()
  const confirm = page.getByRole('dialog', { name: '停用用户' })
  await expect(confirm).toContainText('确定停用 李思（lisi）吗？')
  await confirm.getByRole('button', { name: '停用' }).click()
  await expect(row).toContainText('已停用')
  await row.getByRole('button', { name: '启用' }).click()
  await page.getByRole('dialog', { name: '启用用户' }).getByRole('button', { name: '启用' }).click()
  await expect(row).toContainText('在用')

  await row.getByRole('button', { name: '重置密码' }).click()
  const reset = page.getByRole('dialog', { name: /重置密码/ })
  await reset.getByRole('textbox', { name: '新密码', exact: true }).fill('Reset123')
  await reset.getByRole('textbox', { name: '确认新密码' }).fill('Reset123')
  await reset.getByRole('textbox', { name: '确认新密码' }).press('Enter')
  await expect(page.getByText('已重置 lisi 的密码')).toBeVisible()

  // Creating the same username again shows the server's CONFLICT on the field.
  await page.getByRole('button', { name: '新建用户' }).click()
  const dup = page.getByRole('dialog', { name: '新建用户' })
  await dup.getByRole('textbox', { name: '用户名' }).fill('lisi')
  await dup.getByRole('textbox', { name: '姓名' }).fill('李四')
  await dup.getByRole('textbox', { name: '初始密码' }).fill('Init1234')
  await dup.getByRole('textbox', { name: '初始密码' }).press('Enter')
  await expect(dup).toContainText('用户名已存在')
})
