import { Button, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { navigate } from '../../app/router'
import { useSession } from '../../app/session'
import { filterFromHash, WarningTable } from './RiskBoardPage'
import { useWarnings } from './use-risk'
import './print.css'

/** 预警表 print view: A4 landscape, the board's filter, up to 500 rows. */
export function PrintBoard() {
  const { t } = useTranslation('risk')
  const { org } = useSession()
  const f = filterFromHash()
  const q = useWarnings({ ...f, offset: 0, limit: 500 })
  const parts = [
    f.level ? t(f.level) : null,
    f.status ? t(f.status) : null,
    f.rule ? t(`rules.${f.rule}`) : null,
  ].filter(Boolean)
  return (
    <div>
      <Group className="print-actions" mb="md">
        <Button variant="default" onClick={() => navigate('/risk')}>
          {t('back')}
        </Button>
        <Button onClick={() => window.print()}>{t('print')}</Button>
      </Group>
      <div className="risk-print" data-testid="risk-print">
        <div className="risk-print-org">{org?.name ?? ''}</div>
        <h1>{t('board')}</h1>
        <div className="risk-print-meta">
          <span>{parts.join(' · ')}</span>
          <span>{t('total', { n: q.data?.total ?? 0 })}</span>
          <span>
            {t('printedAt')}：{new Date().toLocaleString()}
          </span>
        </div>
        <WarningTable items={q.data?.items ?? []} />
      </div>
    </div>
  )
}
