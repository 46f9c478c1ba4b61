import { ADMIN, apiCall, expect, login, smallText, snap, test } from './fixtures'

// Issue 9, "Small things that look unprofessional" and "Labels, not codes", at 1366×768.
test.use({ viewport: { width: 1366, height: 768 } })

test('setup errors keep the submit button on screen; calculator opens without red; audit shows labels; search moves with arrows', async ({
  page,
  server,
}) => {
  await page.goto(server.url)
  await expect(page.getByRole('heading', { name: '首次设置' })).toBeVisible()
  await page.getByRole('button', { name: '完成设置' }).click()
  await expect(page.getByText('此项必填').first()).toBeVisible()
  await expect(page.getByRole('button', { name: '完成设置' })).toBeInViewport({ ratio: 1 })
  await snap(page, 'setup-errors')
  expect(await smallText(page)).toEqual([])

  await page.getByLabel('机构名称').fill(ADMIN.orgName)
  await page.getByLabel('机构号').fill(ADMIN.branchCode)
  await page.getByLabel('用户名').fill(ADMIN.username)
  await page.getByLabel('姓名').fill(ADMIN.displayName)
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(ADMIN.password)
  await page.getByLabel('确认密码').fill(ADMIN.password)
  await page.getByRole('button', { name: '完成设置' }).click()
  await expect(page.getByText('首次设置完成，请用管理员账户登录')).toBeVisible()
  await login(page, ADMIN.username, ADMIN.password)
  await expect(page.getByTestId('user-name')).toHaveText(ADMIN.displayName, { timeout: 30_000 })

  // The calculator opens clean: no "此项必填" until a field is touched.
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: /贷款计算器/ })
    .click()
  await expect(page.getByRole('heading', { name: '贷款计算器' })).toBeVisible()
  await expect(page.getByText('此项必填')).toHaveCount(0)
  await snap(page, 'calculator-fresh')
  await page.getByLabel('贷款金额（元）').fill('1')
  await page.getByLabel('贷款金额（元）').fill('')
  await expect(page.getByText('此项必填')).toHaveCount(1)

  // Search: two 王 borrowers, ↓ moves to the second, Enter opens it.
  for (const [name, id] of [
    ['王静', '330102198005122316'],
    ['王进', '11010519491231002X'],
  ] as const) {
    await apiCall(page, 'borrowers.create', { kind: 'individual', name, idNumber: id, phone: '13912345678' })
  }
  await page.keyboard.press('Control+k')
  await page.getByRole('textbox', { name: '搜索' }).fill('wangj')
  const hits = page.getByTestId('search-hit')
  await expect(hits).toHaveCount(2)
  await expect(hits.nth(0)).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('ArrowDown')
  await expect(hits.nth(1)).toHaveAttribute('aria-selected', 'true')
  const second = (await hits.nth(1).locator('p').first().textContent()) ?? ''
  await snap(page, 'search-arrows')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: second })).toBeVisible()

  // The shortcut help lists Ctrl+K.
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: '快捷键' }).click()
  await expect(page.getByTestId('shortcuts-help')).toContainText('全局搜索')

  // Audit: display names, method labels and entity labels, no codes.
  await page.keyboard.press('Escape')
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: /审计日志/ })
    .click()
  const table = page.getByTestId('audit-table')
  await expect(table).toContainText('登记借款人')
  await expect(table).toContainText(ADMIN.displayName)
  await expect(table).toContainText('借款人')
  for (const code of ['auth.login', 'borrowers.create', 'borrower #', 'user #'])
    await expect(table).not.toContainText(code)
  await snap(page, 'audit-labels')
  expect(await smallText(page)).toEqual([])
})
