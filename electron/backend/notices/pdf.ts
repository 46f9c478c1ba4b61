// 催收通知书 PDF (DOMAIN §12): one A4 page per notice, the tear-off 回执 at the bottom, the CJK
// font embedded as a subset so the text stays extractable. pdfkit runs in the backend, so
// Electron and browser mode print the same file.
import PDFDocument from 'pdfkit'
import { AppError, type NoticeDocument } from '../../../shared/api'
import { NOTICE_WORDING as W, noticeParagraphs, zhDate } from '../../../shared/collections'
import { formatFen } from '../../../shared/domain'
import { type CjkFont, facesToTry, fontBytes } from './fonts'

const MM = 72 / 25.4
const LEFT = 25 * MM
const WIDTH = 595.28 - 50 * MM
const FONT = 'cjk'

function registerCjk(doc: PDFKit.PDFDocument, f: CjkFont): void {
  const bytes = fontBytes(f.path)
  for (const face of facesToTry(f)) {
    try {
      if (face) doc.registerFont(FONT, bytes, face)
      else doc.registerFont(FONT, bytes)
      doc.font(FONT)
      if (doc.widthOfString('催收') > 0) return
    } catch {
      // not this face: try the next
    }
  }
  throw new AppError('VALIDATION', `字体文件 ${f.path} 中没有可用的中文字形，请在“催收设置”中换一个中文字体文件`)
}

function para(doc: PDFKit.PDFDocument, text: string, size = 11.5): void {
  doc.fontSize(size).text(text, LEFT, undefined, { width: WIDTH, indent: size * 2, lineGap: 4 })
}

function amountsTable(doc: PDFKit.PDFDocument, n: NoticeDocument): void {
  const a = n.amounts
  const labels = n.accelerated ? W.columnsAccelerated : W.columns
  const values = [a.principal, a.interest, a.penaltyInterest, a.compoundInterest, a.total]
  const colW = WIDTH / 5
  const top = doc.y + 4
  doc.fontSize(10.5).lineWidth(0.6)
  for (let i = 0; i < 5; i++) {
    const x = LEFT + i * colW
    doc
      .rect(x, top, colW, 20)
      .stroke()
      .rect(x, top + 20, colW, 22)
      .stroke()
    doc.text(labels[i]!, x, top + 5, { width: colW, align: 'center' })
    doc.text(`${formatFen(values[i]!)} ${W.yuan}`, x, top + 26, { width: colW, align: 'center' })
  }
  doc.y = top + 50
  doc.fontSize(11.5).text(`${W.totalWords}${n.totalWords}`, LEFT, doc.y, { width: WIDTH })
  doc.moveDown(0.4)
}

function paragraphs(n: NoticeDocument) {
  return noticeParagraphs({
    ...n,
    loanPrincipalText: formatFen(n.loanPrincipal),
    totalText: formatFen(n.amounts.total),
  })
}

function notice(doc: PDFKit.PDFDocument, n: NoticeDocument): void {
  doc.fontSize(20).text(n.addressee === 'guarantor' ? W.titleGuarantor : W.title, LEFT, 22 * MM, {
    width: WIDTH,
    align: 'center',
    characterSpacing: 2,
  })
  doc
    .fontSize(10)
    .text(
      `${W.noLabel}${n.noticeNo}${n.litigationOn ? `\u3000\u3000${W.litigation} ${n.litigationOn}` : ''}`,
      LEFT,
      doc.y + 4,
      { width: WIDTH, align: 'right' },
    )
  doc.moveDown(0.6)
  doc
    .fontSize(12)
    .text(`${n.addresseeName}${n.idNumber ? `（${W.idLabel}${W.colon}${n.idNumber}）` : ''}${W.colon}`, LEFT, doc.y, {
      width: WIDTH,
    })
  doc.moveDown(0.3)
  const p = paragraphs(n)
  para(doc, p.facts)
  amountsTable(doc, n)
  para(doc, p.demand)
  para(doc, p.consequences)
  const sealTop = doc.y + 10
  doc
    .lineWidth(0.5)
    .dash(3, { space: 3 })
    .circle(LEFT + WIDTH - 70, sealTop + 38, 36)
    .stroke()
    .undash()
  doc
    .fontSize(9)
    .fillColor('#888')
    .text(W.sealArea, LEFT + WIDTH - 100, sealTop + 33, { width: 60, align: 'center' })
    .fillColor('#000')
  doc.fontSize(12).text(`${n.lender}${W.seal}`, LEFT, sealTop + 20, { width: WIDTH - 120, align: 'right' })
  doc.text(zhDate(n.issuedOn), LEFT, sealTop + 44, { width: WIDTH - 120, align: 'right' })
}

function receipt(doc: PDFKit.PDFDocument, n: NoticeDocument): void {
  const top = 600
  doc
    .lineWidth(0.5)
    .dash(4, { space: 4 })
    .moveTo(LEFT - 10, top)
    .lineTo(LEFT + WIDTH + 10, top)
    .stroke()
    .undash()
  doc
    .fontSize(8)
    .fillColor('#666')
    .text(W.cut, LEFT, top + 3, { width: WIDTH, align: 'center' })
    .fillColor('#000')
  doc.fontSize(15).text(W.receiptTitle, LEFT, top + 18, { width: WIDTH, align: 'center' })
  doc.fontSize(11).text(`${n.lender}${W.colon}`, LEFT, top + 44, { width: WIDTH })
  para(doc, paragraphs(n).acknowledgement, 11)
  const y = doc.y + 26
  doc.fontSize(11).text(W.signer, LEFT, y)
  doc
    .fontSize(9)
    .text(W.finger, LEFT + WIDTH - 60, y - 14, { width: 60, align: 'center' })
    .fontSize(11)
  doc
    .lineWidth(0.6)
    .rect(LEFT + WIDTH - 60, y, 60, 60)
    .stroke()
  doc.text(W.relation, LEFT, y + 26)
  doc.text(W.date, LEFT, y + 50)
}

/** Renders the notices into one PDF file (one A4 page each). */
export function renderNoticesPdf(docs: readonly NoticeDocument[], font: CjkFont): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    info: { Title: '催收通知书', Creator: 'Daihou 贷后管家' },
  })
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((ok, fail) => {
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => ok(Buffer.concat(chunks)))
    doc.on('error', fail)
  })
  registerCjk(doc, font)
  for (const n of docs) {
    doc.addPage({ size: 'A4', margin: 0 })
    doc.font(FONT)
    notice(doc, n)
    receipt(doc, n)
  }
  doc.end()
  return done
}
