import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { apiCall, expect, SCREENSHOT_DIR, setupAndLoginAdmin, snap, test } from './fixtures'

test('create a loan, see its plan, post a late payment with penalty and allocation, print the receipt as PDF', async ({
  page,
  server,
}) => {
  await setupAndLoginAdmin(page, server)
  const b = await apiCall<{ id: number }>(page, 'borrowers.create', {
    kind: 'individual',
    name: '王建华',
    idNumber: '330102198005122316',
    phone: '13912345678',
    village: '青山村',
  })
  const loan = await apiCall<{ id: number }>(page, 'loans.create', {
    borrowerId: b.id,
    contractNo: 'QS-2026-0601',
    iouNo: 'JJ-2026-0601',
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

  await page.goto(`${server.url}#/servicing/loan?id=${loan.id}`)
  await expect(page.getByRole('heading', { name: /QS-2026-0601/ })).toBeVisible()
  await page.getByRole('button', { name: '生成还款计划' }).click()
  await page.getByTestId('tab-history').click()
  const plan = page.getByTestId('plan-version')
  await expect(plan).toContainText('2026-07-10')
  await expect(plan).toContainText('2027-06-10')
  await expect(plan.locator('tbody tr')).toHaveCount(12)

  // Paid 2026-11-20, #1 (due 07-10) is 133 days late: 罚息 100000×9%×133/360 = 3325 分, 复利 6000×9%×133/360 = 199.5 → 200 分.
  await page.getByLabel('还款日期').fill('2026-11-20')
  await page.getByLabel('金额（元）').fill('2000')
  await page.getByRole('button', { name: '预览冲销' }).click()
  const alloc = page.getByTestId('allocation')
  await expect(alloc.locator('tbody tr').first()).toContainText('33.25')
  await expect(alloc.locator('tbody tr').first()).toContainText('2.00')
  await expect(alloc.locator('tbody tr').first()).toContainText('1,000.00')
  await expect(alloc.locator('tbody tr')).toHaveCount(2)
  await snap(page, 'servicing-allocation-preview')
  await page.getByRole('button', { name: '确认登记' }).click()
  await expect(page.getByTestId('posted')).toContainText('SK-2026-000001')
  await page.getByTestId('tab-repayments').click()
  await expect(page.getByTestId('repayments')).toContainText('2,000.00')
  await page.getByTestId('as-of').fill('2026-11-20')
  await expect(page.getByTestId('dpd')).toHaveText('逾期 102 天') // #2 (08-10) still partly unpaid
  await expect(page.getByTestId('penalty-total')).not.toHaveText('0.00')
  await snap(page, 'servicing-loan-view')

  await page.getByTestId('posted').getByRole('button', { name: '打印收据' }).click()
  const receipt = page.getByTestId('receipt').first() // one per 联次 (存根, 客户, 记账)
  await expect(receipt).toContainText('贰仟元整')
  await page.emulateMedia({ media: 'print' })
  const pdf = await page.pdf({ format: 'A4', printBackground: true })
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const file = join(SCREENSHOT_DIR, 'servicing-receipt.pdf')
  writeFileSync(file, pdf)
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString()
  expect(text).toContain('2,000.00')
  expect(text).toContain('贰仟元整')
  expect(text).toContain('SK-2026-000001')
  expect(text).toContain('王建华')
  expect(text).not.toContain('贷后管理') // the navbar is not printed
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', file, join(SCREENSHOT_DIR, 'servicing-receipt')])

  // The repayment schedule and, after settlement (结清), the numbered 结清证明 print on A4 too.
  await page.emulateMedia({ media: 'screen' })
  await page.goto(`${server.url}#/servicing/print/schedule?loan=${loan.id}`)
  await expect(page.getByTestId('schedule')).toContainText('壹万贰仟元整')
  const schedule = await pdfText(page, 'servicing-schedule')
  expect(schedule).toContain('2027-06-10')
  expect(schedule).toContain('12,000.00')
  await page.goto(`${server.url}#/servicing/loan?id=${loan.id}`)
  await page.getByTestId('action-settle').click()
  const settle = page.getByTestId('settle-modal')
  await settle.getByLabel('还款日期').fill('2026-11-20')
  await settle.getByTestId('settle-channel').click()
  await page.getByRole('option', { name: '现金' }).click()
  await page.getByTestId('settle-confirm').click()
  await expect(page.getByTestId('settlement')).toContainText('JQ-2026-000001')
  const cert = await pdfText(page, 'servicing-settlement')
  expect(cert).toContain('JQ-2026-000001')
  expect(cert).toContain('壹万贰仟元整')
  expect(cert).toContain('2026-11-20')
})

/** Prints the page to A4 PDF, writes a PNG of page 1 to look at, and returns the PDF's text. */
async function pdfText(page: Page, name: string): Promise<string> {
  await page.emulateMedia({ media: 'print' })
  const file = join(SCREENSHOT_DIR, `${name}.pdf`)
  writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }))
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', file, join(SCREENSHOT_DIR, name)])
  await page.emulateMedia({ media: 'screen' })
  return execFileSync('pdftotext', ['-layout', file, '-']).toString()
}
