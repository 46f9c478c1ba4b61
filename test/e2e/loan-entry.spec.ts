import type { Page } from '@playwright/test'
import { apiCall, expect, login, setupAndLoginAdmin, snap, test } from './fixtures'

/** Admin creates the officer; the officer logs in and sets the permanent password. */
async function loginAsNewOfficer(page: Page): Promise<void> {
  await apiCall(page, 'users.create', {
    username: 'lixd',
    displayName: '李信贷',
    role: 'officer',
    password: 'Init1234',
  })
  await page.getByRole('button', { name: '退出登录' }).click()
  await login(page, 'lixd', 'Init1234')
  await expect(page.getByRole('heading', { name: '设置新密码' })).toBeVisible()
  await page.getByLabel('当前密码').fill('Init1234')
  await page.getByRole('textbox', { name: '新密码', exact: true }).fill('Good5678')
  await page.getByLabel('确认新密码').fill('Good5678')
  await page.getByLabel('确认新密码').press('Enter')
  await expect(page.getByTestId('user-name')).toHaveText('李信贷')
}

const ID = '330102198005122316'

test('officer registers a borrower (live ID check, duplicate refused) and a loan with 月息 6‰, then services it', async ({
  page,
  server,
}) => {
  await setupAndLoginAdmin(page, server)
  await loginAsNewOfficer(page)

  // Borrower form: a wrong check digit is red at once; the right one shows birth date and sex.
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: /借款人档案/ })
    .click()
  await page.getByRole('button', { name: '新增借款人' }).click()
  const form = page.getByTestId('borrower-form')
  await expect(form.getByLabel('姓名')).toBeFocused()
  await form.getByLabel('姓名').fill('王建华')
  await form.getByLabel('身份证号').fill('330102198005122317')
  await expect(form.getByText('身份证号无效（位数、出生日期或校验位不符）')).toBeVisible()
  await form.getByLabel('身份证号').fill(ID)
  await expect(page.getByTestId('id-derived')).toHaveText('出生日期 1980-05-12 · 男')
  await expect(form.getByText('身份证号无效')).toHaveCount(0)
  await form.getByLabel('手机号').fill('13912345678')
  await form.getByRole('combobox', { name: '村' }).fill('青山镇前进村')
  await form.getByLabel('组', { exact: true }).fill('三组')
  await form.getByLabel('家庭年收入（元）').fill('86,000')
  await form.getByLabel('职业').fill('种植户')
  await snap(page, 'borrower-form')
  await form.getByLabel('职业').press('Enter')
  await expect(page.getByRole('heading', { name: '王建华' })).toBeVisible()
  await expect(page.getByText('86,000.00')).toBeVisible()
  const firstUrl = page.url()

  // Same ID again: refused on the field, naming the first borrower, with a link to him.
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: /借款人档案/ })
    .click()
  await page.getByRole('button', { name: '新增借款人' }).click()
  // The enterprise side asks for the credit code and legal representative instead.
  await form.getByText('企业/个体工商户').click()
  await form.getByLabel('统一社会信用代码').fill('91330102MA2B3C4D5X')
  await expect(form.getByText('统一社会信用代码无效（字符或校验位不符）')).toBeVisible()
  await expect(form.getByLabel('法定代表人')).toBeVisible()
  await snap(page, 'borrower-form-enterprise')
  await form.getByText('个人', { exact: true }).click()
  await form.getByLabel('姓名').fill('王二')
  await form.getByLabel('身份证号').fill(ID)
  await page.getByRole('button', { name: '保存' }).click()
  const conflict = page.getByTestId('field-conflict')
  await expect(conflict).toContainText('身份证号已登记：借款人 王建华（编号 1')
  await snap(page, 'borrower-conflict')
  await conflict.getByRole('button', { name: /查看已登记的借款人 #1/ }).click()
  await expect(page.getByRole('heading', { name: '王建华' })).toBeVisible()
  expect(page.url()).toBe(firstUrl)

  // Loan form from the borrower page: borrower prefilled, officer defaults to me, 月息 6‰ = 7.2 %.
  await page.getByRole('button', { name: '新增贷款' }).click()
  const lf = page.getByTestId('loan-form')
  await expect(lf.getByLabel('借款人')).toHaveValue('王建华')
  await expect(lf.getByRole('combobox', { name: '主责任人' })).toHaveValue('李信贷')
  await expect(lf.getByLabel('合同号')).toBeFocused()
  await lf.getByLabel('合同号').fill('QS-2026-0801')
  await lf.getByLabel('借据号').fill('JJ-2026-0801')
  await lf.getByLabel('贷款产品').fill('农户小额信用贷款')
  await lf.getByLabel('金额（元）').fill('100000')
  await lf.getByText('月息 ‰').click()
  await lf.getByRole('textbox', { name: '月息' }).fill('6')
  await expect(page.getByTestId('rate-conversion')).toHaveText('= 年利率 7.2%（月息 6‰）')
  await expect(lf.getByRole('combobox', { name: '还款方式' })).toHaveValue('等额本息')
  await lf.getByLabel('借款用途').fill('购买化肥种子')
  await expect(page.getByTestId('preview-periods')).toHaveText('12')
  // 100000 元 at 0.6 % a month over 12 等额本息: 8,661.90 a month, 3,942.75 interest in all.
  await expect(page.getByTestId('preview-firstPayment')).toHaveText('8,661.90')
  await expect(page.getByTestId('preview-totalInterest')).toHaveText('3,942.75')
  await expect(page.getByTestId('maturity')).not.toHaveValue('')
  await snap(page, 'loan-form')
  await lf.getByLabel('借款用途').press('Enter')
  await expect(page.getByTestId('plan-created')).toHaveText('已生成还款计划，共 12 期')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('loan-created')).toHaveCount(0)

  // Editing: the borrower keeps his derived birth date; the loan's plan terms are locked.
  await page.getByRole('button', { name: '编辑', exact: true }).click()
  await expect(page.getByTestId('id-derived')).toHaveText('出生日期 1980-05-12 · 男')
  await page.getByTestId('borrower-form').getByLabel('职业').fill('种植大户')
  await page.getByTestId('borrower-form').getByLabel('职业').press('Enter')
  await expect(page.getByText('种植大户')).toBeVisible()
  await page.getByRole('table').getByText('编辑').click()
  await expect(page.getByText('已生成还款计划：金额、利率、期限')).toBeVisible()
  await expect(page.getByTestId('loan-form').getByLabel('金额（元）')).toBeDisabled()
  await page.getByTestId('loan-form').getByLabel('借款用途').fill('购买化肥、种子')
  await page.getByTestId('loan-form').getByLabel('借款用途').press('Enter')
  await expect(page.getByTestId('loan-form')).toHaveCount(0)
  await expect(page.getByText('修改贷款 合同号 QS-2026-0801：purpose')).toBeVisible()

  // On the borrower page, then its servicing page with the 12 installments.
  await page.getByText('QS-2026-0801', { exact: true }).click()
  await expect(page.getByRole('heading', { name: /QS-2026-0801/ })).toBeVisible()
  await expect(page.getByTestId('installments').locator('tbody tr')).toHaveCount(12)
  await expect(page.getByText('7.2%')).toBeVisible()
})

