import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { addDays, addMonths, localDate } from '../../shared/domain'
import { apiCall, expect, makeUser, SCREENSHOT_DIR, setupAndLoginAdmin, snap, switchUser, test } from './fixtures'

test.use({ viewport: { width: 1366, height: 768 } })

/** Resident ID with its ISO 7064 MOD 11-2 check character (DOMAIN §10). */
function residentId(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * w[i]!, 0)
  return first17 + '10X98765432'[sum % 11]!
}

test('家访 with a photo, second officer confirms, manager approves, report prints; guarantor added and collateral revalued on the loan security page', async ({
  page,
  server,
}) => {
  test.setTimeout(300_000) // four logins and a PDF on a shared 2-core machine
  await setupAndLoginAdmin(page, server)
  const today = localDate(new Date())
  const officer1 = await makeUser(page, 'liming', '李明', 'officer')
  await makeUser(page, 'wangqiang', '王强', 'officer')
  await makeUser(page, 'zhaozg', '赵主管', 'manager')
  const b = await apiCall<{ id: number }>(page, 'borrowers.create', {
    kind: 'individual',
    name: '王建华',
    idNumber: '330102198005122316',
    phone: '13912345678',
    village: '青山村',
    address: '青山村三组 8 号',
  })
  const disbursed = addDays(today, -20)
  const loan = await apiCall<{ id: number }>(page, 'loans.create', {
    borrowerId: b.id,
    contractNo: 'QS-2026-0901',
    iouNo: 'JJ-2026-0901',
    product: '农户小额抵押贷款',
    principal: 8_000_000,
    annualRate: '6',
    termMonths: 12,
    method: 'equal_principal',
    disbursementDate: disbursed,
    maturityDate: addMonths(disbursed, 12),
    purpose: '购买化肥种子',
    guaranteeType: 'mortgage',
    officerId: officer1,
  })
  // A second borrower whose first check is 10 days overdue, for the route sheet.
  const b2 = await apiCall<{ id: number }>(page, 'borrowers.create', {
    kind: 'individual',
    name: '李秀英',
    idNumber: residentId('33010219820315412'),
    phone: '13812345678',
    village: '青山村',
    address: '青山村五组 2 号',
  })
  const d2 = addDays(today, -40)
  await apiCall(page, 'loans.create', {
    borrowerId: b2.id,
    contractNo: 'QS-2026-0902',
    iouNo: 'JJ-2026-0902',
    product: '农户小额信用贷款',
    principal: 3_000_000,
    annualRate: '6',
    termMonths: 12,
    method: 'equal_principal',
    disbursementDate: d2,
    maturityDate: addMonths(d2, 12),
    purpose: '养殖',
    guaranteeType: 'credit',
    officerId: officer1,
  })
  await apiCall(page, 'loans.addCollateral', {
    loanId: loan.id,
    type: '房产',
    description: '青山村三组 8 号住房',
    appraisedValue: 10_000_000,
    appraisedOn: disbursed,
  })

  // Guarantors and collateral panels on their own route.
  await page.goto(`${server.url}#/loans/${loan.id}/security`)
  await expect(page.getByRole('heading', { name: /QS-2026-0901/ })).toBeVisible()
  const gp = page.getByTestId('guarantors-panel')
  await gp.getByLabel('名称').fill('张保国')
  await gp.getByLabel('身份证号/信用代码').fill(residentId('33010219751103213'))
  await gp.getByLabel('保证金额（元）').fill('80000')
  await gp.getByLabel('保证期间止').fill(addMonths(disbursed, 48))
  await gp.getByRole('button', { name: '添加' }).click()
  await expect(gp.locator('tbody')).toContainText('张保国')
  await expect(gp.locator('tbody')).toContainText('80,000.00')
  const cp = page.getByTestId('collateral-panel')
  await expect(page.getByTestId('coverage')).toContainText('125.00 %') // 100,000 / 80,000
  await cp.getByRole('button', { name: '重估' }).first().click()
  await cp.getByLabel('重估价值（元）').fill('60000')
  await cp.getByLabel('重估价值（元）').press('Enter')
  await expect(page.getByTestId('coverage')).toContainText('75.00 %') // 60,000 / 80,000
  await expect(cp.locator('tbody')).toContainText('60,000.00')
  await snap(page, 'inspections-security-panels')

  // Officer 1 records the first check (家访) from the calendar, with a photo.
  await switchUser(page, 'liming', '李明')
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: /贷后检查/ })
    .click()
  await page
    .getByTestId('buckets')
    .getByText(/未来 30 天/)
    .click()
  const row = page.getByTestId('due-calendar').locator('tr', { hasText: '王建华' })
  // The value fall just recorded calls for a special check 7 days on (before the first check due on day 30).
  await expect(row).toContainText(addDays(today, 7))
  await expect(row).toContainText('专项检查')
  await expect(row).toContainText('抵质押物灭失或价值下降')
  await snap(page, 'inspections-calendar-officer')
  await row.getByRole('button', { name: '记录检查' }).click()
  await expect(page.getByLabel('检查类型')).toHaveValue('special')
  await page.getByLabel('检查类型').selectOption('first') // one 家访 covers the first check and the fall
  await page.getByLabel('检查方式').selectOption('home_visit')
  await page.getByLabel('资金流向', { exact: true }).selectOption('as_agreed')
  await page.getByLabel('按约定用途使用金额（元）').fill('80000')
  await page.getByLabel('资金流向凭证').fill('农资店发票 3 张')
  await page.getByLabel('生产经营情况').fill('种植水稻 30 亩，长势良好')
  await page.getByLabel('还款来源').fill('水稻销售收入')
  await page.getByLabel('检查结论').fill('资金已按约定用途购买化肥种子，经营正常')
  await page.keyboard.press('Control+s')
  await expect(page.getByRole('heading', { name: /检查记录 #\d+/ })).toBeVisible()
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: '家访.png', mimeType: 'image/png', buffer: Buffer.from(PNG, 'base64') })
  await expect(page.getByTestId('attachments').getByRole('img', { name: '家访.png' })).toBeVisible()
  await snap(page, 'inspections-record-form')
  await page.getByLabel('第二检查人').selectOption({ label: '王强' })
  await page.getByRole('button', { name: '签字提交' }).click()
  await expect(page.getByTestId('record-status')).toHaveText('待第二检查人确认')
  await expect(page.getByLabel('检查结论')).toBeDisabled()
  const recordUrl = page.url()

  // Officer 2 confirms from the to-do list.
  await switchUser(page, 'wangqiang', '王强')
  await page.goto(`${server.url}#/inspections`)
  await page
    .getByTestId('to-confirm')
    .getByRole('link', { name: /王建华/ })
    .click()
  await page.getByRole('button', { name: '作为第二检查人确认' }).click()
  await expect(page.getByTestId('record-status')).toHaveText('待主管复核')

  // The manager reviews and prints the report.
  await switchUser(page, 'zhaozg', '赵主管')
  await page.goto(recordUrl)
  await page.getByLabel('复核意见').fill('同意检查结论')
  await page.getByRole('button', { name: '主管复核通过' }).click()
  await expect(page.getByTestId('record-status')).toHaveText('已复核')
  await page.getByRole('button', { name: '打印检查报告' }).click()
  const report = page.getByTestId('inspection-report')
  await expect(report).toContainText('王建华')
  await expect(report.getByRole('img', { name: '家访.png' })).toBeVisible()
  await snap(page, 'inspections-report')
  await page.emulateMedia({ media: 'print' })
  const pdf = await page.pdf({ format: 'A4', printBackground: true })
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const file = join(SCREENSHOT_DIR, 'inspections-report.pdf')
  writeFileSync(file, pdf)
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString()
  expect(text).toContain('贷后检查报告')
  expect(text).toContain('王建华')
  expect(text).toContain('资金已按约定用途购买化肥种子，经营正常')
  expect(text).toContain('李明')
  expect(text).toContain('王强')
  expect(text).toContain('赵主管')
  expect(text).not.toContain('退出登录')
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(SCREENSHOT_DIR, 'inspections-report')])

  // The manager's calendar covers every officer; the first check no longer appears.
  await page.emulateMedia({ media: 'screen' })
  await page.goto(`${server.url}#/inspections`)
  await page
    .getByTestId('buckets')
    .getByText(/未来 30 天/)
    .click()
  await expect(page.getByTestId('due-calendar')).not.toContainText('王建华') // next: routine in 6 months
  await snap(page, 'inspections-calendar-manager')
  await page.goto(`${server.url}#/inspections/route-sheet`)
  const sheet = page.getByTestId('route-sheet')
  await expect(sheet.locator('tr', { hasText: '李秀英' })).toContainText('青山村五组 2 号')
  await expect(sheet.locator('tr', { hasText: '李秀英' })).toContainText('30,000.00')
  await expect(sheet).not.toContainText('王建华') // next check in 6 months, beyond 30 days
  await snap(page, 'inspections-route-sheet')
})

