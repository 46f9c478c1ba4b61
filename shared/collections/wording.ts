// Wording of the printed 催收通知书, shared by the on-screen preview and the PDF.

/** A date as written in Chinese documents: 2026-03-02 → 2026 年 3 月 2 日. */
export function zhDate(d: string): string {
  const [y, m, day] = d.split('-')
  return `${y} 年 ${Number(m)} 月 ${Number(day)} 日`
}

/** Fixed wording of the 催收通知书 and its 回执 (DOMAIN §12): a legal document, always zh-CN. */
export const NOTICE_WORDING = {
  title: '催收通知书',
  titleGuarantor: '催收通知书（保证人）',
  noLabel: '编号：',
  litigation: '已移交诉讼',
  idLabel: '证件号码',
  signed: '与本社签订借款合同（合同编号',
  iou: '，借据编号',
  amount: '），借款金额人民币',
  words: '元（大写：',
  term: '），借款期限至',
  guarantee: '，您为该笔借款提供保证。',
  overdue: '贷款已逾期',
  accelerated: '本社已依约宣布该笔贷款提前到期，全部本息立即到期',
  asOf: '，截至',
  owesBorrower: '，您尚欠下列款项未归还：',
  owesGuarantor: '，借款人尚欠下列款项未归还，请您依照保证合同履行保证责任：',
  youOn: '您于',
  borrowerOn: '借款人',
  totalWords: '合计人民币（大写）：',
  demand: '前到本社归还上述款项。逾期期间罚息、复利按合同约定继续计收。',
  pleaseBy: '请于',
  consequences:
    '如到期仍未归还，本社将依法向人民法院提起诉讼，并按规定报送金融信用信息基础数据库（征信系统），由此产生的诉讼费、保全费、律师费等费用由您承担。如有疑问，请与本社信贷员联系。',
  seal: '（盖章）',
  sealArea: '（盖章处）',
  cut: '沿此线剪开',
  receiptTitle: '催收通知书回执',
  ack1: '本人已收到贵社编号为',
  ack2: '的催收通知书，对其中所列截至',
  ack3: '的欠款合计人民币',
  ack4: '予以确认。',
  signer: '签收人（签字）：______________',
  finger: '手印',
  relation: '签收人与收件人关系：□ 本人　□ 同住成年家属　□ 授权代理人',
  date: '签收日期：________ 年 ____ 月 ____ 日',
  colon: '：',
  on: '于',
  yuan: '元',
  columns: ['逾期本金', '逾期利息', '罚息', '复利', '合计'],
  columnsAccelerated: ['本金余额', '利息', '罚息', '复利', '合计'],
} as const

/** The facts a notice's text needs (a subset of the printed document). */
export interface NoticeFacts {
  readonly addressee: 'borrower' | 'guarantor'
  readonly noticeNo: string
  readonly borrowerName: string
  readonly contractNo: string
  readonly iouNo: string
  readonly loanPrincipalText: string
  readonly loanPrincipalWords: string
  readonly disbursementDate: string
  readonly maturityDate: string
  readonly asOf: string
  readonly deadline: string
  readonly accelerated: boolean
  readonly totalText: string
  readonly totalWords: string
}

/** The paragraphs of a notice and its 回执, filled in; amounts come formatted (`1,234.56`). */
export function noticeParagraphs(n: NoticeFacts): {
  facts: string
  demand: string
  consequences: string
  acknowledgement: string
} {
  const W = NOTICE_WORDING
  const loan = `${W.signed} ${n.contractNo}${W.iou} ${n.iouNo}${W.amount} ${n.loanPrincipalText} ${W.words}${n.loanPrincipalWords}${W.term} ${zhDate(n.maturityDate)}`
  const what = n.accelerated ? W.accelerated : W.overdue
  const facts =
    n.addressee === 'guarantor'
      ? `${W.borrowerOn} ${n.borrowerName} ${W.on} ${zhDate(n.disbursementDate)} ${loan}${W.guarantee}${what}${W.asOf} ${zhDate(n.asOf)}${W.owesGuarantor}`
      : `${W.youOn} ${zhDate(n.disbursementDate)} ${loan}。${what}${W.asOf} ${zhDate(n.asOf)}${W.owesBorrower}`
  return {
    facts,
    demand: `${W.pleaseBy} ${zhDate(n.deadline)} ${W.demand}`,
    consequences: W.consequences,
    acknowledgement: `${W.ack1} ${n.noticeNo} ${W.ack2} ${zhDate(n.asOf)} ${W.ack3} ${n.totalText} ${W.words}${n.totalWords}）${W.ack4}`,
  }
}