test('admin registers a loan from the servicing list, finding the borrower by search and choosing the officer', async ({
  page,
  server,
}) => {
  await setupAndLoginAdmin(page, server)
  await apiCall(page, 'users.create', {
    username: 'lixd',
    displayName: '李信贷',
    role: 'officer',
    password: 'Init1234',
  })
  await apiCall(page, 'borrowers.create', { kind: 'individual', name: '王建华', idNumber: ID, village: '青山村' })
  await page.goto(`${server.url}#/servicing`)
  await page.getByRole('button', { name: '新增贷款' }).click()
  const lf = page.getByTestId('loan-form')
  const who = lf.getByRole('combobox', { name: '借款人' })
  await expect(who).toBeFocused()
  await who.fill('wjh')
  await page.getByRole('option', { name: /王建华/ }).click()
  await lf.getByRole('combobox', { name: '主责任人' }).click()
  await page.getByRole('option', { name: '李信贷' }).click()
  await lf.getByLabel('合同号').fill('QS-2026-0901')
  await lf.getByLabel('借据号').fill('JJ-2026-0901')
  await lf.getByLabel('贷款产品').fill('农户联保贷款')
  await lf.getByLabel('金额（元）').fill('50,000')
  await lf.getByRole('textbox', { name: '年利率' }).fill('4.35')
  await lf.getByLabel('借款用途').fill('养殖')
  await lf.getByRole('button', { name: '保存' }).click()
  await expect(page.getByTestId('plan-created')).toHaveText('已生成还款计划，共 12 期')
  await page.getByRole('button', { name: '前往贷后办理' }).click()
  await expect(page.getByRole('heading', { name: /QS-2026-0901 · 王建华/ })).toBeVisible()
  await expect(page.getByText('4.35%')).toBeVisible()
})
