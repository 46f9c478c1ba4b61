import { Tabs } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { addDays, localDate } from '@shared/domain'
import { PageHeader } from '../../components/PageHeader'
import { KpiPanel } from './KpiPanel'
import { MigrationPanel } from './MigrationPanel'
import { MonthlyPanel } from './MonthlyPanel'
import { QualityPanel } from './QualityPanel'
import './reports.css'

/** The last day of the month before `date`'s month: reports default to the last month-end. */
function previousMonthEnd(date: string): string {
  return addDays(`${date.slice(0, 7)}-01`, -1)
}

/** Reports (报表): portfolio quality, the five-category migration matrix and the monthly report. */
export function ReportsPage() {
  const { t } = useTranslation('reports')
  const lastMonthEnd = previousMonthEnd(localDate(new Date()))
  const monthBefore = previousMonthEnd(lastMonthEnd)
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Tabs defaultValue="quality" keepMounted={false}>
        <Tabs.List className="print-actions" mb="md">
          <Tabs.Tab value="quality">{t('quality')}</Tabs.Tab>
          <Tabs.Tab value="migration">{t('migration')}</Tabs.Tab>
          <Tabs.Tab value="monthly">{t('monthly')}</Tabs.Tab>
          <Tabs.Tab value="kpis">{t('kpis')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="quality">
          <QualityPanel defaultAsOf={lastMonthEnd} />
        </Tabs.Panel>
        <Tabs.Panel value="migration">
          <MigrationPanel defaultFrom={monthBefore} defaultTo={lastMonthEnd} />
        </Tabs.Panel>
        <Tabs.Panel value="monthly">
          <MonthlyPanel defaultMonth={lastMonthEnd.slice(0, 7)} />
        </Tabs.Panel>
        <Tabs.Panel value="kpis">
          <KpiPanel defaultFrom={`${lastMonthEnd.slice(0, 7)}-01`} defaultTo={lastMonthEnd} />
        </Tabs.Panel>
      </Tabs>
    </>
  )
}
