import { sql } from 'kysely'
import type { SearchHit } from '../../../shared/api'
import { highlightRanges, maskIdNumber, maskPhone, queryShape } from '../../../shared/archives'
import type { Ctx, Handlers } from '../context'
import { selectBorrowers } from '../borrowers/borrowers-repo'
import { scopeOfficer, seesPii } from '../scope'
import type {} from '../db/schema-search'

const HIGH = '\uffff'
type BorrowerRow = Awaited<ReturnType<ReturnType<typeof selectBorrowers>['execute']>>[number]

/**
 * Each path is an indexed equality or prefix range (no leading wildcards, no FTS), so 1–2
 * character queries have complete recall: 王芳 → name = '王芳' plus names starting with 王芳.
 */
async function borrowerHits(ctx: Ctx, q: string, limit: number): Promise<SearchHit[]> {
  const shape = queryShape(q)
  const paths: {
    field: string
    score: number
    where: (qb: ReturnType<typeof selectBorrowers>) => ReturnType<typeof selectBorrowers>
  }[] = []
  if (shape === 'cjk' || shape === 'mixed') {
    paths.push({ field: 'name', score: 90, where: (b) => b.where('b.name', '=', q) })
    paths.push({ field: 'name', score: 70, where: (b) => b.where('b.name', '>', q).where('b.name', '<', q + HIGH) })
  }
  if (shape === 'latin') {
    const lq = q.toLowerCase()
    paths.push({ field: 'initials', score: 80, where: (b) => b.where('b.name_initials', '=', lq) })
    paths.push({
      field: 'initials',
      score: 60,
      where: (b) => b.where('b.name_initials', '>', lq).where('b.name_initials', '<', lq + HIGH),
    })
    // Full pinyin (wangjing → 王静), exact then prefix; index borrowers_pinyin (migration 0011).
    paths.push({ field: 'pinyin', score: 85, where: (b) => b.where('b.name_pinyin', '=', lq) })
    if (lq.length >= 2)
      paths.push({
        field: 'pinyin',
        score: 65,
        where: (b) => b.where('b.name_pinyin', '>', lq).where('b.name_pinyin', '<', lq + HIGH),
      })
  }
  // A full ID number or phone finds its owner only for roles that may see full numbers: for others
  // a hit would confirm whose number it is (issue 14.2); they search by name or the last digits.
  const pii = seesPii(ctx)
  if (shape === 'digits') {
    const uq = q.toUpperCase()
    if (uq.length === 18 && pii)
      paths.push({ field: 'idNumber', score: 100, where: (b) => b.where('b.id_number', '=', uq) })
    if (uq.length === 11 && pii) paths.push({ field: 'phone', score: 95, where: (b) => b.where('b.phone', '=', uq) })
    if (uq.length === 4) {
      paths.push({ field: 'phoneTail', score: 50, where: (b) => b.where('b.phone_tail', '=', uq) })
      paths.push({
        field: 'idTail',
        score: 55,
        where: (b) => b.where(sql`substr(b.id_number, -4)`, '=', uq).where('b.id_number', 'is not', null),
      })
    }
    if (uq.length === 5)
      paths.push({
        field: 'idTail',
        score: 55,
        where: (b) => b.where(sql`substr(b.id_number, -5)`, '=', uq).where('b.id_number', 'is not', null),
      })
    if (uq.length === 6) paths.push({ field: 'idTail', score: 55, where: (b) => b.where('b.id_tail', '=', uq) })
    // ID number prefix (区划码 + birth date …), only for roles that see full ID numbers.
    if (pii && uq.length >= 6 && uq.length < 18)
      paths.push({
        field: 'idNumber',
        score: 58,
        where: (b) => b.where('b.id_number', '>=', uq).where('b.id_number', '<', uq + HIGH),
      })
    // Any 4+ consecutive digits of a phone (pii.view only: digits could confirm whose number it is):
    // FTS5 trigram index over borrowers.phone (migration 0011).
    if (pii && /^\d{4,11}$/.test(uq))
      paths.push({
        field: 'phone',
        score: 45,
        where: (b) =>
          b.where('b.id', 'in', sql<number>`(select rowid from borrower_phone_fts where phone match ${`"${uq}"`})`),
      })
  }
  const scope = scopeOfficer(ctx)
  const seen = new Set<number>()
  const hits: SearchHit[] = []
  for (const p of paths) {
    let qb = p.where(selectBorrowers(ctx.db))
    if (scope !== null) {
      qb = qb.where((eb) =>
        eb.or([
          eb('b.officer_id', '=', scope),
          eb.exists(
            eb
              .selectFrom('loans as l')
              .select('l.id')
              .whereRef('l.borrower_id', '=', 'b.id')
              .where('l.officer_id', '=', scope),
          ),
        ]),
      )
    }
    // No ORDER BY: equality/prefix paths come back in index order, and an ORDER BY name could
    // tempt the planner into walking the whole name index; results are ranked in memory.
    const rows = await qb.limit(limit + 1).execute()
    for (const r of rows) {
      if (seen.has(r.id)) continue
      seen.add(r.id)
      hits.push(toHit(r, p.field, p.score, q, pii))
    }
  }
  return hits
}

