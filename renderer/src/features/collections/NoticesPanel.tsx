import { Badge, Button, Card, FileInput, Group, Select, Table, Text, TextInput } from '@mantine/core'
import { type NoticeView, SCAN_MIME_TYPES, SERVICE_METHODS, SIGNER_RELATIONS } from '@shared/api'
import { formatFen } from '@shared/domain'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { navigate } from '../../app/router'
import { ErrorAlert } from '../../components/ErrorAlert'
import {
  downloadPdf,
  today,
  useCreateNotice,
  useNotices,
  usePdf,
  useReceipt,
  useServe,
  useVoid,
} from './use-collections'

/** Notices of a loan: create for the borrower or a guarantor, preview, print, evidence, void. */
export function NoticesPanel({ loanId, guarantors }: { loanId: number; guarantors: { id: number; name: string }[] }) {
  const { t } = useTranslation('collections')
  const list = useNotices(loanId)
  const create = useCreateNotice()
  const pdf = usePdf()
  const [to, setTo] = useState('borrower')
  const [asOf, setAsOf] = useState(today())
  const [deadline, setDeadline] = useState('')
  const [acting, setActing] = useState<{ id: number; kind: 'serve' | 'receipt' | 'void' } | null>(null)
  const submit = () => {
    const g = to === 'borrower' ? {} : { guarantorId: Number(to) }
    void create
      .mutate({
        loanId,
        addressee: to === 'borrower' ? 'borrower' : 'guarantor',
        asOf,
        ...g,
        ...(deadline ? { deadline } : {}),
      })
      .then(
        () => void list.refetch(),
        () => undefined,
      )
  }
  const print = (id: number) =>
    void pdf.mutate({ noticeIds: [id] }).then(
      (f) => {
        downloadPdf(f)
        void list.refetch()
      },
      () => undefined,
    )
  return (
    <Card withBorder>
      <Text fw={500} mb="xs">
        {t('noticesTitle')}
      </Text>
      <Group align="flex-end">
        <Select
          label={t('addressee')}
          value={to}
          onChange={(v) => setTo(v ?? 'borrower')}
          allowDeselect={false}
          w={200}
          data={[
            { value: 'borrower', label: t('toBorrower') },
            ...guarantors.map((g) => ({ value: String(g.id), label: t('toGuarantor', { name: g.name }) })),
          ]}
        />
        <TextInput label={t('asOf')} type="date" value={asOf} onChange={(e) => setAsOf(e.currentTarget.value)} />
        <TextInput
          label={t('deadline')}
          type="date"
          value={deadline}
          onChange={(e) => setDeadline(e.currentTarget.value)}
        />
        <Button onClick={submit} loading={create.loading}>
          {t('createNotice')}
        </Button>
      </Group>
      {(create.error ?? pdf.error) && <ErrorAlert error={(create.error ?? pdf.error)!} />}
      <Table mt="sm" data-testid="notices">
        <Table.Thead>
          <Table.Tr>
            {(['noticeNo', 'addressee', 'asOf', 'total', 'deadline', 'status'] as const).map((k) => (
              <Table.Th key={k}>{t(k)}</Table.Th>
            ))}
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data ?? []).map((n) => (
            <NoticeRow
              key={n.id}
              n={n}
              acting={acting?.id === n.id ? acting.kind : null}
              onAct={(kind) => setActing(kind ? { id: n.id, kind } : null)}
              onPrint={() => print(n.id)}
              onDone={() => {
                setActing(null)
                void list.refetch()
              }}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  )
}

type Act = 'serve' | 'receipt' | 'void'

function NoticeRow({
  n,
  acting,
  onAct,
  onPrint,
  onDone,
}: {
  n: NoticeView
  acting: Act | null
  onAct: (k: Act | null) => void
  onPrint: () => void
  onDone: () => void
}) {
  const { t } = useTranslation('collections')
  const live = n.status !== 'voided' && n.status !== 'returned'
  return (
    <>
      <Table.Tr>
        <Table.Td>{n.noticeNo}</Table.Td>
        <Table.Td>
          {n.addressee === 'borrower' ? t('toBorrower') : t('toGuarantor', { name: n.addresseeName })}
        </Table.Td>
        <Table.Td>{n.asOf}</Table.Td>
        <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatFen(n.amounts.total)}
        </Table.Td>
        <Table.Td>{n.deadline}</Table.Td>
        <Table.Td>
          <Badge variant="light" color={n.status === 'voided' ? 'gray' : n.status === 'returned' ? 'green' : 'blue'}>
            {t(`ns_${n.status}`)}
          </Badge>
          {n.voidReason && (
            <Text size="xs" c="dimmed">
              {n.voidReason}
            </Text>
          )}
          {n.signer && (
            <Text size="xs" c="dimmed">
              {n.returnedOn} {n.signer}（{t(`r_${n.signerRelation ?? 'self'}`)}）
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            <Button size="compact-xs" variant="default" onClick={() => navigate(`/collections/notice?id=${n.id}`)}>
              {t('preview')}
            </Button>
            {n.status !== 'voided' && (
              <Button size="compact-xs" variant="default" onClick={onPrint}>
                {t('printPdf')}
              </Button>
            )}
            {live && n.status !== 'served' && (
              <Button size="compact-xs" variant="light" onClick={() => onAct('serve')}>
                {t('serve')}
              </Button>
            )}
            {n.status === 'served' && (
              <Button size="compact-xs" variant="light" onClick={() => onAct('receipt')}>
                {t('receipt')}
              </Button>
            )}
            {live && (
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => onAct('void')}>
                {t('void')}
              </Button>
            )}
          </Group>
        </Table.Td>
      </Table.Tr>
      {acting && (
        <Table.Tr>
          <Table.Td colSpan={7}>
            <ActForm kind={acting} noticeId={n.id} onDone={onDone} onCancel={() => onAct(null)} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  )
}

function ActForm({
  kind,
  noticeId,
  onDone,
  onCancel,
}: {
  kind: Act
  noticeId: number
  onDone: () => void
  onCancel: () => void
}) {
  const { t } = useTranslation('collections')
  const serve = useServe()
  const receipt = useReceipt()
  const voidIt = useVoid()
  const [date, setDate] = useState(today())
  const [text, setText] = useState('')
  const [choice, setChoice] = useState<string>(kind === 'serve' ? 'in_person' : 'self')
  const [scan, setScan] = useState<{
    filename: string
    mime: (typeof SCAN_MIME_TYPES)[number]
    contentBase64: string
  } | null>(null)
  const pick = (f: File | null) => {
    if (!f) {
      setScan(null)
      return
    }
    void f.arrayBuffer().then((b) => {
      let bin = ''
      for (const x of new Uint8Array(b)) bin += String.fromCharCode(x)
      setScan({ filename: f.name, mime: f.type as (typeof SCAN_MIME_TYPES)[number], contentBase64: btoa(bin) })
    })
  }
  const submit = () => {
    const p =
      kind === 'serve'
        ? serve.mutate({
            noticeId,
            servedOn: date,
            method: choice as (typeof SERVICE_METHODS)[number],
            ...(text ? { trackingNo: text } : {}),
          })
        : kind === 'receipt'
          ? receipt.mutate({
              noticeId,
              returnedOn: date,
              signer: text,
              relation: choice as (typeof SIGNER_RELATIONS)[number],
              ...(scan ? { scan } : {}),
            })
          : voidIt.mutate({ noticeId, reason: text })
    void p.then(onDone, () => undefined)
  }
  const err = serve.error ?? receipt.error ?? voidIt.error
  return (
    <Group align="flex-end">
      {kind !== 'void' && (
        <TextInput
          label={kind === 'serve' ? t('servedOn') : t('returnedOn')}
          type="date"
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
        />
      )}
      {kind === 'serve' && (
        <Select
          label={t('method')}
          value={choice}
          onChange={(v) => setChoice(v ?? 'in_person')}
          allowDeselect={false}
          data={SERVICE_METHODS.map((m) => ({ value: m, label: t(`m_${m}`) }))}
        />
      )}
      {kind === 'receipt' && (
        <Select
          label={t('relation')}
          value={choice}
          onChange={(v) => setChoice(v ?? 'self')}
          allowDeselect={false}
          data={SIGNER_RELATIONS.map((r) => ({ value: r, label: t(`r_${r}`) }))}
        />
      )}
      <TextInput
        label={kind === 'serve' ? t('trackingNo') : kind === 'receipt' ? t('signer') : t('voidReason')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      {kind === 'receipt' && (
        <FileInput label={t('scan')} accept={SCAN_MIME_TYPES.join(',')} onChange={pick} w={200} clearable />
      )}
      <Button onClick={submit}>{t('save')}</Button>
      <Button variant="default" onClick={onCancel}>
        {t('back')}
      </Button>
      {err && <ErrorAlert error={err} />}
    </Group>
  )
}
