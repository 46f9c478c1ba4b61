import { z } from 'zod'
import { method } from './contract'
import { isoDate, paging } from './common'

export const FILE_STATUSES = ['in_store', 'lent', 'transferred', 'destroyed'] as const
export const ITEM_STATES = ['present', 'missing', 'na'] as const
/** Scans and photos accepted for attachment. */
export const SCAN_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const
/** Largest scan accepted (the HTTP transport carries ≤ 20 MiB of base64, i.e. ~14 MiB of file). */
export const MAX_SCAN_BYTES = 14 * 1024 * 1024

export const fileItemView = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  state: z.enum(ITEM_STATES),
  original: z.boolean().nullable(),
  pages: z.number().int().nullable(),
  scanSha256: z.string().nullable(),
})
export const lendingView = z.object({
  id: z.number().int(),
  fileId: z.number().int(),
  fileNo: z.string(),
  borrowerName: z.string(),
  purpose: z.string(),
  approverName: z.string(),
  keeperName: z.string(),
  lentOn: z.string(),
  dueBack: z.string(),
  returnedOn: z.string().nullable(),
  condition: z.string().nullable(),
  overdue: z.boolean(),
})
export type LendingView = z.infer<typeof lendingView>
export const loanFileView = z.object({
  id: z.number().int(),
  fileNo: z.string(),
  loanId: z.number().int(),
  contractNo: z.string(),
  borrowerId: z.number().int(),
  borrowerName: z.string(),
  category: z.string(),
  location: z.string().nullable(),
  status: z.enum(FILE_STATUSES),
  keeperName: z.string().nullable(),
  legalHold: z.boolean(),
  legalHoldReason: z.string().nullable(),
  /** Destruction due date (settlement + retention years); null while the loan is not settled. */
  retentionUntil: z.string().nullable(),
  destroyedOn: z.string().nullable(),
  completeness: z.number().int(),
  createdAt: z.string(),
})
export type LoanFileView = z.infer<typeof loanFileView>
export const attachmentView = z.object({
  id: z.number().int(),
  itemId: z.number().int().nullable(),
  sha256: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
})
export const destructionListView = z.object({
  id: z.number().int(),
  status: z.enum(['proposed', 'approved', 'executed']),
  asOf: z.string(),
  note: z.string().nullable(),
  proposedBy: z.string(),
  approvedBy: z.string().nullable(),
  executedBy: z.string().nullable(),
  executedAt: z.string().nullable(),
  files: z.array(
    z.object({ id: z.number().int(), fileNo: z.string(), retentionUntil: z.string().nullable(), status: z.string() }),
  ),
})

const fileId = z.object({ fileId: z.number().int().positive() })
const listId = z.object({ listId: z.number().int().positive() })

