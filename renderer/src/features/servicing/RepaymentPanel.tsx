import { Alert, Button, Card, Group, Radio, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AllocationView } from '@shared/api'
import { DomainError, formatFen, localDate, parseYuan } from '@shared/domain'
import { navigate } from '../../app/router'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Money } from './Money'
import { usePost, usePreview } from './use-servicing'

type Choice = 'credit' | 'prepay_shorten' | 'prepay_lower' | 'settle'
export const CHANNELS = ['cash', 'transfer', 'payroll', 'other'] as const
const CHOICE_LABEL = {
  credit: 'toCredit',
  prepay_shorten: 'shorten',
  prepay_lower: 'lower',
  settle: 'settleChoice',
} as const

/** Post a repayment: Enter previews the allocation, Ctrl+Enter (or the button) records it; the amount clears after. */
export function RepaymentPanel({ loanId, onPosted }: { loanId: number; onPosted: () => Promise<void> }) {
  const { t } = useTranslation('loan')
  const [paidDate, setPaidDate] = useState(localDate(new Date()))
  const [amountText, setAmountText] = useState('')
  const [channel, setChannel] = useState<(typeof CHANNELS)[number]>('cash')
  const [receiptNo, setReceiptNo] = useState('')
  const [choice, setChoice] = useState<Choice>('credit')
  const [amountError, setAmountError] = useState<string | null>(null)
  const amountRef = useRef<HTMLInputElement>(null)
  const preview = usePreview()
  const post = usePost()
  const parse = (): number | null => {
    try {
      const v = parseYuan(amountText)
      setAmountError(null)
      return v
    } catch (e) {
      setAmountError(e instanceof DomainError ? e.reason : String(e))
      return null
    }
  }
  const doPreview = () => {
    const amount = parse()
    post.reset()
    if (amount !== null) void preview.mutate({ loanId, paidDate, amount }).catch(() => undefined)
  }
  const confirm = async () => {
    const p = preview.data
    if (!p || post.loading) return
    const r = await post
      .mutate({
        loanId,
        paidDate,
        amount: p.amount,
        channel,
        ...(receiptNo.trim() ? { receiptNo: receiptNo.trim() } : {}),
        ...(p.overpayment > 0 ? { overpayment: choice } : {}),
      })
      .catch(() => null)
    if (r) {
      preview.reset()
      setAmountText('')
      setReceiptNo('')
      await onPosted()
      amountRef.current?.focus()
    }
  }
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key !== 'Enter' || (e.target as HTMLElement).getAttribute('aria-haspopup') === 'listbox') return
    e.preventDefault()
    if (e.ctrlKey || e.metaKey) void confirm()
    else doPreview()
  }
  const changed = (fn: () => void) => {
    fn()
    preview.reset()
  }
  return (
    <Card withBorder padding="sm" mb="sm" data-testid="repayment-form">
      <Group justify="space-between" mb={4}>
        <Title order={5}>{t('postTitle')}</Title>
        <Text size="xs" c="dimmed">
          {t('keyHint')}
        </Text>
      </Group>
      <Stack gap={6} onKeyDown={onKey}>
        <Group grow gap="xs">
          <TextInput
            size="xs"
            label={t('paidDate')}
            value={paidDate}
            onChange={(e) => {
              const v = e.currentTarget.value
              changed(() => setPaidDate(v))
            }}
          />
          <TextInput
            size="xs"
            label={t('amount')}
            value={amountText}
            error={amountError}
            ref={amountRef}
            data-testid="amount"
            autoFocus
            onChange={(e) => {
              const v = e.currentTarget.value
              changed(() => setAmountText(v))
            }}
          />
        </Group>
        <Group grow gap="xs">
          <Select
            size="xs"
            label={t('channel')}
            value={channel}
            onChange={(v) => setChannel((v ?? 'cash') as typeof channel)}
            data={CHANNELS.map((c) => ({ value: c, label: t(c) }))}
            allowDeselect={false}
          />
          <TextInput
            size="xs"
            label={t('receiptNo')}
            placeholder={t('receiptAuto')}
            value={receiptNo}
            onChange={(e) => setReceiptNo(e.currentTarget.value)}
          />
        </Group>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={doPreview} loading={preview.loading}>
            {t('preview')}
          </Button>
          <Button
            size="xs"
            onClick={() => void confirm()}
            loading={post.loading}
            disabled={!preview.data}
            data-testid="confirm-post"
          >
            {t('confirm')}
          </Button>
        </Group>
      </Stack>
      {preview.error && <ErrorAlert error={preview.error} mb="xs" />}
      {preview.data && <AllocationTable a={preview.data} />}
      {preview.data && preview.data.overpayment > 0 && (
        <Radio.Group
          size="xs"
          label={t('overpayment', { amount: t('money', { amount: formatFen(preview.data.overpayment) }) })}
          value={choice}
          onChange={(v) => setChoice(v as Choice)}
          mt="xs"
        >
          <Stack gap={4} mt={4}>
            {(['credit', 'prepay_shorten', 'prepay_lower', 'settle'] as const).map((c) => (
              <Radio key={c} value={c} label={t(CHOICE_LABEL[c])} />
            ))}
          </Stack>
        </Radio.Group>
      )}
      {post.error && <ErrorAlert error={post.error} mb="xs" />}
      {post.data && (
        <Alert color="green" mt="xs" p="xs" data-testid="posted">
          <Group gap="xs" justify="space-between">
            <Text size="sm">{t('posted', { no: post.data.repayment.receiptNo })}</Text>
            <Button
              size="xs"
              variant="light"
              onClick={() => navigate(`/servicing/print/receipt?id=${post.data!.repayment.id}`)}
            >
              {t('printReceipt')}
            </Button>
          </Group>
        </Alert>
      )}
    </Card>
  )
}

/** The allocation of a payment per installment. */
export function AllocationTable({ a }: { a: AllocationView }) {
  const { t } = useTranslation('loan')
  const num = { ta: 'right' as const }
  return (
    <Table fz="xs" mt="xs" withTableBorder verticalSpacing={2} data-testid="allocation">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('seq')}</Table.Th>
          {(['penalty', 'compound', 'interest', 'principal'] as const).map((k) => (
            <Table.Th key={k} ta="right">
              {t(k)}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {a.lines.map((l) => (
          <Table.Tr key={l.seq}>
            <Table.Td>{l.seq}</Table.Td>
            <Table.Td {...num}>
              <Money fen={l.penaltyInterest} />
            </Table.Td>
            <Table.Td {...num}>
              <Money fen={l.compoundInterest} />
            </Table.Td>
            <Table.Td {...num}>
              <Money fen={l.interest} />
            </Table.Td>
            <Table.Td {...num}>
              <Money fen={l.principal} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
