import { z } from 'zod'
import { method } from './contract'
import { isoDate } from './common'

const int = z.number().int()
const id = int.positive()
const category = z.enum(['normal', 'special_mention', 'substandard', 'doubtful', 'loss'])

/** One proposal of a five-category change and its decision. */
export const proposalView = z.object({
  id,
  loanId: id,
  contractNo: z.string(),
  borrowerName: z.string(),
  fromCategory: category,
  category,
  suggested: category,
  floor: category,
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  proposedBy: z.string(),
  proposedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
})
export type ProposalView = z.infer<typeof proposalView>

/** A loan's classification today: decided, suggested, floor, and its history. */
export const classificationView = z.object({
  loanId: id,
  contractNo: z.string(),
  borrowerName: z.string(),
  asOf: z.string(),
  dpd: int,
  category,
  suggested: category,
  floor: category,
  items: z.array(proposalView),
})
export type ClassificationView = z.infer<typeof classificationView>

export const nplRowView = z.object({
  loanId: id,
  contractNo: z.string(),
  borrowerName: z.string(),
  officerName: z.string().nullable(),
  category,
  dpd: int,
  outstandingPrincipal: int,
})

/** Migration matrix: rows = category on the first date, columns = on the second. */
export const matrixView = z.object({
  from: z.string(),
  to: z.string(),
  cells: z.array(
    z.object({ from: category, to: z.union([category, z.literal('closed')]), loans: int, outstandingPrincipal: int }),
  ),
})
export type MatrixView = z.infer<typeof matrixView>

/** 五级分类 (DOMAIN §6): an officer or manager proposes, a different manager decides. */
export const classificationMethods = {
  'classification.propose': method({
    input: z.object({
      loanId: id,
      category,
      reason: z.string().trim().min(4, '请填写分类理由（至少 4 个字）').max(500, '理由最多 500 个字'),
    }),
    output: z.object({ id }),
    access: 'loans.write',
    write: true,
    summary: '提出五级分类调整',
  }),
  'classification.decide': method({
    input: z.object({ proposalId: id, approve: z.boolean(), comment: z.string().trim().max(500).default('') }),
    output: proposalView,
    access: 'loans.approve',
    write: true,
    summary: '审批五级分类调整',
  }),
  'classification.history': method({
    input: z.object({ loanId: id }),
    output: classificationView,
    access: 'loans.read',
    write: false,
    summary: '五级分类及历史',
  }),
  'classification.pending': method({
    input: z.object({}),
    output: z.array(proposalView),
    access: 'loans.read',
    write: false,
    summary: '待审批的分类调整',
  }),
  'classification.npl': method({
    input: z.object({}),
    output: z.array(nplRowView),
    access: 'loans.read',
    write: false,
    summary: '不良贷款清单（次级、可疑、损失）',
  }),
  'classification.matrix': method({
    input: z.object({ from: isoDate, to: isoDate }),
    output: matrixView,
    access: 'loans.read',
    write: false,
    summary: '五级分类迁徙矩阵',
  }),
}
