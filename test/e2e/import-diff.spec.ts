import { apiCall, expect, setupAndLoginAdmin, smallText, snap, test } from './fixtures'
import { BORROWER_HEADERS, xlsxBuffer } from '../helpers/xlsx'

// Issue 9, "Imports that change existing records": an import that renames a borrower shows
// old → new and changes nothing until confirmed.
test.use({ viewport: { width: 1366, height: 768 } })

test('an import that renames a borrower shows 王静 → 王晶 and changes nothing until confirmed', async ({
  page,
  server,
}) => {
  await setupAndLoginAdmin(page, server)
  const id = '330102198005122316'
  await apiCall(page, 'borrowers.create', {
    kind: 'individual',
    name: '王静',
    idNumber: id,
    phone: '13912345678',
    village: '青山镇前进村',
    creditRating: 'A',
  })
  const names = async () =>
    (await apiCall<{ rows: { name: string }[] }>(page, 'borrowers.list', {})).rows.map((r) => r.name)

  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: /Excel 导入/ })
    .click()
  const file = await xlsxBuffer(BORROWER_HEADERS, [
    ['个人', '王晶', id, '', '13912345678', '青山镇前进村', '', '', '', '', 'A', '', '', ''],
  ])
  await page.locator('input[type=file]').setInputFiles({
    name: '借款人-改名.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: file,
  })

  const changes = page.getByTestId('import-changes')
  await expect(page.getByText('1 条已有记录将被修改')).toBeVisible()
  const row = changes.locator('tbody tr').first()
  await expect(row.getByRole('cell')).toHaveText(['2', '王静', '姓名/名称', '王静', '王晶'])
  const confirm = page.getByRole('button', { name: '确认修改并导入' })
  await expect(confirm).toBeDisabled()
  await snap(page, 'import-diff')
  expect(await smallText(page)).toEqual([])
  expect(await names()).toEqual(['王静'])

  await page.getByLabel('我已核对以上 1 条修改').check()
  await confirm.click()
  await expect(page.getByText('导入完成：新增 0，更新 1，未变 0')).toBeVisible()
  expect(await names()).toEqual(['王晶'])

  // The borrower's history names her and the field, in local time.
  await page.keyboard.press('Control+k')
  await page.getByRole('textbox', { name: '搜索' }).fill('wangjing')
  await page.getByTestId('search-hit').first().click()
  await expect(page.getByRole('heading', { name: '王晶' })).toBeVisible()
  await expect(page.getByText('Excel 导入修改借款人 王静：姓名/名称 王静 → 王晶')).toBeVisible()
  await snap(page, 'import-diff-history')
})
