import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { formatFen } from '@shared/domain'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { navigate } from '../../app/router'
import { useCan } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { ContactPanel } from './ContactPanel'
import { NoticesPanel } from './NoticesPanel'
import { PromisePanel } from './PromisePanel'
import {
  today,
  useDeclareDue,
  useHashParams,
  useLitigation,
  useLoanCollection,
  useLoanHead,
  usePromises,
} from './use-collections'

/** One loan's collections: amounts as of today, next step and script, contacts, promises, notices. */
export function LoanCollectionPage() {
  const { t } = useTranslation('collections')
  const loanId = Number(useHashParams().get('id') ?? 0)
  const head = useLoanHead(loanId)
  const c = useLoanCollection(loanId)
  const promises = usePromises(loanId)
  const refresh = () => {
    void c.refetch()
    void promises.refetch()
  }
  const broken = [...(promises.data ?? [])]
    .sort((a, b) => (a.madeOn < b.madeOn ? -1 : a.madeOn > b.madeOn ? 1 : a.id - b.id))
    .at(-1)
  const loan = head.data?.loan
  return (
    <Stack>
      <PageHeader
        title={loan ? `${t('title')}：${loan.borrowerName} · ${loan.contractNo}` : t('title')}
        actions={
          <Button variant="default" onClick={() => navigate('/collections')}>
            {t('back')}
          </Button>
        }
      />
      {(head.error ?? c.error) && <ErrorAlert error={(head.error ?? c.error)!} />}
      {broken?.status === 'broken' && (
        <Alert color="red" title={t('brokenPromise')} data-testid="broken-warning">
          {t('brokenWarning', { date: broken.promisedOn, amount: `${formatFen(broken.amount)} ${t('yuan')}` })}
        </Alert>
      )}
      {c.data && (
        <Card withBorder>
          <Group gap="xs" mb="xs">
            <Badge>{c.data.bucket}</Badge>
            <Text size="sm">
              {t('dpd')} {c.data.dpd}
            </Text>
            <Badge variant="light" color="orange">
              {t(`step_${c.data.step}`)}
            </Badge>
            {c.data.litigationOn && (
              <Badge color="grape">
                {t('litigation')} {c.data.litigationOn}
              </Badge>
            )}
            {c.data.acceleratedOn && (
              <Badge color="orange">
                {t('accelerated')} {c.data.acceleratedOn}
              </Badge>
            )}
          </Group>
          <Text fw={500} size="sm">
            {t('amounts', { date: c.data.asOf })}
          </Text>
          <SimpleGrid cols={5} mt={4} data-testid="amounts">
            {(['principal', 'interest', 'penaltyInterest', 'compoundInterest', 'total'] as const).map((k) => (
              <div key={k}>
                <Text size="xs" c="dimmed">
                  {t(k === 'penaltyInterest' ? 'penalty' : k === 'compoundInterest' ? 'compound' : k)}
                </Text>
                <Text fw={k === 'total' ? 700 : 400} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatFen(c.data!.amounts[k])}
                </Text>
              </div>
            ))}
          </SimpleGrid>
          {c.data.script && <Script text={c.data.script} />}
        </Card>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ContactPanel loanId={loanId} parties={c.data?.parties ?? []} onLogged={refresh} />
        <PromisePanel loanId={loanId} promises={promises.data ?? []} onAdded={refresh} />
      </SimpleGrid>
      <NoticesPanel loanId={loanId} guarantors={head.data?.guarantors ?? []} />
      <ManagerActions loanId={loanId} onDone={refresh} />
    </Stack>
  )
}

function Script({ text }: { text: string }) {
  const { t } = useTranslation('collections')
  const [copied, setCopied] = useState(false)
  return (
    <Stack gap={2} mt="sm">
      <Text size="xs" c="dimmed">
        {t('script')}
      </Text>
      <Text size="sm" data-testid="script">
        {text}
      </Text>
      <Button
        size="compact-xs"
        variant="light"
        w={80}
        onClick={() => void navigator.clipboard?.writeText(text).then(() => setCopied(true))}
      >
        {copied ? t('copied') : t('copy')}
      </Button>
    </Stack>
  )
}

function ManagerActions({ loanId, onDone }: { loanId: number; onDone: () => void }) {
  const { t } = useTranslation('collections')
  const can = useCan()
  const [date, setDate] = useState(today())
  const [reason, setReason] = useState('')
  const due = useDeclareDue()
  const lit = useLitigation()
  if (!can('loans.approve')) return null
  const run = (m: { mutate: (i: { loanId: number; date: string; reason: string }) => Promise<unknown> }) =>
    void m.mutate({ loanId, date, reason }).then(onDone, () => undefined)
  return (
    <Card withBorder>
      <Text fw={500} mb="xs">
        {t('manage')}
      </Text>
      <Group align="flex-end">
        <TextInput label={t('date')} type="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} />
        <TextInput
          label={t('actionReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          w={320}
        />
        <Button variant="light" color="orange" loading={due.loading} onClick={() => run(due)}>
          {t('declareDue')}
        </Button>
        <Button variant="light" color="grape" loading={lit.loading} onClick={() => run(lit)}>
          {t('referLitigation')}
        </Button>
      </Group>
      {(due.error ?? lit.error) && <ErrorAlert error={(due.error ?? lit.error)!} />}
    </Card>
  )
}
