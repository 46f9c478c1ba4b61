// 催收通知书 PDF (DOMAIN §12): one A4 page per notice, the tear-off 回执 at the bottom, the CJK
// font embedded as a subset so the text stays extractable. pdfkit runs in the backend, so
// Electron and browser mode print the same file.
import PDFDocument from 'pdfkit'
import { AppError, type NoticeDocument } from '../../../shared/api'
import { formatFen } from '../../../shared/domain'
import { type CjkFont, facesToTry, fontBytes } from './fonts'

const MM = 72 / 25.4
const LEFT = 25 * MM
const WIDTH = 595.28 - 50 * MM
const FONT = 'cjk'

function zhDate(d: string): string {
  const [y, m, day] = d.split('-')
  return `${y} 年 ${Number(m)} 月 ${Number(day)} 日`
}

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
  const labels = n.accelerated ? ['本金余额', '利息', '罚息', '复利', '合计'] : ['逾期本金', '逾期利息', '罚息', '复利', '合计']
  const values = [a.principal, a.interest, a.penaltyInterest, a.compoundInterest, a.total]
  const colW = WIDTH / 5
  const top = doc.y + 4
  doc.fontSize(10.5).lineWidth(0.6)
  for (let i = 0; i < 5; i++) {
    const x = LEFT + i * colW
    doc.rect(x, top, colW, 20).stroke().rect(x, top + 20, colW, 22).stroke()
    doc.text(labels[i]!, x, top + 5, { width: colW, align: 'center' })
    doc.text(`${formatFen(values[i]!)} 元`, x, top + 26, { width: colW, align: 'center' })
  }
  doc.y = top + 50
  doc.fontSize(11.5).text(`合计人民币（大写）：${n.totalWords}`, LEFT, doc.y, { width: WIDTH })
  doc.moveDown(0.4)
}

function body(n: NoticeDocument): string {
  const loan = `借款合同（合同编号 ${n.contractNo}，借据编号 ${n.iouNo}），借款金额人民币 ${formatFen(n.loanPrincipal)} 元（大写：${n.loanPrincipalWords}），借款期限至 ${zhDate(n.maturityDate)}`
  const what = n.accelerated ? '本社已依约宣布该笔贷款提前到期，全部本息立即到期' : '贷款已逾期'
  if (n.addressee === 'guarantor') {
    return `借款人 ${n.borrowerName} 于 ${zhDate(n.disbursementDate)} 与本社签订${loan}，您为该笔借款提供保证。${what}，截至 ${zhDate(n.asOf)}，借款人尚欠下列款项未归还，请您依照保证合同履行保证责任：`
  }
  return `您于 ${zhDate(n.disbursementDate)} 与本社签订${loan}。${what}，截至 ${zhDate(n.asOf)}，您尚欠下列款项未归还：`
}

function notice(doc: PDFKit.PDFDocument, n: NoticeDocument): void {
  doc.fontSize(20).text(n.addressee === 'guarantor' ? '催收通知书（保证人）' : '催收通知书', LEFT, 22 * MM, { width: WIDTH, align: 'center', characterSpacing: 2 })
  doc.fontSize(10).text(`编号：${n.noticeNo}${n.litigationOn ? `　　已于 ${n.litigationOn} 移交诉讼` : ''}`, LEFT, doc.y + 4, { width: WIDTH, align: 'right' })
  doc.moveDown(0.6)
  doc.fontSize(12).text(`${n.addresseeName}${n.idNumber ? `（证件号码：${n.idNumber}）` : ''}：`, LEFT, doc.y, { width: WIDTH })
  doc.moveDown(0.3)
  para(doc, body(n))
  amountsTable(doc, n)
  para(doc, `请于 ${zhDate(n.deadline)} 前到本社归还上述款项。逾期期间罚息、复利按合同约定继续计收。`)
  para(doc, '如到期仍未归还，本社将依法向人民法院提起诉讼，并按规定报送金融信用信息基础数据库（征信系统），由此产生的诉讼费、保全费、律师费等费用由您承担。如有疑问，请与本社信贷员联系。')
  const sealTop = doc.y + 10
  doc.lineWidth(0.5).dash(3, { space: 3 }).circle(LEFT + WIDTH - 70, sealTop + 38, 36).stroke().undash()
  doc.fontSize(9).fillColor('#888').text('（盖章处）', LEFT + WIDTH - 100, sealTop + 33, { width: 60, align: 'center' }).fillColor('#000')
  doc.fontSize(12).text(`${n.lender}（盖章）`, LEFT, sealTop + 20, { width: WIDTH - 120, align: 'right' })
  doc.text(zhDate(n.issuedOn), LEFT, sealTop + 44, { width: WIDTH - 120, align: 'right' })
}

function receipt(doc: PDFKit.PDFDocument, n: NoticeDocument): void {
  const top = 600
  doc.lineWidth(0.5).dash(4, { space: 4 }).moveTo(LEFT - 10, top).lineTo(LEFT + WIDTH + 10, top).stroke().undash()
  doc.fontSize(8).fillColor('#666').text('沿此线剪开', LEFT, top + 3, { width: WIDTH, align: 'center' }).fillColor('#000')
  doc.fontSize(15).text('催收通知书回执', LEFT, top + 18, { width: WIDTH, align: 'center' })
  doc.fontSize(11).text(`${n.lender}：`, LEFT, top + 44, { width: WIDTH })
  para(doc, `本人已收到贵社编号为 ${n.noticeNo} 的催收通知书，对其中所列截至 ${zhDate(n.asOf)} 的欠款合计人民币 ${formatFen(n.amounts.total)} 元（大写：${n.totalWords}）予以确认。`, 11)
  const y = doc.y + 10
  doc.fontSize(11).text('签收人（签字）：______________', LEFT, y)
  doc.text('手印：', LEFT + 250, y)
  doc.lineWidth(0.6).rect(LEFT + 285, y - 6, 50, 50).stroke()
  doc.text('签收人与收件人关系：□ 本人　□ 同住成年家属　□ 授权代理人', LEFT, y + 26)
  doc.text('签收日期：________ 年 ____ 月 ____ 日', LEFT, y + 50)
}

/** Renders the notices into one PDF file (one A4 page each). */
export function renderNoticesPdf(docs: readonly NoticeDocument[], font: CjkFont): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: '催收通知书', Creator: 'Daihou 贷后管家' } })
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
