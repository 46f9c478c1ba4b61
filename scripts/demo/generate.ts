import { pinyin } from 'pinyin-pro'
import { createBackend } from '../../electron/backend'
import { fullPinyin } from '../../electron/backend/pinyin'
import { appendAudit } from '../../electron/backend/audit/chain'
import { createRandom } from './random'
import { addServicingDemo } from './servicing'
import { addFilesDemo, addLoansDemo } from './archives'
import { borrowerExtras, creditCode, enterpriseName, mobile, personName, residentId, VILLAGES } from './people'

export interface DemoOptions {
  dataDir: string
  seed: number
  borrowers: number
  onProgress?: (done: number, total: number) => void
}

/** Passwords of the demo accounts (printed by the CLI; demo databases only). */
export const DEMO_PASSWORD = 'Demo1234'
export const DEMO_USERS = [
  { username: 'manager', displayName: '周主管', role: 'manager' },
  { username: 'officer1', displayName: '李信贷', role: 'officer' },
  { username: 'officer2', displayName: '王信贷', role: 'officer' },
  { username: 'officer3', displayName: '陈信贷', role: 'officer' },
  { username: 'archivist', displayName: '赵档案', role: 'archivist' },
  { username: 'auditor', displayName: '孙稽核', role: 'auditor' },
] as const

const initialsCache = new Map<string, string>()
/** 张三丰 → zsf (surname-aware: 单 → s, 曾 → z). */
export function nameInitials(name: string): string {
  let v = initialsCache.get(name)
  if (v === undefined) {
    v = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' }).join('').toLowerCase()
    initialsCache.set(name, v)
  }
  return v
}

/** Fills an empty data dir with deterministic, realistic demo data. */
export async function generateDemo(opts: DemoOptions): Promise<{ borrowers: number; ms: number }> {
  const started = performance.now()
  const backend = await createBackend({ dataDir: opts.dataDir, now: () => new Date('2026-11-01T01:00:00.000Z') })
  try {
    const status = await backend.dispatch({ method: 'system.setupStatus', input: {} })
    if (status.ok && !(status.value as { needsSetup: boolean }).needsSetup) {
      throw new Error(`数据目录 ${opts.dataDir} 中已有数据；演示数据只能写入空的数据目录。`)
    }
    const must = async (method: string, input: unknown, token?: string) => {
      const r = await backend.dispatch({ method, input, token: token ?? null })
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
      return r.value as Record<string, unknown>
    }
    await must('system.setup', {
      orgName: '青山县农村信用合作联社',
      branchCode: '3301',
      adminUsername: 'admin',
      adminDisplayName: '系统管理员',
      adminPassword: DEMO_PASSWORD,
    })
    const token = (await must('auth.login', { username: 'admin', password: DEMO_PASSWORD })).token as string
    const officerIds: number[] = []
    for (const u of DEMO_USERS) {
      const created = await must('users.create', { ...u, password: DEMO_PASSWORD }, token)
      if (u.role === 'officer') officerIds.push(created.id as number)
    }
    // Demo accounts may log in straight away.
    backend.env.sqlite.prepare('update users set must_change_password = 0').run()

    const r = createRandom(opts.seed)
    const sqlite = backend.env.sqlite
    const insert = sqlite.prepare(`insert into borrowers
      (kind, name, name_initials, name_pinyin, id_number, id_tail, credit_code, birth_date, sex, phone, village, village_group, address,
       occupation, household_income, credit_rating, legal_rep, business_scope, officer_id, status, created_at, updated_at)
      values (@kind, @name, @initials, @pinyin, @idNumber, @idTail, @creditCode, @birthDate, @sex, @phone, @village, @group, @address,
       @occupation, @income, @rating, @legalRep, @scope, @officerId, 'active', @now, @now)`)
    const now = '2026-11-01T01:00:00.000Z'
    const batch = 10_000
    for (let start = 0; start < opts.borrowers; start += batch) {
      const end = Math.min(opts.borrowers, start + batch)
      sqlite.transaction(() => {
        for (let n = start; n < end; n++) {
          const village = r.pick(VILLAGES)
          const x = borrowerExtras(r)
          const officerId = officerIds[n % officerIds.length] as number
          if (n % 20 === 19) {
            const legalRep = personName(r)
            const name = enterpriseName(r, village)
            insert.run({
              kind: 'enterprise',
              name,
              initials: nameInitials(name),
              pinyin: fullPinyin(name),
              idNumber: null,
              idTail: null,
              creditCode: creditCode(r, n),
              birthDate: null,
              sex: null,
              phone: mobile(r),
              village,
              group: null,
              address: `${village}${x.group}`,
              occupation: null,
              income: null,
              rating: x.rating,
              legalRep,
              scope: '农产品种植、收购与销售',
              officerId,
              now,
            })
          } else {
            const name = personName(r)
            const id = residentId(r, n)
            insert.run({
              kind: 'individual',
              name,
              initials: nameInitials(name),
              pinyin: fullPinyin(name),
              idNumber: id.id,
              idTail: id.id.slice(-6),
              creditCode: null,
              birthDate: id.birthDate,
              sex: id.sex,
              phone: mobile(r),
              village,
              group: x.group,
              address: `${village}${x.group}${r.int(1, 120)}号`,
              occupation: x.occupation,
              income: x.income,
              rating: x.rating,
              legalRep: null,
              scope: null,
              officerId,
              now,
            })
          }
        }
      })()
      opts.onProgress?.(end, opts.borrowers)
    }
    await backend.env.db.transaction().execute((trx) =>
      appendAudit(trx, {
        at: now,
        userId: null,
        username: null,
        method: 'demo.generate',
        entity: 'borrower',
        entityId: null,
        summary: `生成演示数据：${opts.borrowers} 位借款人（种子 ${opts.seed}）`,
      }),
    )
    addLoansDemo(sqlite, { seed: opts.seed, asOf: now.slice(0, 10), now }) // loans, households, guarantors, collateral
    addServicingDemo(sqlite, { seed: opts.seed, asOf: now.slice(0, 10) }) // plans + payment histories for the loans above
    const ids = Object.fromEntries(sqlite.prepare('select username, id from users').raw().all() as [string, number][])
    addFilesDemo(sqlite, {
      seed: opts.seed,
      asOf: now.slice(0, 10),
      now,
      orgCode: '3301',
      keeperId: ids.archivist as number,
      approverId: ids.manager as number,
    })
    // Loans, plans, repayments and files went in by the thousand: one entry lists them as rowid runs
    // (audit.verify then knows the app wrote them; per-row seals would make a rows_ref of millions).
    await backend.env.db.transaction().execute((trx) =>
      appendAudit(trx, {
        at: now,
        userId: null,
        username: null,
        method: 'demo.generate',
        entity: 'loan',
        entityId: null,
        summary: `生成演示数据：贷款、还款计划、还款记录和档案（种子 ${opts.seed}）`,
        ranges: true,
      }),
    )
    sqlite.pragma('optimize')
    return { borrowers: opts.borrowers, ms: performance.now() - started }
  } finally {
    await backend.close()
  }
}
