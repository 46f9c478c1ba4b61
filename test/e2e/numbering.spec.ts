import { apiCall, expect, setupAndLoginAdmin, snap, test } from './fixtures'

// Issue 9, Numbering: the loan form proposes 合同号/借据号 from the patterns in settings; still editable.
test.use({ viewport: { width: 1366, height: 768 } })

test('the admin sets the numbering pattern; a new loan is proposed 320101-<year>-HT-00001, editable', async ({
  page,
  server,
}) => {
  await setupAndLoginAdmin(page, server)
  const year = new Date().getFullYear()
  const b = await apiCall<{ id: number }>(page, 'borrowers.create', {
    kind: 'individual',
    name: '王建华',
    idNumber: '330102198005122316',
    village: '青山镇前进村',
  })

  await page.goto(`${server.url}#/settings/numbering`)
  await page.getByLabel('合同号规则').fill('{org}-{year}-HT-{seq:5}')
  await page.getByRole('button', { name: '保存规则' }).click()
  await expect(page.getByTestId('contract-example')).toHaveText(`示例：320101-${year}-HT-00001`)
  await snap(page, 'numbering-settings')

  await page.goto(`${server.url}#/borrowers/detail?id=${b.id}`)
  await page.getByRole('button', { name: '新增贷款' }).click()
  const form = page.getByRole('dialog')
  await expect(form.getByLabel('合同号')).toHaveValue(`320101-${year}-HT-00001`)
  await expect(form.getByLabel('借据号')).toHaveValue(`320101-${year}-JJ-0001`)
  await snap(page, 'numbering-loan-form')
  await form.getByLabel('合同号').fill('手写-2026-001')
  await expect(form.getByLabel('合同号')).toHaveValue('手写-2026-001')
})
