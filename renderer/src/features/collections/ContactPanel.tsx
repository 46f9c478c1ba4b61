import { Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import { CONTACT_CHANNELS, CONTACT_OUTCOMES, CONTACT_PARTIES } from '@shared/api'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../app/format'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useContacts, useLogContact } from './use-collections'

type Channel = (typeof CONTACT_CHANNELS)[number]
type Party = (typeof CONTACT_PARTIES)[number]
type Outcome = (typeof CONTACT_OUTCOMES)[number]

/** Contact log of a loan with the form to add one (the backend refuses calls outside the hours). */
export function ContactPanel({
  loanId,
  parties,
  onLogged,
}: {
  loanId: number
  parties: { party: Party; name: string }[]
  onLogged: () => void
}) {
  const { t } = useTranslation('collections')
  const list = useContacts(loanId)
  const log = useLogContact()
  const [channel, setChannel] = useState<Channel>('phone')
  const [party, setParty] = useState<Party>('borrower')
  const [partyName, setPartyName] = useState('')
  const [reason, setReason] = useState('')
  const [outcome, setOutcome] = useState<Outcome>('no_answer')
  const [note, setNote] = useState('')
  const submit = () => {
    const name = partyName || parties.find((p) => p.party === party)?.name || ''
    void log
      .mutate({
        loanId,
        channel,
        party,
        outcome,
        ...(name ? { partyName: name } : {}),
        ...(reason ? { reason } : {}),
        ...(note ? { note } : {}),
      })
      .then(
        () => {
          setNote('')
          setReason('')
          void list.refetch()
          onLogged()
        },
        () => undefined,
      )
  }
  return (
    <Card withBorder>
      <Text fw={500} mb="xs">
        {t('contactTitle')}
      </Text>
      <Stack gap="xs">
        <Group grow>
          <Select
            label={t('channel')}
            value={channel}
            onChange={(v) => setChannel((v ?? 'phone') as Channel)}
            allowDeselect={false}
            data={CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`ch_${c}`) }))}
          />
          <Select
            label={t('party')}
            value={party}
            onChange={(v) => setParty((v ?? 'borrower') as Party)}
            allowDeselect={false}
            data={CONTACT_PARTIES.map((p) => ({ value: p, label: t(`p_${p}`) }))}
          />
          <Select
            label={t('outcome')}
            value={outcome}
            onChange={(v) => setOutcome((v ?? 'other') as Outcome)}
            allowDeselect={false}
            data={CONTACT_OUTCOMES.map((o) => ({ value: o, label: t(`o_${o}`) }))}
          />
        </Group>
        <Group grow>
          <TextInput
            label={t('partyName')}
            value={partyName}
            onChange={(e) => setPartyName(e.currentTarget.value)}
            placeholder={parties.find((p) => p.party === party)?.name ?? ''}
          />
          {party === 'other' && (
            <TextInput label={t('reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          )}
        </Group>
        <TextInput
          label={t('note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') submit()
          }}
        />
        <Button onClick={submit} loading={log.loading} w={140}>
          {t('logContact')}
        </Button>
        {log.error && <ErrorAlert error={log.error} />}
      </Stack>
      <Table mt="sm" data-testid="contacts">
        <Table.Tbody>
          {(list.data ?? []).map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{formatDateTime(c.contactAt)}</Table.Td>
              <Table.Td>{t(`ch_${c.channel}`)}</Table.Td>
              <Table.Td>
                {t(`p_${c.party}`)} {c.partyName ?? ''}
                {c.flagged && (
                  <Badge ml={4} size="xs" color="red">
                    {t('flagged')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{t(`o_${c.outcome}`)}</Table.Td>
              <Table.Td>{c.note ?? c.reason ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  )
}