// A 32×32 red PNG.
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAIAAAD8GO2jAAAAKklEQVR4nGM4YaNBU8QwasGoBaMWjFowasGoBaMWjFowasGoBaMWDBULADahsD3faps9AAAAAElFTkSuQmCC'

test('责任移交, inspection frequencies with the archive checklist template, and a household on the borrower view', async ({
  page,
  server,
}) => {
  test.setTimeout(240_000)
  await setupAndLoginAdmin(page, server)
  const today = localDate(new Date())
  const from = await makeUser(page, 'liming', '李明', 'officer')
  await makeUser(page, 'wangqiang', '王强', 'officer')
  const b = await apiCall<{ id: number }>(page, 'borrowers.create', {
    kind: 'individual',
    name: '陈大勇',
    idNumber: residentId('33010219700101511'),
    village: '石门村',
  })
  const spouse = await apiCall<{ id: number }>(page, 'borrowers.create', {
    kind: 'individual',
    name: '刘桂兰',
    idNumber: residentId('33010219720202522'),
    village: '石门村',
  })
  for (const n of [1, 2]) {
    await apiCall(page, 'loans.create', {
      borrowerId: b.id,
      contractNo: `SM-2026-00${n}`,
      iouNo: `JJ-SM-00${n}`,
      product: '农户小额信用贷款',
      principal: 2_000_000,
      annualRate: '6',
      termMonths: 12,
      method: 'equal_principal',
      disbursementDate: addDays(today, -5),
      maturityDate: addMonths(addDays(today, -5), 12),
      purpose: '种植',
      guaranteeType: 'credit',
      officerId: from,
    })
  }

  await page.goto(`${server.url}#/inspections/transfer`)
  await page.getByLabel('移交人').selectOption({ label: '李明' })
  await page.getByLabel('接收人').selectOption({ label: '王强' })
  await page.getByLabel('移交原因').fill('李明调往城区支行')
  await expect(page.getByRole('checkbox', { name: 'SM-2026-002' })).toBeChecked()
  await page.getByRole('checkbox', { name: 'SM-2026-002' }).uncheck()
  await page.getByRole('button', { name: '确认移交' }).click()
  await expect(page.getByText('已移交 1 笔贷款')).toBeVisible()
  await expect(page.getByTestId('transfer-history')).toContainText('李明调往城区支行')
  await snap(page, 'inspections-transfer')

  await page.goto(`${server.url}#/inspections/settings`)
  await page.getByLabel('信用贷款（月）').fill('6')
  await page.getByRole('button', { name: '保存并重排计划' }).click()
  await expect(page.getByText('已保存').first()).toBeVisible()
  await expect(page.getByTestId('template-editor').getByRole('textbox', { name: '清单项' }).nth(9)).toHaveValue(
    '贷后检查报告',
  )
  await snap(page, 'inspections-settings')
  expect((await apiCall<{ creditMonths: number }>(page, 'inspections.settings', {})).creditMonths).toBe(6)

  await page.goto(`${server.url}#/borrowers/detail?id=${b.id}`)
  const hp = page.getByTestId('household-panel')
  await hp.getByLabel('家庭住址').fill('石门村一组 5 号')
  await hp.getByRole('button', { name: '以本人为户主建立家庭' }).click()
  await hp.getByLabel('借款人编号').fill(String(spouse.id))
  await hp.getByLabel('与户主关系').selectOption({ label: '配偶' })
  await hp.getByRole('button', { name: '添加成员' }).click()
  await expect(hp.getByRole('button', { name: '移除 刘桂兰' })).toBeVisible()
  await snap(page, 'inspections-household')
})
