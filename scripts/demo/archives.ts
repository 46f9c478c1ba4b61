// Demo archives data: loans (~1.25 per borrower), households, guarantors, collateral with
// valuations (before servicing adds plans), then loan files with checklist items and a
// borrowing register (after servicing has settled loans). Raw prepared statements, 10k-row
// transactions: county size (200k borrowers) takes well under two minutes.
import type Database from 'better-sqlite3-multiple-ciphers'
import { addMonths } from '../../shared/domain'
import { formatFileNo } from '../../shared/archives'
import { personName } from './people'
import { createRandom } from './random'

const PRODUCTS = [
  '农户小额信用贷款',
  '农户联保贷款',
  '个体工商户经营贷款',
  '农房抵押贷款',
  '专业合作社流动资金贷款',
] as const
const PURPOSES = ['购买化肥种子', '扩大养殖规模', '购置农机', '店面进货', '茶园改造', '大棚建设', '收购农产品'] as const
// Weighted as a county's book: mostly monthly instalments (等额本息/等额本金), some 按季结息, few 利随本清.
const METHODS = [
  'annuity',
  'annuity',
  'annuity',
  'annuity',
  'equal_principal',
  'equal_principal',
  'equal_principal',
  'quarterly_interest',
  'quarterly_interest',
  'bullet',
] as const
// 1–5 years; longer terms for the larger (mortgage, business) loans are folded into the mix.
const TERMS = [12, 24, 24, 36, 36, 60] as const
const COLLATERAL = [
  ['房产', '住宅'],
  ['土地经营权', '承包地'],
  ['林权', '林地'],
  ['存单', '定期存单'],
] as const
const BATCH = 10_000

function chunked<T>(sqlite: Database.Database, xs: T[], fn: (x: T) => void): void {
  for (let i = 0; i < xs.length; i += BATCH) sqlite.transaction(() => xs.slice(i, i + BATCH).forEach(fn))()
}

