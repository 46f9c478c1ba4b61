import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'

/** A cell's value as trimmed text ('' for empty); dates become YYYY-MM-DD. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  if (typeof v === 'object') {
    const o = v as { text?: unknown; result?: unknown; richText?: { text: string }[]; error?: string }
    if (o.richText)
      return o.richText
        .map((t) => t.text)
        .join('')
        .trim()
    if (o.result !== undefined) return cellText(o.result)
    if (o.text !== undefined) return cellText(o.text)
    if (o.error) return ''
  }
  return String(v).trim()
}

/**
 * Reads the first worksheet: header row → column names, then rows. Not the streaming reader:
 * exceljs 4.4's streaming parser decodes each zip chunk separately and corrupts a multi-byte
 * character split across chunks (一 in 10 % of rows of a 100k-row Chinese sheet).
 */
export async function readSheet(buf: Buffer): Promise<{ headers: string[]; rows: { row: number; cells: string[] }[] }> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(buf as never)
  const ws = wb.worksheets[0]
  let headers: string[] = []
  const rows: { row: number; cells: string[] }[] = []
  ws?.eachRow({ includeEmpty: false }, (r, n) => {
    const vals = (r.values as unknown[]).slice(1).map(cellText)
    if (n === 1) headers = vals
    else if (vals.some((x) => x !== '')) rows.push({ row: n, cells: vals })
  })
  return { headers, rows }
}

/** Writes one sheet (plus an optional notes sheet) with the streaming writer; returns the bytes. */
export async function writeSheet(opts: {
  sheet: string
  headers: string[]
  rows: Iterable<(string | number | null)[]>
  notes?: string[][]
  widths?: number[]
  /** 0-based columns holding amounts in 元: written as numbers with a #,##0.00 format. */
  moneyColumns?: number[]
}): Promise<Buffer> {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<void>((ok, fail) => {
    out.on('end', ok)
    out.on('error', fail)
  })
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  const ws = wb.addWorksheet(opts.sheet, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = opts.headers.map((h, i) => ({
    header: h,
    width: opts.widths?.[i] ?? Math.max(12, h.length * 2 + 4),
    ...(opts.moneyColumns?.includes(i) ? { style: { numFmt: '#,##0.00' } } : {}),
  }))
  ws.getRow(1).font = { bold: true }
  ws.getRow(1).commit()
  for (const r of opts.rows) ws.addRow(r).commit()
  ws.commit()
  if (opts.notes) {
    const ns = wb.addWorksheet('填写说明')
    ns.columns = [{ width: 24 }, { width: 80 }]
    for (const n of opts.notes) ns.addRow(n).commit()
    ns.commit()
  }
  await wb.commit()
  await done
  return Buffer.concat(chunks)
}
