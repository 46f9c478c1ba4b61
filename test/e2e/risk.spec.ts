import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { apiCall, expect, makeUser, SCREENSHOT_DIR, setupAndLoginAdmin, snap, switchUser, test } from './fixtures'

/** YYYY-MM-DD of the browser's local day shifted by `days` and `months`. */
async function localDay(page: Page, days: number, months = 0): Promise<string> {
  return page.evaluate(
    ({ days, months }) => {
      const d = new Date()
      d.setDate(d.getDate() + days)
      d.setMonth(d.getMonth() + months)
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
    },
    { days, months },
  )
}

test('officer proposes 次级 for a 95-day overdue loan, manager approves; manager filters red warnings, acts, closes one; 预警表 prints to PDF', async ({
  page,
  server,
}) => {
  test.setTimeout(240_000) // three logins and a PDF on a shared 2-core machine
  await page.setViewportSize({ width: 1366, height: 768 })
  await setupAndLoginAdmin(page, server)
  const officerId = await makeUser(page, 'liming', '李明', 'officer')
  await makeUser(page, 'zhaozg', '赵主管', 'manager')
  // First installment due 95 days ago (disbursed a month before that), nothing paid.
  const firstDue = await localDay(page, -95)
  const disbursed = await localDay(page, -95, -1)
  const b = await apiCall<{ id: number }>(page, 'borrowers.create', {
    kind: 'individual',
    name: '钱多多',
    idNumber: '330102198005122316',
    phone: '13912345678',
    village: '青山村',
  })
  const loan = await apiCall<{ id: number }>(page, 'loans.create', {
    borrowerId: b.id,
    contractNo: 'QS-RISK-0095',
    iouNo: 'JJ-RISK-0095',
    product: '农户小额信用贷款',
    principal: 2_400_000,
    annualRate: '6',
    termMonths: 12,
    method: 'equal_principal',
    disbursementDate: disbursed,
    maturityDate: await localDay(page, -95, 11),
    purpose: '养殖',
    guaranteeType: 'credit',
    officerId,
  })
  await apiCall(page, 'servicing.createPlan', { loanId: loan.id })
  const plan = await apiCall<{ versions: { rows: { dueDate: string }[] }[] }>(page, 'servicing.getPlan', {
    loanId: loan.id,
  })
  expect(plan.versions[0]!.rows[0]!.dueDate).toBe(firstDue)

  // The officer logs in: today's evaluation runs by itself on first start.
  await switchUser(page, 'liming')
  await page.goto(`${server.url}#/risk`)
  await expect(page.getByTestId('warnings')).toContainText('QS-RISK-0095')
  await snap(page, 'risk-board-officer')
  await page.goto(`${server.url}#/risk/loan?id=${loan.id}`)
  await expect(page.getByTestId('suggested')).toContainText('次级')
  await expect(page.getByTestId('decided')).toContainText('正常')
  await page.getByTestId('propose-category').click()
  await page.getByRole('option', { name: '次级' }).click()
  await page.getByTestId('propose-reason').fill('逾期 95 天，借款人外出务工联系不上')
  await page.getByRole('button', { name: '提出调整' }).click()
  await expect(page.getByTestId('pending')).toContainText('次级')
  await expect(page.getByRole('button', { name: '批准' })).toHaveCount(0) // an officer never approves
  await snap(page, 'risk-classification-officer')

  // The manager approves; the loan shows the decided 次级.
  await switchUser(page, 'zhaozg')
  await page.goto(`${server.url}#/risk/classification`)
  await expect(page.getByTestId('pending-list')).toContainText('QS-RISK-0095')
  await page.getByTestId('pending-list').getByText('QS-RISK-0095').click()
  await page.getByRole('button', { name: '批准' }).click()
  await expect(page.getByTestId('decided')).toContainText('次级')
  await expect(page.getByTestId('class-history')).toContainText('已批准')
  await snap(page, 'risk-classification-manager')
  const asOf = await apiCall<{ category: string }>(page, 'servicing.asOf', {
    loanId: loan.id,
    asOf: await localDay(page, 0),
  })
  expect(asOf.category).toBe('substandard')

  // Red warnings only; record an action and close it with a reason.
  await page.goto(`${server.url}#/risk`)
  await page.getByTestId('filter-level').click()
  await page.getByRole('option', { name: '红色' }).click()
  const rows = page.getByTestId('warnings').locator('tbody tr')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('逾期 95 天')
  await snap(page, 'risk-board-manager')
  await rows.first().click()
  await page.getByTestId('action-note').fill('上门催收，借款人家属承诺月底前还款')
  await page.getByRole('button', { name: '登记处置' }).click()
  await expect(page.getByTestId('actions')).toContainText('上门催收')
  await page.getByTestId('close-reason').fill('已发催收通知并转法律审查')
  await page.getByRole('button', { name: '关闭预警' }).click()
  await expect(page.getByRole('dialog')).toContainText('已发催收通知并转法律审查')
  await page.keyboard.press('Escape')
  await expect(rows).toHaveCount(0) // the open+red filter no longer shows it

  // The board prints on A4 landscape with the contract number in the PDF text.
  await page.goto(`${server.url}#/risk/print?level=red`)
  await expect(page.getByTestId('risk-print')).toContainText('QS-RISK-0095')
  await page.emulateMedia({ media: 'print' })
  const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true })
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const file = join(SCREENSHOT_DIR, 'risk-board.pdf')
  writeFileSync(file, pdf)
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString()
  expect(text).toContain('QS-RISK-0095')
  expect(text).toContain('预警表')
  const info = execFileSync('pdfinfo', [file]).toString()
  expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]/) // A4 landscape in points
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(SCREENSHOT_DIR, 'risk-board-print')])
})
