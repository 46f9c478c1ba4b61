import type { Page } from '@playwright/test'
import { apiCall, expect, loginNewUser, setupAndLoginAdmin, snap, test } from './fixtures'
import { BORROWER_HEADERS, xlsxBuffer } from '../helpers/xlsx'

// A 1×1 PNG: what a phone photo of a signed 借款申请书 stands in for.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)

async function users(page: Page) {
  const mk = (username: string, displayName: string, role: string) =>
    apiCall<{ id: number }>(page, 'users.create', { username, displayName, role, password: 'Init1234' })
  return {
    officer: await mk('lixd', '李信贷', 'officer'),
    manager: await mk('zhouzg', '周主管', 'manager'),
    archivist: await mk('zhaoda', '赵档案', 'archivist'),
  }
}

test('archivist registers a file, attaches a scan, lends it and takes it back', async ({ page, server }) => {
  await setupAndLoginAdmin(page, server)
  const u = await users(page)
  const b = await apiCall<{ id: number }>(page, 'borrowers.create', {
    kind: 'individual',
    name: '王建华',
    idNumber: '330102198005122316',
    phone: '13912345678',
    village: '青山镇前进村',
  })
  await apiCall(page, 'loans.create', {
    borrowerId: b.id,
    contractNo: 'QS-2026-0701',
    iouNo: 'JJ-2026-0701',
    product: '农户小额信用贷款',
    principal: 5_000_000,
    annualRate: '4.35',
    termMonths: 12,
    method: 'annuity',
    disbursementDate: '2026-07-01',
    maturityDate: '2027-07-01',
    purpose: '种植',
    guaranteeType: 'credit',
    officerId: u.officer.id,
  })
  await loginNewUser(page, 'zhaoda')

  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: /档案管理/ })
    .click()
  await page.getByLabel('合同号').fill('QS-2026-0701')
  await page.getByLabel('存放位置').fill('A柜-3层-12盒')
  await page.getByRole('button', { name: '登记', exact: true }).click()
  await expect(page.getByRole('heading', { name: /档案编号 320101-\d{4}-DK-000001/ })).toBeVisible()
  await expect(page.getByTestId('completeness')).toHaveText('0%')

  // The signed application: mark it present (original), attach its scan, preview it.
  const row = page.getByTestId('item-application')
  await row.getByRole('combobox', { name: '借款申请书 状态' }).click()
  await page.getByRole('option', { name: '已归档' }).click()
  await expect(page.getByTestId('completeness')).toHaveText('7%') // 1 of 13
  await row.locator('input[type=file]').setInputFiles({ name: '借款申请书.png', mimeType: 'image/png', buffer: PNG })
  await expect(page.getByText('已上传 借款申请书.png')).toBeVisible()
  await row.getByRole('button', { name: '预览' }).click()
  await expect(page.getByTestId('scan-preview')).toBeVisible()
  await page.keyboard.press('Escape')
  // The same photo again: stored once.
  await row.locator('input[type=file]').setInputFiles({ name: '再传一次.png', mimeType: 'image/png', buffer: PNG })
  await expect(page.getByText('内容已存在，未重复保存')).toBeVisible()

  // Lend to the audit department, approved by the manager; then return.
  await page.getByRole('button', { name: '借出', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: '借阅登记' })
  await dialog.getByLabel('借阅人').fill('稽核部 孙某')
  await dialog.getByLabel('用途').fill('专项审计')
  await dialog.getByRole('combobox', { name: '审批人' }).click()
  await page.getByRole('option', { name: '周主管' }).click()
  await dialog.getByLabel('应还日期').fill('2099-12-31')
  await dialog.getByRole('button', { name: '借出' }).click()
  await expect(page.getByTestId('file-status')).toHaveText('借出中')
  await expect(page.getByTestId('lendings')).toContainText('稽核部 孙某')
  await snap(page, 'archives-file-lent')
  await page.getByRole('button', { name: '归还' }).click()
  await expect(page.getByTestId('file-status')).toHaveText('在库')
  await expect(page.getByTestId('lendings')).toContainText('已归还')
  await snap(page, 'archives-file-returned')
})

test('officer imports an Excel with 3 bad rows, sees them, fixes them, imports; search finds by pinyin', async ({
  page,
  server,
}) => {
  await setupAndLoginAdmin(page, server)
  await users(page)
  await loginNewUser(page, 'lixd')
  const good = (name: string, id: string) => [
    '个人',
    name,
    id,
    '',
    '13800001111',
    '青山镇前进村',
    '3组',
    '',
    '种植户',
    85000,
    'AA',
    '',
    '',
    '',
  ]
  const ok = [good('张三丰', '11010519491231002X'), good('李秀英', '330102198005122316')]
  const bad = [
    good('王坏一', '110105194912310022'),
    ['个人', '王坏二', '330127198001010015', '', '12345', '', '', '', '', 1000, 'A', '', '', ''],
    ['个人', '王坏三', '', '', '', '', '', '', '', 1000, 'Z', '', '', ''],
  ]
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: /Excel 导入/ })
    .click()
  await page.locator('input[type=file]').setInputFiles({
    name: '借款人.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await xlsxBuffer(BORROWER_HEADERS, [...ok, ...bad]),
  })
  const problems = page.getByTestId('import-problems')
  await expect(page.getByRole('alert').filter({ hasText: '处错误' })).toBeVisible()
  for (const r of ['4', '5', '6'])
    await expect(
      problems
        .locator('tbody tr')
        .filter({ has: page.getByRole('cell', { name: r, exact: true }) })
        .first(),
    ).toBeVisible()
  await expect(problems).toContainText('身份证号')
  await expect(problems).toContainText('手机号')
  await expect(problems).toContainText('信用等级')
  await expect(page.getByRole('button', { name: '导入', exact: true })).toHaveCount(0)
  await snap(page, 'import-problems')

  const fixed = [
    ...ok,
    good('王好一', '110105194912310038'),
    good('王好二', '33012719800101004X'),
    good('王好三', '330127198001010058'),
  ]
  await page.locator('input[type=file]').setInputFiles({
    name: '借款人-改.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await xlsxBuffer(BORROWER_HEADERS, fixed),
  })
  await expect(page.getByText('共 5 行：新增 5，更新 0，未变 0')).toBeVisible()
  await page.getByRole('button', { name: '导入', exact: true }).click()
  await expect(page.getByText('导入完成：新增 5，更新 0，未变 0')).toBeVisible()

  // Ctrl+K, pinyin initials.
  await page.keyboard.press('Control+k')
  await page.getByRole('textbox', { name: '搜索' }).fill('zsf')
  const hit = page.getByTestId('search-hit').first()
  await expect(hit).toContainText('张三丰')
  await snap(page, 'search-pinyin')
  await hit.click()
  await expect(page.getByRole('heading', { name: '张三丰' })).toBeVisible()
  await expect(page.getByTestId('borrower-id-number')).toHaveText('11010519491231002X')
  await snap(page, 'borrower-detail')
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: /借款人档案/ })
    .click()
  await expect(page.getByTestId('borrower-total')).toHaveText('共 5 条')
  await snap(page, 'borrower-list')
})
