// Issue 9 at 1366×768: the loan page head shows 逾期 and DPD, the repayment form is reachable
// without scrolling, 结清 asks for confirmation with the payoff, a reversed receipt prints 作废,
// and an officer is not offered 核销.
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { localDate } from '../../shared/domain/dates'
import { ADMIN, apiCall, expect, login, SCREENSHOT_DIR, setupAndLoginAdmin, test, type DaihouServer } from './fixtures'

test.use({ viewport: { width: 1366, height: 768 } })

const INITIAL = 'Initial1!'
const PASSWORD = 'Passw0rd!'

/** Admin creates a user, a borrower and a 12,000.00 元 loan (disbursed 2026-06-10, so overdue by now) in that officer's portfolio. */
async function seed(
  page: Page,
  server: DaihouServer,
  role: 'officer' | 'manager',
  username: string,
  displayName: string,
) {
  await setupAndLoginAdmin(page, server)
  const user = await apiCall<{ id: number }>(page, 'users.create', { username, displayName, role, password: INITIAL })
  const b = await apiCall<{ id: number }>(page, 'borrowers.create', {
    kind: 'individual',
    name: '李秀英',
    idNumber: '330102198203152321',
    phone: '13912345679',
    village: '青山村',
  })
  const loan = await apiCall<{ id: number }>(page, 'loans.create', {
    borrowerId: b.id,
    contractNo: 'QS-2026-0901',
    iouNo: 'JJ-2026-0901',
    product: '农户小额信用贷款',
    principal: 1_200_000,
    annualRate: '6',
    termMonths: 12,
    method: 'equal_principal',
    disbursementDate: '2026-06-10',
    maturityDate: '2027-06-10',
    purpose: '种植',
    guaranteeType: 'credit',
    officerId: role === 'officer' ? user.id : undefined,
  })
  await apiCall(page, 'servicing.createPlan', { loanId: loan.id })
  const rep = await apiCall<{ repayment: { id: number; receiptNo: string } }>(page, 'servicing.postRepayment', {
    loanId: loan.id,
    paidDate: '2026-07-10',
    amount: 106000,
    channel: 'cash',
  })
  await page.getByRole('button', { name: '退出登录' }).click()
  await login(page, username, INITIAL)
  await page.getByLabel('当前密码').fill(INITIAL)
  await page.getByRole('textbox', { name: '新密码', exact: true }).fill(PASSWORD)
  await page.getByLabel('确认新密码').fill(PASSWORD)
  await page.getByLabel('确认新密码').press('Enter')
  await expect(page.getByTestId('user-name')).toHaveText(displayName)
  return { loanId: loan.id, repaymentId: rep.repayment.id, receiptNo: rep.repayment.receiptNo }
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) }) // the viewport: what the user sees without scrolling
}

