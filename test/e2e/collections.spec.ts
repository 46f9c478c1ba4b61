import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { amountInWords, formatFen } from '../../shared/domain'
import { apiCall, expect, login, SCREENSHOT_DIR, setupAndLoginAdmin, snap, test } from './fixtures'

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'
const GIVEN = '建国秀英志强桂兰海峰春梅德明玉珍'

/** A valid resident ID (GB 11643 check char) for a birth year and sequence. */
function residentId(i: number): string {
  const first17 = `3301271980${String(1 + (i % 12)).padStart(2, '0')}15${String(100 + i).padStart(3, '0')}`
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((s, c, k) => s + Number(c) * w[k]!, 0)
  return first17 + '10X98765432'[sum % 11]!
}

const ymd = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`

async function firstLogin(page: Page, username: string, initial: string, password: string): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click()
  await login(page, username, initial)
  await expect(page.getByRole('heading', { name: '设置新密码' })).toBeVisible()
  await page.getByLabel('当前密码').fill(initial)
  await page.getByRole('textbox', { name: '新密码', exact: true }).fill(password)
  await page.getByLabel('确认新密码').fill(password)
  await page.getByLabel('确认新密码').press('Enter')
  await expect(page.getByTestId('user-name')).toBeVisible()
}

test('manager prints 20 overdue notices into one PDF; officer logs a promise that is then broken', async ({
  page,
  server,
}) => {
  test.setTimeout(240_000)
  await page.setViewportSize({ width: 1366, height: 768 })
  await setupAndLoginAdmin(page, server)
  await page.goto(`${server.url}#/collections/settings`)
  await expect(page.getByLabel('允许联系时段')).toHaveValue('08:00-21:00')
  await snap(page, 'collections-settings')
  const officer = await apiCall<{ id: number }>(page, 'users.create', {
    username: 'wangxd',
    displayName: '王信贷',
    role: 'officer',
    password: 'Init1234',
  })
  await apiCall(page, 'users.create', {
    username: 'lizg',
    displayName: '李主管',
    role: 'manager',
    password: 'Init1234',
  })
  // 20 loans disbursed 8 months ago (等额本金, 12 months): several installments overdue today.
  const start = new Date()
  start.setMonth(start.getMonth() - 8, 10)
  const disbursed = ymd(start)
  const end = new Date(start)
  end.setFullYear(end.getFullYear() + 1)
  const loans: { id: number; name: string }[] = []
  for (let i = 0; i < 20; i++) {
    const name = `${SURNAMES[i]}${GIVEN[(i * 2) % GIVEN.length]}${GIVEN[(i * 2 + 1) % GIVEN.length]}`
    const b = await apiCall<{ id: number }>(page, 'borrowers.create', {
      kind: 'individual',
      name,
      idNumber: residentId(i),
      village: '青山镇前进村',
      officerId: officer.id,
    })
    const l = await apiCall<{ id: number }>(page, 'loans.create', {
      borrowerId: b.id,
      contractNo: `QS-CS-${String(i + 1).padStart(3, '0')}`,
      iouNo: `JJ-CS-${i + 1}`,
      product: '农户小额信用贷款',
      principal: 1_200_000 + i * 1_000,
      annualRate: '6',
      termMonths: 12,
      method: 'equal_principal',
      disbursementDate: disbursed,
      maturityDate: ymd(end),
      purpose: '种植',
      guaranteeType: 'credit',
      officerId: officer.id,
    })
    await apiCall(page, 'servicing.createPlan', { loanId: l.id })
    loans.push({ id: l.id, name })
  }
  // The UI prints as of the browser's calendar day (Asia/Shanghai here), which may differ from this process's.
  const today = await page.evaluate(() => {
    const d = new Date()
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  })
  // Expected totals from the servicing evaluation (overdue principal + interest + 罚息 + 复利), not from the notices code.
  const expected = new Map<string, number>()
  for (const l of loans) {
    const e = await apiCall<{
      overduePrincipal: number
      overdueInterest: number
      penaltyInterest: number
      compoundInterest: number
    }>(page, 'servicing.asOf', { loanId: l.id, asOf: today })
    expected.set(l.name, e.overduePrincipal + e.overdueInterest + e.penaltyInterest + e.compoundInterest)
  }

  // The manager: worklist of everyone, filter the village, tick all 20, print one PDF.
  await firstLogin(page, 'lizg', 'Init1234', 'Li123456')
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: /催收管理/ })
    .click()
  const rows = page.getByTestId('worklist-row')
  await expect(rows).toHaveCount(20)
  await page.getByRole('combobox', { name: '村' }).click()
  await page.getByRole('option', { name: '青山镇前进村' }).click()
  await expect(rows).toHaveCount(20)
  await snap(page, 'collections-worklist-manager')
  await page.getByRole('checkbox', { name: '全选' }).check()
  await expect(page.getByTestId('print-selected')).toContainText('已选 20 笔')
  const download = page.waitForEvent('download')
  await page.getByTestId('print-selected').click()
  const file = join(SCREENSHOT_DIR, 'collections-batch.pdf')
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await (await download).saveAs(file)
  await expect(page.getByTestId('print-result')).toContainText('已生成 20 份通知书')
  const text = execFileSync('pdftotext', [file, '-']).toString()
  const year = today.slice(0, 4)
  for (let k = 1; k <= 20; k++) expect(text).toContain(`CS-${year}-${String(k).padStart(6, '0')}`)
  for (const [name, total] of expected) {
    expect(text).toContain(name)
    expect(text).toContain(formatFen(total))
    expect(text.replace(/\s+/g, '')).toContain(amountInWords(total))
  }
  expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/Pages:\s+20/)
  const fonts = execFileSync('pdffonts', [file]).toString()
  expect(fonts).toMatch(/ yes\s+yes\s+yes/)
  expect(fonts).not.toContain('Type 3')
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    file,
    join(SCREENSHOT_DIR, 'collections-batch-page'),
  ])

  // Preview of one notice on screen.
  await page.goto(`${server.url}#/collections/loan?id=${loans[0]!.id}`)
  await expect(page.getByTestId('notices')).toContainText(`CS-${year}-000001`)
  await page.getByTestId('notices').getByRole('button', { name: '预览' }).first().click()
  await expect(page.getByTestId('notice-sheet')).toContainText(amountInWords(expected.get(loans[0]!.name)!))
  await snap(page, 'collections-notice-preview')

  // The officer: own worklist, logs a promise due in two days; the date passes unpaid.
  await page.getByRole('button', { name: '退出登录' }).click()
  await login(page, 'wangxd', 'Init1234')
  await page.getByLabel('当前密码').fill('Init1234')
  await page.getByRole('textbox', { name: '新密码', exact: true }).fill('Wang1234')
  await page.getByLabel('确认新密码').fill('Wang1234')
  await page.getByLabel('确认新密码').press('Enter')
  await expect(page.getByTestId('user-name')).toHaveText('王信贷')
  await page.goto(`${server.url}#/collections`)
  await expect(page.getByTestId('worklist-row')).toHaveCount(20)
  await page.getByTestId('worklist').focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('amounts')).toBeVisible()
  const loanUrl = page.url()
  const due = new Date()
  due.setDate(due.getDate() + 2)
  await page.getByLabel('承诺还款日').fill(ymd(due))
  await page.getByLabel('承诺金额（元）').fill('500')
  await page.getByLabel('承诺金额（元）').press('Enter')
  await expect(page.getByTestId('promise-open')).toBeVisible()
  await expect(page.getByTestId('broken-warning')).toHaveCount(0)
  await snap(page, 'collections-loan-officer')

  // Five days later (the browser's calendar day decides), nothing was paid: broken, with a warning.
  const later = new Date()
  later.setDate(later.getDate() + 5)
  await page.clock.setFixedTime(later)
  await page.goto(loanUrl)
  await page.reload()
  await expect(page.getByTestId('promise-broken')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('broken-warning')).toContainText('还款承诺未兑现')
  await page.goto(`${server.url}#/collections`)
  await expect(page.getByTestId('broken-badge')).toHaveCount(1)
  await snap(page, 'collections-worklist-officer')
})