/** Loans, households, guarantors and collateral for every borrower; returns counts. */
export function addLoansDemo(sqlite: Database.Database, o: { seed: number; asOf: string; now: string }) {
  const r = createRandom(o.seed ^ 0xa5c1)
  // Search columns added by 0004 for borrowers inserted by the generator above.
  sqlite
    .prepare('update borrowers set phone_tail = substr(phone, -4) where phone is not null and phone_tail is null')
    .run()
  const borrowers = sqlite
    .prepare('select id, kind, officer_id, village, village_group, address from borrowers order by id')
    .raw()
    .all() as [number, string, number, string, string | null, string | null][]
  const insLoan =
    sqlite.prepare(`insert into loans (borrower_id, contract_no, iou_no, product, principal, annual_rate, term_months, method, disbursement_date,
    maturity_date, purpose, guarantee_type, officer_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const insHh = sqlite.prepare(
    'insert into households (head_borrower_id, village, village_group, address, created_at, updated_at) values (?, ?, ?, ?, ?, ?)',
  )
  const insMember = sqlite.prepare(
    'insert into household_members (household_id, borrower_id, relation) values (?, ?, ?)',
  )
  const insG =
    sqlite.prepare(`insert into guarantors (loan_id, borrower_id, kind, name, id_number, phone, mode, amount, period_start, period_end, created_at)
    select ?, id, 'borrower', name, coalesce(id_number, credit_code), phone, ?, ?, ?, ?, ? from borrowers where id = ?`)
  const insC =
    sqlite.prepare(`insert into collaterals (loan_id, type, description, owner_name, cert_no, other_right_cert_no, location, appraised_value, appraised_on,
    insured, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const insV = sqlite.prepare(
    'insert into collateral_valuations (collateral_id, value, valued_on, valuer, created_at) values (?, ?, ?, ?, ?)',
  )
  let seq = 0,
    households = 0,
    guarantors = 0,
    collaterals = 0
  chunked(sqlite, borrowers, ([id, kind, officerId, village, group, address]) => {
    // Households: every 4th individual is a 户主; the next one or two (same officer) join as spouse/child.
    if (kind === 'individual' && id % 4 === 1) {
      const hh = Number(insHh.run(id, village, group, address, o.now, o.now).lastInsertRowid)
      insMember.run(hh, id, 'head')
      const spouse = borrowers[id]
      if (spouse && spouse[1] === 'individual') insMember.run(hh, spouse[0], 'spouse')
      households++
    }
    const n = r.next() < 0.25 ? 2 : 1 // ~1.25 loans per borrower
    for (let k = 0; k < n; k++) {
      seq++
      const year = r.int(2020, 2026)
      const disb = `${year}-${String(r.int(1, year === 2026 ? 9 : 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`
      const term = r.pick(TERMS)
      const gt =
        kind === 'enterprise'
          ? r.pick(['mortgage', 'guarantee'] as const)
          : r.pick(['credit', 'credit', 'guarantee', 'mortgage', 'pledge'] as const)
      const principal = r.int(10, 500) * 100_000 // 1万–50万 元
      const no = String(seq).padStart(7, '0')
      const loanId = Number(
        insLoan.run(
          id,
          `HT${year}${no}`,
          `JJ${year}${no}`,
          r.pick(PRODUCTS),
          principal,
          r.pick(['4.35', '5.22', '6.09', '7.2']),
          term,
          r.pick(METHODS),
          disb,
          addMonths(disb, term),
          r.pick(PURPOSES),
          gt,
          officerId,
          o.now,
          o.now,
        ).lastInsertRowid,
      )
      if (gt === 'guarantee') {
        const other = ((id + r.int(1, 5000)) % borrowers.length) + 1
        insG.run(
          loanId,
          r.next() < 0.85 ? 'joint' : 'general',
          principal,
          disb,
          addMonths(addMonths(disb, term), 36),
          o.now,
          other,
        )
        guarantors++
      }
      if (gt === 'mortgage' || gt === 'pledge') {
        const [type, what] = gt === 'pledge' ? COLLATERAL[3] : r.pick(COLLATERAL.slice(0, 3))
        const value = Math.round((principal * r.int(110, 220)) / 100)
        const cid = Number(
          insC.run(
            loanId,
            type,
            `${village}${group ?? ''}${what}`,
            null,
            `证${year}${no}`,
            gt === 'mortgage' ? `他项${year}${no}` : null,
            village,
            value,
            disb,
            r.next() < 0.6 ? 1 : 0,
            o.now,
            o.now,
          ).lastInsertRowid,
        )
        insV.run(cid, value, disb, '初始评估', o.now)
        if (r.next() < 0.4)
          insV.run(
            cid,
            Math.round((value * r.int(85, 110)) / 100),
            addMonths(disb, 12) < o.asOf ? addMonths(disb, 12) : disb,
            '年度重估',
            o.now,
          )
        collaterals++
      }
    }
  })
  return { loans: seq, households, guarantors, collaterals }
}

/** Files (with the 13-item checklist) for 31 % of loans, i.e. ~1M items at county size, plus lendings. */
export function addFilesDemo(
  sqlite: Database.Database,
  o: { seed: number; asOf: string; now: string; orgCode: string; keeperId: number; approverId: number },
) {
  const r = createRandom(o.seed ^ 0xf11e)
  const loans = sqlite
    .prepare('select id, disbursement_date, status, guarantee_type from loans where id % 100 < 31 order by id')
    .raw()
    .all() as [number, string, string, string][]
  const template = sqlite
    .prepare("select code, name, sort from archive_template_items where category = 'DK' and active = 1 order by sort")
    .raw()
    .all() as [string, string, number][]
  const insF =
    sqlite.prepare(`insert into loan_files (loan_id, file_no, org_code, year, category, seq, location, status, keeper_id, legal_hold, legal_hold_reason, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, 'in_store', ?, ?, ?, ?, ?)`)
  const insI = sqlite.prepare(
    'insert into loan_file_items (file_id, code, name, sort, state, original, pages) values (?, ?, ?, ?, ?, ?, ?)',
  )
  const insL =
    sqlite.prepare(`insert into file_lendings (file_id, borrower_name, purpose, approver_id, keeper_id, lent_on, due_back, returned_on, condition, created_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const lent = sqlite.prepare("update loan_files set status = 'lent' where id = ?")
  const counters = new Map<string, number>()
  let items = 0,
    lendings = 0
  chunked(sqlite, loans, ([loanId, disb, status, gt]) => {
    const year = Number(disb.slice(0, 4))
    const cat = status === 'written_off' ? 'SS' : 'DK'
    const key = `${year}-${cat}`
    const seq = (counters.get(key) ?? 0) + 1
    counters.set(key, seq)
    const hold = status === 'written_off' && r.next() < 0.5
    const fileId = Number(
      insF.run(
        loanId,
        formatFileNo(o.orgCode, year, cat, seq),
        o.orgCode,
        year,
        cat,
        seq,
        `${'ABCDEFGH'[r.int(0, 7)]}柜-${r.int(1, 6)}层-${r.int(1, 40)}盒`,
        o.keeperId,
        hold ? 1 : 0,
        hold ? '核销后诉讼追偿中' : null,
        o.now,
        o.now,
      ).lastInsertRowid,
    )
    for (const [code, name, sort] of template) {
      const na =
        (code === 'guarantee_contract' && gt === 'credit') ||
        (code === 'other_right_cert' && gt !== 'mortgage') ||
        code === 'extension' ||
        (code === 'settlement' && status !== 'settled')
      const state = na ? 'na' : r.next() < 0.04 ? 'missing' : 'present'
      insI.run(
        fileId,
        code,
        name,
        sort,
        state,
        state === 'present' ? (r.next() < 0.8 ? 1 : 0) : null,
        state === 'present' ? r.int(1, 12) : null,
      )
      items++
    }
    if (r.next() < 0.01) {
      const lentOn = addMonths(o.asOf, -r.int(0, 3))
      const returned = r.next() < 0.6
      insL.run(
        fileId,
        personName(r),
        r.pick(['贷后检查', '内部审计', '诉讼取证', '展期审查']),
        o.approverId,
        o.keeperId,
        lentOn,
        addMonths(lentOn, 1),
        returned ? addMonths(lentOn, 1) : null,
        returned ? '完好' : null,
        o.now,
      )
      if (!returned) lent.run(fileId)
      lendings++
    }
  })
  const setCounter = sqlite.prepare(
    'insert into archive_counters (org_code, year, category, last_seq) values (?, ?, ?, ?)',
  )
  for (const [key, last] of counters) {
    const [year, cat] = key.split('-') as [string, string]
    setCounter.run(o.orgCode, Number(year), cat, last)
  }
  return { files: loans.length, items, lendings }
}
