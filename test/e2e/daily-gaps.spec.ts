import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import type { Page } from '@playwright/test'
import { apiCall, expect, login, setupAndLoginAdmin, snap, test } from './fixtures'

// Issues 9, 10, 14 (the daily-work gaps): the loan head shows the system's suggested category next
// to the decided one, with the customer class; approvers (not officers) get 冲正审批 / 分类审批 in the
// navbar with a pending count; the class is a loan-list filter and shows on the borrower page; a row
// inserted behind the app's back shows on the audit screen's verify result.

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

async function makeUser(page: Page, username: string, displayName: string, role: string): Promise<number> {
  const u = await apiCall<{ id: number }>(page, 'users.create', { username, displayName, role, password: 'Init1234' })
  await page.evaluate(
    async ({ username }) => {
      const call = async (method: string, input: unknown, token?: string) => {
        const res = await fetch('/api/call', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ method, input }),
        })
        return ((await res.json()) as { value: { token: string } }).value
      }
      const { token } = await call('auth.login', { username, password: 'Init1234' })
      await call('auth.changePassword', { oldPassword: 'Init1234', newPassword: 'Passw0rd1' }, token)
      await call('auth.logout', {}, token)
    },
    { username },
  )
  return u.id
}

async function relogin(page: Page, username: string) {
  await page.getByRole('button', { name: '退出登录' }).click()
  await expect(page.getByText('已退出登录')).toBeVisible()
  await login(page, username, 'Passw0rd1')
  await expect(page.getByTestId('user-name')).toBeVisible()
}

test('suggested category and class on the loan head; approvers’ nav with counts; class filter; inserted row on verify', async ({
  page,
  server,
}) => {
  test.setTimeout(240_000)
  await page.setViewportSize({ width: 1366, height: 768 })
  await setupAndLoginAdmin(page, server)
  const officerId = await makeUser(page, 'liming', '李明', 'officer')
  await makeUser(page, 'zhaozg', '赵主管', 'manager')
  await makeUser(page, 'sunjh', '孙稽核', 'auditor')
  // First installment due 95 days ago, nothing paid: DPD 95 → floor and suggestion 次级; class C
  // (overdue on the first installment, DOMAIN §5). Decided category: 正常 (nobody decided yet).
  const b = await apiCall<{ id: number }>(page, 'borrowers.create', {
    kind: 'individual',
    name: '钱多多',
    idNumber: '330102198005122316',
    phone: '13912345678',
    village: '青山村',
  })
  const loan = await apiCall<{ id: number }>(page, 'loans.create', {
    borrowerId: b.id,
    contractNo: 'QS-GAP-0095',
    iouNo: 'JJ-GAP-0095',
    product: '农户小额信用贷款',
    principal: 2_400_000,
    annualRate: '6',
    termMonths: 12,
    method: 'equal_principal',
    disbursementDate: await localDay(page, -95, -1),
    maturityDate: await localDay(page, -95, 11),
    purpose: '养殖',
    guaranteeType: 'credit',
    officerId,
  })
  await apiCall(page, 'servicing.createPlan', { loanId: loan.id })

  // The officer: today's evaluation runs on first start and stores the class.
  await relogin(page, 'liming')
  const nav = page.getByRole('navigation', { name: '主导航' })
  await expect(nav.getByRole('link', { name: /贷后管理/ })).toBeVisible()
  await expect(nav.getByRole('link', { name: /冲正审批/ })).toHaveCount(0)
  await expect(nav.getByRole('link', { name: /分类审批/ })).toHaveCount(0)
  await page.goto(`${server.url}#/servicing/loan?id=${loan.id}`)
  await expect(page.getByTestId('category')).toContainText('正常')
  await expect(page.getByTestId('suggested-category')).toHaveText('建议：次级')
  await expect(page.getByTestId('customer-class')).toHaveText('客户 C 类')
  await snap(page, 'gaps-loan-head-officer')
  await page.getByTestId('head-propose-category').click()
  await expect(page).toHaveURL(new RegExp(`#/risk/loan\\?id=${loan.id}$`))
  await apiCall(page, 'classification.propose', {
    loanId: loan.id,
    category: 'substandard',
    reason: '逾期 95 天，联系不上',
  })

  // The manager: both approval queues in the navbar, the proposal counted.
  await relogin(page, 'zhaozg')
  await expect(nav.getByRole('link', { name: /冲正审批/ })).toBeVisible()
  await expect(page.getByTestId('nav-count-proposals')).toHaveText('1')
  await expect(page.getByTestId('nav-count-reversals')).toHaveCount(0) // none pending: no badge
  await nav.getByRole('link', { name: /分类审批/ }).click()
  await expect(page.getByTestId('pending-list')).toContainText('QS-GAP-0095')
  await nav.getByRole('link', { name: /冲正审批/ }).click()
  await expect(page.getByText('没有待审批的冲正申请')).toBeVisible()
  await snap(page, 'gaps-nav-manager')

  // Loan list: class C finds the loan, class A does not.
  await page.goto(`${server.url}#/servicing`)
  await page.getByTestId('filter-class').click()
  await page.getByRole('option', { name: 'C 类' }).click()
  await expect(page.getByTestId('loan-list')).toContainText('QS-GAP-0095')
  await expect(page.getByTestId('row-category').first()).toContainText('正常 · C')
  await snap(page, 'gaps-loan-list-class')
  await page.getByTestId('filter-class').click({ position: { x: 12, y: 12 } }) // left of the clear button
  await page.getByRole('option', { name: 'A 类' }).click()
  await expect(page.getByTestId('loan-list')).not.toContainText('QS-GAP-0095')

  // Borrower page: the class and its history.
  await page.goto(`${server.url}#/borrowers/detail?id=${b.id}`)
  await expect(page.getByTestId('borrower-class').first()).toHaveText('C 类')
  await expect(page.getByTestId('class-history')).toContainText('C')
  await snap(page, 'gaps-borrower-class')

  // A repayment inserted with SQL behind the app's back shows on the audit screen.
  const db = new Database(join(server.dataDir, 'daihou.sqlite'))
  const rowId = Number(
    db
      .prepare(
        `insert into repayments (loan_id, paid_date, amount, channel, receipt_no, created_at)
         values (?, ?, 100000, 'cash', 'SQL-0001', '2026-01-01T00:00:00Z')`,
      )
      .run(loan.id, await localDay(page, -1)).lastInsertRowid,
  )
  db.close()
  await relogin(page, 'sunjh')
  await page.goto(`${server.url}#/audit`)
  await page.getByRole('button', { name: '校验审计链' }).click()
  await expect(page.getByTestId('verify-inserted')).toContainText('1 行在本程序之外被插入')
  await expect(page.getByTestId('verify-problems')).toContainText(`还款记录 表第 ${rowId} 行`)
  await snap(page, 'gaps-audit-inserted')
})
