import { apiCall, expect, setupAndLoginAdmin, smallText, snap, test } from './fixtures'

// Issue 14 item 6: before 08:00 in China the UTC date is still yesterday; the archive screens
// must take today from the user's local calendar day. 07:30 Asia/Shanghai = 23:30 UTC the day before.
test.use({ viewport: { width: 1366, height: 768 }, timezoneId: 'Asia/Shanghai' })

test('at 07:30 Asia/Shanghai the workbench and a lending default to the local date, not the UTC one', async ({
  page,
  server,
}) => {
  await page.clock.setFixedTime(new Date('2026-11-20T07:30:00+08:00'))
  await setupAndLoginAdmin(page, server)
  const officer = await apiCall<{ id: number }>(page, 'users.create', {
    username: 'lixd',
    displayName: '李信贷',
    role: 'officer',
    password: 'Init1234',
  })
  await apiCall(page, 'users.create', {
    username: 'zhouzg',
    displayName: '周主管',
    role: 'manager',
    password: 'Init1234',
  })
  const b = await apiCall<{ id: number }>(page, 'borrowers.create', {
    kind: 'individual',
    name: '王建华',
    idNumber: '330102198005122316',
    village: '青山镇前进村',
  })
  const loan = await apiCall<{ id: number }>(page, 'loans.create', {
    borrowerId: b.id,
    contractNo: 'QS-2026-1101',
    iouNo: 'JJ-2026-1101',
    product: '农户小额信用贷款',
    principal: 5_000_000,
    annualRate: '4.35',
    termMonths: 12,
    method: 'annuity',
    disbursementDate: '2026-11-01',
    maturityDate: '2027-11-01',
    purpose: '种植',
    guaranteeType: 'credit',
    officerId: officer.id,
  })
  const f = await apiCall<{ id: number }>(page, 'archives.register', { loanId: loan.id })

  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: /档案管理/ })
    .click()
  await expect(page.getByLabel('日期')).toHaveValue('2026-11-20')
  await snap(page, 'workbench-local-date')
  expect(await smallText(page)).toEqual([])

  await page.goto(`${server.url}#/archives/file?id=${f.id}`)
  await page.getByRole('button', { name: '借出', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: '借阅登记' })
  await expect(dialog.getByLabel('借出日期')).toHaveValue('2026-11-20')
  await dialog.getByLabel('借阅人').fill('稽核部 孙某')
  await dialog.getByLabel('用途').fill('专项审计')
  await dialog.getByRole('combobox', { name: '审批人' }).click()
  await page.getByRole('option', { name: '周主管' }).click()
  await dialog.getByLabel('应还日期').fill('2026-12-31')
  await dialog.getByRole('button', { name: '借出' }).click()
  await expect(page.getByTestId('lendings')).toContainText('2026-11-20 → 2026-12-31')
  await snap(page, 'file-page-local-date')
  expect(await smallText(page)).toEqual([])
})
