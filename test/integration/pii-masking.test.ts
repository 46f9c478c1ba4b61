import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { contract, hasPermission, METHOD_NAMES, type MethodDef, type Role } from '../../shared/api'
import { maskIdNumber, maskPhone } from '../../shared/archives'
import { makeId, makeWorld, type World } from '../helpers/archives'

// issue 14, item 2: contract-driven. Every read method, as every role, with plausible inputs:
// roles without `pii.view` never receive a full ID number or phone of the seed (in JSON or in an
// exported workbook), and no error message about a borrower carries a full ID number.
const SEED_ID = makeId('19850315', 777)
const SEED_PHONE = '13912345678'
const GUARANTOR_ID = makeId('19700101', 555)
const GUARANTOR_PHONE = '13787654321'
const SECRETS = [SEED_ID, SEED_PHONE, GUARANTOR_ID, GUARANTOR_PHONE]
const ROLES_UNDER_TEST = ['admin', 'manager', 'officer', 'archivist', 'auditor'] as const satisfies readonly Role[]

let w: World
let ids: { borrower: number; loan: number; file: number; household: number }
beforeAll(async () => {
  w = await makeWorld()
  const b = await w.t.call(
    'borrowers.create',
    { kind: 'individual', name: '隐私甲', idNumber: SEED_ID, phone: SEED_PHONE, village: '青山镇前进村' },
    w.tokens.officer,
  )
  const loan = await w.loan(b.id)
  await w.t.call(
    'loans.addGuarantor',
    {
      loanId: loan.id,
      kind: 'person',
      name: '担保乙',
      idNumber: GUARANTOR_ID,
      phone: GUARANTOR_PHONE,
      mode: 'joint',
      amount: 5_000_000,
      periodStart: '2026-01-10',
      periodEnd: '2030-01-10',
    },
    w.tokens.officer,
  )
  await w.t.call('servicing.createPlan', { loanId: loan.id }, w.tokens.officer)
  const household = await w.t.call('borrowers.createHousehold', { headBorrowerId: b.id }, w.tokens.officer)
  const file = await w.t.call('archives.register', { loanId: loan.id }, w.tokens.archivist)
  ids = { borrower: b.id, loan: loan.id, file: file.id, household: household.id }
})
afterAll(() => w.t.close())

/** Plausible values by input key; `id` depends on the method's area. */
function valuesFor(method: string): Record<string, unknown>[] {
  const area = method.split('.')[0]
  const id =
    area === 'loans' ? ids.loan : area === 'archives' ? ids.file : area === 'users' ? w.ids.officer : ids.borrower
  const base = {
    id,
    loanId: ids.loan,
    borrowerId: ids.borrower,
    fileId: ids.file,
    householdId: ids.household,
    headBorrowerId: ids.borrower,
    asOf: '2026-03-02',
    days: 30,
    from: '2026-01-01',
    to: '2026-12-31',
    limit: 50,
    list: 'borrowers',
  }
  // Searches: the full numbers (must not confirm identity), their tails, the name.
  const queries = [SEED_ID, SEED_PHONE, SEED_ID.slice(-4), SEED_PHONE.slice(-4), '隐私甲', GUARANTOR_ID]
  return [
    base,
    ...queries.map((q) => ({ ...base, q })),
    ...(['borrowers', 'loans', 'files', 'lendings'] as const).map((list) => ({ ...base, list })),
  ]
}

function inputFor(def: MethodDef, values: Record<string, unknown>): Record<string, unknown> {
  if (!(def.input instanceof z.ZodObject)) return {}
  return Object.fromEntries(
    Object.keys(def.input.shape)
      .filter((k) => k in values)
      .map((k) => [k, values[k]]),
  )
}

/** The text a caller receives, including the cells of any workbook sent back. */
async function receivedText(value: unknown): Promise<string> {
  let text = JSON.stringify(value)
  const b64 = (value as { contentBase64?: unknown } | null)?.contentBase64
  if (typeof b64 === 'string') {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(b64, 'base64') as unknown as ArrayBuffer)
    wb.eachSheet((ws) => ws.eachRow((row) => (text += ` ${JSON.stringify(row.values)}`)))
  }
  return text
}

