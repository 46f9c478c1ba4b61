// The landing page per role (今日工作) and the officer KPI table, in Chromium at 1366×768.
// The server's "today" is the machine's date, so the seeded loan is placed relative to it: its
// first installment falls due 3 days from today (or on the 1st of next month when that day would be
// past the 28th, still within the 7-day window). Loan 1,200,000 分, 6 %, 12 months 等额本金:
// row 1 = 100,000 principal + 1,200,000 × 0.5 % = 6,000 interest = 106,000 分 → "1,060.00".
// A second loan disbursed 4 months ago and never paid is overdue, so the officer may propose 次级.
import { addDays, addMonths, localDate, residentIdCheckChar } from '../../shared/domain'
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { apiCall, expect, loginNewUser, SCREENSHOT_DIR, setupAndLoginAdmin, snap, test } from './fixtures'

test.use({ viewport: { width: 1366, height: 768 } })

function firstDueDate(today: string): string {
  const soon = addDays(today, 3)
  return Number(soon.slice(8)) > 28 ? `${addMonths(soon, 1).slice(0, 7)}-01` : soon
}

test("officer's landing page lists the due installment; manager's inbox shows the proposal; KPI table", async ({
  page,
  server,
}) => {
  test.setTimeout(240_000)
  const today = localDate(new Date())
  const due = firstDueDate(today)
  await setupAndLoginAdmin(page, server)
  for (const [username, displayName, role] of [
    ['liwei', '李伟', 'officer'],
    ['zhouzg', '周主管', 'manager'],
  ] as const) {
    await apiCall(page, 'users.create', { username, displayName, role, password: 'Init1234' })
  }

  await loginNewUser(page, 'liwei')
  const loan = async (name: string, no: string, disbursementDate: string) => {
    const body = `33010219800512${no.slice(-3)}`
    const b = await apiCall<{ id: number }>(page, 'borrowers.create', {
      kind: 'individual',
      name,
      village: '东村',
      idNumber: body + residentIdCheckChar(body),
    })
    const l = await apiCall<{ id: number }>(page, 'loans.create', {
      borrowerId: b.id,
      contractNo: `HT-${no}`,
      iouNo: `JJ-${no}`,
      product: '农户小额信用贷款',
      principal: 1_200_000,
      annualRate: '6',
      termMonths: 12,
      method: 'equal_principal',
      disbursementDate,
      maturityDate: addMonths(disbursementDate, 12),
      purpose: '种植',
      guaranteeType: 'credit',
    })
    await apiCall(page, 'servicing.createPlan', { loanId: l.id })
    return l.id
  }
  await loan('王建华', '1001', addMonths(due, -1))
  const overdue = await loan('李秀英', '1002', addMonths(`${today.slice(0, 7)}-05`, -4))
  await apiCall(page, 'classification.propose', {
    loanId: overdue,
    category: 'substandard',
    reason: '逾期已超过九十天，还款来源不足',
  })

  await page.goto(server.url)
  const dueSoon = page.getByTestId('today-due-soon')
  await expect(dueSoon).toContainText('HT-1001')
  await expect(dueSoon).toContainText('1,060.00')
  await expect(dueSoon).toContainText(due)
  await expect(page.getByTestId('today-overdue')).toContainText('HT-1002')
  await expect(page.getByTestId('today-approvals')).toHaveCount(0)
  await snap(page, 'today-officer')
  // A row opens the loan where the repayment is posted.
  await dueSoon.getByText('HT-1001').click()
  await expect(page).toHaveURL(/#\/servicing\/loan\?id=\d+/)

  await loginNewUser(page, 'zhouzg')
  await page.goto(server.url)
  const inbox = page.getByTestId('today-approvals')
  await expect(inbox).toContainText('五级分类调整')
  await expect(inbox).toContainText('HT-1002')
  await expect(inbox).toContainText('次级')
  await expect(page.getByTestId('today-due-soon')).toHaveCount(0)
  await snap(page, 'today-manager')

  await page.goto(`${server.url}#/reports`)
  await page.getByRole('tab', { name: '信贷员考核' }).click()
  const kpis = page.getByTestId('kpi-table')
  await expect(kpis).toContainText('李伟')
  await snap(page, 'reports-kpis')
  await kpis.getByText('李伟').click()
  await expect(page.getByTestId('kpi-detail')).toContainText('不良率')
  await snap(page, 'reports-kpi-detail')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('kpi-detail')).toHaveCount(0)
  // The KPI table prints on A4 without the filters and the hint.
  await page.emulateMedia({ media: 'print' })
  const pdf = join(SCREENSHOT_DIR, 'reports-kpis.pdf')
  writeFileSync(pdf, await page.pdf({ format: 'A4' }))
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
  expect(text).toContain('信贷员考核')
  expect(text).toContain('李伟')
  expect(text).toContain('50.00%') // overdue rate: 12,000 of 24,000 元 overdue at month-end
  expect(text).not.toContain('预警处置时限') // the filters stay on screen
  await page.emulateMedia({ media: 'screen' })

  // Month-end snapshots feed the quality trend; the migration matrix has a heat map and an Excel export.
  const monthEnd = (back: number) => addDays(addMonths(`${today.slice(0, 7)}-01`, -back), -1)
  for (const back of [3, 2, 1, 0]) await apiCall(page, 'servicing.snapshot', { asOf: monthEnd(back) })
  await page.getByRole('tab', { name: '资产质量' }).click()
  const trend = page.getByTestId('quality-trend')
  await expect(trend.locator('.recharts-bar-rectangle').first()).toBeVisible()
  await expect(trend).toContainText(monthEnd(1).slice(0, 7))
  await snap(page, 'reports-quality-trend')
  await page.getByRole('tab', { name: '分类迁徙' }).click()
  await expect(page.getByTestId('migration-heatmap')).toBeVisible()
  await snap(page, 'reports-migration-heatmap')
  await page.emulateMedia({ media: 'print' })
  const mpdf = join(SCREENSHOT_DIR, 'reports-migration.pdf')
  writeFileSync(mpdf, await page.pdf({ format: 'A4' }))
  const mtext = execFileSync('pdftotext', ['-layout', mpdf, '-'], { encoding: 'utf8' })
  expect(mtext).toContain('迁徙热力图')
  expect(mtext).toContain('新发放')
  await page.emulateMedia({ media: 'screen' })
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出 Excel' }).click(),
  ])
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(readFileSync(await download.path()) as never)
  const ws = wb.getWorksheet('五级分类迁徙')!
  expect(ws.getRow(1).getCell(1).value).toBe('期初分类')
  // Two loans are outstanding at last month-end (the older one also the month before): the matrix rows count 2.
  const counts = [2, 3, 4].flatMap((r) =>
    ws.getRow(r).getCell(3).value === null ? [] : [ws.getRow(r).getCell(3).value],
  )
  expect(counts.reduce((s: number, c) => s + Number(c), 0)).toBe(2)
})
