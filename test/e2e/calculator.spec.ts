import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ADMIN, expect, SCREENSHOT_DIR, setupAndLoginAdmin, snap, test } from './fixtures'

// Figures checked independently with python3's decimal module (ROUND_HALF_UP), see
// test/integration/calculator.test.ts: 100,000.00 元 at 4.35 % over 12 months, 等额本息 →
// payment 853099 分, last row 853101 分 (absorbs rounding), Σ interest 237190 分;
// 等额本金 on the same loan → Σ interest 235626 分 (the cheapest of the five methods);
// 利随本清 → 10000000 × 4.35 % / 360 × 366 days = 442250 分.

test('贷款计算器: live 等额本息 plan, 月息‰ conversion, 5-method comparison, Excel export and A4 print with 大写', async ({
  page,
  server,
}) => {
  await setupAndLoginAdmin(page, server)

  // The nav entry shows its Alt+N shortcut (position among the visible entries); use it.
  const nav = page.getByRole('navigation', { name: '主导航' })
  const link = nav.getByRole('link', { name: /贷款计算器/ })
  await expect(link).toBeVisible()
  const key = /Alt\+(\d)/.exec((await link.textContent()) ?? '')?.[1]
  expect(key).toBeTruthy()
  await page.keyboard.press(`Alt+${key}`)
  await expect(page).toHaveURL(/#\/calculator$/)
  await expect(page.getByRole('heading', { name: '贷款计算器' })).toBeVisible()

  const amount = page.getByRole('textbox', { name: '贷款金额（元）' })
  const rate = page.getByRole('textbox', { name: '年利率（%）' })
  const term = page.getByRole('textbox', { name: '期限（月）' })
  await amount.fill('100000')
  await rate.fill('4.35')
  await term.fill('12')
  await page.getByRole('combobox', { name: '还款方式' }).click()
  await page.getByRole('option', { name: '等额本息' }).click()
  const start = page.getByRole('textbox', { name: '放款日' })
  await start.fill('2024-01-31')
  await start.press('Tab')

  await expect(page.getByTestId('first-payment')).toHaveText('8,530.99')
  await expect(page.getByTestId('total-interest')).toHaveText('2,371.90')
  await expect(page.getByTestId('last-payment')).toHaveText('8,531.01')
  await expect(page.getByTestId('total-payment')).toHaveText('102,371.90')
  await expect(page.getByTestId('maturity')).toHaveText('2025-01-31')
  await expect(page.getByTestId('total-words')).toHaveText('人民币壹拾万贰仟叁佰柒拾壹元玖角')
  await expect(page.getByTestId('first-words')).toHaveText('人民币捌仟伍佰叁拾元零玖角玖分') // §9: 零 when the 元 digit is zero
  const plan = page.getByTestId('plan-table')
  await expect(plan.locator('tbody tr').first()).toContainText('2024-02-29') // day 31 → last day of February
  await expect(plan.locator('tfoot')).toContainText('2,371.90')
  await expect(page.getByTestId('rate-conversion')).toHaveText('月息 3.625‰ = 年利率 4.35%')

  // 月息 ‰: the typed rate converts with the switch (same loan), then 6‰ = 7.2 % a year.
  await page.getByText('月息 ‰', { exact: true }).click()
  const permille = page.getByRole('textbox', { name: '月息（‰）' })
  await expect(permille).toHaveValue('3.625')
  await expect(page.getByTestId('first-payment')).toHaveText('8,530.99')
  await permille.fill('6')
  await expect(page.getByTestId('rate-conversion')).toHaveText('月息 6‰ = 年利率 7.2%')
  await page.getByText('年利率 %', { exact: true }).click()
  await expect(rate).toHaveValue('7.2')
  await rate.fill('4.35')
  await expect(page.getByTestId('first-payment')).toHaveText('8,530.99')

  // Side by side: all five methods, the cheapest (lowest interest) highlighted.
  const compare = page.getByTestId('method-comparison')
  await expect(compare.locator('tbody tr')).toHaveCount(5)
  for (const name of ['等额本息', '等额本金', '按季结息，到期还本', '按月结息，到期还本', '利随本清'])
    await expect(compare).toContainText(name)
  await expect(page.getByTestId('compare-annuity')).toContainText('2,371.90')
  await expect(page.getByTestId('compare-bullet')).toContainText('4,422.50')
  await expect(compare.locator('tr[data-cheapest]')).toHaveCount(1)
  await expect(page.getByTestId('compare-equal_principal')).toHaveAttribute('data-cheapest', 'true')
  await expect(page.getByTestId('compare-equal_principal')).toContainText('2,356.26')

  // Bad input never crashes: zh-CN messages from the domain rules, per field.
  await amount.fill('12.345')
  await expect(page.getByText('金额格式无效：12.345（如 1,234.56）')).toBeVisible()
  await term.fill('400')
  await expect(page.getByText('期限须为 1–360 个月的整数')).toBeVisible()
  await expect(page.getByTestId('calc-invalid')).toBeVisible()
  await amount.fill('100,000.00')
  await term.fill('360')
  // 360 rows stay smooth: only the rows in view are rendered.
  await expect(page.getByText('共 360 期').first()).toBeVisible()
  expect(await plan.locator('tbody tr').count()).toBeLessThan(60)
  await plan.evaluate((el) => el.scrollTo(0, el.scrollHeight))
  await expect(plan.locator('tbody tr').filter({ hasText: '2054-01-31' })).toHaveCount(1)
  // Cost above the 24 % cap once the 50 % 罚息 markup is counted (18 × 1.5 = 27).
  await rate.fill('18')
  await expect(page.getByTestId('cost-warning')).toContainText('27%')
  await rate.fill('4.35')
  await expect(page.getByTestId('cost-warning')).toHaveCount(0)
  await term.fill('12')
  await expect(page.getByTestId('first-payment')).toHaveText('8,530.99')
  await snap(page, 'calculator')

  // Excel export: a real .xlsx (a zip) built by the backend.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出 Excel' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/)
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const xlsx = join(SCREENSHOT_DIR, 'calculator-plan.xlsx')
  await download.saveAs(xlsx)
  expect(readFileSync(xlsx).subarray(0, 2).toString('latin1')).toBe('PK')

  // 打印 calls window.print (stubbed here: headless Chromium has no print dialog).
  await page.evaluate(() => {
    ;(window as unknown as { printed: number }).printed = 0
    window.print = () => void ((window as unknown as { printed: number }).printed += 1)
  })
  await page.getByRole('button', { name: '打印' }).click()
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1)

  // The print view as paper: A4, chrome hidden, plan, totals and 大写.
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByTestId('calc-print')).toBeVisible()
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
  const file = join(SCREENSHOT_DIR, 'calculator-print.pdf')
  writeFileSync(file, pdf)
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString()
  expect(text).toContain('还款计划表')
  expect(text).toContain(ADMIN.orgName)
  expect(text).toContain('8,530.99')
  expect(text).toContain('8,531.01')
  expect(text).toContain('2,371.90')
  expect(text).toContain('合计应还利息：人民币贰仟叁佰柒拾壹元玖角')
  expect(text).toContain('合计应还本息：人民币壹拾万贰仟叁佰柒拾壹元玖角')
  expect(text).toContain('人民币壹拾万元整')
  expect(text).toContain('打印日期')
  expect(text).not.toContain('工作台') // the navbar is not printed
  expect(text).not.toContain('导出 Excel') // nor the on-screen calculator
  const pages = execFileSync('pdfinfo', [file]).toString()
  expect(pages).toMatch(/Pages:\s+1\b/)
  expect(pages).toMatch(/Page size:\s+594\.\d+ x 841\.\d+ pts \(A4\)/) // portrait
  execFileSync('pdftoppm', ['-png', '-r', '80', file, join(SCREENSHOT_DIR, 'calculator-print')])
  await page.emulateMedia({ media: 'screen' })
})
