// Excel exports of the servicing lists: amounts as numbers (元, two decimals, "#,##0.00 元"
// format) so they add up in Excel, text as text.
import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'

/** A column of an export: header, width, and whether the cells are amounts in 分 shown as 元. */
export interface ExportColumn {
  header: string
  width?: number
  money?: boolean
}

/** Writes one sheet; money cells take 分 and are stored as 元 numbers. */
export async function writeExport(
  sheet: string,
  columns: readonly ExportColumn[],
  rows: Iterable<(string | number | null)[]>,
): Promise<Buffer> {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<void>((ok, fail) => {
    out.on('end', ok)
    out.on('error', fail)
  })
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(12, c.header.length * 2 + 4),
    ...(c.money ? { style: { numFmt: '#,##0.00" 元"' } } : {}),
  }))
  ws.getRow(1).font = { bold: true }
  ws.getRow(1).commit()
  for (const r of rows) {
    // 分 → 元 for display in Excel only; the integer 分 never goes back into arithmetic here.
    ws.addRow(r.map((v, k) => (columns[k]?.money && typeof v === 'number' ? v / 100 : v))).commit()
  }
  ws.commit()
  await wb.commit()
  await done
  return Buffer.concat(chunks)
}