/** Loan files: checklist, numbering, scans, borrowing register, retention and destruction. */
export const archiveMethods = {
  'archives.categories': method({
    input: z.object({}),
    output: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        retentionYears: z.number().int(),
        items: z.array(z.object({ code: z.string(), name: z.string(), sort: z.number().int(), active: z.boolean() })),
      }),
    ),
    access: 'archives.read',
    write: false,
    summary: '档案类别与清单模板',
  }),
  'archives.setTemplate': method({
    input: z.object({
      category: z.string().regex(/^[A-Z]{2,4}$/, '类别代码为 2–4 位大写字母'),
      retentionYears: z.number().int().min(1).max(100).optional(),
      items: z
        .array(
          z.object({
            code: z.string().regex(/^[a-z_]{2,40}$/, '项目代码为小写字母与下划线'),
            name: z.string().trim().min(1).max(40),
            active: z.boolean().default(true),
          }),
        )
        .min(1, '清单至少一项')
        .max(60),
    }),
    output: z.object({ ok: z.literal(true) }),
    access: 'archives.approve',
    write: true,
    summary: '设置档案清单模板',
  }),
  'archives.register': method({
    input: z.object({
      loanId: z.number().int().positive(),
      category: z
        .string()
        .regex(/^[A-Z]{2,4}$/)
        .default('DK'),
      location: z.string().trim().max(60).optional(),
      year: z.number().int().min(2000).max(2100).optional(),
    }),
    output: loanFileView,
    access: 'archives.write',
    write: true,
    summary: '档案登记（编号）',
  }),
  'archives.list': method({
    input: z.object({
      status: z.enum(FILE_STATUSES).optional(),
      loanId: z.number().int().positive().optional(),
      ...paging,
    }),
    output: z.object({ rows: z.array(loanFileView), total: z.number().int() }),
    access: 'archives.read',
    write: false,
    summary: '档案列表',
  }),
  'archives.get': method({
    input: z.object({ id: z.number().int().positive(), asOf: isoDate.optional() }),
    output: z.object({
      file: loanFileView,
      items: z.array(fileItemView),
      attachments: z.array(attachmentView),
      lendings: z.array(lendingView),
    }),
    access: 'archives.read',
    write: false,
    summary: '档案详情',
  }),
  'archives.update': method({
    input: z
      .object({
        id: z.number().int().positive(),
        location: z.string().trim().max(60).nullable().optional(),
        status: z.enum(['in_store', 'transferred']).optional(),
      })
      .strict(),
    output: loanFileView,
    access: 'archives.write',
    write: true,
    summary: '修改档案存放位置/状态',
  }),
  'archives.updateItem': method({
    input: z.object({
      itemId: z.number().int().positive(),
      state: z.enum(ITEM_STATES),
      original: z.boolean().nullable().optional(),
      pages: z.number().int().min(0).max(10_000).nullable().optional(),
    }),
    output: fileItemView,
    access: 'archives.write',
    write: true,
    summary: '更新档案清单项',
  }),
  'archives.attach': method({
    input: fileId.extend({
      itemId: z.number().int().positive().optional(),
      filename: z.string().trim().min(1).max(120),
      mime: z.enum(SCAN_MIME_TYPES, '只接受 JPEG、PNG、WebP 图片或 PDF'),
      contentBase64: z.string().min(1, '文件为空'),
    }),
    output: z.object({ attachment: attachmentView, deduplicated: z.boolean() }),
    access: 'archives.write',
    write: true,
    summary: '上传扫描件',
  }),
  'archives.scan': method({
    input: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, '无效的文件标识') }),
    output: z.object({ sha256: z.string(), mime: z.string(), size: z.number().int(), contentBase64: z.string() }),
    access: 'archives.read',
    write: false,
    summary: '预览扫描件',
  }),
  'archives.verifyScans': method({
    input: z.object({ fileId: z.number().int().positive().optional() }),
    output: z.object({
      checked: z.number().int(),
      broken: z.array(z.object({ sha256: z.string(), reason: z.string() })),
    }),
    access: 'archives.read',
    write: false,
    summary: '校验扫描件完整性',
  }),
  'archives.placeHold': method({
    input: fileId.extend({ reason: z.string().trim().min(2, '请填写冻结原因').max(200) }),
    output: loanFileView,
    access: 'archives.write',
    write: true,
    summary: '设置诉讼保全（禁止销毁）',
  }),
  'archives.releaseHold': method({
    input: fileId,
    output: loanFileView,
    access: 'archives.approve',
    write: true,
    summary: '解除诉讼保全',
  }),
  'archives.lend': method({
    input: fileId.extend({
      borrowerName: z.string().trim().min(1, '请填写借阅人').max(40),
      purpose: z.string().trim().min(1, '请填写借阅用途').max(200),
      approverId: z.number().int().positive(),
      lentOn: isoDate,
      dueBack: isoDate,
    }),
    output: lendingView,
    access: 'archives.write',
    write: true,
    summary: '档案借出',
  }),
  'archives.return': method({
    input: z.object({
      lendingId: z.number().int().positive(),
      returnedOn: isoDate,
      condition: z.string().trim().max(200).optional(),
    }),
    output: lendingView,
    access: 'archives.write',
    write: true,
    summary: '档案归还',
  }),
  'archives.lendings': method({
    input: z.object({
      openOnly: z.boolean().default(false),
      overdueOnly: z.boolean().default(false),
      asOf: isoDate,
      ...paging,
    }),
    output: z.object({ rows: z.array(lendingView), total: z.number().int() }),
    access: 'archives.read',
    write: false,
    summary: '借阅登记簿',
  }),
  'archives.workbench': method({
    input: z.object({ asOf: isoDate, limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({
      missing: z.array(
        z.object({
          fileId: z.number().int(),
          fileNo: z.string(),
          borrowerName: z.string(),
          missing: z.array(z.string()),
        }),
      ),
      missingTotal: z.number().int(),
      lent: z.array(lendingView),
      overdueCount: z.number().int(),
      dueForDestruction: z.array(loanFileView),
      dueTotal: z.number().int(),
    }),
    access: 'archives.read',
    write: false,
    summary: '档案员工作台',
  }),
  'archives.proposeDestruction': method({
    input: z.object({
      asOf: isoDate,
      fileIds: z.array(z.number().int().positive()).min(1, '销毁清单不能为空').max(5000),
      note: z.string().trim().max(200).optional(),
    }),
    output: destructionListView,
    access: 'archives.write',
    write: true,
    summary: '编制销毁清单',
  }),
  'archives.approveDestruction': method({
    input: listId,
    output: destructionListView,
    access: 'archives.approve',
    write: true,
    summary: '审批销毁清单',
  }),
  'archives.executeDestruction': method({
    input: listId.extend({ executedOn: isoDate }),
    output: destructionListView,
    access: 'archives.write',
    write: true,
    summary: '执行销毁并记录',
  }),
  'archives.destructionLists': method({
    input: z.object({}),
    output: z.array(destructionListView),
    access: 'archives.read',
    write: false,
    summary: '销毁清单',
  }),
  'archives.approvers': method({
    input: z.object({}),
    output: z.array(z.object({ id: z.number().int(), displayName: z.string() })),
    access: 'archives.read',
    write: false,
    summary: '可审批人列表',
  }),
}
