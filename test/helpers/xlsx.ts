import ExcelJS from 'exceljs'

/** Builds an .xlsx (base64) with a header row and data rows, as a person would fill the template. */
export async function xlsxBase64(headers: string[], rows: (string | number | Date | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('数据')
  ws.addRow(headers)
  for (const r of rows) ws.addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
}

/** Reads the first sheet of an .xlsx (base64) into rows of cell texts. */
export async function readXlsx(b64: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(b64, 'base64') as never)
  const out: string[][] = []
  wb.worksheets[0]!.eachRow((r) => out.push((r.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))))
  return out
}
