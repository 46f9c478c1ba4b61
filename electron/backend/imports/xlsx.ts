import { PassThrough, Readable } from 'node:stream'
import ExcelJS from 'exceljs'

/** A cell's value as trimmed text ('' for empty); dates become YYYY-MM-DD. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  if (typeof v === 'object') {
    const o = v as { text?: unknown; result?: unknown; richText?: { text: string }[]; error?: string }
    if (o.richText) return o.richText.map((t) => t.text).join('').trim()
    if (o.result !== undefined) return cellText(o.result)
    if (o.text !== undefined) return cellText(o.text)
    if (o.error) return ''
  }
  return String(v).trim()
}

/** Reads the first worksheet with the streaming reader: header row → column names, then rows. */
export async function readSheet(buf: Buffer): Promise<{ headers: string[]; rows: { row: number; cells: string[] }[] }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buf), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit' })
  let headers: string[] = []
  const rows: { row: number; cells: string[] }[] = []
  for await (const ws of reader) {
    for await (const r of ws as AsyncIterable<ExcelJS.Row>) {
      const vals = (r.values as unknown[]).slice(1).map(cellText)
      if (r.number === 1) headers = vals
      else if (vals.some((x) => x !== '')) rows.push({ row: r.number, cells: vals })
    }
    break // only the first sheet holds data; others are notes
  }
  return { headers, rows }
}

/** Writes one sheet (plus an optional notes sheet) with the streaming writer; returns the bytes. */
export async function writeSheet(opts: { sheet: string; headers: string[]; rows: Iterable<(string | number | null)[]>; notes?: string[][]; widths?: number[] }): Promise<Buffer> {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<void>((ok, fail) => { out.on('end', ok); out.on('error', fail) })
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  const ws = wb.addWorksheet(opts.sheet, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = opts.headers.map((h, i) => ({ header: h, width: opts.widths?.[i] ?? Math.max(12, h.length * 2 + 4) }))
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
