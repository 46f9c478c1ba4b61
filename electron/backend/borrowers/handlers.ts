import { AppError, type HouseholdView, type HOUSEHOLD_RELATIONS } from '../../../shared/api'
import { completenessPercent, maskIdNumber } from '../../../shared/archives'
import type { Ctx, Handlers } from '../context'
import type { Db } from '../db/types'
import { borrowerInPortfolio, findBorrower, listBorrowers, toBorrowerView } from './borrowers-repo'
import { assertUnique, deriveBorrower, throwProblems } from './rules'
import { caller, scopeOfficer, seesAll, seesPii } from '../scope'
import { displayStatusOf } from '../../../shared/domain'
import { ensureLoanStates, loanStatesOf } from '../servicing/state-repo'

const displayOf = (status: string, oldest: string | null, today: string) => {
  const d = displayStatusOf(status, oldest, today)
  return { displayStatus: d.displayStatus, dpd: d.dpd }
}

const RELATION_LABELS: Record<(typeof HOUSEHOLD_RELATIONS)[number], string> = {
  head: '户主',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  sibling: '兄弟姐妹',
  other: '其他',
}

/** Loads a borrower the caller may see, or NOT_FOUND. */
export async function visibleBorrower(ctx: Ctx, id: number) {
  const r = await findBorrower(ctx.db, id)
  const scope = scopeOfficer(ctx)
  if (!r || (scope !== null && !(await borrowerInPortfolio(ctx.db, id, scope)))) {
    throw new AppError('NOT_FOUND', `借款人 #${id} 不存在或不在您的管户范围内`)
  }
  return r
}

/** True when the caller may open borrower `id` (in the portfolio, or sees all). */
export async function maySeeBorrower(ctx: Ctx, id: number): Promise<boolean> {
  const scope = scopeOfficer(ctx)
  return scope === null || borrowerInPortfolio(ctx.db, id, scope)
}

async function officerFor(ctx: Ctx, requested: number | null | undefined): Promise<number | null> {
  const me = caller(ctx)
  if (requested === undefined) return me.role === 'officer' ? me.userId : null
  if (requested !== null && requested !== me.userId && !seesAll(ctx))
    throw new AppError('FORBIDDEN', '信贷员只能登记自己管户的借款人')
  if (requested !== null) {
    const u = await ctx.db.selectFrom('users').select(['id', 'disabled']).where('id', '=', requested).executeTakeFirst()
    if (!u || u.disabled)
      throw new AppError('VALIDATION', '管户信贷员不存在或已停用', [
        { path: 'officerId', message: '管户信贷员不存在或已停用' },
      ])
  }
  return requested
}

async function householdOf(db: Db, borrowerId: number, pii: boolean): Promise<HouseholdView | null> {
  const m = await db
    .selectFrom('household_members')
    .select('household_id')
    .where('borrower_id', '=', borrowerId)
    .executeTakeFirst()
  return m ? loadHousehold(db, m.household_id, pii) : null
}

async function loadHousehold(db: Db, id: number, pii: boolean): Promise<HouseholdView> {
  const h = await db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst()
  if (!h) throw new AppError('NOT_FOUND', `家庭 #${id} 不存在`)
  const members = await db
    .selectFrom('household_members as m')
    .innerJoin('borrowers as b', 'b.id', 'm.borrower_id')
    .select(['m.borrower_id', 'm.relation', 'b.name', 'b.id_number'])
    .where('m.household_id', '=', id)
    .orderBy('m.borrower_id')
    .execute()
  return {
    id: h.id,
    headBorrowerId: h.head_borrower_id,
    address: h.address,
    members: members.map((r) => ({
      borrowerId: r.borrower_id,
      name: r.name,
      relation: r.relation as HouseholdView['members'][number]['relation'],
      idNumber: r.id_number && (pii ? r.id_number : maskIdNumber(r.id_number)),
    })),
  }
}