function toHit(r: BorrowerRow, field: string, score: number, q: string, pii: boolean): SearchHit {
  const id = r.id_number && (pii ? r.id_number : maskIdNumber(r.id_number))
  const phone = r.phone && (pii ? r.phone : maskPhone(r.phone))
  const matchText =
    field === 'name'
      ? r.name
      : field === 'initials'
        ? r.name_initials
        : field === 'pinyin'
          ? (r.name_pinyin ?? '')
          : field === 'phone' || field === 'phoneTail'
            ? (phone ?? '')
            : (id ?? '')
  const ranges =
    field === 'initials' || field === 'pinyin' ? [[0, q.length] as [number, number]] : highlightRanges(matchText, q)
  return {
    type: 'borrower',
    id: r.id,
    title: r.name,
    subtitle: [r.village, id ?? r.credit_code, phone].filter(Boolean).join(' · '),
    field,
    matchText,
    ranges,
    score,
  }
}

async function loanAndFileHits(ctx: Ctx, q: string, limit: number): Promise<SearchHit[]> {
  const uq = q.toUpperCase()
  const scope = scopeOfficer(ctx)
  const hits: SearchHit[] = []
  for (const col of ['contract_no', 'iou_no'] as const) {
    let qb = ctx.db
      .selectFrom('loans as l')
      .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
      .select(['l.id', 'l.contract_no', 'l.iou_no', 'l.principal', 'b.name'])
      .where(`l.${col}`, '>=', uq)
      .where(`l.${col}`, '<', uq + HIGH)
    // `+l.officer_id`: keeps the planner on the number's range index; with the per-officer indexes (0019) it
    // otherwise walks every loan of the officer and sorts them (county: 380–560 ms instead of < 1 ms).
    if (scope !== null) qb = qb.where(sql<number>`+l.officer_id`, '=', scope)
    for (const r of await qb
      .orderBy(`l.${col}`)
      .limit(limit + 1)
      .execute()) {
      const text = col === 'contract_no' ? r.contract_no : r.iou_no
      hits.push({
        type: 'loan',
        id: r.id,
        title: `${r.contract_no} · ${r.name}`,
        subtitle: `借据 ${r.iou_no}`,
        field: col === 'contract_no' ? 'contractNo' : 'iouNo',
        matchText: text,
        ranges: highlightRanges(text, q),
        score: text === uq ? 100 : 75,
      })
    }
  }
  let fq = ctx.db
    .selectFrom('loan_files as f')
    .innerJoin('loans as l', 'l.id', 'f.loan_id')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .select(['f.id', 'f.file_no', 'f.status', 'l.contract_no', 'b.name'])
    .where('f.file_no', '>=', uq)
    .where('f.file_no', '<', uq + HIGH)
  if (scope !== null) fq = fq.where(sql<number>`+l.officer_id`, '=', scope) // file number's range index, as above
  for (const r of await fq
    .orderBy('f.file_no')
    .limit(limit + 1)
    .execute()) {
    hits.push({
      type: 'file',
      id: r.id,
      title: `${r.file_no} · ${r.name}`,
      subtitle: `合同 ${r.contract_no}`,
      field: 'fileNo',
      matchText: r.file_no,
      ranges: highlightRanges(r.file_no, q),
      score: r.file_no === uq ? 100 : 75,
    })
  }
  return hits
}

/** Global search across borrowers, loans and files, ranked by how exactly each matched. */
export const searchHandlers = {
  'search.global': async (ctx, input) => {
    const q = input.q.replace(/\s+/g, '')
    const shape = queryShape(q)
    const hits = await borrowerHits(ctx, q, input.limit)
    if (shape === 'digits' || shape === 'code' || shape === 'latin')
      hits.push(...(await loanAndFileHits(ctx, q, input.limit)))
    hits.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, 'zh-CN') || a.id - b.id)
    return { hits: hits.slice(0, input.limit), truncated: hits.length > input.limit }
  },
} satisfies Partial<Handlers>
