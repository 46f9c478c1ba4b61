import {
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  Image,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import type { InspectionView } from '@shared/api'
import { formatFen, localDate } from '@shared/domain'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMutation, useQuery } from '../../api/hooks'
import { navigate } from '../../app/router'
import { useCan, useCurrentSession } from '../../app/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { fileToBase64 } from '../../app/download'

type Changed = (r: InspectionView) => void

/** Sign-off: the author names a second officer; that officer confirms; a manager reviews. */
export function SignOff({ record, onChanged }: { record: InspectionView; onChanged: Changed }) {
  const { t } = useTranslation('inspections')
  const me = useCurrentSession().user.id
  const can = useCan()
  const officers = useQuery('loans.officers', {})
  const [second, setSecond] = useState('')
  const [note, setNote] = useState('')
  const submit = useMutation('inspections.submit')
  const confirm = useMutation('inspections.confirm')
  const review = useMutation('inspections.review')
  const correct = useMutation('inspections.correct')
  const canSubmit = record.status === 'draft' && record.officerId === me
  const doSubmit = () =>
    void submit.mutate({ id: record.id, secondOfficerId: Number(second) }).then(onChanged, () => undefined)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && e.key === 'Enter' && canSubmit && second) {
        e.preventDefault()
        doSubmit()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })
  const error = submit.error ?? confirm.error ?? review.error ?? correct.error
  return (
    <Paper withBorder p="sm" data-testid="sign-off">
      <Group justify="space-between">
        <Title order={5}>{t('col.status')}</Title>
        <Badge data-testid="record-status">{t(`statuses.${record.status}`)}</Badge>
      </Group>
      <Text size="sm">
        {t('form.officers')}：{record.officerName}
        {record.secondOfficerName ? `、${record.secondOfficerName}` : ''}
      </Text>
      {record.reviewerName && (
        <Text size="sm">
          {t('form.reviewer')}：{record.reviewerName}
        </Text>
      )}
      {record.correctedById && (
        <Anchor size="sm" href={`#/inspections/record?id=${record.correctedById}`}>
          {t('form.correctedBy', { id: record.correctedById })}
        </Anchor>
      )}
      <Stack gap="xs" mt="sm">
        {canSubmit && (
          <>
            <NativeSelect
              label={t('form.secondOfficer')}
              value={second}
              onChange={(e) => setSecond(e.currentTarget.value)}
              data={[
                { value: '', label: '—' },
                ...(officers.data ?? [])
                  .filter((o) => o.id !== me)
                  .map((o) => ({ value: String(o.id), label: o.displayName })),
              ]}
            />
            <Button disabled={!second} loading={submit.loading} onClick={doSubmit}>
              {t('form.submit')}
            </Button>
          </>
        )}
        {record.status === 'submitted' && record.secondOfficerId === me && (
          <Button
            color="teal"
            loading={confirm.loading}
            onClick={() => void confirm.mutate({ id: record.id }).then(onChanged, () => undefined)}
          >
            {t('form.confirm')}
          </Button>
        )}
        {record.status === 'confirmed' &&
          can('loans.approve') &&
          record.officerId !== me &&
          record.secondOfficerId !== me && (
            <>
              <TextInput label={t('form.reviewNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
              <Button
                color="grape"
                loading={review.loading}
                onClick={() =>
                  void review.mutate({ id: record.id, ...(note ? { note } : {}) }).then(onChanged, () => undefined)
                }
              >
                {t('form.review')}
              </Button>
            </>
          )}
        {record.status !== 'draft' && (
          <Group>
            <Button variant="default" onClick={() => navigate(`/inspections/report?id=${record.id}`)}>
              {t('form.print')}
            </Button>
            {can('loans.write') && (
              <Button
                variant="subtle"
                loading={correct.loading}
                onClick={() => void correct.mutate({ id: record.id }).then(onChanged, () => undefined)}
              >
                {t('form.correct')}
              </Button>
            )}
          </Group>
        )}
        {error && <ErrorAlert error={error} />}
      </Stack>
    </Paper>
  )
}

/** A thumbnail of an attached photo (PDFs show their file name). */
export function Thumb({
  inspectionId,
  sha256,
  mime,
  filename,
  size = 96,
}: {
  inspectionId: number
  sha256: string
  mime: string
  filename: string
  size?: number
}) {
  const q = useQuery('inspections.attachment', { inspectionId, sha256 }, { enabled: mime.startsWith('image/') })
  if (!mime.startsWith('image/') || !q.data) return <Text size="xs">{filename}</Text>
  return (
    <Image
      src={`data:${q.data.mime};base64,${q.data.contentBase64}`}
      alt={filename}
      w={size}
      h={size}
      fit="cover"
      radius="sm"
    />
  )
}

/** Photos and documents of a record; added from files while it is a draft. */
export function Attachments({ record, onChanged }: { record: InspectionView; onChanged: Changed }) {
  const { t } = useTranslation('inspections')
  const attach = useMutation('inspections.attach')
  const add = async (file: File | null) => {
    if (!file) return
    const contentBase64 = await fileToBase64(file)
    await attach
      .mutate({ inspectionId: record.id, filename: file.name, mime: file.type as 'image/png', contentBase64 })
      .then(
        () => onChanged(record),
        () => undefined,
      )
  }
  return (
    <Paper withBorder p="sm" data-testid="attachments">
      <Title order={5} mb={4}>
        {t('form.photos')}
      </Title>
      <Group gap="xs">
        {record.attachments.map((a) => (
          <Thumb key={a.id} inspectionId={record.id} sha256={a.sha256} mime={a.mime} filename={a.filename} />
        ))}
      </Group>
      {record.status === 'draft' && (
        <FileButton onChange={(f) => void add(f)} accept="image/jpeg,image/png,image/webp,application/pdf">
          {(props) => (
            <Button {...props} mt="xs" variant="light" loading={attach.loading}>
              {t('form.addPhoto')}
            </Button>
          )}
        </FileButton>
      )}
      {attach.error && <ErrorAlert error={attach.error} />}
    </Paper>
  )
}

/** The guarantor check's view of the guarantor's own loans and their status. */
export function GuarantorLoans({ guarantorId }: { guarantorId: number }) {
  const { t } = useTranslation('inspections')
  const q = useQuery('inspections.guarantorLoans', { guarantorId, asOf: localDate(new Date()) })
  if (!q.data) return q.error ? <ErrorAlert error={q.error} /> : null
  return (
    <Paper withBorder p="sm" data-testid="guarantor-loans">
      <Title order={5} mb={4}>
        {t('form.guarantorLoans')} — {q.data.guarantorName}
      </Title>
      {q.data.loans.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('none')}
        </Text>
      ) : (
        <Table>
          <Table.Tbody>
            {q.data.loans.map((l) => (
              <Table.Tr key={`${l.role}-${l.loanId}`}>
                <Table.Td>{l.contractNo}</Table.Td>
                <Table.Td>{t(`form.role.${l.role}`)}</Table.Td>
                <Table.Td ta="right">{formatFen(l.principal)}</Table.Td>
                <Table.Td>{t(`categories.${l.category}` as never)}</Table.Td>
                <Table.Td>{l.dpd === null ? '—' : l.dpd}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  )
}
