import { Badge, Button, Divider, Group, Modal, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { WARNING_ACTION_KINDS } from '@shared/api'
import { localIsoDate } from '../../app/format'
import { navigate } from '../../app/router'
import { useCan } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { LEVEL_COLOR } from './RiskBoardPage'
import { useAddAction, useCloseWarning, useWarning } from './use-risk'

type Kind = (typeof WARNING_ACTION_KINDS)[number]

/** One warning: its actions, a form to record one, and closing with a reason (red: managers only). */
export function WarningModal({ id, onClose, onChanged }: { id: number; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation('risk')
  const can = useCan()
  const q = useWarning(id)
  const add = useAddAction()
  const close = useCloseWarning()
  const [kind, setKind] = useState<Kind>('phone')
  const [note, setNote] = useState('')
  const [actedOn, setActedOn] = useState(localIsoDate())
  const [reason, setReason] = useState('')
  const w = q.data
  const refresh = async () => {
    await q.refetch()
    onChanged()
  }
  const mayClose = w && w.status === 'open' && (w.level !== 'red' || can('loans.approve'))
  return (
    <Modal opened onClose={onClose} size="lg" title={t('warning', { id })}>
      {q.error && <ErrorAlert error={q.error} />}
      {w && (
        <Stack gap="sm">
          <Group gap={8}>
            <Badge color={LEVEL_COLOR[w.level]} variant="filled">
              {t(w.level)}
            </Badge>
            <Text fw={600}>{t(`rules.${w.rule}`)}</Text>
            <Text>
              {w.contractNo} · {w.borrowerName}
            </Text>
            <Button size="compact-xs" variant="subtle" onClick={() => navigate(`/risk/loan?id=${w.loanId}`)}>
              {t('viewLoan')}
            </Button>
          </Group>
          <Text size="sm">{w.detail}</Text>
          <Text size="xs" c="dimmed">
            {t('openedOn')} {w.openedOn}
            {w.closedOn ? ` · ${t('closedOn')} ${w.closedOn}：${w.closeReason ?? ''}` : ''}
          </Text>
          <Divider label={t('history')} />
          {w.history.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('noActions')}
            </Text>
          ) : (
            <Table data-testid="actions">
              <Table.Tbody>
                {w.history.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{a.actedOn}</Table.Td>
                    <Table.Td>{t(`actionKinds.${a.kind as Kind}`)}</Table.Td>
                    <Table.Td>{a.note}</Table.Td>
                    <Table.Td>{a.createdBy ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {w.status === 'open' && (
            <>
              <Group align="flex-end" gap={8}>
                <Select
                  label={t('kind')}
                  w={110}
                  value={kind}
                  onChange={(v) => setKind((v ?? 'phone') as Kind)}
                  data={WARNING_ACTION_KINDS.map((k) => ({ value: k, label: t(`actionKinds.${k}`) }))}
                  allowDeselect={false}
                />
                <TextInput
                  label={t('actedOn')}
                  w={130}
                  value={actedOn}
                  onChange={(e) => setActedOn(e.currentTarget.value)}
                />
                <TextInput
                  label={t('note')}
                  style={{ flex: 1 }}
                  value={note}
                  onChange={(e) => setNote(e.currentTarget.value)}
                  data-testid="action-note"
                />
                <Button
                  loading={add.loading}
                  onClick={() =>
                    void add.mutate({ warningId: id, kind, note, actedOn }).then(
                      async () => {
                        setNote('')
                        await refresh()
                      },
                      () => undefined,
                    )
                  }
                >
                  {t('addAction')}
                </Button>
              </Group>
              {add.error && <ErrorAlert error={add.error} />}
              <Divider />
              {w.level === 'red' && !can('loans.approve') && (
                <Text size="sm" c="red">
                  {t('redNeedsManager')}
                </Text>
              )}
              <Group align="flex-end" gap={8}>
                <Textarea
                  label={t('closeReason')}
                  style={{ flex: 1 }}
                  autosize
                  minRows={1}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  disabled={!mayClose}
                  data-testid="close-reason"
                />
                <Button
                  color="red"
                  variant="light"
                  disabled={!mayClose}
                  loading={close.loading}
                  onClick={() => void close.mutate({ warningId: id, reason }).then(refresh, () => undefined)}
                >
                  {t('close')}
                </Button>
              </Group>
              {close.error && <ErrorAlert error={close.error} />}
            </>
          )}
        </Stack>
      )}
    </Modal>
  )
}
