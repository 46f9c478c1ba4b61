import { Button, Group } from '@mantine/core'
import type { InspectionView } from '@shared/api'
import { formatFen, yuanText } from '@shared/domain'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from '../../api/hooks'
import { navigate } from '../../app/router'
import { formatDateTime } from '../../app/format'
import { useSession } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useHashParams } from './use-hash-params'
import { Thumb } from './RecordSide'
import '../servicing/print.css'

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <tr>
      <th style={{ width: '28%', textAlign: 'left' }}>{label}</th>
      <td colSpan={3}>{children}</td>
    </tr>
  )
}

/** The A4 贷后检查报告 for the loan file (printed by the browser / Electron, page.pdf in tests). */
export function ReportPrint() {
  const { t } = useTranslation('inspections')
  const id = Number(useHashParams().get('id') ?? 0)
  const q = useQuery('inspections.get', { id }, { enabled: id > 0 })
  const { org } = useSession()
  if (!q.data) return q.error ? <ErrorAlert error={q.error} /> : null
  const r: InspectionView = q.data
  const orgName = org?.name ?? ''
  return (
    <div>
      <Group className="print-actions" mb="md">
        <Button onClick={() => window.print()}>{t('route.print')}</Button>
        <Button variant="default" onClick={() => navigate(`/inspections/record?id=${r.id}`)}>
          {t('form.back')}
        </Button>
      </Group>
      <div className="print-page" data-testid="inspection-report">
        <div className="print-org">{orgName}</div>
        <h1>{t('report.title')}</h1>
        <div className="print-meta">
          <span>
            {t(`types.${r.type}`)} · #{r.id}
          </span>
          <span>
            {t('col.status')}：{t(`statuses.${r.status}`)}
          </span>
        </div>
        <table>
          <tbody>
            <tr>
              <th>{t('col.borrower')}</th>
              <td>{r.borrowerName}</td>
              <th>{t('col.contractNo')}</th>
              <td>{r.contractNo}</td>
            </tr>
            <tr>
              <th>{t('col.address')}</th>
              <td>{r.borrowerAddress ?? ''}</td>
              <th>{t('col.principal')}</th>
              <td className="num">{formatFen(r.principal)}</td>
            </tr>
            <tr>
              <th>{t('report.product')}</th>
              <td>{r.product}</td>
              <th>
                {t('report.disbursed')} / {t('report.maturity')}
              </th>
              <td>
                {r.disbursementDate} / {r.maturityDate}
              </td>
            </tr>
            <tr>
              <th>{t('form.inspectedOn')}</th>
              <td>{r.inspectedOn}</td>
              <th>{t('form.method')}</th>
              <td>{t(`methods.${r.method}`)}</td>
            </tr>
            {r.type === 'first' && (
              <Row label={t('form.fundUse')}>
                {r.fundUse ? t(`fundUses.${r.fundUse}`) : ''}
                {r.fundUsedAmount !== null ? ` ${yuanText(r.fundUsedAmount)}` : ''}
                {r.fundEvidence ? `；${r.fundEvidence}` : ''}
              </Row>
            )}
            <Row label={t('form.businessStatus')}>{r.businessStatus ?? ''}</Row>
            <Row label={t('form.incomeStatus')}>{r.incomeStatus ?? ''}</Row>
            <Row label={t('form.repaymentSource')}>{r.repaymentSource ?? ''}</Row>
            {r.guarantorName && (
              <Row label={t('form.guarantorStatus')}>
                {r.guarantorName}：{r.guarantorStatus ?? ''}
              </Row>
            )}
            {r.collateralName && (
              <Row label={t('form.collateralStatus')}>
                {r.collateralName}：{r.collateralStatus ?? ''}
                {r.revaluedAmount !== null ? `；${t('form.revaluedAmount')} ${formatFen(r.revaluedAmount)}` : ''}
              </Row>
            )}
            <Row label={t('form.signals')}>{r.signals.map((s) => t(`signals.${s}`)).join('、') || '—'}</Row>
            <Row label={t('form.conclusion')}>{r.conclusion ?? ''}</Row>
            <Row label={t('form.proposedCategory')}>
              {r.proposedCategory ? t(`categories.${r.proposedCategory}`) : '—'}
            </Row>
            <Row label={t('form.nextDate')}>{r.nextDate ?? '—'}</Row>
            {r.reviewNote && <Row label={t('form.reviewNote')}>{r.reviewNote}</Row>}
          </tbody>
        </table>
        {r.attachments.length > 0 && (
          <div style={{ marginTop: '4mm' }}>
            <div>{t('report.photos', { n: r.attachments.length })}</div>
            <div style={{ display: 'flex', gap: '3mm', flexWrap: 'wrap', marginTop: '2mm' }}>
              {r.attachments.map((a) => (
                <Thumb
                  key={a.id}
                  inspectionId={r.id}
                  sha256={a.sha256}
                  mime={a.mime}
                  filename={a.filename}
                  size={150}
                />
              ))}
            </div>
          </div>
        )}
        <div className="print-sign">
          <span>
            {t('report.officer1')}：{r.officerName}
            <br />
            {formatDateTime(r.submittedAt)}
          </span>
          <span>
            {t('report.officer2')}：{r.secondOfficerName ?? ''}
            <br />
            {formatDateTime(r.confirmedAt)}
          </span>
          <span>
            {t('report.reviewer')}：{r.reviewerName ?? ''}
            <br />
            {formatDateTime(r.reviewedAt)}
          </span>
        </div>
      </div>
    </div>
  )
}
