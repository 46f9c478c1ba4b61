// Reports tables (migration 0016), merged into DB by module augmentation.
export interface MonthlyReportNotesTable {
  month: string
  commentary: string
  updated_by: number
  updated_at: string
}

declare module './schema' {
  interface DB {
    monthly_report_notes: MonthlyReportNotesTable
  }
}
