import { Alert, Button, Grid, Group, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { toApiError } from '../../api/hooks'
import { localIsoDate } from '../../app/format'
import { useSession } from '../../app/session'
import { IconDownload, IconPrinter } from '../../components/icons'
import { PageHeader } from '../../components/PageHeader'
import { CalculatorForm } from './CalculatorForm'
import { MethodComparison } from './MethodComparison'
import { PlanPrint } from './PlanPrint'
import { CostWarning, PlanSummary } from './PlanSummary'
import { PlanTable } from './PlanTable'
import { useCalculator, useExportPlan } from './use-calculator'
import './calculator.css'

/** 贷款计算器 (issue #4): live plan from the domain rules, method comparison, Excel export, A4 print. */
export function CalculatorPage() {
  const { t } = useTranslation()
  const { org } = useSession()
  const { values, set, touch, result } = useCalculator()
  const exporter = useExportPlan()
  const ready =
    result.input && result.schedule && result.totals && result.rates
      ? { ...result, input: result.input, schedule: result.schedule, totals: result.totals, rates: result.rates }
      : null

  const onExport = async () => {
    if (!ready) return
    try {
      const out = await exporter.run(ready.input)
      notifications.show({ color: 'teal', message: t('calculator.exported', { name: out.filename }) })
    } catch (e) {
      const err = toApiError(e)
      notifications.show({ color: 'red', title: t(`errors.titles.${err.code}`), message: err.message })
    }
  }

  return (
    <>
      <div className="calc-screen">
        <PageHeader
          title={t('calculator.title')}
          subtitle={t('calculator.subtitle')}
          actions={
            <>
              <Button
                variant="default"
                leftSection={<IconDownload size={16} />}
                disabled={!ready}
                loading={exporter.loading}
                onClick={() => void onExport()}
              >
                {t('calculator.export')}
              </Button>
              <Button leftSection={<IconPrinter size={16} />} disabled={!ready} onClick={() => window.print()}>
                {t('calculator.print')}
              </Button>
            </>
          }
        />
        <Grid gap="lg" align="flex-start">
          <Grid.Col span={{ base: 12, md: 4 }} miw={300}>
            <CalculatorForm values={values} set={set} touch={touch} result={result} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="lg">
              {result.costWarning && <CostWarning warning={result.costWarning} />}
              {ready ? (
                <>
                  <PlanSummary totals={ready.totals} />
                  <MethodComparison rows={ready.comparison} current={values.method} onUse={(m) => set('method', m)} />
                  <PlanTable schedule={ready.schedule} totals={ready.totals} />
                </>
              ) : (
                <Alert variant="light" color="gray" data-testid="calc-invalid">
                  <Group gap="xs">
                    <Text size="sm">
                      {t(Object.keys(result.errors).length ? 'calculator.invalidHint' : 'calculator.emptyHint')}
                    </Text>
                  </Group>
                </Alert>
              )}
            </Stack>
          </Grid.Col>
        </Grid>
      </div>
      {ready && (
        <PlanPrint
          orgName={org?.name ?? ''}
          input={ready.input}
          rates={ready.rates}
          schedule={ready.schedule}
          totals={ready.totals}
          printedOn={localIsoDate()}
        />
      )}
    </>
  )
}
