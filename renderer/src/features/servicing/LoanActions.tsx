import { Button, Card, Group, Modal, Select, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Permission } from '@shared/api'
import { DomainError, localDate, parseYuan } from '@shared/domain'
import { useMutation } from '../../api/hooks'
import { useCan } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { SettleModal } from './SettleModal'

type Action = 'settle' | 'extension' | 'restructure' | 'writeOff' | 'recovery'
const METHODS = ['annuity', 'equal_principal', 'quarterly_interest', 'monthly_interest', 'bullet'] as const
/** Who may do what: the same permissions the backend checks (ROLE_PERMISSIONS via the session). */
const NEEDS: Record<Action, Permission> = {
  settle: 'repayments.post',
  extension: 'loans.write',
  restructure: 'loans.approve',
  writeOff: 'loans.approve',
  recovery: 'repayments.post',
}

/** 结清, 展期, 重组, 核销 (active) or 核销后收回 (written off): only the actions the caller's role may do are offered. */
export function LoanActions({
  loanId,
  status,
  onDone,
}: {
  loanId: number
  status: string
  onDone: () => Promise<void>
}) {
  const { t } = useTranslation('loan')
  const can = useCan()
  const [open, setOpen] = useState<Action | null>(null)
  const all: Action[] = status === 'written_off' ? ['recovery'] : ['settle', 'extension', 'restructure', 'writeOff']
  const actions = all.filter((a) => can(NEEDS[a]))
  if (actions.length === 0) return null
  return (
    <Card withBorder padding="sm" data-testid="loan-actions">
      <Title order={5} mb={6}>
        {t('actions')}
      </Title>
      <Group gap="xs">
        {actions.map((a) => (
          <Button
            key={a}
            size="xs"
            variant={a === 'settle' ? 'filled' : 'default'}
            color={a === 'writeOff' ? 'red' : undefined}
            onClick={() => setOpen(a)}
            data-testid={`action-${a}`}
          >
            {t(a)}
          </Button>
        ))}
      </Group>
      {open === 'settle' && <SettleModal loanId={loanId} onClose={() => setOpen(null)} onDone={onDone} />}
      {open && open !== 'settle' && (
        <ActionModal action={open} loanId={loanId} onClose={() => setOpen(null)} onDone={onDone} />
      )}
    </Card>
  )
}

/** 展期 / 重组 / 核销 / 核销后收回 with their fields; the backend enforces policy and approval. */
function ActionModal({
  action,
  loanId,
  onClose,
  onDone,
}: {
  action: Exclude<Action, 'settle'>
  loanId: number
  onClose: () => void
  onDone: () => Promise<void>
}) {
  const { t } = useTranslation('loan')
  const [date, setDate] = useState(localDate(new Date()))
  const [reason, setReason] = useState('')
  const [months, setMonths] = useState('6')
  const [amount, setAmount] = useState('')
  const [rate, setRate] = useState('')
  const [method, setMethod] = useState<(typeof METHODS)[number]>('equal_principal')
  const [localError, setLocalError] = useState<string | null>(null)
  const extend = useMutation('servicing.extend')
  const writeOff = useMutation('servicing.writeOff')
  const recovery = useMutation('servicing.recordRecovery')
  const restructure = useMutation('servicing.restructure')
  const m = { extension: extend, writeOff, recovery, restructure }[action]
  const run = async () => {
    setLocalError(null)
    try {
      if (action === 'extension') await extend.mutate({ loanId, date, extensionMonths: Number(months), reason })
      if (action === 'writeOff') await writeOff.mutate({ loanId, date, reason })
      if (action === 'recovery')
        await recovery.mutate({ loanId, paidDate: date, amount: parseYuan(amount), channel: 'cash' })
      if (action === 'restructure')
        await restructure.mutate({ loanId, date, reason, annualRate: rate, method, termMonths: Number(months) })
      onClose()
      await onDone()
    } catch (e) {
      if (e instanceof DomainError) setLocalError(e.reason)
    }
  }
  return (
    <Modal opened onClose={onClose} title={t(action)}>
      <Stack gap="xs">
        <TextInput label={t('date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} />
        {(action === 'extension' || action === 'restructure') && (
          <TextInput label={t('months')} value={months} onChange={(e) => setMonths(e.currentTarget.value)} />
        )}
        {action === 'restructure' && (
          <TextInput label={t('rate')} value={rate} onChange={(e) => setRate(e.currentTarget.value)} />
        )}
        {action === 'restructure' && (
          <Select
            label={t('method')}
            value={method}
            onChange={(v) => setMethod((v ?? 'equal_principal') as typeof method)}
            data={METHODS.map((x) => ({ value: x, label: t(x) }))}
            allowDeselect={false}
          />
        )}
        {action === 'recovery' && (
          <TextInput label={t('amount')} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} />
        )}
        {action !== 'recovery' && (
          <TextInput label={t('reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        )}
        {localError && (
          <Text c="red" size="sm">
            {localError}
          </Text>
        )}
        {m.error && <ErrorAlert error={m.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button onClick={() => void run()} loading={m.loading} color={action === 'writeOff' ? 'red' : undefined}>
            {t(action)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
