import type { Page } from '@playwright/test'
import { addDays, addMonths, localDate, residentIdCheckChar } from '../../shared/domain'
import { apiCall, expect, makeUser, setupAndLoginAdmin, snap, switchUser, test } from './fixtures'

test.use({ viewport: { width: 1366, height: 768 } })

async function pick(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

test('an officer filters overdue M2 loans of one village and sees 逾期 with DPD; reminders list what falls due', async ({
  page,
  server,
}) => {
  await setupAndLoginAdmin(page, server)
  const today = localDate(new Date())
  const officer = { id: await makeUser(page, 'li', '李信贷', 'officer') }
  await makeUser(page, 'zhou', '周主管', 'manager')
  let n = 0
  // A loan whose first installment fell due `dpd` days ago (monthly plan, nothing paid).
  const seed = async (name: string, village: string, dpd: number) => {
    n++
    const firstDue = addDays(today, -dpd)
    const start = addMonths(firstDue, -1)
    const id17 = `33010219800512${String(230 + n)}`
    const b = await apiCall<{ id: number }>(page, 'borrowers.create', {
      kind: 'individual',
      name,
      idNumber: id17 + residentIdCheckChar(id17),
      phone: `1391234${String(5600 + n)}`,
      village,
    })
    const l = await apiCall<{ id: number }>(page, 'loans.create', {
      borrowerId: b.id,
      contractNo: `QS-E2E-${n}`,
      iouNo: `JJ-E2E-${n}`,
      product: '农户小额信用贷款',
      principal: 1_200_000,
      annualRate: '6',
      termMonths: 12,
      method: 'equal_principal',
      disbursementDate: start,
      maturityDate: addMonths(start, 12),
      purpose: '种植',
      guaranteeType: 'credit',
      officerId: officer.id,
    })
    await apiCall(page, 'servicing.createPlan', { loanId: l.id })
    return l.id
  }
  const m2 = await seed('王建华', '青山村', 45) // M2, the one to find (#2 not yet due: 45 − 30 days)
  await seed('刘秀英', '青山村', 10) // M1
  await seed('陈国强', '石桥村', 45) // M2 in another village
  await seed('赵丽', '青山村', -12) // current: first installment in 12 days

  await switchUser(page, 'li', '李信贷')
  await page.goto(`${server.url}#/servicing`)
  await expect(page.getByTestId('overdue-summary')).toContainText('共 4 笔', { timeout: 15_000 })
  await expect(page.getByTestId('overdue-summary')).toContainText('逾期 3 笔')
  await pick(page, '状态', '逾期')
  await pick(page, '逾期账龄', 'M2')
  await pick(page, '村', '青山村')
  const rows = page.getByTestId('loan-row')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('王建华')
  await expect(rows.first()).toContainText('逾期 45 天')
  await expect(rows.first()).toContainText('QS-E2E-1')
  await expect(page.getByTestId('overdue-summary')).toContainText('共 1 笔')
  // #1 (45 days ago) and #2 (about 15 days ago) of 12,000.00 元 at 6 %: 1,060.00 + 1,055.00 overdue.
  await expect(rows.first()).toContainText('2,115.00 元')
  await snap(page, 'loan-list-officer')
  await rows.first().click()
  await expect(page).toHaveURL(new RegExp(`#/servicing/loan\\?id=${m2}$`))

  await page.evaluate(() => {
    window.location.hash = '#/servicing/due-soon'
  })
  await page.getByLabel('天数').fill('30')
  // Each loan has its next installment within 30 days: 赵丽 in 12, 刘秀英 in about 20, 王建华 and 陈国强 (#3) in about 16.
  await expect(page.getByTestId('due-row')).toHaveCount(4)
  await expect(page.getByTestId('due-total')).toContainText('共 4 笔')
  await page.getByTestId('due-overdue').check()
  await expect(page.getByTestId('due-row').first()).toContainText('逾期 45 天')
  await expect(page.getByTestId('due-soon')).toContainText('13912345601')
  await snap(page, 'due-soon-officer')

  await switchUser(page, 'zhou', '周主管')
  await page.goto(`${server.url}#/servicing`)
  await expect(page.getByTestId('overdue-summary')).toContainText('逾期 3 笔')
  await snap(page, 'loan-list-manager')
  await page.evaluate(() => {
    window.location.hash = '#/servicing/due-soon'
  })
  await page.getByTestId('due-overdue').check()
  await expect(page.getByTestId('due-total')).toContainText('共')
  await snap(page, 'due-soon-manager')
})