describe('contract-driven PII masking (issue 14.2)', () => {
  it('no read method gives a role without pii.view a full ID number or phone; errors never carry a full ID', async () => {
    const reads = METHOD_NAMES.filter(
      (m) => !(contract as Record<string, MethodDef>)[m]!.write && !m.startsWith('auth.'),
    )
    const sawMasked = new Set<string>()
    const sawFull = new Set<string>()
    let calls = 0
    for (const method of reads) {
      const def = (contract as Record<string, MethodDef>)[method]!
      const inputs = new Map(valuesFor(method).map((v) => [JSON.stringify(inputFor(def, v)), inputFor(def, v)]))
      for (const role of ROLES_UNDER_TEST) {
        for (const input of inputs.values()) {
          const r = await w.t.backend.dispatch({ method, input, token: w.tokens[role] })
          calls++
          if (!r.ok) {
            for (const s of [SEED_ID, GUARANTOR_ID]) expect(r.error.message, `${method} as ${role}`).not.toContain(s)
            continue
          }
          const text = await receivedText(r.value)
          if (hasPermission(role, 'pii.view')) {
            if (SECRETS.some((s) => text.includes(s))) sawFull.add(method)
            continue
          }
          for (const s of SECRETS) expect(text, `${method} as ${role} ${JSON.stringify(input)}`).not.toContain(s)
          if (
            text.includes(maskIdNumber(SEED_ID)) ||
            text.includes(maskPhone(SEED_PHONE)) ||
            text.includes(maskIdNumber(GUARANTOR_ID))
          )
            sawMasked.add(method)
        }
      }
    }
    // The sweep reached the methods that carry personal data (so it could have failed).
    for (const m of ['borrowers.get', 'borrowers.list', 'loans.get', 'search.global', 'imports.export']) {
      expect(sawMasked, `masked in ${m}`).toContain(m)
      expect(sawFull, `full for pii.view in ${m}`).toContain(m)
    }
    if (METHOD_NAMES.includes('servicing.dueSoon')) expect(sawFull).toContain('servicing.dueSoon')
    expect(calls).toBeGreaterThan(200)
  })

  it('a full ID number or phone in search finds nobody for roles without pii.view', async () => {
    for (const role of ['archivist', 'auditor'] as const) {
      for (const q of [SEED_ID, SEED_PHONE])
        expect((await w.t.call('search.global', { q }, w.tokens[role])).hits, `${role} ${q}`).toEqual([])
      expect(
        (await w.t.call('search.global', { q: SEED_ID.slice(-4) }, w.tokens[role])).hits.map((h) => h.id),
      ).toContain(ids.borrower)
    }
    expect((await w.t.call('search.global', { q: SEED_ID }, w.tokens.officer)).hits.map((h) => h.id)).toContain(
      ids.borrower,
    )
  })
})

describe('borrower errors carry no full ID and name the owner only inside the portfolio', () => {
  it('a duplicate ID from another officer is refused without the number, the name or the id', async () => {
    const e = await w.t.fail(
      'borrowers.create',
      { kind: 'individual', name: '冒名丙', idNumber: SEED_ID },
      w.tokens.officer2,
    )
    expect(e.code).toBe('CONFLICT')
    expect(e.message).not.toContain(SEED_ID)
    expect(e.message).not.toContain('隐私甲')
    expect(e.message).not.toContain(String(ids.borrower))
    expect(e.data).toBeUndefined()
    expect(e.fields?.[0]?.path).toBe('idNumber')
  })

  it('inside the portfolio the existing borrower is named and its id given as data, not only in the text', async () => {
    const e = await w.t.fail(
      'borrowers.create',
      { kind: 'individual', name: '重复丁', idNumber: SEED_ID },
      w.tokens.officer,
    )
    expect(e.code).toBe('CONFLICT')
    expect(e.message).not.toContain(SEED_ID)
    expect(e.message).toContain('隐私甲')
    expect(e.data).toEqual({ existingBorrowerId: ids.borrower })
    const byManager = await w.t.fail(
      'borrowers.create',
      { kind: 'individual', name: '重复戊', idNumber: SEED_ID },
      w.tokens.manager,
    )
    expect(byManager.data).toEqual({ existingBorrowerId: ids.borrower })
  })

  it('an invalid ID number or phone is refused without echoing it', async () => {
    const badId = `${SEED_ID.slice(0, 17)}${SEED_ID.endsWith('1') ? '2' : '1'}`
    const e = await w.t.fail(
      'borrowers.create',
      { kind: 'individual', name: '无效己', idNumber: badId, phone: '12345678901' },
      w.tokens.officer,
    )
    expect(e.code).toBe('VALIDATION')
    expect(JSON.stringify(e.fields)).not.toContain(badId)
    expect(e.message).not.toContain(badId)
    expect(JSON.stringify(e.fields)).not.toContain('12345678901')
  })
})
