import { z } from 'zod'
import { DISPLAY_STATUSES } from '../domain/loan-status'
import { method } from './contract'
import { fen, ok, paging } from './common'

/** Credit ratings 信用等级 used by the cooperative. */
export const CREDIT_RATINGS = ['AAA', 'AA', 'A', 'B', 'C'] as const
/** Relations inside a farm household (户主、配偶、子女、父母、兄弟姐妹、其他). */
export const HOUSEHOLD_RELATIONS = ['head', 'spouse', 'child', 'parent', 'sibling', 'other'] as const
export const BORROWER_STATUSES = ['active', 'inactive', 'blacklisted'] as const

const text = (max: number, label: string) => z.string().trim().max(max, `${label}最多 ${max} 个字符`)
const optText = (max: number, label: string) => text(max, label).nullable().optional()

/** Fields a person may enter for a borrower; rules per kind are checked in the service. */
export const borrowerFields = z.object({
  name: text(60, '名称').min(1, '请填写姓名或名称'),
  idNumber: optText(18, '身份证号'),
  creditCode: optText(18, '统一社会信用代码'),
  phone: optText(11, '手机号'),
  village: optText(40, '村'),
  villageGroup: optText(20, '组'),
  address: optText(120, '地址'),
  occupation: optText(40, '职业'),
  householdIncome: fen.min(0, '家庭收入不得为负').nullable().optional(),
  creditRating: z.enum(CREDIT_RATINGS, '信用等级应为 AAA/AA/A/B/C').nullable().optional(),
  legalRep: optText(40, '法定代表人'),
  businessScope: optText(200, '经营范围'),
  officerId: z.number().int().positive().nullable().optional(),
  status: z.enum(BORROWER_STATUSES).optional(),
})

/** A borrower as the caller may see it; ID number and phone masked without `pii.view`. */
export const borrowerView = z.object({
  id: z.number().int(),
  kind: z.enum(['individual', 'enterprise']),
  name: z.string(),
  nameInitials: z.string(),
  idNumber: z.string().nullable(),
  creditCode: z.string().nullable(),
  birthDate: z.string().nullable(),
  sex: z.enum(['M', 'F']).nullable(),
  phone: z.string().nullable(),
  /** True when idNumber/phone are masked for this caller. */
  masked: z.boolean(),
  village: z.string().nullable(),
  villageGroup: z.string().nullable(),
  address: z.string().nullable(),
  occupation: z.string().nullable(),
  householdIncome: z.number().int().nullable(),
  creditRating: z.string().nullable(),
  legalRep: z.string().nullable(),
  businessScope: z.string().nullable(),
  officerId: z.number().int().nullable(),
  officerName: z.string().nullable(),
  status: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Customer class A/B/C (DOMAIN §5) from the last stored risk evaluation; null before the first. */
  customerClass: z.enum(['A', 'B', 'C']).nullable().optional(),
})
export type BorrowerView = z.infer<typeof borrowerView>

export const householdView = z.object({
  id: z.number().int(),
  headBorrowerId: z.number().int(),
  address: z.string().nullable(),
  members: z.array(
    z.object({
      borrowerId: z.number().int(),
      name: z.string(),
      relation: z.enum(HOUSEHOLD_RELATIONS),
      idNumber: z.string().nullable(),
    }),
  ),
})
export type HouseholdView = z.infer<typeof householdView>

const loanBrief = z.object({
  id: z.number().int(),
  contractNo: z.string(),
  iouNo: z.string(),
  principal: z.number().int(),
  status: z.string(),
  maturityDate: z.string(),
  officerName: z.string().nullable(),
  /** 逾期 for an active loan past due (with DPD today), else the stored status. */
  displayStatus: z.enum(DISPLAY_STATUSES).optional(),
  dpd: z.number().int().optional(),
})
const id = z.object({ id: z.number().int().positive() })

/** Borrower register: individuals and enterprises, households. */
export const borrowerMethods = {
  'borrowers.list': method({
    input: z.object({
      village: z.string().trim().optional(),
      officerId: z.number().int().positive().optional(),
      creditRating: z.enum(CREDIT_RATINGS).optional(),
      status: z.enum(BORROWER_STATUSES).optional(),
      kind: z.enum(['individual', 'enterprise']).optional(),
      /** Customer class A/B/C (DOMAIN §5) as of the last stored risk evaluation. */
      customerClass: z.enum(['A', 'B', 'C']).optional(),
      sort: z.enum(['id', 'name', 'village', 'creditRating', 'updatedAt']).default('id'),
      dir: z.enum(['asc', 'desc']).default('asc'),
      ...paging,
    }),
    output: z.object({ rows: z.array(borrowerView), total: z.number().int() }),
    access: 'borrowers.read',
    write: false,
    summary: '借款人列表',
  }),
  'borrowers.get': method({
    input: id,
    output: z.object({
      borrower: borrowerView,
      household: householdView.nullable(),
      loans: z.array(loanBrief),
      guaranteesGiven: z.array(
        z.object({
          id: z.number().int(),
          loanId: z.number().int(),
          contractNo: z.string(),
          debtorName: z.string(),
          amount: z.number().int(),
          mode: z.string(),
          periodEnd: z.string(),
        }),
      ),
      collaterals: z.array(
        z.object({
          id: z.number().int(),
          loanId: z.number().int(),
          type: z.string(),
          description: z.string(),
          value: z.number().int(),
        }),
      ),
      files: z.array(
        z.object({
          id: z.number().int(),
          fileNo: z.string(),
          loanId: z.number().int(),
          status: z.string(),
          completeness: z.number().int(),
        }),
      ),
      timeline: z.array(
        z.object({
          at: z.string(),
          username: z.string().nullable(),
          displayName: z.string().nullable(),
          summary: z.string(),
        }),
      ),
    }),
    access: 'borrowers.read',
    write: false,
    summary: '借款人详情',
  }),
  'borrowers.create': method({
    input: borrowerFields.extend({ kind: z.enum(['individual', 'enterprise'], '类型应为个人或企业') }),
    output: borrowerView,
    access: 'borrowers.write',
    write: true,
    summary: '登记借款人',
  }),
  'borrowers.update': method({
    input: borrowerFields.partial().extend({ id: z.number().int().positive() }).strict(),
    output: borrowerView,
    access: 'borrowers.write',
    write: true,
    summary: '修改借款人',
  }),
  'borrowers.createHousehold': method({
    input: z.object({ headBorrowerId: z.number().int().positive(), address: optText(120, '地址') }),
    output: householdView,
    access: 'borrowers.write',
    write: true,
    summary: '建立农户家庭（户）',
  }),
  'borrowers.addHouseholdMember': method({
    input: z.object({
      householdId: z.number().int().positive(),
      borrowerId: z.number().int().positive(),
      relation: z.enum(HOUSEHOLD_RELATIONS, '请选择与户主关系'),
    }),
    output: householdView,
    access: 'borrowers.write',
    write: true,
    summary: '添加家庭成员',
  }),
  'borrowers.removeHouseholdMember': method({
    input: z.object({ householdId: z.number().int().positive(), borrowerId: z.number().int().positive() }),
    output: ok,
    access: 'borrowers.write',
    write: true,
    summary: '移除家庭成员',
  }),
  'borrowers.villages': method({
    input: z.object({}),
    output: z.array(z.string()),
    access: 'borrowers.read',
    write: false,
    summary: '村名列表（筛选用）',
  }),
}
