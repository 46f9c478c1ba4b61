import { useTranslation } from 'react-i18next'
import { Alert, Anchor, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import type { LoanView } from '@shared/api/loans'
import { useState } from 'react'
import { ApiError } from '../../api/client'
import { toApiError, useMutation, useQuery } from '../../api/hooks'
import { localIsoDate } from '../../app/format'
import { navigate } from '../../app/router'
import { useCan, useCurrentSession } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { LoanFields } from './LoanFields'
import { useProposedNumbers } from './use-proposed-numbers'
import { type LoanField, type LoanValues, checkLoan, loanValues, toLoanCreate, toLoanUpdate } from './loan-form'

/**
 * Register a loan (borrower prefilled from a borrower page, else searched) or edit one. After
 * registering, the plan is generated right away unless unticked, and servicing is one click on.
 */
export function LoanFormModal({
  loanId,
  borrower,
  opened,
  onClose,
  onSaved,
}: {
  loanId: number | null
  borrower: { id: number; name: string } | null
  opened: boolean
  onClose: () => void
  onSaved: (loan: LoanView) => void
}) {
  const { t } = useTranslation('entry')
  return (
    <Modal opened={opened} onClose={onClose} title={loanId ? t('editLoan') : t('newLoan')} size="xl" centered>
      {opened &&
        (loanId ? (
          <EditLoan loanId={loanId} onClose={onClose} onSaved={onSaved} />
        ) : (
          <NewLoan borrower={borrower} onClose={onClose} onSaved={onSaved} />
        ))}
    </Modal>
  )
}

function serverErrors(x: unknown, v: LoanValues): Partial<Record<LoanField, string>> {
  if (!(x instanceof ApiError)) throw x
  const out: Partial<Record<LoanField, string>> = {}
  const rename: Record<string, LoanField> = { principal: 'amount', annualRate: 'rate', termMonths: 'term' }
  for (const f of x.fields) {
    const k = rename[f.path] ?? (f.path as LoanField)
    if (k in v || k === 'maturityDate') out[k] = f.message
  }
  return out
}

function NewLoan({
  borrower,
  onClose,
  onSaved,
}: {
  borrower: { id: number; name: string } | null
  onClose: () => void
  onSaved: (loan: LoanView) => void
}) {
  const { t } = useTranslation('entry')
  const me = useCurrentSession().user
  const officers = useQuery('loans.officers', {})
  const mine = officers.data?.some((o) => o.id === me.id) ? me.id : null
  const [v, setV] = useState<LoanValues>(() =>
    loanValues({
      borrowerId: borrower?.id ?? null,
      officerId: me.role === 'officer' ? me.id : null,
      today: localIsoDate(),
    }),
  )
  const [makePlan, setMakePlan] = useState(true)
  const [done, setDone] = useState<{ loan: LoanView; plan: number | null; planError: string | null } | null>(null)
  const create = useMutation('loans.create')
  const plan = useMutation('servicing.createPlan')
  const values = v.officerId === null && mine !== null ? { ...v, officerId: mine } : v
  const numbers = useProposedNumbers(v, setV)
  const can = useCan()
  const { t: tn } = useTranslation('numbering')

  const generate = async (loan: LoanView) => {
    try {
      const p = await plan.mutate({ loanId: loan.id })
      setDone({ loan, plan: p.versions[0]?.rows.length ?? 0, planError: null })
    } catch (x) {
      setDone({ loan, plan: null, planError: toApiError(x).message })
    }
  }
  const save = async (input: LoanValues): Promise<Partial<Record<LoanField, string>>> => {
    try {
      const loan = await create.mutate(toLoanCreate(input, checkLoan(input, true)))
      notifications.show({ color: 'teal', message: t('loanCreated', { contractNo: loan.contractNo }) })
      setDone({ loan, plan: null, planError: null })
      onSaved(loan)
      if (makePlan) await generate(loan)
      return {}
    } catch (x) {
      // Someone saved a loan with the proposed number meanwhile: propose the next one.
      if (toApiError(x).code === 'CONFLICT') void numbers.refresh()
      return serverErrors(x, input)
    }
  }

  if (done)
    return (
      <Created done={done} generating={plan.loading} onGenerate={() => void generate(done.loan)} onClose={onClose} />
    )
  return (
    <LoanFields
      values={values}
      setValues={setV}
      borrowerLabel={borrower?.name ?? null}
      borrowerFixed={borrower !== null}
      officers={officers.data ?? []}
      locked={false}
      saving={create.loading || plan.loading}
      error={create.error}
      onSubmit={save}
      onCancel={onClose}
      extra={
        <Group gap="md">
          <Checkbox
            label={t('makePlan')}
            checked={makePlan}
            onChange={(e) => setMakePlan(e.currentTarget.checked)}
            disabled={v.method === ('custom' as string)}
          />
          {can('org.manage') && (
            <Anchor
              size="sm"
              onClick={() => {
                onClose()
                navigate('/settings/numbering')
              }}
            >
              {tn('link')}
            </Anchor>
          )}
        </Group>
      }
    />
  )
}

function Created({
  done,
  generating,
  onGenerate,
  onClose,
}: {
  done: { loan: LoanView; plan: number | null; planError: string | null }
  generating: boolean
  onGenerate: () => void
  onClose: () => void
}) {
  const { t } = useTranslation('entry')
  const go = () => {
    onClose()
    navigate(`/servicing/loan?id=${done.loan.id}`)
  }
  return (
    <Stack data-testid="loan-created">
      <Alert color="teal" variant="light" title={t('loanCreated', { contractNo: done.loan.contractNo })}>
        <Text size="sm">{done.loan.borrowerName}</Text>
        {done.plan !== null && (
          <Text size="sm" data-testid="plan-created">
            {t('planCreated', { n: done.plan })}
          </Text>
        )}
      </Alert>
      {done.planError && (
        <Alert color="orange" variant="light">
          {t('planFailed', { msg: done.planError })}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('close')}
        </Button>
        {done.plan === null && (
          <Button variant="light" loading={generating} onClick={onGenerate}>
            {t('createPlan')}
          </Button>
        )}
        <Button onClick={go} data-autofocus>
          {t('goServicing')}
        </Button>
      </Group>
    </Stack>
  )
}

function EditLoan({
  loanId,
  onClose,
  onSaved,
}: {
  loanId: number
  onClose: () => void
  onSaved: (loan: LoanView) => void
}) {
  const { t } = useTranslation('entry')
  const got = useQuery('loans.get', { id: loanId })
  const plan = useQuery('servicing.getPlan', { loanId })
  const officers = useQuery('loans.officers', {})
  if (got.error) return <ErrorAlert error={got.error} />
  if (!got.data || (!plan.data && !plan.error)) return <Text c="dimmed">{t('loading')}</Text>
  const locked = (plan.data?.versions.length ?? 0) > 0
  return (
    <EditForm loan={got.data.loan} locked={locked} officers={officers.data ?? []} onClose={onClose} onSaved={onSaved} />
  )
}

function EditForm({
  loan,
  locked,
  officers,
  onClose,
  onSaved,
}: {
  loan: LoanView
  locked: boolean
  officers: { id: number; displayName: string; role: string }[]
  onClose: () => void
  onSaved: (loan: LoanView) => void
}) {
  const { t } = useTranslation('entry')
  const [v, setV] = useState<LoanValues>(() => loanValues({ loan, today: localIsoDate() }))
  const update = useMutation('loans.update')
  const save = async (input: LoanValues): Promise<Partial<Record<LoanField, string>>> => {
    try {
      const saved = await update.mutate(toLoanUpdate(loan.id, input, checkLoan(input, true), loan, locked))
      notifications.show({ color: 'teal', message: t('loanSaved', { contractNo: saved.contractNo }) })
      onSaved(saved)
      onClose()
      return {}
    } catch (x) {
      return serverErrors(x, input)
    }
  }
  return (
    <LoanFields
      values={v}
      setValues={setV}
      borrowerLabel={loan.borrowerName}
      borrowerFixed
      officers={officers}
      officerFixed
      locked={locked}
      saving={update.loading}
      error={update.error}
      onSubmit={save}
      onCancel={onClose}
    />
  )
}
