import { Button, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { amountInWords, formatFen } from '@shared/domain'
import { useQuery } from '../../api/hooks'
import { ErrorAlert } from '../../components/ErrorAlert'
import { st } from './texts'
import { useHashParams } from './use-servicing'
import './print.css'

function Actions() {
  return (
    <Group className="print-actions" mb="md">
      <Button variant="default" onClick={() => window.history.back()}>{st('back')}</Button>
      <Button onClick={() => window.print()}>{st('print')}</Button>
    </Group>
  )
}

/** 还款收据: amount in figures and 大写, how it was applied, receipt number. */
export function ReceiptPrint() {
  useTranslation()
  const id = Number(useHashParams().get('id') ?? 0)
  const q = useQuery('servicing.receipt', { repaymentId: id }, { enabled: id > 0 })
  if (q.error) return <ErrorAlert error={q.error} />
  const r = q.data
  if (!r) return null
  const sum = (k: 'penaltyInterest' | 'compoundInterest' | 'interest' | 'principal') => r.lines.reduce((s, l) => s + l[k], 0)
  return (
    <>
      <Actions />
      <div className="print-page" data-testid="receipt">
        <div className="print-org">{r.orgName}</div>
        <h1>{st('receiptTitle')}</h1>
        <div className="print-meta"><span>{st('receipt')}：{r.repayment.receiptNo}</span><span>{st('paidDate')}：{r.repayment.paidDate}</span></div>
        <table>
          <tbody>
            <tr><th>{st('borrower')}</th><td>{r.loan.borrowerName}</td><th>{st('contractNo')}</th><td>{r.loan.contractNo}</td></tr>
            <tr><th>{st('iouNo')}</th><td>{r.loan.iouNo}</td><th>{st('channel')}</th><td>{st(r.repayment.channel as 'cash')}</td></tr>
            <tr><th>{st('amountWords')}</th><td colSpan={3}>人民币{r.amountWords}</td></tr>
            <tr><th>{st('amountFigures')}</th><td colSpan={3}>¥{formatFen(r.repayment.amount)}</td></tr>
            <tr><th>{st('principal')}</th><td className="num">{formatFen(sum('principal'))}</td><th>{st('interest')}</th><td className="num">{formatFen(sum('interest'))}</td></tr>
            <tr><th>{st('penalty')}</th><td className="num">{formatFen(sum('penaltyInterest'))}</td><th>{st('compound')}</th><td className="num">{formatFen(sum('compoundInterest'))}</td></tr>
            <tr><th>{st('credit')}</th><td className="num">{formatFen(r.toCredit)}</td><th>{st('outstanding')}</th><td className="num">{formatFen(r.outstandingAfter)}</td></tr>
          </tbody>
        </table>
        {r.repayment.status === 'reversed' && <p>{st('reversed')}：{r.repayment.reversalReason}</p>}
        <div className="print-sign"><span>{st('lender')}：</span><span>{st('officerSign')}：{r.repayment.createdBy ?? ''}</span><span>{st('printedAt')}：{new Date().toISOString().slice(0, 10)}</span></div>
      </div>
    </>
  )
}

/** 还款计划表 of the version in force. */
export function SchedulePrint() {
  useTranslation()
  const loanId = Number(useHashParams().get('loan') ?? 0)
  const q = useQuery('servicing.getPlan', { loanId }, { enabled: loanId > 0 })
  if (q.error) return <ErrorAlert error={q.error} />
  const p = q.data
  const v = p?.versions.find((x) => x.version === p.currentVersion) ?? p?.versions[0]
  if (!p || !v) return null
  return (
    <>
      <Actions />
      <div className="print-page" data-testid="schedule">
        <h1>{st('scheduleTitle')}</h1>
        <div className="print-meta"><span>{st('borrower')}：{p.loan.borrowerName}</span><span>{st('contractNo')}：{p.loan.contractNo}</span><span>{st('version')} v{v.version}（{v.effectiveDate}）</span></div>
        <div className="print-meta"><span>{st('principal')}：¥{formatFen(p.loan.principal)}（{amountInWords(p.loan.principal)}）</span><span>{st('rate')}：{v.annualRate}%</span></div>
        <table>
          <thead><tr><th>{st('seq')}</th><th>{st('dueDate')}</th><th>{st('principal')}</th><th>{st('interest')}</th><th>{st('total')}</th></tr></thead>
          <tbody>
            {v.rows.map((r) => (
              <tr key={r.seq}><td>{r.seq}</td><td>{r.dueDate}</td><td className="num">{formatFen(r.principal)}</td><td className="num">{formatFen(r.interest)}</td><td className="num">{formatFen(r.principal + r.interest)}</td></tr>
            ))}
            <tr><th colSpan={2}>{st('total')}</th><td className="num">{formatFen(v.totalPrincipal)}</td><td className="num">{formatFen(v.totalInterest)}</td><td className="num">{formatFen(v.totalPrincipal + v.totalInterest)}</td></tr>
          </tbody>
        </table>
        <div className="print-sign"><span>{st('lender')}：</span><span>{st('borrower')}：</span></div>
      </div>
    </>
  )
}

/** 结清证明 with its unique number. */
export function SettlementPrint() {
  useTranslation()
  const loanId = Number(useHashParams().get('loan') ?? 0)
  const q = useQuery('servicing.settlementCertificate', { loanId }, { enabled: loanId > 0 })
  if (q.error) return <ErrorAlert error={q.error} />
  const c = q.data
  if (!c) return null
  return (
    <>
      <Actions />
      <div className="print-page" data-testid="settlement">
        <div className="print-org">{c.orgName}</div>
        <h1>{st('settlementTitle')}</h1>
        <div className="print-meta"><span>No. {c.certificateNo}</span></div>
        <p>{c.loan.borrowerName}：</p>
        <p style={{ textIndent: '2em' }}>{st('settledCert', { date: c.settledDate })}</p>
        <table>
          <tbody>
            <tr><th>{st('contractNo')}</th><td>{c.loan.contractNo}</td><th>{st('iouNo')}</th><td>{c.loan.iouNo}</td></tr>
            <tr><th>{st('principal')}</th><td colSpan={3}>¥{formatFen(c.loan.principal)}（人民币{c.principalWords}）</td></tr>
            <tr><th>{st('disbursed')}</th><td>{c.loan.disbursementDate}</td><th>{st('paidDate')}</th><td>{c.settledDate}</td></tr>
            <tr><th>{st('paidPrincipal')}</th><td className="num">{formatFen(c.paidPrincipal)}</td><th>{st('paidInterestAll')}</th><td className="num">{formatFen(c.paidInterest + c.paidPenalty)}</td></tr>
          </tbody>
        </table>
        <div className="print-sign"><span>{st('lender')}：</span><span>{st('printedAt')}：{c.issuedAt.slice(0, 10)}</span></div>
      </div>
    </>
  )
}
