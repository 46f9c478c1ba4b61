// Audit columns added by migration 0008 (sealed business rows), merged into the shared
// AuditLogTable by module augmentation.
declare module './schema' {
  interface AuditLogTable {
    /** JSON `[table, rowid, columnCount, rowHash][]` of the rows the write left behind; null before 0008. */
    rows_ref: string | null
    /** SHA-256 of `rows_ref`, part of the entry's chained hash; 'RESEAL' marks a schema upgrade. */
    rows_digest: string | null
  }
}
export {}
