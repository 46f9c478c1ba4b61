import ExcelJS from 'exceljs'

/** The borrower import template's columns, as a person fills them (written out here, not read from the product). */
export const BORROWER_HEADERS = [
  '类型',
  '姓名/名称',
  '身份证号',
  '统一社会信用代码',
  '手机号',
  '村',
  '组',
  '地址',
  '职业',
  '家庭年收入(元)',
  '信用等级',
  '法定代表人',
  '经营范围',
  '管户信贷员用户名',
]

/** Builds an .xlsx (bytes) with a header row and data rows, as a person would fill the template. */
export async function xlsxBuffer(headers: string[], rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('数据')
  ws.addRow(headers)
  for (const r of rows) ws.addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** Builds an .xlsx (base64) with a header row and data rows, as a person would fill the template. */
export async function xlsxBase64(headers: string[], rows: (string | number | Date | null)[][]): Promise<string> {
  return (await xlsxBuffer(headers, rows)).toString('base64')
}

/** Reads the first sheet of an .xlsx (base64) into rows of cell texts. */
export async function readXlsx(b64: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(b64, 'base64') as never)
  const out: string[][] = []
  wb.worksheets[0]!.eachRow((r) => out.push((r.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))))
  return out
}
