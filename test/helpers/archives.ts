import { residentIdCheck } from '../../scripts/demo/people'
import { loginAs, makeBackend, setupAdmin, type TestBackend } from './backend'

/** A valid resident ID for a birth date and a 3-digit sequence (odd = male). */
export function makeId(birth = '19800101', seq = 1, area = '330127'): string {
  const first17 = `${area}${birth}${String(seq).padStart(3, '0')}`
  return first17 + residentIdCheck(first17)
}

/** A world with an admin, a manager, two officers, an archivist and an auditor, all logged in. */
export async function makeWorld(t?: TestBackend) {
  t ??= await makeBackend()
  const admin = await setupAdmin(t)
  const tokens = {
    admin,
    manager: await loginAs(t, admin, 'manager', 'manager'),
    officer: await loginAs(t, admin, 'officer', 'officer1'),
    officer2: await loginAs(t, admin, 'officer', 'officer2'),
    archivist: await loginAs(t, admin, 'archivist', 'archivist'),
    auditor: await loginAs(t, admin, 'auditor', 'auditor'),
  }
  const users = await t.call('users.list', {}, admin)
  const idOf = (u: string) => users.find((x) => x.username === u)!.id
  const ids = {
    admin: idOf('admin'),
    manager: idOf('manager'),
    officer: idOf('officer1'),
    officer2: idOf('officer2'),
    archivist: idOf('archivist'),
  }
  let seq = 100
  /** Creates an individual borrower as `token` (default officer1). */
  const borrower = async (
    name: string,
    opts: { token?: string; birth?: string; phone?: string; village?: string } = {},
  ) =>
    t.call(
      'borrowers.create',
      {
        kind: 'individual',
        name,
        idNumber: makeId(opts.birth ?? '19800101', seq++),
        phone: opts.phone ?? null,
        village: opts.village ?? '青山镇前进村',
        creditRating: 'A',
      },
      opts.token ?? tokens.officer,
    )
  let n = 0
  /** Creates a loan for a borrower as `token` (default officer1). */
  const loan = async (borrowerId: number, opts: { token?: string; principal?: number; contractNo?: string } = {}) => {
    n++
    return t.call(
      'loans.create',
      {
        borrowerId,
        contractNo: opts.contractNo ?? `HT2026-${String(n).padStart(4, '0')}`,
        iouNo: `JJ2026-${String(n).padStart(4, '0')}`,
        product: '农户小额信用贷款',
        principal: opts.principal ?? 5_000_000,
        annualRate: '4.35',
        termMonths: 12,
        method: 'annuity',
        disbursementDate: '2026-01-10',
        maturityDate: '2027-01-10',
        purpose: '购买化肥种子',
        guaranteeType: 'guarantee',
      },
      opts.token ?? tokens.officer,
    )
  }
  return { t, tokens, ids, borrower, loan }
}
export type World = Awaited<ReturnType<typeof makeWorld>>
