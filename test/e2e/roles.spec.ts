import { ADMIN, completeSetup, expect, login, pressNavShortcut, setupAndLoginAdmin, snap, test } from './fixtures'

const OFFICER = { username: 'wangfang', displayName: '王芳', initial: 'Init1234', password: 'Wang5678' }

test('first-run setup, admin creates an officer, officer must change password and gets FORBIDDEN on #/users', async ({
  page,
  server,
}) => {
  await completeSetup(page, server)
  await snap(page, 'login-zh')
  await login(page, ADMIN.username, ADMIN.password)

  // Admin sees the shell with org, name, zh role label and every permitted area.
  await expect(page.getByTestId('org-name')).toHaveText(ADMIN.orgName)
  await expect(page.getByTestId('user-role')).toHaveText('系统管理员')
  const nav = page.getByRole('navigation', { name: '主导航' })
  await expect(nav.getByRole('link', { name: /工作台/ })).toBeVisible()
  await expect(nav.getByRole('link', { name: /用户管理/ })).toBeVisible()
  await expect(nav.getByRole('link', { name: /审计日志/ })).toBeVisible()
  await expect(page.getByTestId('dashboard-org')).toHaveText(ADMIN.orgName)
  await expect(page.getByTestId('stat-users')).toContainText('1')

  // Create the officer.
  await nav.getByRole('link', { name: /用户管理/ }).click()
  await expect(page.getByTestId(`user-row-${ADMIN.username}`)).toBeVisible()
  await page.getByRole('button', { name: '新建用户' }).click()
  const dialog = page.getByRole('dialog', { name: '新建用户' })
  await expect(dialog.getByLabel('用户名')).toBeFocused()
  await dialog.getByLabel('用户名').fill(OFFICER.username)
  await dialog.getByLabel('姓名').fill(OFFICER.displayName)
  await dialog.getByRole('combobox', { name: '角色' }).click()
  await page.getByRole('option', { name: '信贷员' }).click()
  await dialog.getByLabel('初始密码').fill(OFFICER.initial)
  await dialog.getByLabel('初始密码').press('Enter')
  await expect(page.getByText(`已创建用户 ${OFFICER.username}`)).toBeVisible()
  const row = page.getByTestId(`user-row-${OFFICER.username}`)
  await expect(row).toContainText('信贷员')
  await expect(row).toContainText('待改密码')
  await expect(dialog).toBeHidden() // let the modal's close transition finish before the screenshot
  await snap(page, 'users-zh')

  // Logout, then the officer logs in and is forced to change the password first.
  await page.getByRole('button', { name: '退出登录' }).click()
  await expect(page.getByText('已退出登录')).toBeVisible()
  await login(page, OFFICER.username, OFFICER.initial)
  await expect(page.getByRole('heading', { name: '设置新密码' })).toBeVisible()
  await page.getByLabel('当前密码').fill(OFFICER.initial)
  await page.getByRole('textbox', { name: '新密码', exact: true }).fill(OFFICER.password)
  await page.getByLabel('确认新密码').fill(OFFICER.password)
  await page.getByLabel('确认新密码').press('Enter')

  // The officer's shell: only the dashboard in the nav.
  await expect(page.getByTestId('user-name')).toHaveText(OFFICER.displayName)
  await expect(page.getByTestId('user-role')).toHaveText('信贷员')
  await expect(nav.getByRole('link', { name: /工作台/ })).toBeVisible()
  await expect(nav.getByRole('link', { name: /用户管理/ })).toHaveCount(0)
  await expect(nav.getByRole('link', { name: /审计日志/ })).toHaveCount(0)

  // Opening #/users by URL shows the server's FORBIDDEN message clearly.
  await page.goto(`${server.url}#/users`)
  const alert = page.getByRole('alert').filter({ hasText: '没有权限' })
  await expect(alert).toBeVisible()
  await expect(alert).toContainText('您没有权限执行此操作（需要“用户管理”权限）')
  await snap(page, 'forbidden-zh')
  await page.goto(`${server.url}#/audit`)
  await expect(page.getByRole('alert').filter({ hasText: '没有权限' })).toContainText('需要“查看审计日志”权限')
  await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible()
})

test('setup form validates in zh-CN before calling the server', async ({ page, server }) => {
  await page.goto(server.url)
  await expect(page.getByLabel('机构名称')).toBeFocused()
  await page.getByLabel('机构名称').press('Enter')
  await expect(page.getByText('机构名称为 2–60 个字符')).toBeVisible()
  await expect(page.getByText('机构号为 2–12 位字母或数字')).toBeVisible()
  await page.getByRole('textbox', { name: '密码', exact: true }).fill('abcdefgh')
  await page.getByLabel('确认密码').fill('abcdefgx')
  await page.getByRole('button', { name: '完成设置' }).click()
  await expect(page.getByText('密码须同时包含字母和数字')).toBeVisible()
  await expect(page.getByText('两次输入的密码不一致')).toBeVisible()
  await snap(page, 'setup-zh')
})

test('wrong passwords show one message (no attempts count to help a guesser), then the lockout', async ({
  page,
  server,
}) => {
  await completeSetup(page, server)
  await login(page, ADMIN.username, 'wrong-pass1')
  await expect(page.getByRole('alert')).toContainText('用户名或密码错误')
  await expect(page.getByRole('alert')).not.toContainText('还可尝试')
  await expect(page.getByRole('textbox', { name: '密码', exact: true })).toHaveValue('')
  for (let i = 0; i < 3; i++) {
    await login(page, ADMIN.username, 'wrong-pass1')
    await expect(page.getByRole('alert')).toContainText('用户名或密码错误')
  }
  await login(page, ADMIN.username, 'wrong-pass1')
  await expect(page.getByRole('alert')).toContainText('连续 5 次密码错误，账户已锁定 15 分钟')
  await expect(page.getByRole('alert')).toContainText('已锁定')
  // Even the right password is refused while locked.
  await login(page, ADMIN.username, ADMIN.password)
  await expect(page.getByRole('alert')).toContainText('账户已锁定')
})

test('an expired session sends the user back to login with a notice', async ({ page, server, request }) => {
  await setupAndLoginAdmin(page, server)
  const token = await page.evaluate(() => sessionStorage.getItem('daihou.token'))
  expect(token).toBeTruthy()
  // End the session behind the page's back (as a server restart would).
  const res = await request.post(`${server.url}api/call`, {
    data: { method: 'auth.logout', input: {} },
    headers: { authorization: `Bearer ${token}` },
  })
  expect((await res.json()).ok).toBe(true)
  await pressNavShortcut(page, '用户管理')
  await expect(page.getByText('登录已失效，请重新登录')).toBeVisible()
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible()
  expect(await page.evaluate(() => sessionStorage.getItem('daihou.token'))).toBeNull()
  await login(page, ADMIN.username, ADMIN.password)
  await expect(page.getByTestId('user-name')).toHaveText(ADMIN.displayName)
})
