import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatFen, isValidDate, localDate } from '@shared/domain'
import { useMutation, useQuery } from '../../api/hooks'
import { navigate } from '../../app/router'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Money } from './Money'
import { CHANNELS } from './RepaymentPanel'

/**
 * 结清 = the borrower paying the payoff now: the channel and receipt are asked, the payoff and
 * exactly what will be recorded are shown, and nothing is recorded until confirmed. The backend
 * refuses when the payoff changed since it was shown.
 */
export function SettleModal({
  loanId,
  onClose,
  onDone,
}: {
  loanId: number
  onClose: () => void
  onDone: () => Promise<void>
}) {
  const { t } = useTranslation('loan')
  const [date, setDate] = useState(localDate(new Date()))
  const [channel, setChannel] = useState<(typeof CHANNELS)[number] | null>(null)
  const [receiptNo, setReceiptNo] = useState('')
  const ok = isValidDate(date)
  const ev = useQuery('servicing.asOf', { loanId, asOf: date }, { enabled: ok })
  const payoff = ok && ev.data?.asOf === date ? ev.data.payoff : null
  const settle = useMutation('servicing.settle')
  const submit = async () => {
    if (payoff === null || !channel) return
    const r = await settle
      .mutate({ loanId, date, channel, amount: payoff, ...(receiptNo.trim() ? { receiptNo: receiptNo.trim() } : {}) })
      .catch(() => null)
    if (r) {
      await onDone()
      navigate(`/servicing/print/settlement?loan=${loanId}`)
    }
  }
  return (
    <Modal opened onClose={onClose} title={t('settleTitle')} size="lg">
      <Stack gap="xs" data-testid="settle-modal">
        <Text size="sm">{t('settleIntro')}</Text>
        <Group grow gap="xs">
          <TextInput
            label={t('paidDate')}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={ok ? null : t('asOfInvalid')}
          />
          <Select
            label={t('channel')}
            value={channel}
            onChange={(v) => setChannel(v as typeof channel)}
            data={CHANNELS.map((c) => ({ value: c, label: t(c) }))}
            withAsterisk
            data-testid="settle-channel"
          />
          <TextInput
            label={t('receiptNo')}
            placeholder={t('receiptAuto')}
            value={receiptNo}
            onChange={(e) => setReceiptNo(e.currentTarget.value)}
          />
        </Group>
        <div>
          <Text size="xs" c="dimmed">
            {t('payoff')}
          </Text>
          <Text fw={700} size="xl" data-testid="settle-payoff">
            {payoff !== null ? <Money fen={payoff} unit /> : '—'}
          </Text>
        </div>
        {ev.error && <ErrorAlert error={ev.error} />}
        {payoff === 0 && (
          <Alert color="gray" p="xs">
            {t('settleNoPayoff')}
          </Alert>
        )}
        {payoff !== null && payoff > 0 && channel && (
          <Alert color="blue" p="xs" data-testid="settle-record">
            {t('settleWillRecord', {
              date,
              channel: t(channel),
              amount: t('money', { amount: formatFen(payoff) }),
              receipt: receiptNo.trim() || t('autoNumber'),
            })}
          </Alert>
        )}
        {settle.error && <ErrorAlert error={settle.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button
            onClick={() => void submit()}
            loading={settle.loading}
            disabled={!channel || !payoff}
            data-testid="settle-confirm"
          >
            {t('settleConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
