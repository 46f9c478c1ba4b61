import { Button, Group, SegmentedControl } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReceiptView } from '@shared/api'
import { amountInWords, formatFen, localDate } from '@shared/domain'
import { useQuery } from '../../api/hooks'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useHashParams } from './use-servicing'
import './print.css'

function Actions({ children }: { children?: React.ReactNode }) {
  const { t } = useTranslation('loan')
  return (
    <Group className="print-actions" mb="md">
      <Button variant="default" onClick={() => window.history.back()}>
        {t('back')}
      </Button>
      <Button onClick={() => window.print()}>{t('print')}</Button>
      {children}
    </Group>
  )
}

/** 联次 of a receipt: 存根 (kept by the teller), 客户 (to the payer), 记账 (to accounting). */
const COPIES = ['copyStub', 'copyCustomer', 'copyAccounting'] as const
type Copy = (typeof COPIES)[number]

/** 还款收据: amount in figures and 大写, how it was applied, 联次, payer's signature; a reversed one is marked 作废. */
export function ReceiptPrint() {
  const { t } = useTranslation('loan')
  const id = Number(useHashParams().get('id') ?? 0)
  const [copy, setCopy] = useState<Copy | 'all'>('all')
  const q = useQuery('servicing.receipt', { repaymentId: id }, { enabled: id > 0 })
  if (q.error) return <ErrorAlert error={q.error} />
  const r = q.data
  if (!r) return null
  const copies = copy === 'all' ? COPIES : [copy]
  return (
    <>
      <Actions>
        <SegmentedControl
          value={copy}
          onChange={(v) => setCopy(v as Copy | 'all')}
          data={[...COPIES, 'copyAll' as const].map((c) => ({ value: c === 'copyAll' ? 'all' : c, label: t(c) }))}
        />
      </Actions>
      {copies.map((c) => (
        <ReceiptCopy key={c} r={r} copy={c} />
      ))}
    </>
  )
}

function ReceiptCopy({ r, copy }: { r: ReceiptView; copy: Copy }) {
  const { t } = useTranslation('loan')
  const sum = (k: 'penaltyInterest' | 'compoundInterest' | 'interest' | 'principal') =>
    r.lines.reduce((s, l) => s + l[k], 0)
  return (
    <div className={`print-page receipt-copy${r.voided ? ' voided' : ''}`} data-testid="receipt">
      {r.voided && (
        <div className="void-stamp" data-testid="void-mark">
          {t('voidMark')}
        </div>
      )}
      <div className="print-org">{r.orgName}</div>
      <h1>{t('receiptTitle')}</h1>
      <div className="print-meta">
        <span>
          {t('receipt')}：{r.repayment.receiptNo}
        </span>
        <span className="copy-label">{t(copy)}</span>
        <span>
          {t('paidDate')}：{r.repayment.paidDate}
        </span>
      </div>
      <table>
        <tbody>
          <tr>
            <th>{t('borrower')}</th>
            <td>{r.loan.borrowerName}</td>
            <th>{t('contractNo')}</th>
            <td>{r.loan.contractNo}</td>
          </tr>
          <tr>
            <th>{t('iouNo')}</th>
            <td>{r.loan.iouNo}</td>
            <th>{t('channel')}</th>
            <td>{t(r.repayment.channel as 'cash')}</td>
          </tr>
          <tr>
            <th>{t('amountWords')}</th>
            <td colSpan={3}>{t('rmb', { words: r.amountWords })}</td>
          </tr>
          <tr>
            <th>{t('amountFigures')}</th>
            <td colSpan={3}>¥{formatFen(r.repayment.amount)}</td>
          </tr>
          <tr>
            <th>{t('principal')}</th>
            <td className="num">{formatFen(sum('principal'))}</td>
            <th>{t('interest')}</th>
            <td className="num">{formatFen(sum('interest'))}</td>
          </tr>
          <tr>
            <th>{t('penalty')}</th>
            <td className="num">{formatFen(sum('penaltyInterest'))}</td>
            <th>{t('compound')}</th>
            <td className="num">{formatFen(sum('compoundInterest'))}</td>
          </tr>
          <tr>
            <th>{t('credit')}</th>
            <td className="num">{formatFen(r.toCredit)}</td>
            <th>{t('outstanding')}</th>
            <td className="num">{formatFen(r.outstandingAfter)}</td>
          </tr>
        </tbody>
      </table>
      {r.voided && (
        <p className="void-note">
          {t('voidNote', {
            date: r.repayment.reversedAt ? localDate(new Date(r.repayment.reversedAt)) : '',
            reason: r.repayment.reversalReason ?? '',
          })}
        </p>
      )}
      <div className="print-sign">
        <span>{t('lender')}：</span>
        <span>
          {t('payerSign')}：<span className="sign-line" />
        </span>
        <span>
          {t('officerSign')}：{r.repayment.createdBy ?? ''}
        </span>
        <span>
          {t('printedAt')}：{localDate(new Date())}
        </span>
      </div>
    </div>
  )
}

