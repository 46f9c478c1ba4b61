// A manager reads the portfolio quality for last month-end, slices one village, exports Excel and
// prints the report. Figures by hand (DOMAIN §5, §6), as of 2026-11-30:
//   东村 loan, 1,200,000 分 disbursed 2026-06-10, never paid: oldest unpaid 07-10 → DPD 21+31+30+31+30 = 143
//     → M3+, 次级; 西村 loan, 1,000,000 分 disbursed 2026-10-10: first due 11-10 → DPD 20 → M1, 关注.
//   NPL ratio = 1,200,000 ÷ 2,200,000 = 54.5454…% → 54.55 %; 东村 alone: 100.00 %.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { residentIdCheckChar } from '../../shared/domain'
import { apiCall, expect, loginNewUser, setupAndLoginAdmin, snap, SCREENSHOT_DIR, test } from './fixtures'

test('manager: quality report for last month-end, one village, Excel and A4 print', async ({ page, server }) => {
  test.setTimeout(240_000) // two reports, an Excel download and two PDFs
  await page.clock.setFixedTime(new Date('2026-12-02T09:30:00+08:00'))
  await page.setViewportSize({ width: 1366, height: 768 })
  await setupAndLoginAdmin(page, server)
  await apiCall(page, 'users.create', {
    username: 'zhouzg',
    displayName: '周主管',
    role: 'manager',
    password: 'Init1234',
  })
  const loan = async (
    name: string,
    village: string,
    no: string,
    principal: number,
    disbursementDate: string,
    maturityDate: string,
  ) => {
    const body = `33010219800512${no.slice(0, 3)}`
    const idNumber = body + residentIdCheckChar(body)
    const b = await apiCall<{ id: number }>(page, 'borrowers.create', { kind: 'individual', name, village, idNumber })
    const l = await apiCall<{ id: number }>(page, 'loans.create', {
      borrowerId: b.id,
      contractNo: `HT-${no}`,
      iouNo: `JJ-${no}`,
      product: '农户小额信用贷款',
      principal,
      annualRate: '6',
      termMonths: 12,
      method: 'equal_principal',
      disbursementDate,
      maturityDate,
      purpose: '种植',
      guaranteeType: 'credit',
    })
    await apiCall(page, 'servicing.createPlan', { loanId: l.id })
  }
  await loan('王建华', '东村', '0601', 1_200_000, '2026-06-10', '2027-06-10')
  await loan('李秀英', '西村', '1010', 1_000_000, '2026-10-10', '2027-10-10')

  await loginNewUser(page, 'zhouzg')
  await page.goto(`${server.url}#/reports`)
  await expect(page.getByTestId('report-asof')).toHaveValue('2026-11-30')
  const cats = page.getByTestId('by-category')
  await expect(cats.locator('tr[data-key="substandard"]')).toContainText('12,000.00')
  await expect(cats.locator('tr[data-key="special_mention"]')).toContainText('10,000.00')
  await expect(page.getByTestId('npl-ratio')).toHaveText('54.55%')
  await expect(page.getByTestId('by-bucket').locator('tr[data-key="M3+"]')).toContainText('12,000.00')
  await snap(page, 'reports-quality-manager')

  await page.getByTestId('report-village').click()
  await page.getByRole('option', { name: '东村' }).click()
  await expect(page.getByTestId('npl-ratio')).toHaveText('100.00%')
  await expect(cats.locator('tr[data-key="special_mention"]')).toContainText('0.00')

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出 Excel' }).click(),
  ])
  expect(download.suggestedFilename()).toBe('资产质量-2026-11-30.xlsx')
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(readFileSync(await download.path()) as never)
  const ws = wb.getWorksheet('资产质量')!
  expect(ws.getRow(4).getCell(2).value).toBe('次级')
  expect(ws.getRow(4).getCell(4).value).toBe(12_000)
  expect(ws.getRow(13).getCell(2).value).toBe('100.00%')

  await page.emulateMedia({ media: 'print' })
  const pdf = join(SCREENSHOT_DIR, 'reports-quality.pdf')
  writeFileSync(pdf, await page.pdf({ format: 'A4' }))
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
  expect(text).toContain('资产质量')
  expect(text).toContain('东村')
  expect(text).toContain('12,000.00')
  // The filters stay on screen: 截至日期 is printed once, in the report's title.
  expect(text.split('截至日期').length - 1).toBe(1)

  // The monthly report of November: loans of concern, the manager's commentary, printed.
  await page.emulateMedia({ media: 'screen' })
  await page.getByRole('tab', { name: '月度报告' }).click()
  await expect(page.getByTestId('report-month')).toHaveValue('2026-11')
  await expect(page.getByTestId('monthly-concerns')).toContainText('HT-0601')
  await expect(page.getByTestId('monthly-npl')).toHaveText('54.55%')
  await page.getByRole('textbox', { name: '主管点评' }).fill('东村逾期上升，下月重点催收。')
  await page.getByRole('button', { name: '保存点评' }).click()
  await expect(page.getByText('最后由 周主管 保存')).toBeVisible()
  await snap(page, 'reports-monthly-manager')
  await page.emulateMedia({ media: 'print' })
  const monthly = join(SCREENSHOT_DIR, 'reports-monthly.pdf')
  writeFileSync(monthly, await page.pdf({ format: 'A4' }))
  const mtext = execFileSync('pdftotext', [monthly, '-'], { encoding: 'utf8' })
  expect(mtext).toMatch(/2026-11\s+贷后管理报告/)
  expect(mtext).toContain('东村逾期上升，下月重点催收。')
  expect(mtext).toContain('王建华')
  expect(mtext).not.toContain('保存点评')
})
