import { Button, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useQuery } from '../../api/hooks'
import { navigate } from '../../app/router'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { CollateralPanel } from './CollateralPanel'
import { GuarantorsPanel } from './GuarantorsPanel'

/** `#/loans/<id>/security`: the guarantors and collateral panels on their own (the loan page mounts them in its 担保 tab). */
export function SecurityPage({ loanId }: { loanId: number }) {
  const { t } = useTranslation('inspections')
  const q = useQuery('loans.get', { id: loanId })
  return (
    <Stack>
      <PageHeader
        title={t('security.title', { contract: q.data?.loan.contractNo ?? '' })}
        subtitle={q.data ? `${q.data.loan.borrowerName} · ${q.data.loan.product}` : ''}
        actions={
          <Button variant="default" onClick={() => navigate('/inspections')}>
            {t('form.back')}
          </Button>
        }
      />
      {q.error && <ErrorAlert error={q.error} />}
      <GuarantorsPanel loanId={loanId} />
      <CollateralPanel loanId={loanId} />
    </Stack>
  )
}
