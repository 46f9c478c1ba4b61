import { z } from 'zod'
import { empty, isoDate } from './common'
import { method } from './contract'

const pattern = z.string().trim().min(1, '请填写编号规则').max(40, '编号规则最多 40 个字符')

/** 合同号/借据号 numbering from patterns in settings (机构号-年度-流水号), still editable in the loan form. */
export const numberingMethods = {
  'numbering.get': method({
    input: empty,
    output: z.object({
      contractPattern: z.string(),
      iouPattern: z.string(),
      contractExample: z.string(),
      iouExample: z.string(),
    }),
    access: 'loans.read',
    write: false,
    summary: '查看编号规则',
  }),
  'numbering.setPatterns': method({
    input: z.object({ contractPattern: pattern, iouPattern: pattern }),
    output: z.object({
      contractPattern: z.string(),
      iouPattern: z.string(),
      contractExample: z.string(),
      iouExample: z.string(),
    }),
    access: 'org.manage',
    write: true,
    summary: '设置合同号、借据号编号规则',
  }),
  /** The next free numbers for a loan disbursed on `date` (the year's serial); nothing is reserved until the loan is saved. */
  'numbering.propose': method({
    input: z.object({ date: isoDate }),
    output: z.object({ contractNo: z.string(), iouNo: z.string() }),
    access: 'loans.write',
    write: false,
    summary: '生成合同号、借据号',
  }),
}
