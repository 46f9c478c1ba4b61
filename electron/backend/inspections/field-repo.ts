// SQL of the field-work views: route sheet rows and a guarantor's own loans.
import type { Db } from '../db/types'
import type {} from '../db/schema-inspections'

/** Loans with an inspection due by `to`, grouped for a walk: village, group, address. */
export async function routeSheetLoans(
  db: Db,
  f: { officerId: number | null; village: string | null; to: string; limit: number },
) {
  let q = db
    .selectFrom('inspection_due as d')
    .innerJoin('loans as l', 'l.id', 'd.loan_id')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .leftJoin('users as u', 'u.id', 'l.officer_id')
    .select([
      'd.loan_id',
      'd.due_date',
      'd.kind',
      'l.contract_no',
      'l.principal',
      'b.name',
      'b.village',
      'b.village_group',
      'b.address',
      'b.phone',
      'u.display_name',
    ])
    .where('l.status', '=', 'active')
    .where('d.due_date', '<=', f.to)
  if (f.officerId !== null) q = q.where('d.officer_id', '=', f.officerId)
  if (f.village) q = q.where('b.village', '=', f.village)
  const rows = await q
    .orderBy('b.village')
    .orderBy('b.village_group')
    .orderBy('b.address')
    .orderBy('d.due_date')
    .orderBy('d.loan_id')
    .limit(f.limit)
    .execute()
  return rows.map((r) => ({
    loanId: r.loan_id,
    borrowerName: r.name,
    village: r.village,
    villageGroup: r.village_group,
    address: r.address,
    phone: r.phone,
    contractNo: r.contract_no,
    officerName: r.display_name,
    principal: r.principal,
    dueDate: r.due_date,
    kind: r.kind,
  }))
}

/** Villages of the borrowers in a portfolio (all when officerId is null). */
export async function villagesOf(db: Db, officerId: number | null): Promise<string[]> {
  let q = db.selectFrom('borrowers').select('village').distinct().where('village', 'is not', null)
  if (officerId !== null) q = q.where('officer_id', '=', officerId)
  return (await q.orderBy('village').limit(500).execute()).map((r) => r.village!)
}

/** A guarantor with the loans it borrows itself and the other loans it guarantees (matched by borrower or ID number). */
export async function guarantorAndLoans(db: Db, guarantorId: number) {
  const g = await db.selectFrom('guarantors').selectAll().where('id', '=', guarantorId).executeTakeFirst()
  if (!g) return null
  const pick = [
    'l.id',
    'l.contract_no',
    'l.principal',
    'l.status',
    'l.category',
    'l.maturity_date',
    'l.officer_id',
  ] as const
  let own: {
    id: number
    contract_no: string
    principal: number
    status: string
    category: string
    maturity_date: string
    officer_id: number
  }[] = []
  if (g.borrower_id !== null || g.id_number) {
    own = await db
      .selectFrom('loans as l')
      .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
      .select([...pick])
      .where((eb) =>
        eb.or([
          eb('b.id', '=', g.borrower_id ?? -1),
          eb('b.id_number', '=', g.id_number ?? ''),
          eb('b.credit_code', '=', g.id_number ?? ''),
        ]),
      )
      .orderBy('l.id')
      .limit(100)
      .execute()
  }
  const guaranteed = await db
    .selectFrom('guarantors as x')
    .innerJoin('loans as l', 'l.id', 'x.loan_id')
    .select([...pick])
    .where('x.id', '<>', g.id)
    .where((eb) => eb.or([eb('x.borrower_id', '=', g.borrower_id ?? -1), eb('x.id_number', '=', g.id_number ?? '')]))
    .orderBy('l.id')
    .limit(100)
    .execute()
  const map = (role: 'borrower' | 'guarantor') => (l: (typeof own)[number]) => ({
    loanId: l.id,
    contractNo: l.contract_no,
    role,
    principal: l.principal,
    status: l.status,
    category: l.category,
    maturityDate: l.maturity_date,
    officerId: l.officer_id,
  })
  return {
    name: g.name,
    guaranteedLoanId: g.loan_id,
    loans: [...own.map(map('borrower')), ...guaranteed.map(map('guarantor'))],
  }
}