/** Borrower register: create/update with identifier checks, list, detail, households. */
export const borrowerHandlers = {
  'borrowers.list': async (ctx, input) => {
    const { rows, total } = await listBorrowers(ctx.db, { ...input, scopeOfficerId: scopeOfficer(ctx) }, input)
    const pii = seesPii(ctx)
    return { rows: rows.map((r) => toBorrowerView(r, pii)), total }
  },

  'borrowers.villages': async (ctx) =>
    (
      await ctx.db
        .selectFrom('borrowers')
        .select('village')
        .distinct()
        .where('village', 'is not', null)
        .orderBy('village')
        .execute()
    ).map((r) => r.village as string),

  'borrowers.get': async (ctx, input) => {
    const pii = seesPii(ctx)
    const b = await visibleBorrower(ctx, input.id)
    const scope = scopeOfficer(ctx)
    let lq = ctx.db
      .selectFrom('loans as l')
      .leftJoin('users as u', 'u.id', 'l.officer_id')
      .select(['l.id', 'l.contract_no', 'l.iou_no', 'l.principal', 'l.status', 'l.maturity_date', 'u.display_name'])
      .where('l.borrower_id', '=', b.id)
    if (scope !== null) lq = lq.where('l.officer_id', '=', scope)
    const loans = await lq.orderBy('l.id').execute()
    const loanIds = loans.map((l) => l.id)
    const guarantees = await ctx.db
      .selectFrom('guarantors as g')
      .innerJoin('loans as l', 'l.id', 'g.loan_id')
      .innerJoin('borrowers as d', 'd.id', 'l.borrower_id')
      .select(['g.id', 'g.loan_id', 'l.contract_no', 'd.name', 'g.amount', 'g.mode', 'g.period_end'])
      .where('g.borrower_id', '=', b.id)
      .execute()
    const collaterals = loanIds.length
      ? await ctx.db
          .selectFrom('collaterals')
          .select(['id', 'loan_id', 'type', 'description', 'appraised_value'])
          .where('loan_id', 'in', loanIds)
          .execute()
      : []
    const files = loanIds.length
      ? await ctx.db
          .selectFrom('loan_files')
          .select(['id', 'file_no', 'loan_id', 'status'])
          .where('loan_id', 'in', loanIds)
          .execute()
      : []
    const items = files.length
      ? await ctx.db
          .selectFrom('loan_file_items')
          .select(['file_id', 'state'])
          .where(
            'file_id',
            'in',
            files.map((f) => f.id),
          )
          .execute()
      : []
    const timeline = await ctx.db
      .selectFrom('audit_log as a')
      .leftJoin('users as u', 'u.id', 'a.user_id')
      .select(['a.at', 'a.username', 'u.display_name as displayName', 'a.summary'])
      .where((eb) =>
        eb.or([
          eb.and([eb('a.entity', '=', 'borrower'), eb('a.entity_id', '=', String(b.id))]),
          ...(loanIds.length
            ? [eb.and([eb('a.entity', '=', 'loan'), eb('a.entity_id', 'in', loanIds.map(String))])]
            : []),
        ]),
      )
      .orderBy('a.id', 'desc')
      .limit(100)
      .execute()
    ensureLoanStates(ctx.db, ctx.today())
    const states = await loanStatesOf(
      ctx.db,
      loans.map((l) => l.id),
    )
    return {
      borrower: toBorrowerView(b, pii),
      household: await householdOf(ctx.db, b.id, pii),
      loans: loans.map((l) => ({
        id: l.id,
        contractNo: l.contract_no,
        iouNo: l.iou_no,
        principal: l.principal,
        status: l.status,
        maturityDate: l.maturity_date,
        officerName: l.display_name,
        ...displayOf(l.status, states.get(l.id)?.oldestUnpaidDue ?? null, ctx.today()),
      })),
      guaranteesGiven: guarantees.map((g) => ({
        id: g.id,
        loanId: g.loan_id,
        contractNo: g.contract_no,
        debtorName: g.name,
        amount: g.amount,
        mode: g.mode,
        periodEnd: g.period_end,
      })),
      collaterals: collaterals.map((c) => ({
        id: c.id,
        loanId: c.loan_id,
        type: c.type,
        description: c.description,
        value: c.appraised_value,
      })),
      files: files.map((f) => ({
        id: f.id,
        fileNo: f.file_no,
        loanId: f.loan_id,
        status: f.status,
        completeness: completenessPercent(
          items.filter((i) => i.file_id === f.id) as { state: 'present' | 'missing' | 'na' }[],
        ),
      })),
      timeline,
    }
  },

  'borrowers.create': async (ctx, input) => {
    const { derived, problems } = deriveBorrower(input)
    if (input.kind === 'enterprise' && !input.legalRep)
      problems.push({ path: 'legalRep', message: '请填写法定代表人或经营者' })
    throwProblems(problems)
    await assertUnique(ctx.db, derived, { mayOpen: (id) => maySeeBorrower(ctx, id) })
    const now = ctx.nowIso()
    const { id } = await ctx.db
      .insertInto('borrowers')
      .values({
        kind: input.kind,
        name: input.name,
        ...derived,
        village: input.village ?? null,
        village_group: input.villageGroup ?? null,
        address: input.address ?? null,
        occupation: input.occupation ?? null,
        household_income: input.householdIncome ?? null,
        credit_rating: input.creditRating ?? null,
        legal_rep: input.legalRep ?? null,
        business_scope: input.businessScope ?? null,
        officer_id: await officerFor(ctx, input.officerId),
        status: input.status ?? 'active',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    ctx.audit({
      entity: 'borrower',
      entityId: id,
      summary: `登记${input.kind === 'individual' ? '个人' : '企业'}借款人 ${input.name}（编号 ${id}）`,
    })
    return toBorrowerView((await findBorrower(ctx.db, id))!, seesPii(ctx))
  },

  'borrowers.update': async (ctx, input) => {
    const before = await visibleBorrower(ctx, input.id)
    const merged = {
      kind: before.kind,
      name: input.name ?? before.name,
      idNumber: input.idNumber !== undefined ? input.idNumber : before.id_number,
      creditCode: input.creditCode !== undefined ? input.creditCode : before.credit_code,
      phone: input.phone !== undefined ? input.phone : before.phone,
    }
    const { derived, problems } = deriveBorrower(merged)
    throwProblems(problems)
    await assertUnique(ctx.db, derived, { selfId: before.id, mayOpen: (id) => maySeeBorrower(ctx, id) })
    const set = {
      name: merged.name,
      ...derived,
      updated_at: ctx.nowIso(),
      ...(input.village !== undefined && { village: input.village }),
      ...(input.villageGroup !== undefined && { village_group: input.villageGroup }),
      ...(input.address !== undefined && { address: input.address }),
      ...(input.occupation !== undefined && { occupation: input.occupation }),
      ...(input.householdIncome !== undefined && { household_income: input.householdIncome }),
      ...(input.creditRating !== undefined && { credit_rating: input.creditRating }),
      ...(input.legalRep !== undefined && { legal_rep: input.legalRep }),
      ...(input.businessScope !== undefined && { business_scope: input.businessScope }),
      ...(input.status !== undefined && { status: input.status }),
      ...(input.officerId !== undefined && { officer_id: await officerFor(ctx, input.officerId) }),
    }
    const changed = Object.keys(input).filter((k) => k !== 'id')
    await ctx.db.updateTable('borrowers').set(set).where('id', '=', before.id).execute()
    ctx.audit({
      entity: 'borrower',
      entityId: before.id,
      summary: `修改借款人 ${before.name}（编号 ${before.id}）：${changed.join('、') || '无变化'}`,
    })
    return toBorrowerView((await findBorrower(ctx.db, before.id))!, seesPii(ctx))
  },

  'borrowers.createHousehold': async (ctx, input) => {
    const head = await visibleBorrower(ctx, input.headBorrowerId)
    if (head.kind !== 'individual')
      throw new AppError('VALIDATION', '户主须为个人借款人', [
        { path: 'headBorrowerId', message: '户主须为个人借款人' },
      ])
    const inOther = await ctx.db
      .selectFrom('household_members')
      .select('household_id')
      .where('borrower_id', '=', head.id)
      .executeTakeFirst()
    if (inOther) throw new AppError('CONFLICT', `${head.name} 已属于家庭 #${inOther.household_id}`)
    const now = ctx.nowIso()
    const { id } = await ctx.db
      .insertInto('households')
      .values({
        head_borrower_id: head.id,
        village: head.village,
        village_group: head.village_group,
        address: input.address ?? head.address,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await ctx.db
      .insertInto('household_members')
      .values({ household_id: id, borrower_id: head.id, relation: 'head' })
      .execute()
    ctx.audit({ entity: 'borrower', entityId: head.id, summary: `建立农户家庭 #${id}，户主 ${head.name}` })
    return loadHousehold(ctx.db, id, seesPii(ctx))
  },

  'borrowers.addHouseholdMember': async (ctx, input) => {
    const h = await loadHousehold(ctx.db, input.householdId, true)
    const m = await visibleBorrower(ctx, input.borrowerId)
    if (input.relation === 'head')
      throw new AppError('VALIDATION', '一户只能有一位户主', [{ path: 'relation', message: '一户只能有一位户主' }])
    const inOther = await ctx.db
      .selectFrom('household_members')
      .select('household_id')
      .where('borrower_id', '=', m.id)
      .executeTakeFirst()
    if (inOther) throw new AppError('CONFLICT', `${m.name} 已属于家庭 #${inOther.household_id}`)
    await ctx.db
      .insertInto('household_members')
      .values({ household_id: h.id, borrower_id: m.id, relation: input.relation })
      .execute()
    ctx.audit({
      entity: 'borrower',
      entityId: h.headBorrowerId,
      summary: `家庭 #${h.id} 添加成员 ${m.name}（${RELATION_LABELS[input.relation]}）`,
    })
    return loadHousehold(ctx.db, h.id, seesPii(ctx))
  },

  'borrowers.removeHouseholdMember': async (ctx, input) => {
    const h = await loadHousehold(ctx.db, input.householdId, true)
    if (h.headBorrowerId === input.borrowerId) throw new AppError('CONFLICT', '不能移除户主')
    const m = h.members.find((x) => x.borrowerId === input.borrowerId)
    if (!m) throw new AppError('NOT_FOUND', '该借款人不是此家庭的成员')
    await ctx.db
      .deleteFrom('household_members')
      .where('household_id', '=', h.id)
      .where('borrower_id', '=', input.borrowerId)
      .execute()
    ctx.audit({ entity: 'borrower', entityId: h.headBorrowerId, summary: `家庭 #${h.id} 移除成员 ${m.name}` })
    return { ok: true as const }
  },
} satisfies Partial<Handlers>