/** 还款计划表 of the version in force. */
export function SchedulePrint() {
  const { t } = useTranslation('loan')
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
        <h1>{t('scheduleTitle')}</h1>
        <div className="print-meta">
          <span>
            {t('borrower')}：{p.loan.borrowerName}
          </span>
          <span>
            {t('contractNo')}：{p.loan.contractNo}
          </span>
          <span>
            {t('version')} v{v.version}（{v.effectiveDate}）
          </span>
        </div>
        <div className="print-meta">
          <span>
            {t('principal')}：¥{formatFen(p.loan.principal)}（{amountInWords(p.loan.principal)}）
          </span>
          <span>
            {t('rate')}：{v.annualRate}%
          </span>
        </div>
        <table>
          <thead>
            <tr>
              <th>{t('seq')}</th>
              <th>{t('dueDate')}</th>
              <th>{t('principal')}</th>
              <th>{t('interest')}</th>
              <th>{t('total')}</th>
            </tr>
          </thead>
          <tbody>
            {v.rows.map((r) => (
              <tr key={r.seq}>
                <td>{r.seq}</td>
                <td>{r.dueDate}</td>
                <td className="num">{formatFen(r.principal)}</td>
                <td className="num">{formatFen(r.interest)}</td>
                <td className="num">{formatFen(r.principal + r.interest)}</td>
              </tr>
            ))}
            <tr>
              <th colSpan={2}>{t('total')}</th>
              <td className="num">{formatFen(v.totalPrincipal)}</td>
              <td className="num">{formatFen(v.totalInterest)}</td>
              <td className="num">{formatFen(v.totalPrincipal + v.totalInterest)}</td>
            </tr>
          </tbody>
        </table>
        <div className="print-sign">
          <span>{t('lender')}：</span>
          <span>{t('borrower')}：</span>
          <span>
            {t('printedAt')}：{localDate(new Date())}
          </span>
        </div>
      </div>
    </>
  )
}

/** 结清证明 with its unique number; the print date is the user's local today. */
export function SettlementPrint() {
  const { t } = useTranslation('loan')
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
        <h1>{t('settlementTitle')}</h1>
        <div className="print-meta">
          <span>No. {c.certificateNo}</span>
        </div>
        <p>{c.loan.borrowerName}：</p>
        <p style={{ textIndent: '2em' }}>{t('settledCert', { date: c.settledDate })}</p>
        <table>
          <tbody>
            <tr>
              <th>{t('contractNo')}</th>
              <td>{c.loan.contractNo}</td>
              <th>{t('iouNo')}</th>
              <td>{c.loan.iouNo}</td>
            </tr>
            <tr>
              <th>{t('principal')}</th>
              <td colSpan={3}>
                ¥{formatFen(c.loan.principal)}（{t('rmb', { words: c.principalWords })}）
              </td>
            </tr>
            <tr>
              <th>{t('disbursed')}</th>
              <td>{c.loan.disbursementDate}</td>
              <th>{t('paidDate')}</th>
              <td>{c.settledDate}</td>
            </tr>
            <tr>
              <th>{t('paidPrincipal')}</th>
              <td className="num">{formatFen(c.paidPrincipal)}</td>
              <th>{t('paidInterestAll')}</th>
              <td className="num">{formatFen(c.paidInterest + c.paidPenalty)}</td>
            </tr>
          </tbody>
        </table>
        <div className="print-sign">
          <span>{t('lender')}：</span>
          <span data-testid="printed-on">
            {t('printedAt')}：{localDate(new Date())}
          </span>
        </div>
      </div>
    </>
  )
}
