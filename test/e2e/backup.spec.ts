// Issue 12: the admin makes a backup, posts a payment, restores the backup, sees the payment
// gone and the database from before the restore listed as a backup.
import { apiCall, expect, setupAndLoginAdmin, snap, test } from './fixtures'

test('backup, post a payment, restore: the payment is gone and the pre-restore database is listed', async ({
  page,
  server,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  await setupAndLoginAdmin(page, server)
  const b = await apiCall<{ id: number }>(page, 'borrowers.create', {
    kind: 'individual',
    name: '李秀英',
    idNumber: '330102198005122316',
    phone: '13912345678',
    village: '青山村',
  })
  const loan = await apiCall<{ id: number }>(page, 'loans.create', {
    borrowerId: b.id,
    contractNo: 'QS-2026-0701',
    iouNo: 'JJ-2026-0701',
    product: '农户小额信用贷款',
    principal: 1_200_000,
    annualRate: '6',
    termMonths: 12,
    method: 'equal_principal',
    disbursementDate: '2026-06-10',
    maturityDate: '2027-06-10',
    purpose: '种植',
    guaranteeType: 'credit',
  })
  await apiCall(page, 'servicing.createPlan', { loanId: loan.id })

  // 1. Back up from the backup screen (navbar entry for the admin).
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: /备份与恢复/ })
    .click()
  await expect(page.getByRole('heading', { name: '备份与恢复' })).toBeVisible()
  await page.getByTestId('backup-create').click()
  await expect(page.getByText(/备份完成/)).toBeVisible()
  const manual = page.getByTestId('backup-row-manual')
  await expect(manual).toHaveCount(1)
  await expect(manual).toContainText('已校验')
  await expect(manual).toContainText('贷款 1')
  await snap(page, 'backup-screen')

  // 2. Post a payment.
  await page.goto(`${server.url}#/servicing/loan?id=${loan.id}`)
  await page.getByLabel('还款日期').fill('2026-07-10')
  await page.getByLabel('金额（元）').fill('1060')
  await page.getByRole('button', { name: '预览冲销' }).click()
  await page.getByRole('button', { name: '确认登记' }).click()
  await expect(page.getByTestId('posted')).toContainText('SK-2026-000001')
  await page.getByRole('tab', { name: '还款记录' }).click()
  await expect(page.getByTestId('repayments')).toContainText('SK-2026-000001')

  // 3. Restore the backup: contents shown, confirm.
  await page.goto(`${server.url}#/backup`)
  await manual.getByTestId('backup-restore').click()
  const dialog = page.getByRole('dialog', { name: '从备份恢复' })
  await expect(dialog).toContainText('贷款 1')
  await expect(dialog).toContainText('还款 0')
  await snap(page, 'backup-restore-confirm')
  await page.getByTestId('backup-restore-confirm').click()
  await expect(page.getByText(/已恢复。恢复前的数据库已保存为备份/)).toBeVisible()
  const pre = page.getByTestId('backup-row-pre-restore')
  await expect(pre).toHaveCount(1)
  await expect(pre).toContainText('恢复前')
  await expect(pre).toContainText('还款 1')
  await snap(page, 'backup-after-restore')

  // 4. The payment is gone; the app keeps working without a restart.
  await page.goto(`${server.url}#/servicing/loan?id=${loan.id}`)
  await expect(page.getByRole('heading', { name: /QS-2026-0701/ })).toBeVisible()
  await page.getByRole('tab', { name: '还款记录' }).click()
  // No repayment left: the tab shows its empty state, not the receipt.
  const panel = page.getByRole('tabpanel', { name: '还款记录' })
  await expect(panel).toBeVisible()
  await expect(panel).not.toContainText('SK-2026-000001')
})