test('officer: 逾期 and DPD in the head, posts without scrolling, settles only after confirming the payoff, no 核销', async ({
  page,
  server,
}) => {
  const s = await seed(page, server, 'officer', 'officer1', '赵信贷')
  await page.goto(`${server.url}#/servicing/loan?id=${s.loanId}`)
  const head = page.getByTestId('loan-head')
  await expect(head).toContainText('QS-2026-0901')
  await expect(page.getByTestId('loan-state')).toHaveText('逾期')
  await expect(page.getByTestId('dpd')).toHaveText(/^逾期 \d+ 天$/)
  await expect(page.getByTestId('officer')).toHaveText('赵信贷')
  await expect(page.getByTestId('installments').locator('tbody tr')).toHaveCount(12)
  await expect(page.getByTestId('plan-totals')).toContainText('12,000.00')

  // Role-aware actions: the officer settles and extends, but 核销 and 重组 (manager approval) are not offered.
  await expect(page.getByTestId('action-settle')).toBeVisible()
  await expect(page.getByTestId('action-writeOff')).toHaveCount(0)
  await expect(page.getByTestId('action-restructure')).toHaveCount(0)

  // The repayment form is inside the 1366×768 viewport next to the plan; posting needs no scrolling.
  const form = page.getByTestId('repayment-form')
  const box = (await form.boundingBox())!
  expect(box.y + box.height).toBeLessThanOrEqual(768)
  await shot(page, 'loan-page-officer')
  // 担保 tab: guarantors and collateral are maintained right here.
  await page.getByRole('tab', { name: '担保' }).click()
  await expect(page.getByRole('heading', { name: '保证人' })).toBeVisible()
  await shot(page, 'loan-page-guarantees-officer')
  await page.getByRole('tab', { name: '还款计划' }).click()
  const amount = form.getByTestId('amount')
  await amount.fill('500')
  await amount.press('Enter')
  await expect(form.getByTestId('allocation')).toBeVisible()
  await amount.press('Control+Enter')
  await expect(form.getByTestId('posted')).toContainText('SK-2026-')
  await expect(amount).toHaveValue('')
  expect(await page.evaluate(() => window.scrollY)).toBe(0)

  // An invalid as-of date clears the figures instead of leaving stale ones.
  await page.getByTestId('as-of').fill('2026-13-40')
  await expect(page.getByTestId('payoff')).toHaveText('—')
  await expect(page.getByTestId('installments')).toHaveCount(0)
  await page.getByTestId('as-of').fill(localDate(new Date()))
  const payoff = (await page.getByTestId('payoff').textContent())!
  expect(payoff).toMatch(/^[\d,]+\.\d{2} 元$/)

  // 结清 asks for the channel and shows the payoff and what will be recorded; cancel records nothing.
  await page.getByTestId('action-settle').click()
  const modal = page.getByTestId('settle-modal')
  await expect(modal.getByTestId('settle-payoff')).toHaveText(payoff)
  await expect(modal.getByTestId('settle-confirm')).toBeDisabled()
  await modal.getByTestId('settle-channel').click()
  await page.getByRole('option', { name: '转账' }).click()
  await modal.getByLabel('收据号').fill('ZZ-20261202-01')
  await expect(modal.getByTestId('settle-record')).toContainText(`以转账收到 ${payoff}，收据号 ZZ-20261202-01`)
  await shot(page, 'loan-page-settle-confirm')
  await modal.getByRole('button', { name: '取消' }).click()
  await expect(page.getByTestId('loan-state')).toHaveText('逾期')
  await page.getByTestId('action-settle').click()
  await modal.getByTestId('settle-channel').click()
  await page.getByRole('option', { name: '转账' }).click()
  await modal.getByTestId('settle-confirm').click()
  await expect(page.getByTestId('settlement')).toContainText('JQ-2026-')
  await expect(page.getByTestId('printed-on')).toContainText(localDate(new Date()))
  // Item 14.6: at 07:30 in Asia/Shanghai the UTC date is still yesterday; the certificate prints the local today.
  await page.clock.setFixedTime(new Date('2026-12-01T23:30:00.000Z'))
  await page.reload()
  await expect(page.getByTestId('printed-on')).toHaveText('打印日期：2026-12-02')
})

test('manager: reverses a receipt after seeing amount and receipt (cancel first); the reversed receipt PDF says 作废; 核销 offered', async ({
  page,
  server,
}) => {
  const s = await seed(page, server, 'manager', 'manager1', '钱主管')
  await page.goto(`${server.url}#/servicing/loan?id=${s.loanId}`)
  await expect(page.getByTestId('loan-state')).toHaveText('逾期')
  await expect(page.getByTestId('action-writeOff')).toBeVisible()
  await expect(page.getByTestId('action-restructure')).toBeVisible()
  await shot(page, 'loan-page-manager')

  await page.getByTestId('tab-repayments').click()
  const row = page.getByTestId(`repayment-${s.receiptNo}`)
  await row.getByRole('button', { name: '冲正' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByTestId('reverse-receipt')).toHaveText(s.receiptNo)
  await expect(dialog.getByTestId('reverse-amount')).toHaveText('1,060.00 元')
  await dialog.getByRole('button', { name: '取消' }).click()
  await expect(dialog).toBeHidden()
  await expect(row).not.toContainText('已冲正')
  await row.getByRole('button', { name: '冲正' }).click()
  await dialog.getByLabel('冲正原因').fill('收款账户错误')
  await dialog.getByTestId('reverse-submit').click()
  await expect(row).toContainText('已冲正')
  await shot(page, 'loan-page-manager-reversed')

  await row.getByRole('button', { name: '打印收据' }).click()
  await expect(page.getByTestId('void-mark').first()).toBeVisible()
  await page.emulateMedia({ media: 'print' })
  const file = join(SCREENSHOT_DIR, 'loan-page-void-receipt.pdf')
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }))
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    file,
    join(SCREENSHOT_DIR, 'loan-page-void-receipt'),
  ])
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString()
  expect(text).toContain('作废')
  expect(text).toContain(s.receiptNo)
  expect(text).toContain('第一联 存根')
  expect(text).toContain('第三联 记账')
  expect(text).toContain('交款人签字')
  expect(ADMIN.username).toBe('admin')

  // The approvals list is reachable for a manager; nothing is pending after a manager's own reversal.
  await page.emulateMedia({ media: 'screen' })
  await page.goto(`${server.url}#/servicing/reversals`)
  await expect(page.getByText('没有待审批的冲正申请')).toBeVisible()
})
