// Columns and tables of migration 0011 (search keys, document numbering), merged into the shared
// schema by module augmentation. The FTS5 table borrower_phone_fts is queried only in search-repo.ts.

declare module './schema' {
  interface BorrowersTable {
    /** Full toneless pinyin of the name, e.g. 王静 → 'wangjing' (search). */
    name_pinyin: string | null
  }
  interface DB {
    number_sequences: NumberSequencesTable
  }
}

/** The last serial handed out per numbering kind and year. */
export interface NumberSequencesTable {
  kind: 'contract' | 'iou'
  year: number
  last: number
}
