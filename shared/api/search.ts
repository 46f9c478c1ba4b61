import { z } from 'zod'
import { method } from './contract'

export const searchHit = z.object({
  type: z.enum(['borrower', 'loan', 'file']),
  id: z.number().int(),
  title: z.string(),
  subtitle: z.string(),
  /** Which field matched: name, initials, idNumber, idTail, phone, phoneTail, contractNo, iouNo, fileNo. */
  field: z.string(),
  /** The text shown for the matched field, with [start, end) ranges to highlight. */
  matchText: z.string(),
  ranges: z.array(z.tuple([z.number().int(), z.number().int()])),
  score: z.number().int(),
})
export type SearchHit = z.infer<typeof searchHit>

/** Global search (Ctrl+K) across borrowers, loans and files; complete recall for short queries. */
export const searchMethods = {
  'search.global': method({
    input: z.object({
      q: z.string().trim().min(1, '请输入搜索内容').max(60),
      limit: z.number().int().min(1).max(200).default(30),
    }),
    output: z.object({ hits: z.array(searchHit), truncated: z.boolean() }),
    access: 'borrowers.read',
    write: false,
    summary: '全局搜索',
  }),
}
